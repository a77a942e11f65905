"""Coherence: do the certificates cluster, and does the cluster agree with the experience?

Certificates are grouped around the field that gathers most of them (its own certificates count
1, those in related fields 0.5). With at least ``min-certificates``, a share of ``focused-share``
or more is ``focused`` when that field agrees with the experience or the role (a plus of
``bonus`` points only when it is the role's field or next to it); with at least
``min-incoherent``, a share under ``incoherent-share`` is ``incoherent`` (``penalty`` points):
a scatter of unrelated topics says little about direction.

Options: ``min-certificates`` (3), ``min-incoherent`` (4), ``focused-share`` (0.6),
``incoherent-share`` (0.4), ``bonus`` (4), ``penalty`` (4).

PASS (flag ``focused``):    SQL, Tableau, Power BI certificates; Data Analyst positions
FAIL (flag ``incoherent``): forklift, yoga, AWS, wine tasting and tax certificates
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Finding, Scored

ID = "coherence"
CONF = {"min-certificates": int, "min-incoherent": int, "focused-share": float,
        "incoherent-share": float, "bonus": float, "penalty": float}
DEFAULT: dict[str, Any] = {"min-certificates": 3, "min-incoherent": 4, "focused-share": 0.6,
                           "incoherent-share": 0.4, "bonus": 4.0, "penalty": 4.0}


def cluster(ctx: Context, fields: Sequence[str]) -> tuple[str | None, float]:
    """(the field the certificates gather around, the share they gather)."""
    if not fields:
        return None, 0.0
    best: tuple[float, str] | None = None
    # Each distinct field once, times how often it occurs (relations are 0, 0.5 or 1, so the
    # sums are exact whatever the order): a profile's certificates share a handful of fields.
    counts = Counter(fields)
    relation = ctx.cat.field_relation
    for centre in sorted(counts):
        weight = sum(n * relation(centre, f) for f, n in counts.items())
        if best is None or weight > best[0]:
            best = (weight, centre)
    if best is None:
        return None, 0.0
    return best[1], best[0] / len(fields)


def evaluate(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> Finding:
    fields = [s.view.field for s in scored if s.view.field and not s.has("soft_skill")]
    if len(fields) < conf["min-certificates"]:
        return Finding()
    centre, share = cluster(ctx, fields)
    cat = ctx.cat
    name = cat.label("fields", centre)
    experience = ctx.experience.main_fields
    agrees = [f for f in (*experience, ctx.target.field)
              if f and cat.field_relation(centre, f) > 0]
    if share >= conf["focused-share"] and (agrees or not experience):
        joined = f", in line with {_with(ctx, experience, centre)}" if agrees else ""
        message = (f"Focused: {round(share * len(fields))} of {len(fields)} certificates are in "
                   f"or next to {name}{joined}.")
        # A focus elsewhere is a fact about the candidate, not a plus for this role.
        toward_role = ctx.target.field is None or cat.field_relation(centre, ctx.target.field) > 0
        return Finding(flags=(Flag("focused", message),), sentences=(message,),
                       adjustment=conf["bonus"] if toward_role else 0.0)
    if len(fields) >= conf["min-incoherent"] and share < conf["incoherent-share"]:
        spread = sorted({cat.label("fields", f) for f in fields})
        message = (f"Incoherent: the certificates scatter over {len(spread)} unrelated fields "
                   f"({', '.join(spread[:4])}{'…' if len(spread) > 4 else ''}); they say little "
                   "about a direction.")
        return Finding(flags=(Flag("incoherent", message),), sentences=(message,),
                       adjustment=-conf["penalty"])
    return Finding()


def _with(ctx: Context, experience: tuple[str, ...], centre: str | None) -> str:
    for field in experience:
        if ctx.cat.field_relation(centre, field) > 0:
            return f"the experience in {ctx.cat.label('fields', field)}"
    return "the role"
