"""Every endpoint's happy path, on in-code fictional profiles and on every fixture."""

from __future__ import annotations

import io
import json

import pytest

from parser import ParserError, parse_profile
from server.errors import parser_status
from tests.fixture_cases import cases
from tests.service.samples import json_resume_bytes, profile_json

CASES = cases()
PROFILE_CASES = [c for c in CASES if not c.error]
HTML_CASES = [c for c in PROFILE_CASES if c.input.suffix.lower() in (".html", ".htm")]


def test_health(client) -> None:
    answer = client.get("/api/v1/health")
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["status"] == "ok"
    assert body["ruleset"] and "@" in body["ruleset"]
    assert body["version"]


def test_rules(client) -> None:
    body = client.get("/api/v1/rules").get_json()
    assert body["name"] == client.get("/api/v1/health").get_json()["ruleset"]
    assert len(body["fields"]) >= 40


def test_score(client) -> None:
    answer = client.post("/api/v1/score", json={
        "profile": profile_json(5), "role": {"title": "Cloud Engineer",
                                             "description": "AWS and Terraform", "skills": []},
        "as_of": "2025-01-15"})
    assert answer.status_code == 200, answer.get_json()
    report = answer.get_json()
    assert report["as_of"] == "2025-01-15"
    assert len(report["certificates"]) == 5
    assert 0 <= report["summary"]["score"] <= 100
    assert list(report) == ["as_of", "ruleset", "role", "candidate", "summary", "certificates"]


def test_score_is_deterministic_and_role_optional(client) -> None:
    body = {"profile": profile_json(3), "as_of": "2025-01-15"}
    first = client.post("/api/v1/score", json=body).get_json()
    assert first == client.post("/api/v1/score", json=body).get_json()
    assert client.post("/api/v1/score", json={**body, "role": "Cloud Engineer"}).status_code == 200


def test_parse_raw_and_multipart(client) -> None:
    data = json_resume_bytes()
    raw = client.post("/api/v1/parse", data=data, content_type="application/json")
    assert raw.status_code == 200, raw.get_json()
    assert raw.get_json()["person"]["name"] == "Dana Example"
    form = client.post("/api/v1/parse", data={"file": (io.BytesIO(data), "dana.json")},
                       content_type="multipart/form-data")
    assert form.get_json() == raw.get_json()


def test_analyze_multipart(client) -> None:
    answer = client.post("/api/v1/analyze", data={
        "file": (io.BytesIO(json_resume_bytes()), "dana.json"), "role_title": "Cloud Engineer",
        "role_skills": "AWS, Terraform", "as_of": "2025-01-15"},
        content_type="multipart/form-data")
    assert answer.status_code == 200, answer.get_json()
    report = answer.get_json()
    assert report["as_of"] == "2025-01-15"
    assert len(report["certificates"]) == 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_parse_fixture(client, case) -> None:
    """The API answers exactly what the parser gives, or the parser's refusal with its status.

    (Whether the parser is right about the fixture is tests/test_fixtures.py's business.)
    """
    data = case.input.read_bytes()
    answer = client.post("/api/v1/parse", data={"file": (io.BytesIO(data), case.input.name)},
                         content_type="multipart/form-data")
    body = answer.get_json()
    try:
        want = parse_profile(data, filename=case.input.name).to_json()
    except ParserError as error:
        assert answer.status_code == parser_status(error)
        assert body == {"error": {"code": error.code, "message": error.message}}
        return
    assert answer.status_code == 200, body
    assert body == want


@pytest.mark.skipif(not HTML_CASES, reason="no LinkedIn HTML fixtures yet")
@pytest.mark.parametrize("case", HTML_CASES, ids=[c.name for c in HTML_CASES])
def test_analyze_fixture_page(client, case) -> None:
    """What the extension sends: the page's HTML as a JSON string."""
    html = case.input.read_bytes().decode("utf-8", errors="replace")
    answer = client.post("/api/v1/analyze", json={
        "html": html, "url": "https://www.linkedin.com/in/dana-example/",
        "role": {"title": "Data Analyst"}, "as_of": "2025-06-01"})
    assert answer.status_code == 200, answer.get_json()
    report = answer.get_json()
    assert [c["name"] for c in report["certificates"]] == [
        c["name"] for c in case.expected["certificates"]]
    assert [c["locator"] for c in report["certificates"]] == [
        c["locator"] for c in case.expected["certificates"]]


def test_openapi_served(client) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/api/v1/health", "/api/v1/parse", "/api/v1/score",
                                      "/api/v1/analyze", "/api/v1/rules",
                                      "/api/v1/openapi.json"}
    json.dumps(document)  # plain JSON all the way down
