"""``certsignal serve [--host 127.0.0.1] [--port 8000] [--workers N] [--config FILE]``.

Runs the app under gunicorn, in this process (``gunicorn.app.base.BaseApplication``), so the
server is the production one and its settings are ours: options win over the YAML file, which
wins over ``CERTSIGNAL_*`` variables. The app is built once in the master before any worker is
forked, so a bad setting or rulebook stops startup with one line instead of crashing workers.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

import click
from flask import Flask
from gunicorn.app.base import BaseApplication

from server.cli._common import EXIT_FAILURE, fail
from server.config import CONFIG_FILE_VARIABLE, ConfigError, default_workers
from server.rulebook import RulebookError
from server.security import SERVING_WORKERS


class GunicornServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn with an app object we already built, and options from a dict (no argv)."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key.lower(), value)

    def load(self) -> Flask:
        return self.application


YOUNG_GENERATION_THRESHOLD = 5000  # allocations between young collections (CPython: 700)
# Objects a request may leave before the worker settles its memory after it: a health check or a
# page leaves a few dozen, a scored profile thousands.
SETTLE_AFTER = 1000


def settle_memory(_worker: Any, _request: Any, _environ: Any, _response: Any) -> None:
    """gunicorn's ``post_request`` hook: in the worker, once the response has been sent.

    What a request leaves behind is either garbage or what the scorer's memos keep for later
    requests. Collecting the young generations now frees the garbage (among it the request and
    its body: werkzeug's request and its WSGI environ refer to each other), and freezing moves the
    memos' new entries where no later collection walks them again: otherwise older collections
    keep walking the growing memos, in pauses far longer than a request, every few hundred
    requests. Nothing frozen can leak: the scorer builds no reference cycles, so an entry a memo
    drops later is freed by reference counting, frozen or not: a worker's memory levels off as
    its memos fill (``benchmarks/worker_memory.py``)."""
    if gc.get_count()[0] > SETTLE_AFTER:
        gc.collect(1)
        gc.freeze()


def server_options(host: str, port: int, workers: int, timeout: int = 60) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",  # scoring is CPU-bound: one request per process at a time
        "timeout": timeout,
        "graceful_timeout": 10,
        "keepalive": 2,
        # Request lines/headers are bounded by gunicorn; bodies by the app (MAX_CONTENT_LENGTH).
        "accesslog": None,  # our own logger writes id/route/status/time, never the query string
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "certsignal",
        # gunicorn >= 25 opens a control socket at one fixed path per user; two servers on one
        # machine would fight over it, and nothing here uses it.
        "control_socket_disable": True,
        "preload_app": True,
        "post_request": settle_memory,
    }


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: only this machine can connect).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: CERTSIGNAL_WORKERS, else one per core].")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help=f"YAML settings file (instead of ${CONFIG_FILE_VARIABLE}).")
def serve_command(host: str, port: int, workers: int | None, config_file: Path | None) -> None:
    """Serve the web pages and the API with gunicorn (a production WSGI server)."""
    from server.app import create_app

    environ = dict(os.environ)
    if config_file is not None:
        environ[CONFIG_FILE_VARIABLE] = str(config_file)
    overrides = {"WORKERS": workers} if workers else {}
    try:
        app = create_app(overrides, environ=environ)
    except (ConfigError, RulebookError) as error:
        fail(f"cannot start: {error}", EXIT_FAILURE)
    count = app.config["WORKERS"] or default_workers()
    app.config[SERVING_WORKERS] = count  # each worker enforces its share of the rate limit
    # The rulebook and its indexes live as long as the server: move them out of the garbage
    # collector's reach, so that full collections in the workers (which scoring's many small
    # objects set off) do not walk them again and again, and their pages stay shared after fork.
    gc.collect()
    gc.freeze()
    # A scoring request leaves thousands of short-lived objects: at the default threshold (700)
    # the collector runs hundreds of times a second and, as the scorer's memos fill, sets off
    # full collections of tens of milliseconds. A larger young generation runs it far less often
    # (inherited by the forked workers).
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, 10, 10)
    click.echo(f"certsignal: serving http://{host}:{port} with {count} worker(s)", err=True)
    GunicornServer(app, server_options(host, port, count)).run()


COMMANDS = [serve_command]
