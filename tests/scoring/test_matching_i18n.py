"""Matching across scripts: CJK names and aliases, and language certificates against roles."""

from __future__ import annotations

import pytest

from parser.models import Certificate
from server.rulebook import Rulebook, load_rulebook
from server.scoring.certificate import find_entry
from server.scoring.certificate import resolve as resolve_cert
from server.scoring.matching import catalogue, normalise, tokens
from server.scoring.role import Role, resolve
from server.scoring.rules import relevance


@pytest.fixture(scope="module")
def book() -> Rulebook:
    """The shipped rulebook: it holds the CJK names and the language certificates."""
    return load_rulebook()


def test_cjk_text_yields_tokens_and_hangul_stays_whole():
    assert tokens("日商簿記検定 2級") == ("日", "商", "簿", "記", "検", "定", "2", "級")
    assert tokens("정보처리기사") == ("정", "보", "처", "리", "기", "사")  # syllables, not jamo
    assert normalise("プロジェクト管理") == normalise("プロジェクト管理")
    assert tokens("ガス") != tokens("カス")  # the voicing mark is part of the letter
    assert tokens("２級") == ("2", "級")  # full-width forms fold


def test_cjk_certificate_names_find_their_entries(book):
    cat = catalogue(book)
    assert find_entry("日商簿記検定 2級", cat) == find_entry("Boki Level 2", cat) is not None
    assert find_entry("基本情報技術者試験", cat) is not None
    assert find_entry("정보처리기사", cat) == find_entry("Information Processing Engineer (Korea)",
                                                  cat) is not None
    assert find_entry("注册会计师", cat) == find_entry("CICPA", cat) is not None


def test_cjk_alias_matches_inside_a_compound(book):
    cat = catalogue(book)
    care = resolve_cert(Certificate("介護職員初任者研修"), 0, cat)
    assert "elderly_care" in care.skills
    assert care.field == "healthcare"


def _relevance(book, name: str, role: Role) -> float:
    cat = catalogue(book)
    cert = resolve_cert(Certificate(name), 0, cat)
    return relevance.score(relevance.DEFAULT, cert, resolve(role, cat), cat)[0]


def test_language_certificate_needs_the_role_to_name_its_language(book):
    spanish = Role("Spanish–English Court Interpreter")
    assert _relevance(book, "JLPT N1", spanish) < relevance.DEFAULT["off-target-below"]
    assert _relevance(book, "Goethe-Zertifikat C1", Role("Portuguese–English Translator")) < \
        relevance.DEFAULT["off-target-below"]
    assert _relevance(book, "JLPT N1", Role("Japanese–English Court Interpreter")) >= \
        relevance.DEFAULT["relevant-at"]
    # named in the description or the listed skills counts as well as in the title
    assert _relevance(book, "JLPT N1", Role("Court Interpreter", "Interprets Japanese in court.")) \
        >= relevance.DEFAULT["relevant-at"]
    assert _relevance(book, "DELF B2", Role("Customer Support Agent", skills=("French",))) > \
        _relevance(book, "DELF B2", Role("Customer Support Agent", skills=("German",)))


def test_language_certificate_note_names_the_language(book):
    cat = catalogue(book)
    cert = resolve_cert(Certificate("JLPT N1"), 0, cat)
    outcome = relevance.judge(relevance.DEFAULT, cert,
                              resolve(Role("Spanish–English Court Interpreter"), cat), cat)
    assert "Japanese" in outcome.note and [f.id for f in outcome.flags] == ["off_target"]


def test_a_country_is_not_its_language(book):
    cat = catalogue(book)
    target = resolve(Role("Estate Agency Branch Manager (France)"), cat)
    assert "french_language" not in target.skills and target.field != "languages"
    assert "german_language" in resolve(Role("German-speaking Support Agent"), cat).skills
