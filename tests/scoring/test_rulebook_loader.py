"""The rulebook loader: override directories, self-contained rulebooks, errors naming file/key."""

from __future__ import annotations

import pytest
import yaml

from server.rulebook import RulebookError, load_rulebook
from server.scoring import Role, score_profile
from tests.scoring.conftest import AS_OF, RULEBOOK_DIR, cert, profile


def _copy(tmp_path):
    for source in RULEBOOK_DIR.glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def _write(path, document):
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def test_self_contained_rulebook_needs_a_directory():
    with pytest.raises(RulebookError, match="needs a rules directory"):
        load_rulebook(None, include_shipped=False)


def test_override_file_adds_entries_and_changes_one_weight(tmp_path):
    base = _copy(tmp_path)
    # Within one directory files apply in path order: "site.yaml" comes after "ruleset.yaml".
    _write(base / "site.yaml", {
        "ruleset": {"version": "0.2-local", "weights": {"provider": 0.0}},
        "skills": {"latte_art": {"label": "Latte art", "category": "technical",
                                 "fields": ["hospitality"]}},
    })
    book = load_rulebook(base, include_shipped=False)
    assert book.name == "certsignal-test@0.2-local"
    assert book.ruleset["weights"]["provider"] == 0.0
    assert "latte_art" in book.skills and "sql" in book.skills
    report = score_profile(profile(cert("Latte Art Masterclass")), Role("Barista"), as_of=AS_OF,
                           rulebook=book)
    assert report.ruleset == "certsignal-test@0.2-local"
    assert "relevant" in report.certificate_flags(0)


def test_override_of_shipped_rulebook_replaces_an_entry(tmp_path):
    _write(tmp_path / "extra.yaml", {"ruleset": {"version": "9.9-example"}})
    book = load_rulebook(tmp_path)
    assert book.name.endswith("@9.9-example")
    assert book.ruleset["name"] == "certsignal-default"  # merged key by key
    assert len(book.certificates) >= 200 and len(book.roles) >= 60


def test_schema_error_names_file_and_key(tmp_path):
    base = _copy(tmp_path)
    _write(base / "skills.yaml", {"skills": {"sql": {"label": "SQL", "category": "magic",
                                                     "fields": ["data_analytics"]}}})
    with pytest.raises(RulebookError) as raised:
        load_rulebook(base, include_shipped=False)
    assert "skills.yaml" in str(raised.value) and "skills.sql.category" in str(raised.value)


def test_dangling_reference_names_entry(tmp_path):
    base = _copy(tmp_path)
    _write(base / "more.yaml", {"roles": {"sommelier": {
        "title": "Sommelier", "field": "hospitality", "skills": ["wine_tasting"]}}})
    with pytest.raises(RulebookError, match=r"roles\.sommelier\.skills: unknown id 'wine_tasting'"):
        load_rulebook(base, include_shipped=False)


def test_wrong_rule_option_fails_at_load_time(tmp_path):
    base = _copy(tmp_path)
    _write(base / "ruleset.yaml", {"ruleset": {"name": "x", "version": "1",
                                               "rules": {"evidence": {"around-month": 6}}}})
    with pytest.raises(RulebookError,
                       match=r"ruleset\.rules\.evidence: unknown option 'around-month'"):
        load_rulebook(base, include_shipped=False)
