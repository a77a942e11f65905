"""The OpenAPI 3.1 description of ``/api/v1``, built from the Profile and Report contracts.

The Profile schema is derived from ``parser.models`` dataclasses and the Report schema from the
vocabularies in ``server.scoring.report`` (signals, bands, stages, flag ids), so the document
cannot drift from the code that produces the answers. Tests validate the document and check real
responses against it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

import fastjsonschema

from parser import models
from server import __version__
from server.rulebook.schema import FILE_SCHEMA
from server.scoring.report import BANDS, CERTIFICATE_FLAGS, PROFILE_FLAGS, SIGNALS, STAGES

DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2]))?$"}  # "YYYY-MM" or "YYYY"
NULLABLE_DATE = {"anyOf": [DATE, {"type": "null"}]}
STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
STRINGS = {"type": "array", "items": STRING}
# A required text (a certificate's name, a source's format) must say something.
TEXT = {"type": "string", "pattern": r"\S"}
SCORE = {"type": "integer", "minimum": 0, "maximum": 100}
ISO_DAY = r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
DATE_FIELDS = frozenset({"issued", "expires", "start", "end"})
# Fields of the Profile that hold one of a fixed set of words.
ENUMS = {("Source", "format"): list(models.FORMATS),
         ("Certificate", "kind"): list(models.CERTIFICATE_KINDS)}
PROFILE_LISTS = {"certificates": "Certificate", "positions": "Position",
                 "education": "Education", "projects": "Project", "courses": "Course"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _field_schema(owner: str, field: dataclasses.Field[Any], strict: bool) -> dict[str, Any]:
    annotation = str(field.type)
    if annotation == "list[str]":
        return STRINGS
    if field.name in PROFILE_LISTS or field.name in ("source", "person"):
        name = PROFILE_LISTS.get(field.name, field.name.capitalize())
        target = _ref(name if strict else f"{name}Input")
        if name == "Course" and not strict:  # from_json also takes a course as a bare name
            return {"type": "array", "items": {"anyOf": [target, TEXT]}}
        return {"type": "array", "items": target} if field.name in PROFILE_LISTS else target
    required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    if not strict:
        # Optional text may be null; a required one (a certificate's name) must hold text, as
        # Profile.from_json demands: the scorer names the certificate in every sentence.
        return TEXT if required else NULLABLE_STRING
    if (owner, field.name) in ENUMS:
        return {"enum": ENUMS[owner, field.name]}
    if field.name in DATE_FIELDS:
        return NULLABLE_DATE
    return NULLABLE_STRING if "None" in annotation else STRING


def _dataclass_schema(kind: type[Any], strict: bool) -> dict[str, Any]:
    """Output form (``strict``): every key present, dates in shape, nothing extra. Input form:
    what ``Profile.from_json`` accepts — missing keys allowed, extra keys ignored."""
    fields = dataclasses.fields(kind)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field_schema(kind.__name__, f, strict) for f in fields},
    }
    if strict:
        schema["required"] = [f.name for f in fields]
        schema["additionalProperties"] = False
    else:
        schema["required"] = [f.name for f in fields
                              if f.default is dataclasses.MISSING
                              and f.default_factory is dataclasses.MISSING
                              and f.name not in ("source",)]
    return schema


def profile_schemas() -> dict[str, Any]:
    kinds = (models.Profile, models.Source, models.Person, models.Certificate, models.Position,
             models.Education, models.Project, models.Course)
    schemas = {}
    for kind in kinds:
        schemas[kind.__name__] = _dataclass_schema(kind, strict=True)
        schemas[f"{kind.__name__}Input"] = _dataclass_schema(kind, strict=False)
    return schemas


def _flag(ids: frozenset[str]) -> dict[str, Any]:
    return {"type": "object", "required": ["id", "message"], "additionalProperties": False,
            "properties": {"id": {"enum": sorted(ids)}, "message": STRING}}


def _closed(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


def report_schemas() -> dict[str, Any]:
    signal = _closed({"value": {"type": "number", "minimum": 0, "maximum": 1}, "note": STRING})
    certificate = _closed({
        "index": {"type": "integer", "minimum": 0},
        "locator": NULLABLE_STRING,
        "name": STRING,
        "issuer": NULLABLE_STRING,
        "score": SCORE,
        "band": {"enum": list(BANDS)},
        "category": {"enum": ["technical", "soft_skill"]},
        "field": NULLABLE_STRING,
        "signals": _closed({name: _ref("Signal") for name in SIGNALS}),
        "flags": {"type": "array", "items": _flag(CERTIFICATE_FLAGS)},
        "badge": STRING,
    })
    report = _closed({
        "as_of": {"type": "string", "format": "date"},
        "ruleset": STRING,
        "role": _closed({"title": NULLABLE_STRING, "field": NULLABLE_STRING, "skills": STRINGS}),
        "candidate": _closed({"stage": {"enum": list(STAGES)}, "fields": STRINGS,
                              "direction": STRING}),
        "summary": _closed({
            "score": SCORE,
            "band": {"enum": list(BANDS)},
            "headline": STRING,
            "narrative": STRINGS,
            "flags": {"type": "array", "items": _flag(PROFILE_FLAGS)},
        }),
        "certificates": {"type": "array", "items": _ref("CertificateReport")},
    })
    return {"Signal": signal, "CertificateReport": certificate, "Report": report}


def request_schemas() -> dict[str, Any]:
    role = {
        "description": "The role to judge against; omit it to judge against the candidate's "
                       "own direction (headline, latest position). A bare string is a title.",
        "anyOf": [
            {"type": "object", "properties": {
                "title": NULLABLE_STRING, "description": NULLABLE_STRING,
                "skills": {"type": ["array", "null"], "items": STRING}}},
            STRING,
            {"type": "null"},
        ],
    }
    as_of = {"type": ["string", "null"], "format": "date", "pattern": ISO_DAY,
             "description": "Judge as on this day (default: today). YYYY-MM-DD."}
    return {
        "Role": role,
        "ScoreRequest": {"type": "object", "required": ["profile"], "properties": {
            "profile": _ref("ProfileInput"), "role": _ref("Role"), "as_of": as_of}},
        "AnalyzeRequest": {"type": "object", "required": ["html"], "properties": {
            "html": {"type": "string", "description": "The page's <main> outerHTML, or a "
                     "whole saved page."},
            "url": {"type": ["string", "null"], "description": "The page's address (not "
                    "needed, never logged)."},
            "role": _ref("Role"), "as_of": as_of}},
        "AnalyzeForm": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "contentMediaType": "application/octet-stream"},
            "role_title": STRING, "role_description": STRING,
            "role_skills": {"type": "string", "description": "comma-separated"},
            "as_of": {"type": "string", "format": "date", "pattern": ISO_DAY}}},
        "FileForm": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "contentMediaType": "application/octet-stream"}}},
        "Error": _closed({"error": _closed({"code": STRING, "message": STRING})}),
        "Health": _closed({"status": {"const": "ok"}, "version": STRING, "ruleset": STRING}),
        "Rulebook": {"type": "object", "required": ["name", "ruleset"], "properties": {
            "name": STRING, **FILE_SCHEMA.get("properties", {})}},
    }


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: str, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": _ref(schema)}}}


COMMON_ERRORS = {"401": "missing or invalid API key (when keys are configured)",
                 "429": "too many requests from this client", "500": "the service failed"}


def _responses(ok: dict[str, Any], *errors: tuple[str, str]) -> dict[str, Any]:
    responses = {"200": ok}
    for status, text in (*errors, *COMMON_ERRORS.items()):
        responses[status] = _error(text)
    return responses


RAW_FILE = {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}
BODY_ERRORS = (("400", "empty body, invalid JSON or missing field"),
               ("413", "the body is larger than the configured limit"),
               ("415", "a media type or file format the service does not read"),
               ("422", "the content is broken or has the wrong shape"))


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/health": {"get": {
            "operationId": "health", "summary": "Liveness; needs no API key.", "security": [],
            "responses": {"200": _ok("Health", "the service is up"),
                          "429": _error(COMMON_ERRORS["429"]),
                          "500": _error(COMMON_ERRORS["500"])}}},
        "/api/v1/parse": {"post": {
            "operationId": "parse", "summary": "Read a profile file into a Profile.",
            "requestBody": {"required": True, "content": {
                "text/html": RAW_FILE, "text/csv": RAW_FILE, "application/zip": RAW_FILE,
                "application/json": RAW_FILE,
                "multipart/form-data": {"schema": _ref("FileForm")}}},
            "responses": _responses(_ok("Profile", "the profile read"), *BODY_ERRORS)}},
        "/api/v1/score": {"post": {
            "operationId": "score", "summary": "Score a Profile against a role.",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": _ref("ScoreRequest")}}},
            "responses": _responses(_ok("Report", "the report"), *BODY_ERRORS)}},
        "/api/v1/analyze": {"post": {
            "operationId": "analyze", "summary": "Parse a page or file and score it.",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": _ref("AnalyzeRequest")},
                "multipart/form-data": {"schema": _ref("AnalyzeForm")}}},
            "responses": _responses(_ok("Report", "the report"), *BODY_ERRORS)}},
        "/api/v1/rules": {"get": {
            "operationId": "rules", "summary": "The active rulebook.",
            "responses": _responses(_ok("Rulebook", "the merged, validated rulebook"))}},
        "/api/v1/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document.",
            "responses": _responses({"description": "OpenAPI 3.1 document", "content": {
                "application/json": {"schema": {"type": "object"}}}})}},
    }


@cache
def validator(name: str) -> Callable[[Any], Any]:
    """A compiled validator for one of the document's schemas: requests are checked against the
    same schemas the document publishes. fastjsonschema compiles the schema to Python code once,
    so a 20-certificate profile is checked in a fraction of a millisecond (jsonschema's
    interpreter takes over a millisecond, a good part of a whole score request)."""
    schema = {"$ref": f"#/components/schemas/{name}",
              "components": openapi_document()["components"]}
    return fastjsonschema.compile(schema, formats={"date": ISO_DAY})


@cache
def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CertSignal",
            "version": __version__,
            "description": "Reads the learning certificates on a candidate's profile the way an "
                           "experienced recruiter does. Every error is "
                           '{"error": {"code", "message"}}.',
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": _paths(),
        "components": {
            "schemas": {**profile_schemas(), **report_schemas(), **request_schemas()},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
        # Keys are optional: a service without CERTSIGNAL_API_KEYS takes anonymous calls.
        "security": [{"bearer": []}, {"apiKeyHeader": []}, {}],
    }
