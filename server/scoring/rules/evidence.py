"""Evidence: did the certificate lead to action, and can it be checked?

A position or project going on at or after the issue date (less ``around-months``) whose title,
description or role family shows at least one of the certificate's skills is evidence that it
was applied; the note names the company, the title and the years. With positions to look at and
none that uses it: ``not_applied``. A profile with no positions leaves it neutral (projects may
still show it applied). A credential URL
or ID makes it ``verifiable`` (adds ``verifiable-bonus``).

Options: ``around-months`` (12), ``applied-value`` (1.0), ``not-applied-value`` (0.3),
``nothing-value`` (0.5), ``verifiable-bonus`` (0.15).

PASS (flag ``applied``):     "Tableau Desktop Specialist" 2023-05; Data Analyst at Northwind 2024–
FAIL (flag ``not_applied``): "Tableau Desktop Specialist" 2023-05; Barista at Contoso 2023–
"""

from __future__ import annotations

from typing import Any

from server.scoring.certificate import CertView
from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Outcome
from server.scoring.stage import Work
from server.scoring.timeline import month_number

ID = "evidence"
CONF = {"around-months": int, "applied-value": float, "not-applied-value": float,
        "nothing-value": float, "verifiable-bonus": float}
DEFAULT: dict[str, Any] = {"around-months": 12, "applied-value": 1.0, "not-applied-value": 0.3,
                           "nothing-value": 0.5, "verifiable-bonus": 0.15}


def applied_in(cert: CertView, ctx: Context, around: int) -> tuple[Work, list[str]] | None:
    """The work that best shows the certificate's skills in use, with the skills it shows."""
    issued = month_number(cert.cert.issued)
    best: tuple[tuple[int, int], Work, list[str]] | None = None
    skills = set(cert.skills)
    for work in ctx.experience.work:
        if issued is not None and not work.active_after(issued - around, ctx.now):
            continue
        shared = sorted(skills & work.skills)
        if not shared and not cert.skills and cert.field and work.field == cert.field:
            shared = []  # no skills to compare: the same field is weaker but real evidence
            rank = (0, work.start or 0)
        elif shared:
            rank = (len(shared), work.start or 0)
        else:
            continue
        if best is None or rank > best[0]:
            best = (rank, work, shared)
    return (best[1], best[2]) if best else None


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    found = applied_in(cert, ctx, conf["around-months"])
    flags: list[Flag] = []
    if found is not None:
        work, shared = found
        uses = f" (uses {', '.join(ctx.cat.label('skills', s) for s in shared[:3])})" \
            if shared else ""
        sentence = f"Applied {work.describe()}{uses}."
        value, note = conf["applied-value"], sentence
        flags.append(Flag("applied", sentence))
    elif ctx.experience.positions:  # projects alone are too thin to call it "not applied"
        what = ", ".join(ctx.cat.label("skills", s) for s in list(cert.skills)[:3])
        about = f" shows its skills ({what})" if what else " shows it in use"
        value = conf["not-applied-value"]
        note = f"No position or project after it{about}: learned, not yet shown applied."
        flags.append(Flag("not_applied", "No later work shows it applied."))
    else:
        value, note = conf["nothing-value"], "No positions or projects to look for its use in."
    if cert.cert.credential_url or cert.cert.credential_id:
        how = "credential URL" if cert.cert.credential_url else "credential ID"
        value = min(1.0, value + conf["verifiable-bonus"])
        note += f" It has a {how}, so it can be checked."
        flags.append(Flag("verifiable", f"Verifiable: has a {how}."))
    return Outcome(value, note, tuple(flags))
