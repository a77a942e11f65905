"""Evidence: did the certificate lead to action, and can it be checked?

A position or project going on at or after the issue date (less ``around-months``) whose title,
description or role family shows at least one of the certificate's skills is evidence that it
was applied; the note names the company, the title and the years. With positions to look at and
none that uses it: ``not_applied``. A profile with no positions leaves it neutral (projects may
still show it applied). A credential URL
or ID makes it ``verifiable`` (adds ``verifiable-bonus``).

Options: ``around-months`` (12), ``applied-value`` (1.0), ``not-applied-value`` (0.3),
``nothing-value`` (0.5), ``verifiable-bonus`` (0.15).

An Outcome that names the candidate's work is judged afresh for every profile and never kept;
the others ("not applied", "nothing to look in") name only the certificate's skills, and are
remembered per catalogue.

PASS (flag ``applied``):     "Tableau Desktop Specialist" 2023-05; Data Analyst at Northwind 2024–
FAIL (flag ``not_applied``): "Tableau Desktop Specialist" 2023-05; Barista at Contoso 2023–
"""

from __future__ import annotations

from typing import Any

from server.scoring.certificate import CertView
from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Outcome, known, remembered
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
    record = cert.cert
    how = "credential URL" if record.credential_url else \
        "credential ID" if record.credential_id else None
    if found is not None:  # names the candidate's work: judged afresh, never remembered
        return _applied(conf, found, how, ctx)
    # Otherwise the Outcome names nothing of the profile, only the certificate's skills (or
    # that there are no positions): remembered per catalogue.
    if ctx.experience.positions:
        key = known("not applied", cert.meaning, how or "")
    else:
        key = ("nothing", how)
    return remembered(ID, conf, ctx.cat, key, lambda: _unapplied(conf, cert, how, ctx))


def _applied(conf: dict[str, Any], found: tuple[Work, list[str]], how: str | None,
             ctx: Context) -> Outcome:
    work, shared = found
    uses = f" (uses {', '.join(ctx.cat.label('skills', s) for s in shared[:3])})" \
        if shared else ""
    sentence = f"Applied {work.describe()}{uses}."
    return _checkable(conf, conf["applied-value"], sentence, Flag("applied", sentence), how)


def _unapplied(conf: dict[str, Any], cert: CertView, how: str | None, ctx: Context) -> Outcome:
    if ctx.experience.positions:  # projects alone are too thin to call it "not applied"
        what = ", ".join(ctx.cat.label("skills", s) for s in list(cert.skills)[:3])
        about = f" shows its skills ({what})" if what else " shows it in use"
        return _checkable(conf, conf["not-applied-value"],
                          f"No position or project after it{about}: learned, not yet shown "
                          "applied.", Flag("not_applied", "No later work shows it applied."),
                          how)
    return _checkable(conf, conf["nothing-value"],
                      "No positions or projects to look for its use in.", None, how)


def _checkable(conf: dict[str, Any], value: float, note: str, flag: Flag | None,
               how: str | None) -> Outcome:
    """The Outcome, with the bonus and note of a credential URL or ID (``how``) if it has one."""
    flags: tuple[Flag, ...] = (flag,) if flag is not None else ()
    if how is not None:
        value = min(1.0, value + conf["verifiable-bonus"])
        note += f" It has a {how}, so it can be checked."
        flags += (Flag("verifiable", f"Verifiable: has a {how}."),)
    return Outcome(value, note, flags)
