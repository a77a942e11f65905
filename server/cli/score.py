"""``certsignal score`` and ``certsignal analyze``: a Report for one profile and one role.

``score`` reads a Profile JSON document (what ``certsignal parse --json`` prints); ``analyze``
parses any supported input first. ``--rules DIR`` (or ``CERTSIGNAL_RULES_DIR``) picks a directory
of YAML that overrides the shipped rulebook.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from parser import Profile, parse_profile
from server.cli._common import (
    EXIT_FAILURE,
    fail,
    json_option,
    one_line_errors,
    print_json,
    read_input,
)
from server.rulebook import Rulebook, RulebookError, load_rulebook
from server.scoring import Report, Role, score_profile


def _role_options(function: Callable[..., Any]) -> Callable[..., Any]:
    decorators: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option("--role", "role_title", required=True, help="Job title to judge against."),
        click.option("--job", "job_file", type=click.Path(path_type=Path, dir_okay=False),
                     help="A text file with the job description."),
        click.option("--skills", default="", help="Comma-separated skills the role needs."),
        click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
                     help="Judge as of this date (default: today)."),
        click.option("--rules", "rules_dir", envvar="CERTSIGNAL_RULES_DIR", default=None,
                     type=click.Path(path_type=Path, file_okay=False),
                     help="Directory of YAML overriding the shipped rulebook."),
        json_option,
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


@click.command("score")
@click.argument("profile_file", metavar="PROFILE.json",
                type=click.Path(path_type=Path, dir_okay=False))
@_role_options
def score_command(profile_file: Path, role_title: str, job_file: Path | None, skills: str,
                  as_of: str | None, rules_dir: Path | None, as_json: bool) -> None:
    """Score the certificates of PROFILE.json (a Profile) against a role."""
    data = read_input(profile_file)
    with one_line_errors(profile_file):
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            fail(f"{profile_file}: not a JSON document ({error})")
        except RecursionError:
            fail(f"{profile_file}: the JSON is nested too deeply to read")
        profile = Profile.from_json(document)
    _report(profile, role_title, job_file, skills, as_of, rules_dir, as_json)


@click.command("analyze")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_role_options
def analyze_command(file: Path, role_title: str, job_file: Path | None, skills: str,
                    as_of: str | None, rules_dir: Path | None, as_json: bool) -> None:
    """Parse FILE (LinkedIn page, export, JSON Resume, Open Badge) and score it against a role."""
    data = read_input(file)
    with one_line_errors(file):
        profile = parse_profile(data, filename=file.name)
    _report(profile, role_title, job_file, skills, as_of, rules_dir, as_json)


def _report(profile: Profile, title: str, job_file: Path | None, skills: str,
            as_of: str | None, rules_dir: Path | None, as_json: bool) -> None:
    description = read_input(job_file).decode("utf-8", "replace") if job_file else None
    role = Role(title=title, description=description,
                skills=tuple(s.strip() for s in skills.split(",") if s.strip()))
    day = _date(as_of)
    with _rulebook_errors():
        book = _rulebook(rules_dir)
        report = score_profile(profile, role, as_of=day, rulebook=book)
    if as_json:
        print_json(report.to_json())
    else:
        click.echo(describe(report))


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of: {text!r} is not a date like 2025-11-01")


def _rulebook(rules_dir: Path | None) -> Rulebook:
    return load_rulebook(rules_dir)


@contextmanager
def _rulebook_errors() -> Iterator[None]:
    try:
        yield
    except RulebookError as error:
        fail(f"rulebook: {error}", EXIT_FAILURE)


def describe(report: Report) -> str:
    """The Report as a recruiter reads it in a terminal."""
    summary = report.summary
    lines = [f"{summary.band.upper()} ({summary.score}/100) — {summary.headline}",
             f"  role: {report.role.title or '(own direction)'}"
             f"{f' [{report.role.field}]' if report.role.field else ''} · stage: "
             f"{report.candidate.stage} · as of {report.as_of} · {report.ruleset}", ""]
    lines.extend(f"  {sentence}" for sentence in summary.narrative)
    if summary.flags:
        lines.append("")
        lines.extend(f"  [{flag.id}] {flag.message}" for flag in summary.flags)
    for cert in report.certificates:
        issuer = f" — {cert.issuer}" if cert.issuer else ""
        lines.extend(["", f"  #{cert.index} {cert.name}{issuer}: {cert.score} · {cert.badge}"])
        lines.extend(f"      {name}: {signal.note}" for name, signal in cert.signals.items())
    return "\n".join(lines)


COMMANDS = [score_command, analyze_command]
