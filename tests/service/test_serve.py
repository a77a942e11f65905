"""``certsignal serve`` really runs gunicorn, and holds a bounded concurrent load on loopback."""

from __future__ import annotations

import gc
import json
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks._gunicorn import gunicorn, request
from server.cli import cli
from tests.service.samples import profile_json

CLIENTS = 8
REQUESTS_EACH = 200


def test_serve_answers_health_and_stops() -> None:
    with gunicorn(workers=1) as port:
        status, body = request(port, "GET", "/api/v1/health")
        assert status == 200 and json.loads(body)["status"] == "ok"
        status, body = request(port, "GET", "/api/v1/nowhere")
        assert status == 404 and json.loads(body)["error"]["code"] == "not_found"


def test_serve_refuses_a_bad_configuration(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("cors_origins: '*'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--config", str(config), "--port", "0"])
    assert result.exit_code == 4
    assert "cannot start" in result.stderr and "not an origin" in result.stderr


@pytest.mark.slow
def test_load_has_no_errors() -> None:
    """8 concurrent clients × 200 requests (health and score mixed) on loopback: zero errors."""
    score = {"profile": profile_json(10), "role": {"title": "Cloud Engineer"},
             "as_of": "2025-01-15"}

    def client(number: int) -> list[int]:
        statuses = []
        for i in range(REQUESTS_EACH):
            if (number + i) % 2:
                statuses.append(request(port, "POST", "/api/v1/score", score)[0])
            else:
                statuses.append(request(port, "GET", "/api/v1/health")[0])
        return statuses

    with gunicorn(workers=2) as port, ThreadPoolExecutor(CLIENTS) as pool:
        statuses = [s for batch in pool.map(client, range(CLIENTS)) for s in batch]
    assert len(statuses) == CLIENTS * REQUESTS_EACH
    assert set(statuses) == {200}


def test_serve_options_win_over_environment_and_file(tmp_path: Path, monkeypatch) -> None:
    """What would reach gunicorn, without starting it: --workers beats the file and the env."""
    import server.cli.serve as serve

    seen: dict = {}
    monkeypatch.setattr(serve.GunicornServer, "run",
                        lambda self: seen.update(self.options, app=self.application))
    config = tmp_path / "c.yaml"
    config.write_text("workers: 3\nmax_upload_mb: 2\n", encoding="utf-8")
    monkeypatch.setenv("CERTSIGNAL_WORKERS", "5")
    monkeypatch.setenv("CERTSIGNAL_MAX_UPLOAD_MB", "9")
    result = CliRunner().invoke(cli, ["serve", "--config", str(config), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert seen["workers"] == 1 and seen["bind"] == "127.0.0.1:8000"
    assert seen["app"].config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024  # the file beat the env
    result = CliRunner().invoke(cli, ["serve", "--config", str(config)])
    assert seen["workers"] == 3


class _Node:
    """A reference cycle, as werkzeug's URL matcher leaves one behind on every request."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def quiet_collector():
    """No automatic collection during the test (it would do the hook's work for it), and nothing
    left frozen after it."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def test_a_worker_settles_its_memory_after_a_scoring_request(quiet_collector) -> None:
    from server.cli.serve import SETTLE_AFTER, server_options, settle_memory

    assert server_options("127.0.0.1", 8000, 2)["post_request"] is settle_memory
    freed: list[bool] = []
    weakref.finalize(_Node(), freed.append, True)
    kept = [[] for _ in range(SETTLE_AFTER + 100)]  # what a scored profile leaves in the memos
    frozen = gc.get_freeze_count()
    settle_memory(None, None, None, None)
    assert freed == [True]                          # the garbage is gone…
    assert gc.get_freeze_count() >= frozen + len(kept)  # …and what stays is out of the way


def test_a_light_request_costs_no_collection(quiet_collector) -> None:
    from server.cli.serve import settle_memory

    freed: list[bool] = []
    weakref.finalize(_Node(), freed.append, True)
    frozen = gc.get_freeze_count()
    settle_memory(None, None, None, None)         # a health check leaves a few objects
    assert freed == [] and gc.get_freeze_count() == frozen
