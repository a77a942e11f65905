"""The LinkedIn data export's CSV files, as data: which columns each holds, under which names.

Column names drift between export generations (2016: ``Start Date``/``End Date``, ``Skill Name``,
``Course Name``/``Course Number``; 2024/25: ``Started On``/``Finished On``), so every column has a
canonical key and a tuple of aliases. Aliases are compared after ``header_key`` folding (case,
spaces, punctuation and parenthesised notes removed), so ``"Content Completed At (if completed)"``
and ``"content_completed_at"`` are the same column. See shared/reference/linkedin-formats.md §7.

``signature`` lists the canonical columns whose presence identifies a lone CSV of that kind;
kinds are tried in the order of ``TABLES``, most specific first (Positions before Projects, which
share ``Title``; Courses and Languages before Skills, which is a lone ``Name`` column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, eq=False)  # identity hash: tables are singletons used as keys
class Table:
    kind: str  # also the layout suffix: "csv:certifications"
    filename: str  # as LinkedIn names it inside the ZIP (matched case-insensitively)
    columns: dict[str, tuple[str, ...]]  # canonical key -> aliases (header_key-folded)
    signature: tuple[str, ...]
    exact: bool = False  # signature must be the *only* recognised columns (a lone "Name")


_STARTED = ("startedon", "startdate", "start", "from")
_FINISHED = ("finishedon", "enddate", "end", "to")

TABLES: Final[tuple[Table, ...]] = (
    Table("profile", "Profile.csv", {
        "first_name": ("firstname",),
        "last_name": ("lastname",),
        "maiden_name": ("maidenname",),
        "headline": ("headline",),
        "summary": ("summary", "about"),
        "industry": ("industry",),
        "geo_location": ("geolocation", "location"),
    }, signature=("first_name", "last_name", "headline")),
    Table("certifications", "Certifications.csv", {
        "name": ("name", "certificationname"),
        "url": ("url", "certificationurl"),
        "authority": ("authority", "certificationauthority"),
        "started_on": _STARTED,
        "finished_on": _FINISHED,
        "license_number": ("licensenumber", "license"),
    }, signature=("name", "authority")),
    Table("positions", "Positions.csv", {
        "company_name": ("companyname", "company"),
        "title": ("title",),
        "description": ("description",),
        "location": ("location",),
        "started_on": _STARTED,
        "finished_on": _FINISHED,
    }, signature=("company_name", "title")),
    Table("education", "Education.csv", {
        "school_name": ("schoolname", "school"),
        "start_date": _STARTED,
        "end_date": _FINISHED,
        "notes": ("notes",),
        "degree_name": ("degreename", "degree"),
        "field_of_study": ("fieldofstudy", "field"),
        "activities": ("activities",),
    }, signature=("school_name",)),
    Table("projects", "Projects.csv", {
        "title": ("title",),
        "description": ("description",),
        "url": ("url",),
        "started_on": _STARTED,
        "finished_on": _FINISHED,
    }, signature=("title", "description", "started_on")),
    Table("learning", "Learning.csv", {
        "content_title": ("contenttitle",),
        "content_description": ("contentdescription",),
        "content_type": ("contenttype",),
        "completed_at": ("contentcompletedat",),
    }, signature=("content_title", "content_type")),
    Table("courses", "Courses.csv", {
        "name": ("name", "coursename"),
        "number": ("number", "coursenumber"),
        "associated_with": ("associatedwith",),
    }, signature=("name", "number")),
    Table("skills", "Skills.csv", {
        "name": ("name", "skillname", "skill"),
    }, signature=("name",), exact=True),
)

TABLES_BY_FILENAME: Final[dict[str, Table]] = {t.filename.casefold(): t for t in TABLES}

# How far down a file the header row is looked for: Connections.csv opens with a "Notes:"
# paragraph of a few lines; twenty rows is generous without reading a whole file that is no CSV.
HEADER_SCAN_ROWS: Final = 20

_PARENTHESISED = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[\W_]+")


def header_key(header: str) -> str:
    """'Content Completed At (if completed)' -> 'contentcompletedat'."""
    return _NON_ALNUM.sub("", _PARENTHESISED.sub("", header.replace("\ufeff", ""))).casefold()
