"""The JSON API under ``/api/v1`` (DESIGN.md, "HTTP"): one child blueprint per concern."""

from __future__ import annotations

from flask import Blueprint

from server.api import health, openapi, parse, rules, score

bp = Blueprint("api", __name__, url_prefix="/api/v1")
for child in (health.bp, parse.bp, score.bp, rules.bp, openapi.bp):
    bp.register_blueprint(child)
