"""Request logging that is safe for personal data: id, method, route, status, time — nothing else.

No body, no query string, no header values and no profile text is ever logged. The path is the
matched route rule (``/api/v1/score``), not the raw URL, so nothing a client puts in a URL lands
in the log either. Every response carries ``X-Request-ID`` so a recruiter's report of a problem
can be matched with a log line.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
import uuid

from flask import Flask, Response, g, request

log = logging.getLogger("certsignal.access")

# A client may pass its own id (for tracing through a proxy) if it is short and plain.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class _RequestIds:
    """Unique ids without a system call per request: a random per-process prefix (re-drawn after
    a fork, so gunicorn workers differ) and a counter."""

    def __init__(self) -> None:
        self._pid = -1
        self._prefix = ""
        self._counter = itertools.count(1)

    def next(self) -> str:
        if os.getpid() != self._pid:
            self._pid = os.getpid()
            self._prefix = uuid.uuid4().hex[:12]
            self._counter = itertools.count(1)
        return f"{self._prefix}-{next(self._counter):x}"


_ids = _RequestIds()


def _start() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if _SAFE_ID.match(incoming) else _ids.next()
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    request_id = g.get("request_id") or _ids.next()
    response.headers["X-Request-ID"] = request_id
    elapsed_ms = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    route = request.url_rule.rule if request.url_rule is not None else "(unmatched)"
    log.info("request id=%s method=%s route=%s status=%d ms=%.1f",
             request_id, request.method, route, response.status_code, elapsed_ms)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    if not log.handlers and not logging.getLogger().handlers:
        # Under gunicorn or `flask run` nothing configures our logger: give it stderr.
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        log.addHandler(handler)
        logging.getLogger("certsignal.errors").addHandler(handler)
    log.setLevel(logging.INFO)
