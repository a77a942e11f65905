"""The claims rule's joined regex finds exactly what the patterns one by one would."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.rulebook import load_rulebook
from server.scoring.rules.claims import after_boundary, joined

PATTERNS = tuple(p for patterns in load_rulebook(None).inflated_claims.values() for p in patterns)
PLAIN = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)
JOINED = re.compile(joined(PATTERNS), re.IGNORECASE)
WORDS = ["master", "mastery", "of", "in", "science", "scrum", "expert", "7", "days", "guaranteed",
         "results", "100%", "job", "cloud", "guru", "ninja", "zero", "to", "hero", "become", "an",
         "en", "5", "días", "garantizado", "devenez", "un", "Excel", "Power", "BI", "—", ",", "in"]


def _same(text: str) -> None:
    plain, fast = PLAIN.search(text), JOINED.search(text)
    assert (plain and (plain.span(), plain.group(0))) == (fast and (fast.span(), fast.group(0)))


@pytest.mark.parametrize("text", [
    "Become an Excel Master in 7 Days — Guaranteed Results", "Scrum Master in Practice",
    "Master of Science in Data Analytics", "Cloud Guru AWS path", "From Zero to Hero: Python",
    "Domina Excel en 5 días", "Devenez expert en 3 jours", "Power BI Data Analyst"])
def test_known_names(text: str) -> None:
    _same(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_any_wording(words: list[str]) -> None:
    _same(" ".join(words))


@pytest.mark.parametrize(("pattern", "rest"), [
    (r"\bfoo", "foo"), (r"(?<!cloud )\bgurus?\b", r"(?<!cloud )gurus?\b"),
    (r"\bfoo|bar", None), ("foo", None), (r"\b(?:a|b)", "(?:a|b)"), (r"\b[|]x", "[|]x"),
    (r"\b\|x", r"\|x")])
def test_after_boundary(pattern: str, rest: str | None) -> None:
    assert after_boundary(pattern) == rest
