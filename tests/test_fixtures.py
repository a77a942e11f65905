"""Every fixture pair, parsed and compared with its expected Profile (or expected error)."""

from __future__ import annotations

import pytest

from parser import ParserError, parse_profile
from tests.fixture_cases import Case, cases, differences

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture(case: Case) -> None:
    data = case.input.read_bytes()
    if case.error:
        with pytest.raises(ParserError) as refused:
            parse_profile(data, filename=case.input.name)
        assert refused.value.code == case.error, f"{case.name}: {refused.value}"
        assert "\n" not in str(refused.value), "error messages are one line"
        return
    got = parse_profile(data, filename=case.input.name).to_json()
    problems = differences(got, case.expected)
    assert not problems, f"{case.name}:\n" + "\n".join(problems)
