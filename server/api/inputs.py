"""Reading requests: JSON bodies, uploaded files, roles and dates, each refused with a clear error.

Shared by the API blueprints and the web pages, so a role or an ``as_of`` means the same thing
whichever way it arrives.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import fastjsonschema
from flask import Request, current_app, request
from werkzeug.datastructures import FileStorage

from parser import Limits, Profile, parse_profile
from server.errors import APIError
from server.openapi import validator
from server.rulebook import Rulebook
from server.scoring import Role, score_profile

# Raw bodies /api/v1/parse takes (DESIGN.md), plus the spellings browsers and OSes really send
# for the same files. Content decides the format; this only keeps out what is clearly not a file.
RAW_MEDIA_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/csv", "text/plain", "application/json",
    "application/ld+json", "application/zip", "application/x-zip-compressed",
    "application/octet-stream",
})
MULTIPART = "multipart/form-data"
ROLE_TEXT_LIMIT = 100_000  # a job description is a page or two; more is a mistake


def rulebook() -> Rulebook:
    """The rulebook loaded once at app creation."""
    book: Rulebook = current_app.extensions["certsignal.rulebook"]
    return book


def limits() -> Limits:
    return Limits(max_bytes=current_app.config["MAX_CONTENT_LENGTH"])


def score(profile: Profile, role: Role | None, as_of: datetime.date | None) -> dict[str, Any]:
    report: dict[str, Any] = score_profile(profile, role, as_of=as_of,
                                           rulebook=rulebook()).to_json()
    return report


def parse(data: bytes, filename: str | None, media_type: str | None) -> Profile:
    return parse_profile(data, filename=filename, media_type=media_type, limits=limits())


def json_body(req: Request | None = None) -> dict[str, Any]:
    """The request's JSON object, or 415 (not JSON) / 400 (not valid JSON) / 422 (not an object)."""
    req = req or request
    if not req.is_json:
        raise APIError(415, "unsupported_media_type",
                       "send the request as JSON with 'Content-Type: application/json'")
    try:
        body = req.get_json(silent=True)
    except RecursionError:  # valid JSON to the letter, but nested past what a parser can follow
        raise APIError(400, "invalid_json", "the request body is nested too deeply to read") \
            from None
    if body is None:
        raise APIError(400, "invalid_json", "the request body is not valid JSON")
    if not isinstance(body, dict):
        raise APIError(422, "invalid_request", "the request body must be a JSON object")
    return body


def check_body(body: dict[str, Any], schema: str) -> None:
    """Refuse (422) a body that does not match its OpenAPI schema, naming the first problem."""
    try:
        validator(schema)(body)
    except fastjsonschema.JsonSchemaValueException as problem:
        where = (problem.name or "data").removeprefix("data").lstrip(".") or "body"
        code = "invalid_profile" if where.startswith("profile") else "invalid_request"
        message = problem.message.removeprefix(problem.name or "").strip()
        raise APIError(422, code, f"{where}: {message}"[:300]) from None


def _text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise APIError(422, "invalid_request", f"'{where}' must be a string")
    if len(value) > ROLE_TEXT_LIMIT:
        raise APIError(422, "invalid_request", f"'{where}' is longer than {ROLE_TEXT_LIMIT:,} "
                       "characters")
    return value.strip() or None


def role_from_json(value: Any) -> Role | None:
    """``{"title", "description", "skills"}`` (all optional) → Role; ``null`` → no role."""
    if value is None:
        return None
    if isinstance(value, str):  # a bare title is what people type first
        value = {"title": value}
    if not isinstance(value, dict):
        raise APIError(422, "invalid_request", "'role' must be an object with a 'title'")
    skills = value.get("skills")
    skills = [] if skills is None else skills
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        raise APIError(422, "invalid_request", "'role.skills' must be a list of strings")
    return make_role(_text(value.get("title"), "role.title"),
                     _text(value.get("description"), "role.description"), skills)


def role_from_form(form: Mapping[str, str]) -> Role | None:
    """Form fields ``role_title``, ``role_description``, ``role_skills`` (comma-separated)."""
    skills = [s for s in (form.get("role_skills") or "").split(",") if s.strip()]
    return make_role(_text(form.get("role_title"), "role_title"),
                     _text(form.get("role_description"), "role_description"), skills)


def make_role(title: str | None, description: str | None, skills: list[str]) -> Role | None:
    cleaned = tuple(dict.fromkeys(s.strip() for s in skills if s.strip()))
    if title is None and description is None and not cleaned:
        return None  # the scorer then judges against the candidate's own direction
    return Role(title=title, description=description, skills=cleaned)


def as_of_from(value: Any, *, blank_is_none: bool = False) -> datetime.date | None:
    """``"YYYY-MM-DD"`` → date; missing (or a blank form field) → None (the scorer uses today)."""
    if value is None or (blank_is_none and value == ""):
        return None
    if not isinstance(value, str):
        raise APIError(422, "invalid_request", "'as_of' must be a date string 'YYYY-MM-DD'")
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise APIError(422, "invalid_request",
                       f"'as_of' must be a date 'YYYY-MM-DD', not {value[:40]!r}") from None


def uploaded_file(req: Request | None = None) -> FileStorage:
    """The multipart ``file`` field, or 400 naming what is missing."""
    req = req or request
    file = req.files.get("file")
    if file is None or (not file.filename and not file.content_length):
        raise APIError(400, "missing_file", "send the profile as a multipart field named 'file'")
    return file


def upload(req: Request | None = None) -> tuple[bytes, str | None, str | None]:
    """The file to parse: multipart ``file``, or the raw body by its Content-Type."""
    req = req or request
    if req.mimetype == MULTIPART:
        file = uploaded_file(req)
        return file.read(), file.filename, file.mimetype
    if req.mimetype not in RAW_MEDIA_TYPES:
        kinds = "text/html, text/csv, application/zip, application/json or multipart/form-data"
        raise APIError(415, "unsupported_media_type",
                       f"'{req.mimetype or 'no Content-Type'}' is not accepted; send {kinds}")
    return req.get_data(cache=False), None, req.mimetype
