"""``GET /api/v1/rules``: the active rulebook (shipped files merged with any override)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from server.api.inputs import rulebook

bp = Blueprint("rules", __name__)


@bp.get("/rules")
def rules() -> dict[str, Any]:
    """Everything the scorer weighs, so a self-hoster can see what their overrides changed."""
    return rulebook().to_json()
