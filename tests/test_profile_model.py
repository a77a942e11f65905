"""Profile.from_json: the JSON form round-trips, and a foreign document of the wrong shape is
refused with a message naming the key (the scorer and the API rely on it)."""

from __future__ import annotations

import pytest

from parser import Profile, ProfileFormatError
from tests.fixture_cases import cases

GOOD = [c for c in cases() if not c.error]


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_expected_profiles_round_trip(case) -> None:
    assert Profile.from_json(case.expected).to_json() == case.expected


@pytest.mark.parametrize(
    ("document", "names"),
    [
        ([], "a Profile must be a JSON object"),
        ({"certificates": [{"name": None}]}, "certificates[0].name"),
        ({"certificates": [{"name": "   "}]}, "certificates[0].name"),
        ({"certificates": [{"issuer": "Contoso"}]}, "certificates[0].name"),
        ({"certificates": {}}, "'certificates' must be a list"),
        ({"courses": {}}, "'courses' must be a list"),
        ({"courses": [""]}, "courses[0].name"),
        ({"person": ""}, "'person' must be an object"),
        ({"person": {"name": 7}}, "person.name"),
        ({"skills": "Python"}, "'skills' must be a list of strings"),
        ({"certificates": [{"name": "PMP", "skills": "planning"}]}, "certificates[0].skills"),
        ({"source": {"format": ""}}, "source.format"),
    ],
)
def test_wrong_shapes_are_refused_naming_the_key(document, names) -> None:
    with pytest.raises(ProfileFormatError, match=names.replace("[", r"\[").replace("]", r"\]")):
        Profile.from_json(document)


def test_missing_keys_and_extra_keys_are_tolerated() -> None:
    profile = Profile.from_json({"certificates": [{"name": "PMP", "future_field": 1}]})
    assert profile.certificates[0].name == "PMP"
    assert profile.source.format == "html"
    assert profile.positions == []
