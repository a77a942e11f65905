"""``certsignal batch FILES_OR_DIRS... --role TITLE [--job FILE] --out results.csv|.json``.

Analyses many profiles on every core. A file that cannot be read is reported on stderr, counted
in the summary line and kept in the output with its error — never dropped. The output appears
whole or not at all (written to a temporary file, then renamed). Exit status: 0 when every file
was analysed, 3 when some were refused (the output still holds all of them).
"""

from __future__ import annotations

import contextlib
import datetime
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from parser import ParserError, parse_profile
from server import results
from server.cli._common import EXIT_FAILURE, EXIT_INPUT_ERROR, fail
from server.config import default_workers
from server.rulebook import RulebookError, load_rulebook
from server.scoring import Role, score_profile

# Inputs we look at when walking a folder; anything else there (notes, images) is not a profile.
PROFILE_SUFFIXES = frozenset({".html", ".htm", ".mhtml", ".xhtml", ".zip", ".csv", ".json",
                              ".txt"})
WRITERS = {".csv": results.to_csv, ".json": results.to_json}


@dataclass(frozen=True)
class Job:
    """Everything a worker needs for one file; plain data, so it pickles to other processes."""

    path: str
    label: str
    role_title: str
    description: str | None
    as_of: datetime.date | None
    rules_dir: str | None


def analyse(job: Job) -> dict[str, Any]:
    """One file → a result; every failure becomes a result with its error, never an exception."""
    try:
        data = Path(job.path).read_bytes()
        profile = parse_profile(data, filename=Path(job.path).name)
        role = Role(title=job.role_title, description=job.description, skills=())
        report = score_profile(profile, role, as_of=job.as_of,
                               rulebook=load_rulebook(job.rules_dir)).to_json()
    except ParserError as error:
        return results.failure(job.label, error.code, error.message)
    except OSError as error:
        return results.failure(job.label, "unreadable_file", str(error.strerror or error))
    except Exception as error:  # a scorer bug on one file must not sink the whole batch
        return results.failure(job.label, "internal_error",
                               f"analysis failed ({type(error).__name__})")
    return results.success(job.label, profile.person.name, report)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders walked (sorted, hidden entries skipped), duplicates dropped."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in PROFILE_SUFFIXES:
                    found.setdefault(child, None)
        else:
            found.setdefault(path, None)  # a named file is tried whatever its suffix
    return list(found)


def _label(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd()))
    return str(path)


def run_jobs(jobs: list[Job], workers: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, result) as each finishes; in this process when a pool would not pay off."""
    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs):
            yield i, analyse(job)
        return
    # Not fork: forking a process that runs threads can deadlock (and Python warns about it).
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        futures: dict[Future[dict[str, Any]], int] = {
            pool.submit(analyse, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                yield i, future.result()
            except Exception as error:  # the worker process itself died (e.g. out of memory)
                yield i, results.failure(jobs[i].label, "internal_error",
                                         f"worker failed ({type(error).__name__})")


def write_atomically(path: Path, text: str) -> None:
    """Temp file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--role", "role_title", required=True, help="The role title to judge against.")
@click.option("--job", "job_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="A text file with the job description.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Judge as on this day (YYYY-MM-DD) [default: today].")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="results.csv or results.json")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes [default: one per core].")
def batch_command(inputs: tuple[Path, ...], role_title: str, job_file: Path | None,
                  as_of: datetime.datetime | None, out: Path, workers: int | None) -> None:
    """Analyse every profile in FILES_OR_DIRS and write one CSV or JSON of all results."""
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        fail(f"{out}: the output must end in .csv or .json", EXIT_FAILURE)
    description = None
    if job_file is not None:
        try:
            description = job_file.read_text(encoding="utf-8", errors="replace").strip() or None
        except OSError as error:
            fail(f"{job_file}: {error.strerror or error}")
    rules_dir = os.environ.get("CERTSIGNAL_RULES_DIR") or None
    try:
        load_rulebook(rules_dir)  # fail once, here, rather than once per file
    except RulebookError as error:
        fail(f"rulebook: {error}", EXIT_FAILURE)
    files = expand(inputs)
    if not files:
        fail("no profile files found in the given folders")
    jobs = [Job(str(p), _label(p), role_title, description, as_of.date() if as_of else None,
                rules_dir) for p in files]
    collected: list[dict[str, Any] | None] = [None] * len(jobs)
    failed = 0
    with click.progressbar(length=len(jobs), label="Analysing", file=sys.stderr) as bar:
        for i, result in run_jobs(jobs, workers or default_workers()):
            collected[i] = result
            if "error" in result:
                failed += 1
                refusal = result["error"]
                click.echo(f"\ncertsignal: {result['file']}: {refusal['message']} "
                           f"({refusal['code']})", err=True)
            bar.update(1)
    done = [r for r in collected if r is not None]
    try:
        write_atomically(out, writer(done))
    except OSError as error:
        fail(f"{out}: {error.strerror or error}", EXIT_FAILURE)
    click.echo(f"certsignal: {len(done)} files, {len(done) - failed} analysed, {failed} failed "
               f"→ {out}", err=True)
    if failed:
        sys.exit(EXIT_INPUT_ERROR)


COMMANDS = [batch_command]
