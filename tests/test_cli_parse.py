"""``certsignal parse FILE [--json]``: one JSON document for good input, one stderr line for bad.

Most cases go through click's CliRunner (fast, in-process); a few run the installed console script
in a subprocess, which is what a user runs, tracebacks and exit codes included.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.cli._common import EXIT_INPUT_ERROR
from tests.fixture_cases import FIXTURES, Case, differences


def _cases() -> list[Case]:
    """Fixture pairs, skipping folders another engineer is still filling (no expected.json)."""
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        inputs = sorted(folder.glob("input*"))
        expected = folder / "expected.json"
        if len(inputs) == 1 and expected.exists():
            found.append(Case(folder.name, inputs[0], json.loads(expected.read_text("utf-8"))))
    return found


CASES = _cases()
GOOD = [c for c in CASES if not c.error]
BAD = [c for c in CASES if c.error]
SCRIPT = shutil.which("certsignal", path=str(Path(sys.executable).parent))


def run(*args: str):
    return CliRunner().invoke(cli, ["parse", *args], prog_name="certsignal")


def assert_one_line_error(stdout: str, stderr: str, code: int) -> None:
    assert code != 0
    assert stdout == ""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("certsignal: error: ")


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_fixture_prints_one_json_profile(case: Case) -> None:
    result = run(str(case.input), "--json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)  # raises if there is more (or less) than one document
    assert not differences(profile, case.expected)
    assert result.stderr == ""


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_fixture_fails_in_one_line(case: Case) -> None:
    result = run(str(case.input), "--json")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == EXIT_INPUT_ERROR
    assert_one_line_error(result.stdout, result.stderr, result.exit_code)
    assert case.input.name in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere.html"), "--json")
    assert_one_line_error(result.stdout, result.stderr, result.exit_code)
    assert "nowhere.html" in result.stderr


def test_directory(tmp_path: Path) -> None:
    result = run(str(tmp_path), "--json")
    assert_one_line_error(result.stdout, result.stderr, result.exit_code)


def test_without_json_prints_a_summary() -> None:
    result = run(str(FIXTURES / "export-certifications-csv" / "input.csv"))
    assert result.exit_code == 0
    assert "linkedin-export (csv:certifications)" in result.stdout
    assert "AWS Certified Solutions Architect – Associate — Amazon Web Services (AWS)" in (
        result.stdout)


@pytest.mark.skipif(SCRIPT is None, reason="the certsignal console script is not installed")
@pytest.mark.parametrize("case_name", ["export-zip", "openbadges-ob3"])
def test_console_script_prints_json(case_name: str) -> None:
    source = FIXTURES / case_name / next((FIXTURES / case_name).glob("input*")).name
    done = subprocess.run([SCRIPT, "parse", str(source), "--json"], capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    expected = json.loads((FIXTURES / case_name / "expected.json").read_text("utf-8"))
    assert json.loads(done.stdout.decode("utf-8")) == expected


@pytest.mark.skipif(SCRIPT is None, reason="the certsignal console script is not installed")
@pytest.mark.parametrize("case_name", ["bad-zip-traversal", "bad-png", "bad-json-deep"])
def test_console_script_fails_in_one_line(case_name: str) -> None:
    source = next((FIXTURES / case_name).glob("input*"))
    done = subprocess.run([SCRIPT, "parse", str(source), "--json"], capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == EXIT_INPUT_ERROR
    assert_one_line_error(done.stdout.decode(), done.stderr.decode(), done.returncode)
