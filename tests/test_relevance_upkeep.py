"""The relevance sets' upkeep tool (benchmarks/relevance_sets.py): what it tells a blind writer,
and that relabelling and appending keep a set readable and its labels unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks import relevance_sets

PAIR = {"certificate": {"name": "Example", "issuer": "Example Body"},
        "role": {"title": "Example Role"}, "relevant": True, "field": "healthcare",
        "kind": "niche", "why": "It is the role's own licence."}


def write(path: Path, pairs: list[dict]) -> Path:
    path.write_text(yaml.safe_dump({"pairs": pairs}, allow_unicode=True), encoding="utf-8")
    return path


def test_check_names_only_what_must_be_replaced(tmp_path, capsys):
    listed = {**PAIR, "certificate": {"name": "Project Management Professional (PMP)",
                                      "issuer": "PMI"}}
    unknown = {**PAIR, "certificate": {"name": "Certificate nobody lists, Fabrikam Guild",
                                       "issuer": "Fabrikam Guild"}}
    relevance_sets.check(write(tmp_path / "new.yaml", [listed, unknown]))
    out = capsys.readouterr().out.splitlines()
    assert out == ["pair 0: 'Project Management Professional (PMP)': LISTED in the catalogue; "
                   "ALREADY USED in an evaluation set",
                   "2 pairs, 1 to replace"]


def test_relabel_and_append_keep_the_set_readable(tmp_path, monkeypatch):
    target = tmp_path / "set.yaml"
    target.write_text("pairs:\n", encoding="utf-8")
    monkeypatch.setitem(relevance_sets.SETS, "pairs", target)
    listed = {**PAIR, "certificate": {"name": "Certified Information Systems Security "
                                      "Professional (CISSP)", "issuer": "ISC2"}}
    relevance_sets.append(write(tmp_path / "new.yaml", [PAIR, listed]), "pairs", "added")
    relevance_sets.relabel(["pairs"])
    pairs = relevance_sets.read_pairs(target)
    assert [p["kind"] for p in pairs] == ["niche", "listed"]  # only the listed one moved
    assert [p["relevant"] for p in pairs] == [True, True]
    assert pairs[0]["why"] == PAIR["why"]


def test_append_refuses_a_pair_with_other_keys(tmp_path, monkeypatch):
    monkeypatch.setitem(relevance_sets.SETS, "pairs", tmp_path / "set.yaml")
    with pytest.raises(SystemExit):
        relevance_sets.append(write(tmp_path / "new.yaml", [{**PAIR, "note": "x"}]), "pairs",
                              "added")
