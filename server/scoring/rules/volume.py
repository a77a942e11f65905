"""Volume: many certificates is not more signal. Collecting them is flagged, never rewarded.

The profile's certificate score is a mean over its best ``top`` certificates with weights
decaying by ``decay``: adding equal certificates leaves it unchanged, so volume never raises the
score by itself. ``credential_collecting`` is flagged when there are at least ``many`` and most
are unrelated (``unrelated-share``) or few applied (``applied-share``), or when ``burst-count``
were issued within ``burst-months``. No certificates at all: ``no_certificates``.

Options: ``top`` (3), ``decay`` (0.5), ``many`` (8), ``unrelated-share`` (0.5),
``applied-share`` (0.2), ``burst-count`` (6), ``burst-months`` (3).

PASS (no flag): 3 related certificates over 4 years
FAIL (flag ``credential_collecting``): 12 certificates in 2 months, none applied
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Finding, Scored
from server.scoring.timeline import label, month_number

ID = "volume"
CONF = {"top": int, "decay": float, "many": int, "unrelated-share": float, "applied-share": float,
        "burst-count": int, "burst-months": int}
DEFAULT: dict[str, Any] = {"top": 3, "decay": 0.5, "many": 8, "unrelated-share": 0.5,
                           "applied-share": 0.2, "burst-count": 6, "burst-months": 3}


def aggregate(conf: dict[str, Any], scores: Sequence[float]) -> float:
    """The profile's certificate signal: a decaying mean of the best ``top`` scores."""
    best = sorted(scores, reverse=True)[: conf["top"]]
    weights = [conf["decay"] ** i for i in range(len(best))]
    return sum(s * w for s, w in zip(best, weights, strict=True)) / sum(weights) if best else 0.0


def evaluate(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> Finding:
    n = len(scored)
    if n == 0:
        message = "No certificates on this profile: nothing here for or against the candidate."
        return Finding(flags=(Flag("no_certificates", message),), sentences=(message,))
    reasons = []
    if n >= conf["many"]:
        unrelated = sum(1 for s in scored if s.has("off_target"))
        applied = sum(1 for s in scored if s.has("applied"))
        if unrelated / n >= conf["unrelated-share"]:
            reasons.append(f"{unrelated} of {n} are unrelated to the role")
        if ctx.experience.work and applied / n <= conf["applied-share"]:
            reasons.append(f"only {applied} of {n} show up in later work")
    burst = _burst(conf, scored)
    if burst:
        reasons.append(burst)
    if not reasons:
        return Finding()
    message = (f"Credential collecting: {n} certificates, {'; '.join(reasons)}. Quantity adds "
               "nothing by itself; the relevant, applied ones are what count.")
    return Finding(flags=(Flag("credential_collecting", message),), sentences=(message,))


def _burst(conf: dict[str, Any], scored: Sequence[Scored]) -> str | None:
    months = sorted(m for m in (month_number(s.issued) for s in scored) if m is not None)
    size, window = conf["burst-count"], conf["burst-months"]
    for i in range(len(months) - size + 1):
        j = i + size - 1
        if months[j] - months[i] < window:
            while j + 1 < len(months) and months[j + 1] - months[i] < window:
                j += 1
            return (f"{j - i + 1} were issued within {window} months "
                    f"({label(months[i])} to {label(months[j])})")
    return None
