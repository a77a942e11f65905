"""Service test fixtures: an app per test (settings never leak between tests) and its client."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

# Every test app ignores the developer's own CERTSIGNAL_* variables.
CLEAN_ENV: dict[str, str] = {}


@pytest.fixture
def make_app() -> Callable[..., Flask]:
    from server.app import create_app

    def build(environ: dict[str, str] | None = None, **config: Any) -> Flask:
        settings = {"TESTING": True, "RATE_LIMIT": "off", **config}
        return create_app(settings, environ=environ if environ is not None else CLEAN_ENV)

    return build


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
