"""``GET /api/v1/openapi.json``: the OpenAPI 3.1 description of this API."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from server.openapi import openapi_document

bp = Blueprint("openapi", __name__)


@bp.get("/openapi.json")
def openapi() -> dict[str, Any]:
    return openapi_document()
