"""Profile dates ("YYYY-MM" or "YYYY") as month counts, so that ages and overlaps are integers.

A year without a month is taken as its middle (June): the error is then at most six months either
way, which is below the resolution any rule here cares about.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

_DATE = re.compile(r"^\s*((?:19|20)\d\d)(?:-(0[1-9]|1[0-2]))?")
MID_YEAR = 6


@lru_cache(maxsize=2048)  # a request reads some eighty dates, of a few hundred distinct ones
def month_number(value: str | None) -> int | None:
    """"2024-05" -> 2024*12+4; "2024" -> June 2024; anything unreadable -> None."""
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    month = int(match[2]) if match[2] else MID_YEAR
    return int(match[1]) * 12 + month - 1


def month_of(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def label(month: int) -> str:
    """Month number back to "YYYY-MM" (for notes)."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def year_span(start: str | None, end: str | None) -> str:
    """"2021–2023", "2024–" (ongoing) or "" (undated), as a recruiter writes a tenure."""
    first = start[:4] if start else ""
    last = end[:4] if end else ""
    if not first and not last:
        return ""
    if first == last:
        return first
    return f"{first}–{last}"
