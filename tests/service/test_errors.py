"""Every refusal is JSON {"error": {"code", "message"}} with a fitting status — never HTML."""

from __future__ import annotations

import io

import pytest

from server.security import SERVING_WORKERS, worker_share
from tests.service.samples import profile_json


def error_of(answer, status: int) -> dict[str, str]:
    assert answer.status_code == status, answer.get_data(as_text=True)[:300]
    assert answer.mimetype == "application/json"
    body = answer.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"] and "Traceback" not in body["error"]["message"]
    return body["error"]


def test_invalid_json(client) -> None:
    answer = client.post("/api/v1/score", data=b"{not json", content_type="application/json")
    assert error_of(answer, 400)["code"] == "invalid_json"


@pytest.mark.parametrize("path", ["/api/v1/score", "/api/v1/analyze"])
def test_json_nested_past_any_parser_is_refused(client, path: str) -> None:
    deep = b'{"profile": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    error = error_of(client.post(path, data=deep, content_type="application/json"), 400)
    assert error == {"code": "invalid_json", "message": "the request body is nested too deeply "
                                                        "to read"}


def test_wrong_media_type(client) -> None:
    assert error_of(client.post("/api/v1/score", data=b"x", content_type="text/plain"),
                    415)["code"] == "unsupported_media_type"
    assert error_of(client.post("/api/v1/parse", data=b"\x89PNG", content_type="image/png"),
                    415)["code"] == "unsupported_media_type"


def test_unsupported_file_format(client) -> None:
    answer = client.post("/api/v1/parse", data=b"just some words, not a profile",
                         content_type="text/plain")
    assert error_of(answer, 415)["code"] == "unsupported_format"


def test_empty_body(client) -> None:
    assert error_of(client.post("/api/v1/parse", data=b"", content_type="text/html"),
                    400)["code"] == "empty_input"


def test_malformed_content(client) -> None:
    answer = client.post("/api/v1/parse", data=b'{"basics": {"name": "Dana"',
                         content_type="application/json")
    assert error_of(answer, 422)["code"] == "malformed_input"


@pytest.mark.parametrize(("body", "code"), [
    ({}, "invalid_request"),
    ({"profile": []}, "invalid_profile"),
    ({"profile": {"certificates": [{"issuer": "Contoso"}]}}, "invalid_profile"),
    ({"profile": profile_json(1), "as_of": "yesterday"}, "invalid_request"),
    ({"profile": profile_json(1), "role": {"skills": "AWS"}}, "invalid_request"),
    ({"profile": profile_json(1), "role": 42}, "invalid_request"),
])
def test_unprocessable_score_requests(client, body, code) -> None:
    assert error_of(client.post("/api/v1/score", json=body), 422)["code"] == code


def test_analyze_needs_html_or_file(client) -> None:
    assert error_of(client.post("/api/v1/analyze", json={"url": "x"}), 422)["code"] == \
        "invalid_request"
    answer = client.post("/api/v1/analyze", data={"role_title": "Analyst"},
                         content_type="multipart/form-data")
    assert error_of(answer, 400)["code"] == "missing_file"


def test_oversized_body(make_app) -> None:
    client = make_app(MAX_UPLOAD_MB=0.01).test_client()
    big = b"<html>" + b"x" * 20_000 + b"</html>"
    assert error_of(client.post("/api/v1/parse", data=big, content_type="text/html"),
                    413)["code"] == "request_too_large"
    answer = client.post("/api/v1/parse", data={"file": (io.BytesIO(big), "big.html")},
                         content_type="multipart/form-data")
    assert error_of(answer, 413)["code"] == "request_too_large"


def test_api_keys(make_app) -> None:
    client = make_app(API_KEYS="k-one,k-two").test_client()
    assert client.get("/api/v1/health").status_code == 200          # open without a key
    assert error_of(client.get("/api/v1/rules"), 401)["code"] == "missing_api_key"
    assert error_of(client.get("/api/v1/rules", headers={"X-API-Key": "k-three"}),
                    401)["code"] == "invalid_api_key"
    assert error_of(client.get("/api/v1/rules", headers={"Authorization": "Bearer nope"}),
                    401)["code"] == "invalid_api_key"
    assert client.get("/api/v1/rules", headers={"X-API-Key": "k-two"}).status_code == 200
    assert client.get("/api/v1/rules",
                      headers={"Authorization": "Bearer k-one"}).status_code == 200
    assert client.get("/").status_code == 200                        # pages are not the API


def test_rate_limit(make_app) -> None:
    client = make_app(RATE_LIMIT="3/minute").test_client()
    statuses = [client.get("/api/v1/health").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    error = error_of(client.get("/api/v1/health"), 429)
    assert error["code"] == "rate_limited"
    # Another client (a different API key bucket) is not affected.
    assert client.get("/api/v1/health", headers={"X-API-Key": "other"}).status_code == 200


def _health_behind(client, forwarded_for: str) -> int:
    return client.get("/api/v1/health", headers={"X-Forwarded-For": forwarded_for},
                      environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code  # the proxy


def test_a_forwarded_address_is_not_trusted_by_default(make_app) -> None:
    # Without a proxy of ours in front, X-Forwarded-For is whatever the client wrote: changing it
    # must not buy a fresh bucket.
    client = make_app(RATE_LIMIT="2/minute").test_client()
    statuses = [_health_behind(client, f"203.0.113.{i}") for i in range(3)]
    assert statuses == [200, 200, 429]


def test_clients_behind_a_trusted_proxy_have_their_own_buckets(make_app) -> None:
    client = make_app(RATE_LIMIT="2/minute", TRUSTED_PROXIES=1).test_client()
    assert [_health_behind(client, "203.0.113.5") for _ in range(3)] == [200, 200, 429]
    assert _health_behind(client, "203.0.113.9") == 200       # another recruiter, same proxy
    # A client cannot escape by writing an address of its own in front of the one the proxy
    # appended: only the last hop is trusted.
    assert _health_behind(client, "198.51.100.7, 203.0.113.5") == 429


def test_each_worker_enforces_its_share_of_the_rate_limit(make_app) -> None:
    # `certsignal serve` with two workers: each counts in its own memory, so each allows half.
    app = make_app(RATE_LIMIT="6/minute")
    app.config[SERVING_WORKERS] = 2
    client = app.test_client()
    statuses = [client.get("/api/v1/health").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.parametrize(("rate", "workers", "share"), [
    ("600/minute", 4, "150/minute"),
    ("5/second", 2, "3/second"),  # rounded up: never a share of zero
    ("7 per second;100/day", 2, "4 per second;50/day"),
    ("10/hour", 1, "10/hour"),
])
def test_a_rate_is_shared_between_workers(rate, workers, share) -> None:
    assert worker_share(rate, workers) == share


def test_unknown_path_and_wrong_method(client) -> None:
    assert error_of(client.get("/api/v1/nothing-here"), 404)["code"] == "not_found"
    assert error_of(client.get("/no/such/page"), 404)["code"] == "not_found"
    answer = client.get("/api/v1/score")
    assert error_of(answer, 405)["code"] == "method_not_allowed"
    assert "POST" in answer.headers["Allow"]


def test_unexpected_failure_is_a_json_500(make_app, caplog) -> None:
    app = make_app()
    app.testing = False  # let the error handler, not the test client, see the exception
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/api/v1/explode")
    def explode() -> None:
        raise RuntimeError("secret profile text Dana Example")

    error = error_of(app.test_client().get("/api/v1/explode"), 500)
    assert error["code"] == "internal_error"
    assert "secret" not in error["message"]
    assert "RuntimeError" in caplog.text and "secret profile text" not in caplog.text
