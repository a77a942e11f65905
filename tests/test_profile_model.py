"""Profile.from_json: the JSON form round-trips, and a foreign document of the wrong shape is
refused with a message naming the key (the scorer and the API rely on it). The API checks bodies
against its schema instead and builds with from_checked_json: the schema refuses every shape
from_json refuses, and what it lets through is built the same."""

from __future__ import annotations

import fastjsonschema
import pytest

from parser import Profile, ProfileFormatError
from server.openapi import validator
from tests.fixture_cases import cases

GOOD = [c for c in cases() if not c.error]


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_expected_profiles_round_trip(case) -> None:
    assert Profile.from_json(case.expected).to_json() == case.expected


WRONG_SHAPES = [
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
]


@pytest.mark.parametrize(("document", "names"), WRONG_SHAPES)
def test_wrong_shapes_are_refused_naming_the_key(document, names) -> None:
    with pytest.raises(ProfileFormatError, match=names.replace("[", r"\[").replace("]", r"\]")):
        Profile.from_json(document)


def test_missing_keys_and_extra_keys_are_tolerated() -> None:
    profile = Profile.from_json({"certificates": [{"name": "PMP", "future_field": 1}]})
    assert profile.certificates[0].name == "PMP"
    assert profile.source.format == "html"
    assert profile.positions == []


TOLERATED = [
    {},
    {"certificates": [{"name": "PMP", "future_field": 1, "issuer": None}], "courses": ["SQL"]},
    {"source": {"format": "json-resume", "warnings": ["partial view: 2 of 5"]},
     "person": {"name": None}, "skills": ["Python"], "positions": [{"title": "Analyst"}]},
]


@pytest.mark.parametrize("document", [c.expected for c in GOOD] + TOLERATED)
def test_checked_json_builds_what_from_json_builds(document) -> None:
    validator("ProfileInput")(document)
    assert Profile.from_checked_json(document) == Profile.from_json(document)


@pytest.mark.parametrize(("document", "names"), WRONG_SHAPES)
def test_the_api_schema_refuses_what_from_json_refuses(document, names) -> None:
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validator("ProfileInput")(document)
