"""What every sub-command shares: reading input files, printing JSON, failing in one line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from parser import ParserError

# Exit codes: 1 is click's own usage error (2 for bad options); ours are distinct and documented.
EXIT_INPUT_ERROR = 3  # the input file could not be read as a profile
EXIT_FAILURE = 4  # anything else that went wrong, reported in one line


def fail(message: str, code: int = EXIT_INPUT_ERROR) -> NoReturn:
    click.echo(f"certsignal: error: {message}", err=True)
    sys.exit(code)


@contextmanager
def one_line_errors(path: Path | str | None = None) -> Iterator[None]:
    """Turn expected failures into one stderr line and an exit code; never a traceback."""
    where = f"{path}: " if path else ""
    try:
        yield
    except ParserError as error:
        fail(f"{where}{error.message}")
    except OSError as error:
        fail(f"{where}{error.strerror or error}")
    except KeyboardInterrupt:
        fail("interrupted", EXIT_FAILURE)


def read_input(path: Path) -> bytes:
    with one_line_errors(path):
        return path.read_bytes()


def print_json(document: Any) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True,
                        help="Print exactly one JSON document on stdout.")(function)
