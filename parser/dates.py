"""Dates as LinkedIn and the exports write them, in any supported locale, to "YYYY-MM" / "YYYY".

Dates are found by structure: a month token of any locale next to a four-digit year, or ISO forms,
or a bare year. Words around them ("Issued", "Expires", "Present") are classified elsewhere; here a
date is only a date.
"""

from __future__ import annotations

import re

from parser.i18n import PRESENT, month_table
from parser.text import fold

_MONTHS = month_table()
_MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

# One date token, in the forms seen: "May 2024", "Sept. 2019", "mayo de 2024", "Jan 30, 2020",
# "30 janv. 2024", "2024-05", "2024-05-17", "05/2024", "2024".
_DATE = re.compile(
    rf"""
    (?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])(?:-\d\d(?:[T ][\d:.+Z-]*)?)?)
  | (?:(?P<day1>\d{{1,2}})\.?\s+)?(?:de\s+)?(?P<month>{_MONTH_ALTERNATION})\.?
      (?:\s+(?P<day2>\d{{1,2}}),?)?(?:\s+de|,)?\s+(?P<my>(?:19|20)\d\d)
  | (?P<sm>0?[1-9]|1[0-2])/(?P<sy>(?:19|20)\d\d)
  | (?P<year>(?<![\d/.-])(?:19|20)\d\d(?![\d/-]))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PRESENT = tuple(fold(w) for words in PRESENT.values() for w in words)
# A hyphen is a range dash only with a space beside it, so ISO dates ("2024-05-17") stay whole.
_RANGE_DASH = re.compile(
    r"\s+-\s*|\s*-\s+|\s*[–—]\s*|\s+(?:to|a|à|bis|até|hasta)\s+", re.IGNORECASE
)


def find_dates(text: str) -> list[str]:
    """Every date in ``text``, in order, as "YYYY-MM" or "YYYY"."""
    found: list[str] = []
    for match in _DATE.finditer(text):
        if match["iso"]:
            found.append(f"{match['iy']}-{match['im']}")
        elif match["month"]:
            if not _is_word_boundary(text, match.start("month"), match.end("month")):
                continue
            month = _MONTHS[fold(match["month"])]
            found.append(f"{match['my']}-{month:02d}")
        elif match["sm"]:
            found.append(f"{match['sy']}-{int(match['sm']):02d}")
        else:
            found.append(match["year"])
    return found


def parse_date(text: str | None) -> str | None:
    """The first date in ``text``, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0] if dates else None


def is_present(text: str) -> bool:
    """Does this range end say "still going" ("Present", "aujourd'hui", "heute" …)?"""
    folded = fold(text)
    return any(word in folded for word in _PRESENT)


def parse_range(text: str | None) -> tuple[str | None, str | None]:
    """"Jan 2020 - Present · 2 yrs 3 mos" -> ("2020-01", None); "2018 – 2021" -> ("2018", "2021").

    The end is None for an ongoing range and for a single date.
    """
    if not text:
        return None, None
    span = text.split("·", 1)[0]  # the duration after "·" holds numbers that are not dates
    parts = _RANGE_DASH.split(span, maxsplit=1)
    start = parse_date(parts[0])
    if len(parts) == 1:
        dates = find_dates(span)
        return (dates[0], dates[1]) if len(dates) >= 2 else (start, None)
    end_text = parts[1]
    if is_present(end_text):
        return start, None
    return start, parse_date(end_text)


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalpha() and not after.isalpha()
