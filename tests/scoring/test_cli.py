"""``certsignal score`` and ``certsignal analyze``: one JSON document, or a readable report."""

from __future__ import annotations

import json

from click.testing import CliRunner

from server.cli import cli
from tests.scoring.conftest import ANALYST, RULEBOOK_DIR, cert, profile


def _write_profile(tmp_path):
    prof = profile(cert("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft",
                        "2024-06"), positions=ANALYST)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(prof.to_json()), encoding="utf-8")
    return path


def _run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_score_json_is_one_document(tmp_path, monkeypatch):
    monkeypatch.setattr("server.cli.score.load_rulebook",
                        lambda d: __import__("server.rulebook", fromlist=["x"]).load_rulebook(
                            RULEBOOK_DIR, include_shipped=False))
    path = _write_profile(tmp_path)
    job = tmp_path / "job.txt"
    job.write_text("We need Power BI dashboards and SQL.", encoding="utf-8")
    result = _run("score", str(path), "--role", "Data Analyst", "--job", str(job),
                  "--skills", "SQL, Tableau", "--as-of", "2025-11-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2025-11-01" and data["role"]["title"] == "Data Analyst"
    assert "tableau" in data["role"]["skills"]
    again = _run("score", str(path), "--role", "Data Analyst", "--job", str(job),
                 "--skills", "SQL, Tableau", "--as-of", "2025-11-01", "--json")
    assert again.stdout == result.stdout


def test_score_readable(tmp_path, monkeypatch):
    monkeypatch.setattr("server.cli.score.load_rulebook",
                        lambda d: __import__("server.rulebook", fromlist=["x"]).load_rulebook(
                            RULEBOOK_DIR, include_shipped=False))
    result = _run("score", str(_write_profile(tmp_path)), "--role", "Data Analyst",
                  "--as-of", "2025-11-01")
    assert result.exit_code == 0
    assert "advice for a person" in result.stdout
    assert "#0 Microsoft Certified: Power BI Data Analyst Associate" in result.stdout


def test_rules_dir_option_reaches_the_loader(tmp_path):
    seen = []

    def fake(directory):
        seen.append(directory)
        from server.rulebook import load_rulebook

        return load_rulebook(RULEBOOK_DIR, include_shipped=False)

    import server.cli.score as module

    original = module.load_rulebook
    module.load_rulebook = fake
    try:
        result = _run("score", str(_write_profile(tmp_path)), "--role", "Data Analyst",
                      "--rules", str(tmp_path), "--json")
        env = _run("score", str(_write_profile(tmp_path)), "--role", "Data Analyst", "--json",
                   env={"CERTSIGNAL_RULES_DIR": str(tmp_path)})
    finally:
        module.load_rulebook = original
    assert result.exit_code == 0 and env.exit_code == 0
    assert [str(p) for p in seen] == [str(tmp_path), str(tmp_path)]


def test_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for args in (["score", str(bad), "--role", "X"],
                 ["score", str(deep), "--role", "X"],
                 ["score", str(tmp_path / "missing.json"), "--role", "X"],
                 ["score", str(_write_profile(tmp_path)), "--role", "X", "--as-of", "yesterday"],
                 ["score", str(_write_profile(tmp_path)), "--role", "X", "--rules",
                  str(tmp_path / "nope")]):
        result = _run(*args)
        assert result.exit_code != 0
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("certsignal: error:")
        assert "Traceback" not in result.output


def test_wrong_profile_shape(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"certificates": "nope"}), encoding="utf-8")
    result = _run("score", str(path), "--role", "X")
    assert result.exit_code != 0 and "'certificates' must be a list" in result.stderr


def test_analyze_refuses_unreadable_input(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02" * 50)
    result = _run("analyze", str(path), "--role", "Data Analyst")
    assert result.exit_code != 0 and result.stderr.startswith("certsignal: error:")
