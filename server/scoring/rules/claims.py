"""Claims: wording that promises mastery or guaranteed results invites skepticism.

The certificate's name is matched against ``inflated_claims`` patterns of every locale in the
rulebook (case-insensitive, with and without accents).

Options: ``inflated-value`` (0.2).

PASS (no flag):                 "Excel Data Analysis"
FAIL (flag ``inflated_claim``): "Become an Excel Master in 7 Days — Guaranteed Results"
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from server.scoring.certificate import CertView
from server.scoring.context import Context
from server.scoring.matching import Catalogue, normalise
from server.scoring.report import Flag
from server.scoring.rules import Outcome, remembered

ID = "claims"
READS = "certificate"  # its own text alone: judged once per certificate card
CONF = {"inflated-value": float}
DEFAULT: dict[str, Any] = {"inflated-value": 0.2}


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One alternation of every pattern (one scan per name instead of one per pattern), or the
    patterns one by one if some cannot be joined (e.g. a pattern with its own global flags)."""
    try:
        return (re.compile(joined(patterns), re.IGNORECASE),)
    except re.error:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def joined(patterns: tuple[str, ...]) -> str:
    """The patterns as one alternation, in their order, with the word boundary most of them
    start with checked once for each run of such patterns: ``\\b(?:a|b)|c`` rather than
    ``\\ba|\\bb|c``. It matches exactly the same (same place, same branch first), but the
    engine stops at a position that is no word boundary instead of entering every branch there:
    three times faster on certificate names."""
    parts: list[str] = []
    run: list[str] = []
    for pattern in patterns:
        rest = after_boundary(pattern)
        if rest is not None:
            run.append(f"(?:{rest})")
            continue
        if run:
            parts.append("\\b(?:" + "|".join(run) + ")")
            run = []
        parts.append(f"(?:{pattern})")
    if run:
        parts.append("\\b(?:" + "|".join(run) + ")")
    return "|".join(parts)


# Leading lookbehinds (without parentheses inside), then a word boundary.
_LEADING_BOUNDARY = re.compile(r"((?:\(\?<[!=][^()\\]*\))*)\\b")


def after_boundary(pattern: str) -> str | None:
    """``pattern`` without the word boundary it starts with, or None if it does not start with
    one (or has a top-level ``|``, where the boundary belongs to the first branch only). A
    lookbehind before the boundary stays, after it: both only look, at the same place."""
    match = _LEADING_BOUNDARY.match(pattern)
    if match is None or _has_top_level_bar(pattern):
        return None
    return match[1] + pattern[match.end():]


def _has_top_level_bar(pattern: str) -> bool:
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a leading "]" is a member
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


def patterns_of(inflated: dict[str, list[str]]) -> tuple[re.Pattern[str], ...]:
    return _compiled(tuple(p for locale in sorted(inflated) for p in inflated[locale]))


def find(text: str, compiled: tuple[re.Pattern[str], ...]) -> str | None:
    """The first inflated wording in ``text``, or None.

    The text is searched as written, then (if it has accents) without them, for patterns
    written without accents."""
    candidates = (text, normalise(text)) if not text.isascii() else (text,)
    for candidate in candidates:
        for pattern in compiled:
            match = pattern.search(candidate)
            if match:
                return match.group(0)
    return None


def inflated_wording(cat: Catalogue, name: str) -> str | None:
    """The inflated wording in a certificate name under this catalogue's patterns (``evaluate``
    remembers the rule's Outcome per name: the scan is the costliest step, and names recur)."""
    if cat.claim_patterns is None:
        cat.claim_patterns = patterns_of(cat.book.inflated_claims)
    return find(name, cat.claim_patterns)


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    # Reads the name alone: remembered per catalogue (names recur across profiles).
    return remembered(ID, conf, ctx.cat, cert.cert.name, lambda: judge(conf, cert, ctx))


def judge(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    wording = inflated_wording(ctx.cat, cert.cert.name)
    if wording is None:
        return Outcome(1.0, "Its name makes no promise of mastery or results.")
    message = f"Inflated claim: \u201c{wording}\u201d."
    return Outcome(conf["inflated-value"], f"Its name promises \u201c{wording}\u201d: no "
                   "certificate guarantees that, so it is read with skepticism.",
                   (Flag("inflated_claim", message),))
