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
from server.scoring.matching import normalise
from server.scoring.report import Flag
from server.scoring.rules import Outcome

ID = "claims"
CONF = {"inflated-value": float}
DEFAULT: dict[str, Any] = {"inflated-value": 0.2}


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def find(text: str, inflated: dict[str, list[str]]) -> str | None:
    """The first inflated wording in ``text`` (as written there), or None."""
    patterns = tuple(p for locale in sorted(inflated) for p in inflated[locale])
    for candidate in (text, normalise(text)):
        for pattern in _compiled(patterns):
            match = pattern.search(candidate)
            if match:
                return match.group(0)
    return None


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    wording = find(cert.cert.name, ctx.book.inflated_claims)
    if wording is None:
        return Outcome(1.0, "Its name makes no promise of mastery or results.")
    message = f"Inflated claim: \u201c{wording}\u201d."
    return Outcome(conf["inflated-value"], f"Its name promises \u201c{wording}\u201d: no "
                   "certificate guarantees that, so it is read with skepticism.",
                   (Flag("inflated_claim", message),))
