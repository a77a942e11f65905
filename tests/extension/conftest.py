"""Fixtures for the extension tests: the real service, the fixture site, and a TLS certificate.

The real CertSignal service (``server.app.create_app``) runs in this process on a free loopback
port, with an API key required, so the tests cover the key path the way a recruiter's setup does.
The fixture site serves the parser's LinkedIn fixtures under https://www.linkedin.com.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests import browser_support as bs
from tests.extension.pages import (
    API_KEY,
    ROLE,
    Page,
    all_linkedin_pages,
    linkedin_pages,
    site_pages,
)


@pytest.fixture(scope="session")
def pages() -> list[Page]:
    found = linkedin_pages()
    if not found:
        pytest.skip("no fixtures/linkedin-*/input.html with a <main> element yet")
    return found


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> bs.TlsFiles:
    return bs.self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def site(tls: bs.TlsFiles, pages: list[Page]) -> Iterator[bs.FixtureSite]:
    with bs.serve_fixture_site(tls, site_pages(all_linkedin_pages())) as running:
        yield running


@pytest.fixture(scope="session")
def service_calls() -> list[dict[str, str | None]]:
    """Every request the service received: path and Origin (who called it)."""
    return []


@pytest.fixture(scope="session")
def service(service_calls: list[dict[str, str | None]]) -> Iterator[bs.WsgiServer]:
    """The real service, requiring ``API_KEY``; rate limiting off (tests call it in bursts)."""
    from server.app import create_app

    app = create_app(
        environ={"CERTSIGNAL_API_KEYS": API_KEY, "CERTSIGNAL_RATE_LIMIT": "off"},
    )

    def recording(environ: dict[str, Any], start_response: Any) -> Any:
        service_calls.append(
            {"path": environ.get("PATH_INFO"), "origin": environ.get("HTTP_ORIGIN")}
        )
        return app(environ, start_response)

    with bs.serve_wsgi(recording) as running:
        yield running


@pytest.fixture(scope="session")
def stopped_service_url() -> str:
    """The URL of a service that was running and is now stopped (nothing listens there)."""
    from werkzeug.wrappers import Response

    with bs.serve_wsgi(Response("unused")) as running:
        url = running.url
    return url


@pytest.fixture(scope="session")
def analyze(service: bs.WsgiServer) -> Callable[[str, str], dict[str, Any]]:
    """The Report the service gives for a captured <main> (what the extension should show)."""

    def call(html: str, url: str) -> dict[str, Any]:
        body = json.dumps({"html": html, "url": url, "role": ROLE}).encode("utf-8")
        request = urllib.request.Request(
            f"{service.url}/api/v1/analyze",
            data=body,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {API_KEY}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return dict(json.load(response))
        except urllib.error.HTTPError as error:
            raise AssertionError(
                f"service refused the page: {error.code} {error.read()!r}"
            ) from None

    return call
