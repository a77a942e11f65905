"""``GET /api/v1/health``: liveness for monitors and the extension's options page (no key)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from server import __version__
from server.api.inputs import rulebook

bp = Blueprint("health", __name__)


@bp.get("/health")
def health() -> dict[str, Any]:
    """The service is up: its version and the active ruleset (``name@version``)."""
    return {"status": "ok", "version": __version__, "ruleset": rulebook().name}
