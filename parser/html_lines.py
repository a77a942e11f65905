"""The shared line classifier: an entry's text lines -> certificate fields.

Every HTML layout (each LinkedIn era and the generic reader) ends with the same problem: a handful
of visible lines in a fixed order, name -> issuer -> dates -> credential ID -> skills, whose labels
are in the viewer's language. Labels come from ``parser.i18n``; dates are found by structure
(``parser.dates``), so a date line whose words we do not know still yields its dates, and a line we
cannot read at all is reported back instead of guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from parser.dates import _DATE as DATE_GRAMMAR  # the one date grammar, reused, not repeated
from parser.dates import find_dates, parse_date
from parser.i18n import LABELS, PRESENT

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SEPARATORS = re.compile(r"\s*[·•|]\s*")
_SKILL_SPLIT = re.compile(r"\s*(?:·|•|,|;)\s*")
# "Present", "aujourd’hui" … : the open end of a range, allowed in a line of dates.
PRESENT_WORDS = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for words in PRESENT.values() for w in words)
    + r")(?![^\W\d_])",
    re.I,
)
_LICENSE_WORDS = re.compile(r"\blicen[cs]e[ds]?\b|\blizenz\b|\blicencia\b|\blicença\b", re.I)


class Line(Enum):
    TEXT = "text"
    DATES = "dates"
    CREDENTIAL_ID = "credential_id"
    SKILLS = "skills"
    SHOW_CREDENTIAL = "show_credential"
    ISSUED_BY = "issued_by"  # an honor's "Issued by <Org> · <date>"
    STOP = "stop"  # "Attached media": nothing after it belongs to the entry's fields


def _alternation(kind: str) -> str:
    """Every locale's labels of ``kind`` as one regex alternation, longest first."""
    words = {w for per_locale in LABELS[kind].values() for w in per_locale}
    variants = {v for w in words for v in (w, w.replace("'", "’"), w.replace("’", "'"))}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


@cache
def label_pattern(kind: str) -> re.Pattern[str]:
    """``^(label)\\s*:?\\s*(rest)`` for every locale's labels of ``kind``, longest first."""
    return re.compile(
        rf"^(?:{_alternation(kind)})(?![^\W\d_])\s*[:：]?\s*(?P<rest>.*)$", re.I | re.S
    )


def _match(kind: str, line: str) -> str | None:
    """The text after a ``kind`` label at the start of ``line``, or None when it has none."""
    found = label_pattern(kind).match(line)
    return found["rest"] if found else None


# The labelled line kinds, in the order they are tested ("Issued by" before anything else).
_LABELLED: tuple[tuple[str, Line], ...] = (
    ("issued_by", Line.ISSUED_BY),
    ("credential_id", Line.CREDENTIAL_ID),
    ("skills_line", Line.SKILLS),
    ("show_credential", Line.SHOW_CREDENTIAL),
    ("attached_media", Line.STOP),
)


@cache
def _labelled_pattern() -> re.Pattern[str]:
    """One regex for all labelled kinds (one match per line instead of five); group = kind."""
    groups = "|".join(f"(?P<{kind}>{_alternation(kind)})" for kind, _ in _LABELLED)
    return re.compile(rf"^(?:{groups})(?![^\W\d_])", re.I)


_KIND_OF_GROUP = dict(_LABELLED)


def classify(line: str) -> Line:
    """What one visible line of an entry is."""
    found = _labelled_pattern().match(line)
    if found and found.lastgroup:
        return _KIND_OF_GROUP[found.lastgroup]
    if is_dates_line(line):
        return Line.DATES
    return Line.TEXT


def is_dates_line(line: str) -> bool:
    """A line of the "Issued May 2024 · Expires May 2027" family, in any supported locale."""
    if not _YEAR.search(line):
        # Every date form has a four-digit year: only "No Expiration Date" can do without.
        # This check first keeps descriptions (most lines) away from the month grammar.
        return any(_match("no_expiration", p) is not None for p in _SEPARATORS.split(line))
    for part in _SEPARATORS.split(line):
        for kind in ("issued", "expires", "expired", "no_expiration"):
            if _match(kind, part) is not None and (kind == "no_expiration" or find_dates(part)):
                return True
    # No known label: a line that is nothing but dates ("May 2024 – May 2027", "2019").
    dates_removed = PRESENT_WORDS.sub(" ", DATE_GRAMMAR.sub(" ", line))
    return bool(find_dates(line)) and not re.search(r"[^\W\d_]{2,}", dates_removed)


def read_dates(line: str) -> tuple[str | None, str | None]:
    """(issued, expires) from a dates line; labelled parts first, unlabelled dates in order."""
    issued: str | None = None
    expires: str | None = None
    no_expiry = False
    unlabelled: list[str] = []
    for part in _SEPARATORS.split(line):
        if _match("no_expiration", part) is not None:
            no_expiry = True
            continue
        rest = _match("expired", part)
        if rest is None:
            rest = _match("expires", part)
        if rest is not None:
            expires = parse_date(rest) or expires
            continue
        rest = _match("issued", part)
        if rest is not None:
            issued = parse_date(rest) or issued
            continue
        unlabelled.extend(find_dates(part))
    if issued is None and unlabelled:
        issued = unlabelled.pop(0)
    if expires is None and unlabelled and not no_expiry:
        expires = unlabelled.pop(0)
    return issued, expires


def split_skills(text: str) -> list[str]:
    """"Python · SQL, +2 skills" -> ["Python", "SQL"] (the "+N" counter is not a skill)."""
    return [
        s for s in (part.strip() for part in _SKILL_SPLIT.split(text))
        if s and not re.fullmatch(r"\+\s*\d+.*", s) and not s.endswith("…")
    ]


@dataclass(slots=True)
class CertLines:
    """What the lines of one certificate entry say."""

    name: str | None = None
    issuer: str | None = None
    issued: str | None = None
    expires: str | None = None
    credential_id: str | None = None
    skills: list[str] = field(default_factory=list)
    has_show_credential: bool = False
    is_honor: bool = False
    unread: list[str] = field(default_factory=list)  # lines that look like data we cannot read


def read_certificate(lines: list[str]) -> CertLines:
    """Fold an entry's lines, in LinkedIn's order, into certificate fields.

    The first plain line is the name and the next plain line before the dates is the issuer.
    Later plain lines (descriptions) are ignored, except that one holding a year is reported in
    ``unread``: it is probably a date line in a locale we do not know.
    """
    out = CertLines()
    seen_dates = False
    for line in lines:
        kind = classify(line) if out.name is not None else _first_line_kind(line)
        if kind is Line.STOP:
            break
        if kind is Line.TEXT:
            if out.name is None:
                out.name = line
            elif out.issuer is None and not seen_dates:
                out.issuer = line
            elif _YEAR.search(line) and not seen_dates:
                out.unread.append(line)
        elif kind is Line.DATES and not seen_dates:
            seen_dates = True
            out.issued, out.expires = read_dates(line)
        elif kind is Line.CREDENTIAL_ID and out.credential_id is None:
            out.credential_id = (_match("credential_id", line) or "").strip() or None
        elif kind is Line.SKILLS:
            out.skills.extend(split_skills(_match("skills_line", line) or ""))
        elif kind is Line.SHOW_CREDENTIAL:
            out.has_show_credential = True
        elif kind is Line.ISSUED_BY:
            out.is_honor = True
    return out


def _first_line_kind(line: str) -> Line:
    """The first line is the name unless it carries a label (a name may well contain a year)."""
    kind = classify(line)
    return Line.TEXT if kind is Line.DATES and not _has_label(line) else kind


def _has_label(line: str) -> bool:
    return any(
        _match(kind, part) is not None
        for part in _SEPARATORS.split(line)
        for kind in ("issued", "expires", "expired", "no_expiration")
    )


def guess_kind(name: str, credential_label: str | None = None) -> str:
    """"license" for licences (a nursing licence, a "License EX-1"), else "certification"."""
    label = credential_label or ""
    return "license" if _LICENSE_WORDS.search(name) or _LICENSE_WORDS.search(label) else (
        "certification"
    )
