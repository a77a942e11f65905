"""How close in meaning two short texts are, from static word vectors (no model at run time).

The relevance rule knows the certificates of its catalogue; for one it has never seen ("Registered
Polysomnographic Technologist", "IRATA Level 1 Rope Access Technician", "調理師免許") words and
the rulebook say little, while a recruiter still sees at once that it belongs to a sleep lab or a
facade crew. This module gives the rule that reading, cheaply: every word has a vector, distilled
from the sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0) by ``scripts/build_word_vectors.py``
over the vocabulary of ESCO's skills and occupations (European Commission, free reuse with
attribution) and of the rulebook. A text is the IDF-weighted mean of its words' vectors (other
forms of a word read as the word; a name in another language first goes through the
rulebook's glossary, see ``glossary``). Similarity is the cosine of two texts.

Run time needs numpy only: no torch, no model, nothing downloaded. The table (~16 700 words x
32 signed bytes, under 1 MB) loads once per process, lazily.
Measured by benchmarks/relevance_auc.py (the held-out set in particular; see
benchmarks/relevance/README.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
from numpy.typing import NDArray

from server.scoring.matching import SKIPPED_WORDS, root, tokens

DATA: Final = Path(__file__).resolve().parent / "data"
VECTORS: Final = DATA / "word_vectors.npz"

Vector = NDArray[np.float32]
# The share of a text (by IDF weight) that must be in the vocabulary for it to be read at all.
MIN_KNOWN_SHARE: Final = 0.5
# A word written in capitals, as acronyms are: "CCDM", "BOSIET", "NR-33"'s "NR".
_ACRONYM: Final = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")


class SimilarityUnavailable(RuntimeError):
    """The word-vector tables are missing or unreadable (a broken installation)."""


# Rewrites a text's tokens before they are read (``glossary``: terms in other languages -> English).
Rewrite = Callable[[Sequence[str]], Sequence[str]]


def words_of(text: str, rewrite: Rewrite | None = None) -> list[str]:
    """The words that carry meaning: tokens minus stopwords, places and bare numbers. Unlike
    the word fallback's ``content_words`` it keeps single CJK characters, which are words
    there."""
    found = tokens(text) if rewrite is None else rewrite(tokens(text))
    return [t for t in found
            if t not in SKIPPED_WORDS and not t.isdigit() and (len(t) > 1 or not t.isascii())]


@dataclass(frozen=True)
class WordVectors:
    index: dict[str, int]
    by_root: dict[str, int]
    word_vectors: NDArray[np.int8]  # unit vectors x 127 (the scale cancels: see ``vector``)
    word_idf: NDArray[np.float32]
    unseen_idf: float  # a word outside the vocabulary weighs as a typical one (median IDF)
    english: frozenset[str]  # the words of the vocabulary that are English (found in ESCO)

    @classmethod
    def load(cls, vectors: Path = VECTORS) -> WordVectors:
        try:
            with np.load(vectors, allow_pickle=False) as tables:
                words = [str(w) for w in tables["words"]]
                # Other forms of a word ("climbs") are read as the word itself ("climb").
                by_root = {str(r): int(i) for r, i in zip(tables["roots"], tables["root_rows"],
                                                         strict=True)}
                return cls(index={w: i for i, w in enumerate(words)}, by_root=by_root,
                           word_vectors=tables["word_vectors"], word_idf=tables["word_idf"],
                           unseen_idf=float(tables["unseen_idf"]),
                           english=frozenset(w for w, known in zip(words, tables["english"],
                                                                   strict=True) if known))
        # Missing file, a truncated archive, a missing table: numpy raises several types; all of
        # them mean the same broken installation.
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise SimilarityUnavailable(f"cannot read the word vectors in {DATA}: {exc}") from exc

    def vector(self, text: str, rewrite: Rewrite | None = None) -> Vector | None:
        """The unit vector of ``text``, or None when too little of it can be placed."""
        rows: list[int] = []
        known = unknown = 0.0
        acronyms: set[str] | None = None
        for word in words_of(text, rewrite):
            row = self.index.get(word)
            if row is None:
                row = self.by_root.get(root(word))
            if row is not None:
                rows.append(row)
                known += float(self.word_idf[row])
                continue
            # An unknown acronym ("CCDM", "RPSGT") says nothing of how much of the text is
            # unreadable: it is left out of the count, where an unknown word is not.
            if acronyms is None:
                acronyms = {a.lower() for a in _ACRONYM.findall(text)}
            if word not in acronyms:
                unknown += self.unseen_idf
        # Mostly outside the vocabulary (another language, codes): the text is not read for
        # meaning at all and the rulebook judges alone.
        if not rows or known < MIN_KNOWN_SHARE * (known + unknown):
            return None
        # The IDF-weighted sum points where the weighted mean does; only its direction is kept.
        total = self.word_idf[rows] @ self.word_vectors[rows].astype(np.float32)
        norm = float(np.linalg.norm(total))
        return (total / norm).astype(np.float32) if norm else None


def cosine(a: Vector | None, b: Vector | None) -> float | None:
    """Cosine of two unit vectors in [-1, 1]; None when either text had no placeable word."""
    if a is None or b is None:
        return None
    return max(-1.0, min(1.0, float(a @ b)))


_lock = threading.Lock()
_loaded: WordVectors | None = None


def vectors() -> WordVectors:
    """The shipped tables, loaded on first use (once per process; under gunicorn with preload,
    once in the master, shared by the workers)."""
    global _loaded  # one set of tables per process
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = WordVectors.load()
    return _loaded


def vector(text: str, rewrite: Rewrite | None = None) -> Vector | None:
    return vectors().vector(text, rewrite)
