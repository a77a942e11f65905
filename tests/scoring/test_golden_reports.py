"""The scorer's output on every fixture Profile is pinned: speed work must not change a word.

Golden files are written by tests/scoring/golden/regenerate.py from the scorer as it judged at the
time; a difference here means the judgement changed. If that was intended (new rulebook data, a
reasoned rule change), regenerate and say so; if it came from an optimisation, the optimisation
is wrong.
"""

from __future__ import annotations

import json

import pytest

from tests.fixture_cases import Case, differences
from tests.scoring.golden.regenerate import ROLES, path_of, profile_cases, reports

CASES = profile_cases()


def test_every_profile_fixture_has_a_golden_file() -> None:
    missing = [case.name for case in CASES if not path_of(case).is_file()]
    assert not missing, f"no golden Reports for {missing}: run tests/scoring/golden/regenerate.py"
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reports_match_golden(case: Case) -> None:
    want = json.loads(path_of(case).read_text(encoding="utf-8"))
    got = reports(case)
    assert set(got) == set(ROLES) == set(want), f"{case.name}: role labels differ"
    problems = [f"{case.name} [{label}] {line}" for label in ROLES
                for line in differences(got[label], want[label])]
    assert not problems, "\n".join(problems[:20])
