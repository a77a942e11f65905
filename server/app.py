"""The Flask application factory (the one entry point gunicorn, tests and the CLI share).

``create_app(test_config)``: settings (``server.config``: defaults → environment → YAML file →
``test_config``), the rulebook loaded once (a bad one fails here, at startup, with its file and
key), then logging, errors, security, and the API and web blueprints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from server import errors, security
from server import logging as request_logging
from server.api.json_provider import FastJSONProvider
from server.config import load_settings
from server.rulebook import load_rulebook
from server.scoring import glossary
from server.scoring.matching import catalogue


def create_app(test_config: Mapping[str, Any] | None = None,
               environ: Mapping[str, str] | None = None) -> Flask:
    """Build a configured app. Raises ``ConfigError`` or ``RulebookError`` on bad settings."""
    app = Flask(__name__, static_folder="web/static", template_folder="web/templates")
    app.json = FastJSONProvider(app)
    app.config.from_mapping(load_settings(os.environ if environ is None else environ,
                                          test_config))
    app.extensions["certsignal.rulebook"] = book = load_rulebook(app.config["RULES_DIR"])
    # Build the scorer's indexes and load its word vectors now, not on the first request: under
    # gunicorn (preload) the master does it once and every worker shares them.
    glossary.of(catalogue(book))  # (the glossary is checked against the vectors' words)

    # Order matters: the request id exists before the key check may refuse the request.
    request_logging.init_app(app)
    errors.init_app(app)
    security.init_app(app)

    from server.api import bp as api_bp
    from server.web import bp as web_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(web_bp)
    return app
