"""The repository's own conventions, checked (refined-github's features.test.ts in spirit).

Each failure message says what to add, because that is what the next person needs to know.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from parser.document import InputDocument
from parser.formats import readers
from parser.linkedin.layouts import layouts
from server.scoring.rules import ALL_RULES
from tests.fixture_cases import FIXTURES, cases

ROOT = Path(__file__).resolve().parent.parent
GOOD = [c for c in cases() if not c.error]
MAX_FIXTURE_BYTES = 100 * 1024  # big inputs are generated at test time, never committed


def _reader_of(case_input: Path) -> str:
    doc = InputDocument(case_input.read_bytes(), filename=case_input.name)
    return next(r.ID for r in readers() if r.sniff(doc))


def test_every_reader_has_a_fixture() -> None:
    used = {_reader_of(c.input) for c in GOOD}
    missing = sorted({r.ID for r in readers()} - used)
    assert not missing, f"add a fixtures/<case>/ pair that these readers read: {missing}"


def test_every_linkedin_layout_has_a_fixture() -> None:
    seen = {c.expected["source"]["layout"] for c in GOOD
            if c.expected["source"]["format"] == "linkedin-html"}
    missing = sorted({layout.ID for layout in layouts()} - seen)
    assert not missing, f"add a fixtures/linkedin-<era>/ pair for layouts: {missing}"


@pytest.mark.parametrize("folder", sorted(p for p in FIXTURES.iterdir() if p.is_dir()),
                         ids=lambda p: p.name)
def test_fixture_folders_are_pairs(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    inputs = [n for n in names if n.startswith("input")]
    assert len(inputs) == 1 and "expected.json" in names, \
        f"{folder.name}: a fixture is one input.* file plus expected.json, found {names}"
    extra = set(names) - {*inputs, "expected.json", "README.md"}
    assert not extra, f"{folder.name}: move {sorted(extra)} out of the fixture folder"
    size = (folder / inputs[0]).stat().st_size
    assert size <= MAX_FIXTURE_BYTES, \
        f"{folder.name}: {size} bytes; generate inputs this big at test time instead"


@pytest.mark.parametrize("rule_id", sorted(ALL_RULES))
def test_every_rule_documents_pass_and_fail_and_is_tested(rule_id: str) -> None:
    module = ALL_RULES[rule_id]
    doc = module.__doc__ or ""
    assert "PASS" in doc and "FAIL" in doc, \
        f"rule {rule_id!r}: its module docstring needs PASS and FAIL examples"
    assert rule_id == module.ID
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests/scoring").glob("*.py"))
    assert re.search(rf"\b{re.escape(rule_id)}\b", tests), \
        f"rule {rule_id!r}: no test in tests/scoring mentions it"


BENCHMARKS = sorted((ROOT / "benchmarks").glob("[!_]*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_every_benchmark_says_how_to_run_it(script: Path) -> None:
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
    assert "Run:" in doc, f"{script.name}: start the docstring with a 'Run:' line"
    readme = (ROOT / "benchmarks/README.md").read_text(encoding="utf-8")
    assert script.name in readme, f"{script.name}: add its run line to benchmarks/README.md"
