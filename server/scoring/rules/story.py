"""Story: do the certificates support the candidate's path?

Career change: the role's field (or the candidate's direction) is one the earlier experience was
not in; relevant certificates in or next to it, issued before the first position there or within
``during-months`` of it (or, with no position there yet, within the last ``recent-months``),
support the move: ``career_change_supported`` (+``bonus``). Deepening: the candidate already works
in that field and relevant certificates came after they started in it: ``deepening`` (+``bonus``).

Options: ``during-months`` (12), ``recent-months`` (36), ``bonus`` (5).

PASS (flag ``career_change_supported``): Retail manager 2015–2023; Data Analyst 2024–; Google
    Data Analytics 2023-06; role Data Analyst
PASS (flag ``deepening``): Staff Accountant 2018–; CPA 2021; role Senior Accountant
FAIL (no flag): CPA 2021 and no positions: nothing to tell a story with
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Finding, Scored
from server.scoring.timeline import month_number

ID = "story"
CONF = {"during-months": int, "recent-months": int, "bonus": float}
DEFAULT: dict[str, Any] = {"during-months": 12, "recent-months": 36, "bonus": 5.0}


def evaluate(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> Finding:
    cat = ctx.cat
    target = ctx.target.field
    if target is None:
        return Finding()
    relevant = [s for s in scored if s.has("relevant") and month_number(s.issued) is not None]
    positions = sorted((w for w in ctx.experience.positions if w.start is not None),
                       key=lambda w: w.start or 0)
    if not relevant or not positions:
        return Finding()
    name = cat.label("fields", target)
    inside = [w for w in positions if w.field and cat.field_relation(w.field, target) == 1]
    before = positions if not inside else [w for w in positions if (w.start or 0) <
                                           (inside[0].start or 0)]
    came_from = [w for w in before if w.field and cat.field_relation(w.field, target) == 0]
    if came_from and (not inside or before):
        if inside:
            move = inside[0]
            cutoff = (move.start or 0) + conf["during-months"]
            where = f"the move into {name} {move.describe()}"
            timing = "before or during"
        else:
            cutoff, where, timing = ctx.now, f"a move into {name}", "recently, preparing"
        supporting = [s for s in relevant if (month_number(s.issued) or 0) <= cutoff and (
            inside or ctx.now - (month_number(s.issued) or 0) <= conf["recent-months"])]
        if supporting:
            names = ", ".join(f"\u201c{s.view.cert.name}\u201d ({s.issued})"
                              for s in supporting[:2])
            origin = sorted({cat.label("fields", w.field) for w in came_from if w.field})
            message = (f"Career change supported: {names} came {timing} {where}, "
                       f"from {', '.join(origin)}.")
            return Finding(flags=(Flag("career_change_supported", message),),
                           sentences=(message,), adjustment=conf["bonus"])
        return Finding()
    if inside:
        since = inside[0].start or 0
        later = [s for s in relevant if (month_number(s.issued) or 0) >= since]
        if later:
            names = ", ".join(f"\u201c{s.view.cert.name}\u201d ({s.issued})" for s in later[:2])
            message = f"Deepening: {names} extend{'s' if len(later) == 1 else ''} a path " \
                      f"in {name} already under way since {inside[0].span[:4] or 'earlier'}."
            return Finding(flags=(Flag("deepening", message),), sentences=(message,),
                           adjustment=conf["bonus"])
    return Finding()
