"""Text normalisation shared by every reader.

LinkedIn emits each visible string twice from 2022 on (a visible copy and a screen-reader copy),
so besides whitespace we undo exact doublings here, in one place.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def clean(value: str | None) -> str | None:
    """Whitespace-normalised text, exact doublings undone; None for nothing."""
    if value is None:
        return None
    text = _SPACE.sub(" ", value.translate(_INVISIBLE).replace("\xa0", " ")).strip()
    text = undouble(text)
    return text or None


def undouble(text: str) -> str:
    """'RTCKRTCK' -> 'RTCK' and 'Example Org Example Org' -> 'Example Org'."""
    n = len(text)
    if not any(c.isalpha() for c in text):
        return text  # "2020", "1010": numbers repeat by nature, screen-reader copies are words
    if n >= 2 and n % 2 == 0 and text[: n // 2] == text[n // 2 :]:
        return text[: n // 2].strip()
    if n >= 3 and n % 2 == 1 and text[n // 2] == " " and text[: n // 2] == text[n // 2 + 1 :]:
        return text[: n // 2]
    return text


def fold(value: str) -> str:
    """Case- and width-folded text for label matching; accents kept (they tell locales apart)."""
    return unicodedata.normalize("NFKC", value).casefold().replace("’", "'").strip()


def dedupe_lines(lines: list[str]) -> list[str]:
    """Drop consecutive identical lines (the aria-hidden / visually-hidden pair)."""
    out: list[str] = []
    for line in lines:
        if not out or out[-1] != line:
            out.append(line)
    return out


def squash(value: str | None) -> str | None:
    """Whitespace-normalised text *without* undoubling, for structured inputs (CSV, JSON).

    Their values are never doubled, and undoubling would corrupt real ones ("2020" -> "20").
    """
    if value is None:
        return None
    text = _SPACE.sub(" ", value.translate(_INVISIBLE).replace("\xa0", " ")).strip()
    return text or None
