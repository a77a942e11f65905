"""API keys, CORS, body size, rate limits, security headers and trusted proxies, wired onto one
app.

Each piece reads the app's settings (``server.config``) once, at ``init_app`` (the rate limit
also reads, per request, how many workers share it: ``certsignal serve`` says so after the app is
built); none keeps state across apps, so tests can build as many differently configured apps as
they like.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from flask import Flask, Response, current_app, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from server.errors import APIError

API_PREFIX = "/api/v1"
# The config key ``certsignal serve`` sets to the number of worker processes serving the app.
SERVING_WORKERS = "SERVING_WORKERS"
OPEN_PATHS = frozenset({f"{API_PREFIX}/health"})  # monitors probe it without a key

# Pages have no script at all and take styles only from /static; SVG is inline markup.
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
API_CSP = "default-src 'none'; frame-ancestors 'none'"
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # Reports are personal data: no browser or proxy cache may keep a copy.
    "Cache-Control": "no-store",
}


def worker_share(rate: str, workers: int) -> str:
    """One worker's share of a rate ("600/minute" over 4 workers: "150/minute"), rounded up so
    that no share is zero; each limit of "7/second;100/day" is shared alike."""
    shares = []
    for part in rate.split(";"):
        found = re.match(r"\s*(\d+)(.*)", part)  # settings checked the form: a count first
        shares.append(f"{-(-int(found[1]) // workers)}{found[2]}" if found else part)
    return ";".join(shares)


def origin_pattern(origin: str) -> re.Pattern[str]:
    """``chrome-extension://*`` → a regex where ``*`` matches within the host part only."""
    return re.compile("^" + "[^/]*".join(re.escape(part) for part in origin.split("*")) + "$")


def presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key") or None


def key_is_valid(candidate: str, keys: tuple[str, ...]) -> bool:
    """Constant time per key, and every key is compared, so timing says nothing of which one."""
    given = candidate.encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, key.encode())
    return matched


def _require_key() -> None:
    keys: tuple[str, ...] = current_app.config["API_KEYS"]
    if not keys or request.method == "OPTIONS":
        return
    if not request.path.startswith(API_PREFIX + "/") or request.path in OPEN_PATHS:
        return
    candidate = presented_key()
    if candidate is None:
        raise APIError(401, "missing_api_key",
                       "this service needs an API key: send 'Authorization: Bearer <key>'")
    if not key_is_valid(candidate, keys):
        raise APIError(401, "invalid_api_key", "the API key is not valid")


def _client_id() -> str:
    """Rate-limit bucket: the API key (hashed) when one is sent, else the client address."""
    key = presented_key()
    if key:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return "ip:" + (get_remote_address() or "unknown")


def _headers(response: Response) -> Response:
    for name, value in COMMON_HEADERS.items():
        response.headers.setdefault(name, value)
    is_api = request.path.startswith(API_PREFIX + "/")
    response.headers.setdefault("Content-Security-Policy", API_CSP if is_api else PAGE_CSP)
    return response


def init_app(app: Flask) -> None:
    config = app.config
    max_bytes = int(config["MAX_UPLOAD_MB"] * 1024 * 1024)
    # Werkzeug refuses a larger body with 413 before reading it; form fields (a pasted job
    # description, the results carried by the download form) get the same ceiling.
    config["MAX_CONTENT_LENGTH"] = max_bytes
    config["MAX_FORM_MEMORY_SIZE"] = max_bytes

    proxies = config["TRUSTED_PROXIES"]
    if proxies:
        # Behind a reverse proxy every request comes from the proxy's address, so all clients
        # would share one rate-limit bucket: the client's own address is the one the last
        # ``proxies`` hops appended to X-Forwarded-For. Nothing else is taken from the proxy
        # (pages link by path alone, so the scheme and host it saw are not needed).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]

    app.before_request(_require_key)
    app.after_request(_headers)

    CORS(app, resources={f"{API_PREFIX}/*": {
        "origins": [origin_pattern(o) for o in config["CORS_ORIGINS"]],
        "methods": ["GET", "POST", "OPTIONS"],
        "allow_headers": ["Content-Type", "Authorization", "X-API-Key", "X-Request-ID"],
        "expose_headers": ["X-Request-ID"],
        "max_age": 600,
    }})

    rate = config["RATE_LIMIT"]
    config.setdefault("RATELIMIT_ENABLED", rate != "off")
    config.setdefault("RATELIMIT_STORAGE_URI", "memory://")  # per worker; nothing leaves it
    config.setdefault("RATELIMIT_HEADERS_ENABLED", True)

    def limit() -> str:
        # Each worker counts in its own memory: it allows its share of the limit, so that the
        # server as a whole allows about the configured rate (``serve`` says how many share it).
        workers = current_app.config.get(SERVING_WORKERS) or 1
        memory = str(current_app.config["RATELIMIT_STORAGE_URI"]).startswith("memory://")
        return worker_share(rate, workers) if memory else rate

    limiter = Limiter(
        key_func=_client_id,
        app=app,
        default_limits=[] if rate == "off" else [limit],
        # Preflights and static files are free; they carry no work.
        default_limits_exempt_when=lambda: request.method == "OPTIONS"
        or request.endpoint == "static",
    )
    app.extensions["certsignal.limiter"] = limiter
