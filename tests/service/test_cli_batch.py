"""``certsignal batch``: folders walked, every core used, bad files reported and kept."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli
from tests.service.samples import json_resume_bytes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "candidates"
    (inbox / "nested").mkdir(parents=True)
    (inbox / "dana.json").write_bytes(json_resume_bytes(name="Dana Example"))
    (inbox / "nested" / "riley.json").write_bytes(json_resume_bytes(name="Riley Example"))
    (inbox / "broken.html").write_bytes(b"")  # empty: refused
    (inbox / "garbage.zip").write_bytes(b"PK\x03\x04 truncated")
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n")  # not a profile suffix: not picked up
    (inbox / ".hidden.json").write_bytes(b"{}")
    return inbox


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_batch_csv_keeps_going_past_bad_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "results.csv"
    code, stdout, stderr = run("batch", str(folder), "--role", "Cloud Engineer",
                               "--as-of", "2025-01-15", "--out", str(out), "--workers", "2")
    assert code == 3
    assert "4 files, 2 analysed, 2 failed" in stderr
    assert "broken.html" in stderr and "garbage.zip" in stderr
    assert "Traceback" not in stderr and stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4
    good = [r for r in rows if not r["error"]]
    assert {r["name"] for r in good} == {"Dana Example", "Riley Example"}
    assert [r["rank"] for r in good] == ["1", "2"]
    bad = {Path(r["file"]).name: r["error"] for r in rows if r["error"]}
    assert bad["broken.html"].startswith("empty_input:")
    assert set(bad) == {"broken.html", "garbage.zip"}
    assert not list(out.parent.glob(".*tmp"))  # the temporary file was renamed, not left


def test_batch_json_with_job_file(folder: Path, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("We run AWS with Terraform and Kubernetes.", encoding="utf-8")
    out = tmp_path / "results.json"
    code, _, stderr = run("batch", str(folder / "dana.json"), str(folder / "broken.html"),
                          "--role", "Cloud Engineer", "--job", str(job), "--out", str(out),
                          "--workers", "1")
    assert code == 3, stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(r["file"]).name for r in results] == ["dana.json", "broken.html"]
    assert results[0]["report"]["role"]["title"] == "Cloud Engineer"
    assert results[1]["error"]["code"] == "empty_input"


def test_batch_all_good_exits_zero(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    code, _, stderr = run("batch", str(folder / "dana.json"), "--role", "Analyst",
                          "--out", str(out))
    assert code == 0, stderr
    assert "1 files, 1 analysed, 0 failed" in stderr


def test_batch_refuses_unknown_output_kind(folder: Path, tmp_path: Path) -> None:
    code, _, stderr = run("batch", str(folder), "--role", "Analyst",
                          "--out", str(tmp_path / "r.xlsx"))
    assert code == 4 and "must end in .csv or .json" in stderr
    assert not (tmp_path / "r.xlsx").exists()
