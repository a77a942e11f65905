"""Start ``certsignal serve`` (gunicorn) on a free loopback port in a subprocess, and stop it.

Shared by benchmarks/load_throughput.py and the service tests (tests/service/test_serve.py),
which import it as ``benchmarks._gunicorn``. Loopback only; the server stops when the block ends.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from typing import Any

START = "from server.cli import main; main()"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def request(port: int, method: str, path: str, body: Any = None,
            timeout: float = 30.0) -> tuple[int, bytes]:
    """One request on a fresh connection (gunicorn's sync workers close after each).

    ``body`` is sent as JSON; ``bytes`` are taken as JSON already encoded (a benchmark encodes
    its bodies once, so the client's own work does not count against the server)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        connection.request(method, path, body=data, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(workers: int = 2, env: Mapping[str, str] | None = None,
             startup_timeout: float = 30.0, preamble: str = "") -> Iterator[int]:
    """Yields the port once /api/v1/health answers; SIGTERM (graceful stop) on exit.

    ``preamble``: Python run in the server process before it starts (benchmarks only)."""
    with serving(workers, env, startup_timeout, preamble) as (port, _master):
        yield port


@contextlib.contextmanager
def serving(workers: int = 2, env: Mapping[str, str] | None = None,
            startup_timeout: float = 30.0, preamble: str = "") -> Iterator[tuple[int, int]]:
    """``gunicorn``, yielding the port and the process id of the gunicorn master."""
    port = free_port()
    environment = {**os.environ, "CERTSIGNAL_RATE_LIMIT": "off", **(env or {})}
    # The server logs a line per request: a file, not a pipe nobody drains (which would fill
    # and block the server mid-load).
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", preamble + START, "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers)],
            env=environment, stdout=subprocess.DEVNULL, stderr=log)

        def tail() -> str:
            log.seek(0)
            return log.read()[-2000:]

        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"certsignal serve exited: {tail()}")
                with contextlib.suppress(OSError):
                    if request(port, "GET", "/api/v1/health", timeout=2)[0] == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"certsignal serve did not answer in time: {tail()}")
                time.sleep(0.1)
            yield port, process.pid
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
