"""LinkedIn's data export ("Get a copy of your data"): the ZIP, or any one of its CSV files.

The ZIP (``Basic_``/``Complete_LinkedInDataExport_MM-DD-YYYY.zip``) is opened through
``parser.archive`` and only the members named in ``parser.csv_schema`` are read; a lone CSV is
recognised by its header row (``parser.csv_table``), its file name only breaking ties.

Certifications.csv maps Authority -> issuer, Started On -> issued, Finished On -> expires
(empty: no expiry), License Number -> credential_id, Url -> credential_url. The export carries no
skills for certificates.

Learning.csv (LinkedIn Learning history) is read only for *completed* courses and learning paths:
LinkedIn issues a certificate of completion for exactly those, so they become certificates of
kind "course" issued by LinkedIn Learning on the completion date. Videos, and anything merely
watched or saved, are viewing history, not credentials, and are left out.
"""

from __future__ import annotations

from collections.abc import Callable

from parser.archive import is_zip, open_zip
from parser.csv_schema import TABLES, TABLES_BY_FILENAME, Table
from parser.csv_table import Row, TableRows, detect, read_table
from parser.dates import parse_date
from parser.document import InputDocument
from parser.errors import ParserError, UnsupportedFormat
from parser.models import (
    Certificate,
    Course,
    Education,
    Position,
    Profile,
    Project,
    Source,
)
from parser.text import fold, squash

ID = "linkedin_export"
PRIORITY = 5  # magic number or a header row: cheap, and specific enough to go first

FORMAT = "linkedin-export"
LEARNING_ISSUER = "LinkedIn Learning"
# LinkedIn Learning content types that earn a certificate of completion.
CERTIFIED_LEARNING_TYPES = frozenset({"course", "learning path"})
# Values of "Content Completed At" that mean "not completed".
_NOT_COMPLETED = frozenset({"n/a", "na", "-", "none", "null"})


def sniff(doc: InputDocument) -> bool:
    if is_zip(doc.data):
        return True
    if doc.looks_binary():
        return False
    if doc.head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return False  # markup (a saved page): no export CSV starts with "<"; skips a CSV parse
    return detect(doc.text, doc.filename) is not None


def read(doc: InputDocument) -> Profile:
    if is_zip(doc.data):
        return _read_zip(doc)
    rows = read_table(doc.text, doc.filename)
    profile = Profile(Source(FORMAT, f"csv:{rows.table.kind}"))
    _apply(profile, rows, doc.filename or rows.table.filename)
    return profile


def _read_zip(doc: InputDocument) -> Profile:
    archive = open_zip(doc.data, doc.limits)
    members = _export_members(archive.names)
    if not members:
        known = ", ".join(t.filename for t in TABLES)
        raise UnsupportedFormat(f"the ZIP holds none of the LinkedIn export files ({known})")
    profile = Profile(Source(FORMAT, "zip"))
    for table in TABLES:
        name = members.get(table)
        if name is None:
            continue
        data = archive.read(name)  # archive errors (bombs, damage) refuse the whole input
        try:
            member = InputDocument(data, filename=name, limits=doc.limits)  # decoded as inputs are
            rows = read_table(member.text, name, table)
        except ParserError as error:  # one unreadable CSV should not hide the others
            profile.source.warn(f"{name}: {error.message}")
            continue
        _apply(profile, rows, name)
    if TABLES_BY_FILENAME["certifications.csv"] not in members:
        profile.source.warn("the export has no Certifications.csv (LinkedIn leaves it out when "
                            "the profile lists no certifications)")
    return profile


def _export_members(names: list[str]) -> dict[Table, str]:
    """Table -> member name, by base name; the shallowest path wins if a name repeats."""
    found: dict[Table, str] = {}
    for name in sorted(names, key=lambda n: (n.count("/"), n)):
        table = TABLES_BY_FILENAME.get(name.rsplit("/", 1)[-1].casefold())
        if table is not None and table not in found:
            found[table] = name
    return found


def _apply(profile: Profile, rows: TableRows, where: str) -> None:
    for warning in rows.warnings:
        profile.source.warn(warning)
    if not rows.rows:
        profile.source.warn(f"{where} has a header but no rows")
        return
    dates = _DateReader(profile.source, where)
    _APPLY[rows.table.kind](profile, rows.rows, dates)


class _DateReader:
    """parse_date that says, once per file, when a date it was given could not be read."""

    def __init__(self, source: Source, where: str) -> None:
        self.source = source
        self.where = where
        self.warned = False  # once per file: a garbage file must not bury the profile in warnings

    def __call__(self, value: str | None) -> str | None:
        date = parse_date(value)
        if value and date is None and not self.warned:
            self.warned = True
            self.source.warn(f"{self.where}: a date could not be read ({value[:40]!r})")
        return date


def _profile(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    row = rows[0]
    person = profile.person
    person.name = squash(" ".join(filter(None, (row.get("first_name"), row.get("last_name")))))
    person.headline = row.get("headline")
    person.about = row.get("summary")
    person.location = row.get("geo_location")


def _certifications(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    unnamed = 0
    for row in rows:
        name = row.get("name")
        if not name:
            unnamed += 1
            continue
        profile.certificates.append(Certificate(
            name=name,
            issuer=row.get("authority"),
            issued=dates(row.get("started_on")),
            expires=dates(row.get("finished_on")),
            credential_id=row.get("license_number"),
            credential_url=row.get("url"),
            kind="certification",
        ))
    if unnamed:
        profile.source.warn(f"{dates.where}: {unnamed} row(s) without a name were skipped")


def _positions(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    for row in rows:
        if not (row.get("title") or row.get("company_name")):
            continue
        profile.positions.append(Position(
            title=row.get("title"),
            company=row.get("company_name"),
            start=dates(row.get("started_on")),
            end=dates(row.get("finished_on")),  # empty: the current position
            description=row.get("description"),
            location=row.get("location"),
        ))


def _education(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    for row in rows:
        if not row.get("school_name"):
            continue
        profile.education.append(Education(
            school=row.get("school_name"),
            degree=row.get("degree_name"),
            field=row.get("field_of_study"),
            start=dates(row.get("start_date")),
            end=dates(row.get("end_date")),
        ))


def _projects(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    for row in rows:
        if not row.get("title"):
            continue
        profile.projects.append(Project(
            title=row.get("title"),
            description=row.get("description"),
            start=dates(row.get("started_on")),
            end=dates(row.get("finished_on")),
            url=row.get("url"),
        ))


def _skills(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    seen = {fold(s) for s in profile.skills}
    for row in rows:
        name = row.get("name")
        if name and fold(name) not in seen:  # the export repeats skills
            seen.add(fold(name))
            profile.skills.append(name)


def _courses(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    profile.courses.extend(Course(name=n) for row in rows if (n := row.get("name")))


def _learning(profile: Profile, rows: list[Row], dates: _DateReader) -> None:
    for row in rows:
        title = row.get("content_title")
        completed = row.get("completed_at")
        content_type = fold(row.get("content_type") or "course")
        if not title or not completed or fold(completed) in _NOT_COMPLETED:
            continue
        if content_type not in CERTIFIED_LEARNING_TYPES:
            continue
        profile.certificates.append(Certificate(
            name=title, issuer=LEARNING_ISSUER, issued=dates(completed), kind="course"))


_APPLY: dict[str, Callable[[Profile, list[Row], _DateReader], None]] = {
    "profile": _profile,
    "certifications": _certifications,
    "positions": _positions,
    "education": _education,
    "projects": _projects,
    "skills": _skills,
    "courses": _courses,
    "learning": _learning,
}

