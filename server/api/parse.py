"""``POST /api/v1/parse``: a file in, its Profile out (nothing is scored or kept)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from server.api.inputs import parse, upload

bp = Blueprint("parse", __name__)


@bp.post("/parse")
def parse_file() -> dict[str, Any]:
    """Raw body (by Content-Type) or multipart ``file`` → Profile.

    :raise 400: empty body or no ``file`` field.  :raise 413: too large.
    :raise 415: a media type or format that is not a profile.  :raise 422: broken content.
    """
    data, filename, media_type = upload()
    profile: dict[str, Any] = parse(data, filename, media_type).to_json()
    return profile
