"""The OpenAPI document is valid 3.1, and real answers match it (schemathesis, plus a direct
jsonschema check of each endpoint's happy and error answers)."""

from __future__ import annotations

import io
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from server.app import create_app
from server.openapi import openapi_document
from tests.service.samples import json_resume_bytes, profile_json

schemathesis = pytest.importorskip("schemathesis")

# ZIP bodies are bytes like any binary upload; schemathesis needs to be told so.
schemathesis.serializer.alias("application/zip", "application/octet-stream")

APP = create_app({"TESTING": True, "RATE_LIMIT": "off"}, environ={})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
READS_FILES = frozenset({"/api/v1/parse", "/api/v1/analyze"})


def test_document_is_valid_openapi_31() -> None:
    validate(openapi_document())


def _validator(name: str) -> jsonschema.Draft202012Validator:
    document = openapi_document()
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _check(answer: Any, name: str) -> None:
    errors = sorted(_validator(name).iter_errors(answer.get_json()), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_real_answers_match_their_schemas() -> None:
    client = APP.test_client()
    _check(client.get("/api/v1/health"), "Health")
    _check(client.get("/api/v1/rules"), "Rulebook")
    _check(client.post("/api/v1/parse", data=json_resume_bytes(),
                       content_type="application/json"), "Profile")
    for certificates in (0, 1, 20):
        _check(client.post("/api/v1/score", json={"profile": profile_json(certificates),
                                                  "role": {"title": "Cloud Engineer"}}),
               "Report")
    _check(client.post("/api/v1/score", json={"profile": profile_json(3)}), "Report")
    _check(client.post("/api/v1/analyze", data={
        "file": (io.BytesIO(json_resume_bytes()), "d.json"), "role_title": "Data Analyst"},
        content_type="multipart/form-data"), "Report")
    _check(client.post("/api/v1/score", data=b"{", content_type="application/json"), "Error")
    _check(client.get("/api/v1/missing"), "Error")


@SCHEMA.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_document(case) -> None:
    """Generated requests (valid and invalid): no 5xx, documented statuses, schema-true bodies.

    For the operations that read a file, "schema-valid" bytes are still not a profile (an empty
    or random file is refused with 400/415/422 by design), so only the acceptance check is off.
    """
    if case.operation.path in READS_FILES:
        case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])
    else:
        case.call_and_validate()
