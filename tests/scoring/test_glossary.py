"""Certificates named in other languages, read through the rulebook's glossary
(server/scoring/glossary.py) before closeness in meaning is measured."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from server.rulebook import RulebookError, load_rulebook
from server.scoring import glossary, similarity
from server.scoring.glossary import Glossary
from server.scoring.matching import catalogue, tokens


def small(terms: dict[str, dict[str, str]], english: set[str] | None = None) -> Glossary:
    return Glossary.of(SimpleNamespace(glossary=terms), english or set())  # type: ignore[arg-type]


def test_the_longest_term_wins_and_other_words_stay():
    book = small({"es": {"técnico": "technician", "cuidados auxiliares de enfermería":
                         "nursing care assistant", "enfermería": "nursing"}})
    words = tokens("Técnico en Cuidados Auxiliares de Enfermería (Madrid)")
    assert book.rewrite(words) == ["technician", "en", "nursing", "care", "assistant", "madrid"]


def test_terms_match_whatever_the_case_accents_or_script():
    book = small({"de": {"schweißfachmann": "welding specialist"}, "ja": {"調理師": "cook"}})
    assert book.rewrite(tokens("Schweißfachmann (DVS)")) == ["welding", "specialist", "dvs"]
    assert book.rewrite(tokens("SCHWEISSFACHMANN")) == ["welding", "specialist"]  # ß folds
    assert book.rewrite(tokens("調理師免許")) == ["cook", "免", "許"]  # inside a compound


def test_a_one_word_term_that_is_english_is_left_alone():
    book = small({"fr": {"installation": "installation", "soudeur": "welder"}},
                 english={"installation"})
    assert book.rewrite(tokens("Installation soudeur")) == ["installation", "welder"]


def test_a_foreign_word_the_rulebook_uses_is_still_read(cat):
    """The word vectors' vocabulary holds the rulebook's own words in other languages
    ("fagbrev", "enfermagem"): only the English ones stay as they are."""
    vectors = similarity.vectors()
    assert "fagbrev" in vectors.index and "fagbrev" not in vectors.english
    assert "installation" in vectors.english
    assert glossary.of(cat).rewrite(tokens("Fagbrev tømrer")) == \
        ["trade", "certificate", "carpenter"]


def test_the_first_language_wins_a_term_two_share():
    book = small({"fr": {"commis": "kitchen assistant"}, "de": {"commis": "clerk"}})
    assert book.rewrite(["commis"]) == ["clerk"]  # "de" sorts before "fr"


@pytest.fixture(scope="module")
def cat():
    return catalogue(load_rulebook())


@pytest.mark.parametrize("name", [
    "Anlagenmechaniker für Sanitär-, Heizungs- und Klimatechnik",
    "Certificado de profesionalidad: Operaciones de fontanería y calefacción-climatización",
])
def test_the_shipped_glossary_makes_a_foreign_name_readable(cat, name):
    plumbing = similarity.vector("Plumbing and heating installer")
    payroll = similarity.vector("Payroll accountant")
    unread = similarity.cosine(similarity.vector(name), plumbing)
    read = glossary.vector(name, cat)
    near, far = similarity.cosine(read, plumbing), similarity.cosine(read, payroll)
    assert near is not None and far is not None and near > far + 0.15
    assert unread is None or near > unread + 0.15  # unreadable, or misread, without it


def test_a_glossary_with_a_bad_language_code_is_refused(tmp_path):
    (tmp_path / "glossary.yaml").write_text(
        yaml.safe_dump({"glossary": {"german": {"schweißer": "welder"}}}, allow_unicode=True),
        encoding="utf-8")
    with pytest.raises(RulebookError) as raised:
        load_rulebook(tmp_path)
    assert "glossary.yaml" in str(raised.value) and "german" in str(raised.value)


def test_a_compound_of_two_glossary_words_is_read_in_parts():
    book = small({"de": {"schweißer": "welder", "prüfung": "test", "kran": "crane",
                         "führerschein": "driving licence", "fachkraft": "specialist"}})
    assert book.rewrite(tokens("Schweißerprüfung nach ISO 9606")) == \
        ["welder", "test", "nach", "iso", "9606"]
    assert book.rewrite(tokens("Kranführerschein")) == ["crane", "driving", "licence"]
    # A part the glossary does not know leaves the word as it is, as do short words.
    assert book.rewrite(tokens("Lagerfachkraft")) == ["lagerfachkraft"]
    assert book.rewrite(tokens("Kranprüf")) == ["kranpruf"]


def test_files_add_to_a_language_term_by_term(tmp_path):
    (tmp_path / "a.yaml").write_text(yaml.safe_dump({"glossary": {"de": {"schweißer": "welder"}}},
                                                    allow_unicode=True), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump({"glossary": {"de": {"kran": "crane"}}}),
                                     encoding="utf-8")
    book = load_rulebook(tmp_path, include_shipped=False)
    assert book.glossary["de"] == {"schweißer": "welder", "kran": "crane"}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump({"glossary": {"de": {"kran": "hoist"}}}),
                                     encoding="utf-8")
    shipped = load_rulebook(tmp_path)  # an override file may redefine one term
    assert shipped.glossary["de"]["kran"] == "hoist" and "gabelstapler" in shipped.glossary["de"]
