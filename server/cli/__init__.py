"""The ``certsignal`` command line (DESIGN.md, "Command line").

Each sub-command lives in its own module in this package and exports ``COMMANDS`` (a list of
click commands); they are found by discovery, so a new command is one new module.

Conventions every command follows: ``--json`` prints exactly one JSON document on stdout; errors
are one line on stderr (``certsignal: error: …``) with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from server import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="certsignal")
def cli() -> None:
    """Read learning certificates the way an experienced recruiter does."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="certsignal")
