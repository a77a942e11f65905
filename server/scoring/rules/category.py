"""Category: technical or soft skill. Soft-skill certificates are supplementary, weighed lightly.

A certificate is soft-skill when its catalogue field is ``soft_skills``, or when at least
``soft-share`` of its (rarity-weighted) skills are marked ``category: soft``. Its score is then
multiplied by ``soft-weight``.

Options: ``soft-weight`` (0.6), ``soft-share`` (0.5).

PASS (technical):           "Certified Associate in Project Management (CAPM)"
FAIL (flag ``soft_skill``): "Effective Communication in the Workplace"
"""

from __future__ import annotations

from typing import Any

from server.scoring.certificate import CertView
from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Outcome, known, remembered

ID = "category"
READS = "certificate"  # its own text alone: judged once per certificate card
CONF = {"soft-weight": float, "soft-share": float}
DEFAULT: dict[str, Any] = {"soft-weight": 0.6, "soft-share": 0.5}


def is_soft(conf: dict[str, Any], cert: CertView, ctx: Context) -> bool:
    if cert.field == "soft_skills":
        return True
    total = soft = 0.0
    for skill in cert.skills:
        weight = ctx.cat.idf.get(skill, 1.0)
        total += weight
        if ctx.book.skills.get(skill, {}).get("category") == "soft":
            soft += weight
    return bool(total) and soft / total >= conf["soft-share"]


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    # Depends on what the certificate resolved to only: remembered per catalogue.
    return remembered(ID, conf, ctx.cat, known(cert.meaning), lambda: judge(conf, cert, ctx))


def judge(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    if is_soft(conf, cert, ctx):
        return Outcome(conf["soft-weight"], "A soft-skill certificate: supplementary, weighed "
                       "lightly; such skills show in how someone works more than in a "
                       "certificate.", (Flag("soft_skill", "Soft-skill certificate."),))
    return Outcome(1.0, "A technical certificate.")
