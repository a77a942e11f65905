"""CORS for the extension origins only, security headers, constant-time key comparison."""

from __future__ import annotations

import pytest

from server.security import key_is_valid, origin_pattern

PREFLIGHT = {"Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "Content-Type, Authorization"}


@pytest.mark.parametrize("origin", [
    "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
    "moz-extension://0b8d3f1e-5c7a-4e2b-9f6d-1a2b3c4d5e6f",
])
def test_cors_allows_extension_origins(client, origin: str) -> None:
    answer = client.options("/api/v1/analyze", headers={"Origin": origin, **PREFLIGHT})
    assert answer.headers.get("Access-Control-Allow-Origin") == origin
    assert "POST" in answer.headers.get("Access-Control-Allow-Methods", "")
    simple = client.get("/api/v1/health", headers={"Origin": origin})
    assert simple.headers.get("Access-Control-Allow-Origin") == origin


@pytest.mark.parametrize("origin", ["https://evil.example", "https://www.linkedin.com",
                                    "chrome-extension.evil.example", "null"])
def test_cors_refuses_other_origins(client, origin: str) -> None:
    answer = client.options("/api/v1/analyze", headers={"Origin": origin, **PREFLIGHT})
    assert "Access-Control-Allow-Origin" not in answer.headers
    simple = client.get("/api/v1/health", headers={"Origin": origin})
    assert "Access-Control-Allow-Origin" not in simple.headers
    assert simple.headers.get("Access-Control-Allow-Origin") != "*"


def test_cors_configured_origin(make_app) -> None:
    client = make_app(CORS_ORIGINS="https://intranet.example.org").test_client()
    ok = client.get("/api/v1/health", headers={"Origin": "https://intranet.example.org"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://intranet.example.org"
    refused = client.get("/api/v1/health", headers={"Origin": "chrome-extension://abc"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_origin_wildcard_stays_inside_the_host() -> None:
    pattern = origin_pattern("chrome-extension://*")
    assert pattern.match("chrome-extension://abc")
    assert not pattern.match("chrome-extension://abc/../https://evil.example")
    assert not pattern.match("https://chrome-extension://abc")


def test_page_security_headers(client) -> None:
    answer = client.get("/")
    csp = answer.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Request-ID"]


def test_api_security_headers(client) -> None:
    answer = client.get("/api/v1/health")
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Cache-Control"] == "no-store"


def test_request_id_is_echoed_only_when_plain(client) -> None:
    assert client.get("/api/v1/health", headers={"X-Request-ID": "abc-123"}).headers[
        "X-Request-ID"] == "abc-123"
    hostile = client.get("/api/v1/health", headers={"X-Request-ID": "a b<script>"})
    assert hostile.headers["X-Request-ID"] != "a b<script>"


def test_key_comparison() -> None:
    assert key_is_valid("two", ("one", "two"))
    assert not key_is_valid("tw", ("one", "two"))
    assert not key_is_valid("", ("one",))
    assert not key_is_valid("anything", ())
