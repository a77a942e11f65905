"""``certsignal parse FILE [--json]``: show the Profile read from one file."""

from __future__ import annotations

from pathlib import Path

import click

from parser import Profile, parse_profile
from server.cli._common import json_option, one_line_errors, print_json, read_input


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path))  # read_input reports dirs in one line
@json_option
def parse_command(file: Path, as_json: bool) -> None:
    """Read FILE (a LinkedIn page, export ZIP/CSV, JSON Resume, Open Badge) into a Profile."""
    data = read_input(file)
    with one_line_errors(file):
        profile = parse_profile(data, filename=file.name)
    if as_json:
        print_json(profile.to_json())
    else:
        click.echo(describe(profile))


def describe(profile: Profile) -> str:
    """A short human summary of a Profile, for the terminal."""
    person = profile.person
    lines = [f"{person.name or '(no name)'}" + (f" — {person.headline}" if person.headline else "")]
    lines.append(f"  source: {profile.source.format}"
                 + (f" ({profile.source.layout})" if profile.source.layout else ""))
    lines.append(f"  {len(profile.certificates)} certificates, {len(profile.positions)} positions, "
                 f"{len(profile.education)} education, {len(profile.projects)} projects, "
                 f"{len(profile.skills)} skills")
    for cert in profile.certificates:
        dates = " · ".join(filter(None, [cert.issued, cert.expires and f"expires {cert.expires}"]))
        lines.append(f"  - {cert.name}" + (f" — {cert.issuer}" if cert.issuer else "")
                     + (f" ({dates})" if dates else ""))
    lines.extend(f"  warning: {w}" for w in profile.source.warnings)
    return "\n".join(lines)


COMMANDS = [parse_command]
