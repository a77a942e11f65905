"""``POST /api/v1/score`` (a Profile) and ``POST /api/v1/analyze`` (a page or file): a Report."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from parser import Profile
from server.api.inputs import (
    MULTIPART,
    as_of_from,
    check_body,
    json_body,
    parse,
    role_from_form,
    role_from_json,
    score,
    uploaded_file,
)
from server.errors import APIError

bp = Blueprint("score", __name__)


@bp.post("/score")
def score_profile_json() -> dict[str, Any]:
    """JSON ``{"profile", "role", "as_of"}`` → Report.

    :raise 415: not JSON.  :raise 400: invalid JSON.  :raise 422: no or malformed profile/role/date.
    """
    body = json_body()
    check_body(body, "ScoreRequest")
    # The schema has checked the profile as strictly as from_json would: it is not checked again.
    profile = Profile.from_checked_json(body["profile"])
    return score(profile, role_from_json(body.get("role")), as_of_from(body.get("as_of")))


@bp.post("/analyze")
def analyze() -> dict[str, Any]:
    """JSON ``{"html", "url", "role", "as_of"}`` (the extension) or multipart ``file`` + role
    fields (``role_title``, ``role_description``, ``role_skills``, ``as_of``) → Report.

    :raise 400: empty page or no file.  :raise 413: too large.  :raise 415: neither JSON nor
    multipart, or a file that is not a profile.  :raise 422: unreadable content, bad role/date.
    """
    if request.mimetype == MULTIPART:
        file = uploaded_file()
        profile = parse(file.read(), file.filename, file.mimetype)
        as_of = as_of_from(request.form.get("as_of"), blank_is_none=True)
        return score(profile, role_from_form(request.form), as_of)
    body = json_body()
    check_body(body, "AnalyzeRequest")
    html = body.get("html")
    if not isinstance(html, str):
        raise APIError(422, "invalid_request", "the request needs 'html': the page's markup")
    # The page's URL is accepted for the record but not needed: the markup says which layout
    # it is. It is never logged.
    if body.get("url") is not None and not isinstance(body["url"], str):
        raise APIError(422, "invalid_request", "'url' must be a string")
    profile = parse(html.encode("utf-8"), "page.html", "text/html")
    return score(profile, role_from_json(body.get("role")), as_of_from(body.get("as_of")))

