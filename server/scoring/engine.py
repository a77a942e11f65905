"""``score_profile``: a Profile, a role and a date in; a Report of sentences and numbers out.

Order of work: resolve the role (or the candidate's direction) and the experience; judge each
certificate with the certificate rules and weigh the signals (``ruleset.weights``); judge the
profile with the profile rules; combine. Nothing here knows a threshold or a wording: those live in
the rule modules and ``ruleset.yaml``.

Per certificate, what its text alone decides (its catalogue reading and the verdicts of the rules
that read nothing else) comes from its card (``card``), one memo lookup; the rules that read the
role, the date or the rest of the profile are asked on every request, each remembering what it
may under the key of what it reads. What the rulebook fixes (options, weights, bands, which rules
are on the card) is worked out once per rulebook (``plan``).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from typing import Any

from parser.models import Certificate, Profile
from server.rulebook import Rulebook, load_rulebook
from server.scoring import rules
from server.scoring.card import card_of
from server.scoring.certificate import READ_TEXT_LENGTH, CertView, readable
from server.scoring.context import Context
from server.scoring.matching import Catalogue, catalogue, cut
from server.scoring.plan import Plan, plan_of
from server.scoring.report import (
    SIGNALS,
    Candidate,
    CertificateReport,
    Flag,
    Report,
    RoleSummary,
    Signal,
    Summary,
)
from server.scoring.role import Role, Target, direction_role, resolve
from server.scoring.rules import Finding, Outcome, Scored
from server.scoring.rules import relevance as relevance_rule
from server.scoring.rules import volume as volume_rule
from server.scoring.stage import read_experience
from server.scoring.timeline import month_of

ADVICE = ("This is advice for a person to weigh, not a decision: no rule here rejects a "
          "candidate on its own, and nothing in it uses or guesses age, gender, origin or any "
          "other protected attribute.")
BAND_WORDS = {"strong": "Strong", "moderate": "Moderate", "weak": "Weak", "none": "No signal"}
# Badge words for flags, in the order a badge lists them (at most three).
_BADGE_WORDS = (("relevant", "relevant"), ("off_target", "off-target"), ("expired", "expired"),
                ("recent", "recent"), ("dated", "dated"), ("applied", "applied"),
                ("issuer_mismatch", "issuer mismatch"), ("inflated_claim", "inflated claim"),
                ("soft_skill", "soft skill"))


def score_profile(profile: Profile, role: Role | None = None, *,
                  as_of: datetime.date | None = None,
                  rulebook: Rulebook | None = None) -> Report:
    book = rulebook or load_rulebook(os.environ.get("CERTSIGNAL_RULES_DIR") or None)
    cat = catalogue(book)
    plan = plan_of(book, cat)
    conf = plan.conf
    day = as_of or datetime.date.today()
    now = month_of(day)
    own_role, direction = direction_role(profile)
    if role is not None and (role.title or role.description or role.skills):
        target = resolve(role, cat, direction=direction)
    else:
        target = resolve(own_role, cat, from_direction=True, direction=direction)
    ctx = Context(book=book, cat=cat, as_of=day, now=now, target=target, profile=profile,
                  experience=read_experience(profile, cat, now))
    bands = plan.bands
    scored = [_weigh(readable(cert), i, ctx, plan) for i, cert in enumerate(profile.certificates)]
    findings = {rule_id: module.evaluate(conf[rule_id], ctx, scored)
                for rule_id, module in rules.PROFILE_RULES.items()}
    stage = findings["stage"].extra
    signal = volume_rule.aggregate(conf["volume"], [s.score for s in scored])
    adjusted = signal + sum(f.adjustment for f in findings.values())
    neutral, weight = float(stage["neutral"]), float(stage["weight"])
    total = 0 if not scored else _clamp(round(neutral + (adjusted - neutral) * weight))
    band = _band(total, bands) if scored else "none"
    # Each certificate is reported as the profile gives it, whatever of it was read.
    certificates = tuple(_certificate_report(s, bands, cat, profile.certificates[s.view.index])
                         for s in scored)
    return Report(
        as_of=day.isoformat(),
        ruleset=book.name,
        role=RoleSummary(title=target.title, field=target.field,
                         skills=tuple(sorted(target.skills, key=lambda k: (-target.skills[k],
                                                                           k)))),
        candidate=Candidate(stage=str(stage["stage"]), fields=_candidate_fields(ctx, scored),
                            direction=direction),
        summary=Summary(score=total, band=band,
                        headline=_headline(band, target, cat, scored, certificates),
                        narrative=_narrative(ctx, scored, findings),
                        flags=tuple(f for rule_id in rules.PROFILE_RULES
                                    for f in findings[rule_id].flags)),
        certificates=certificates,
    )


def _judge(view: CertView, ctx: Context, conf: Mapping[str, dict[str, Any]],
           weights: Mapping[str, float]) -> Scored:
    """One certificate through the certificate rules, with any options and weights."""
    outcomes: dict[str, Outcome] = {rule_id: module.evaluate(conf[rule_id], view, ctx)
                                    for rule_id, module in rules.CERTIFICATE_RULES.items()}
    total_weight = weighted = 0.0
    for name in SIGNALS:  # the weighted mean of the signals, in one pass
        weight = weights.get(name, 0.0)
        total_weight += weight
        weighted += weight * outcomes[name].value
    return _scored(view, outcomes, weighted / (total_weight or 1.0), conf["relevance"])


def _weigh(cert: Certificate, index: int, ctx: Context, plan: Plan) -> Scored:
    """``_judge`` of the certificate at ``index`` with the rulebook's own options and weights:
    what its text alone decides comes from its card, the rest is judged here."""
    card = card_of(cert, ctx, plan.own_rules)
    view = card.view(cert, index)
    own = card.outcomes
    outcomes = {rule_id: own[rule_id] if evaluate is None else evaluate(conf, view, ctx)
                for rule_id, evaluate, conf in plan.certificate_rules}
    weighted = 0.0
    for name, weight in plan.signal_weights:  # the same sum, in the same order, as _judge's
        weighted += weight * outcomes[name].value
    return _scored(view, outcomes, weighted / (plan.total_weight or 1.0),
                   plan.conf["relevance"])


def _scored(view: CertView, outcomes: dict[str, Outcome], mean: float,
            relevance_conf: dict[str, Any]) -> Scored:
    gate = relevance_rule.gate(relevance_conf, outcomes["relevance"].value)
    score = 100.0 * mean * gate * outcomes["category"].value
    caps = [o.cap for o in outcomes.values() if o.cap is not None]
    return Scored(view=view, outcomes=outcomes, score=min([score, *caps]) if caps else score)


def _certificate_report(s: Scored, bands: Mapping[str, float], cat: Catalogue,
                        cert: Certificate) -> CertificateReport:
    score = _clamp(round(s.score))
    band = _band(score, bands)
    ids = s.flag_ids
    # The badge says what the band and the flag ids say, nothing else: few combinations recur,
    # so each is written once per catalogue.
    badge = cat.recall("badges", (band, ids), lambda: _badge(band, ids))
    outcomes = s.outcomes
    return CertificateReport(
        index=s.view.index, locator=cert.locator, name=cert.name, issuer=cert.issuer,
        score=score, band=band,
        category="soft_skill" if "soft_skill" in ids else "technical", field=s.view.field,
        signals=_signals(outcomes),
        flags=tuple(f for o in outcomes.values() for f in o.flags), badge=badge)


def _signals(outcomes: Mapping[str, Outcome]) -> dict[str, Signal]:
    return {name: outcomes[name] for name in SIGNALS}  # an Outcome is its own Signal


def _badge(band: str, ids: frozenset[str]) -> str:
    words = [word for flag, word in _BADGE_WORDS if flag in ids]
    if "relevant" not in ids and "off_target" not in ids:
        words.insert(0, "partly relevant")
    if "dated" in ids and "expired" in ids:
        words.remove("dated")
    return f"{BAND_WORDS[band]} · {', '.join(words[:3])}" if words else BAND_WORDS[band]


def _band(score: float, bands: Mapping[str, float]) -> str:
    for band in ("strong", "moderate", "weak"):
        if score >= bands[band]:
            return band
    return "none"


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def _role_words(target: Target, cat: Catalogue) -> str:
    name = target.title or (cat.label("roles", target.family) if target.family else None)
    if name is None:
        return "no stated role or direction"
    return f"the candidate's own direction, {name}" if target.from_direction else name


def _headline(band: str, target: Target, cat: Catalogue, scored: Sequence[Scored],
              certificates: Sequence[CertificateReport]) -> str:
    against = _role_words(target, cat)
    if not scored:
        return f"No certificates to weigh for {against}."
    best = max(certificates, key=lambda c: (c.score, -c.index))
    relevant = sum(1 for s in scored if s.has("relevant"))
    strength = "No" if band == "none" else BAND_WORDS[band]
    return (f"{strength} certificate signal for {against}: {relevant} of {len(scored)} "
            f"relevant; strongest \u201c{cut(best.name, READ_TEXT_LENGTH)}\u201d ({best.badge}).")


def _narrative(ctx: Context, scored: Sequence[Scored], findings: Mapping[str, Finding]) -> tuple[
        str, ...]:
    cat, target = ctx.cat, ctx.target
    sentences: list[str] = []
    if target.from_direction:
        sentences.append(f"No role was given, so the certificates are judged against the "
                         f"candidate's own direction: {target.direction}."
                         if target.known else "No role was given and the profile states no "
                         "direction, so relevance is left neutral.")
    else:
        field = f" ({cat.label('fields', target.field)})" if target.field else ""
        family = f", read as the role family {cat.label('roles', target.family)}" \
            if target.family else ""
        sentences.append(f"Judged against the role {target.title or 'described'}{field}"
                         f"{family}.")
    sentences.extend(findings["stage"].sentences)
    if scored:
        relevant = [s for s in scored if s.has("relevant")]
        applied = [s for s in relevant if s.has("applied")]
        sentences.append(f"{len(relevant)} of {len(scored)} certificates are relevant"
                         + (f", {len(applied)} of them shown applied in later work."
                            if relevant else "."))
        for s in sorted(scored, key=lambda s: (-s.score, s.view.index))[:2]:
            if s.has("relevant"):
                sentences.append(f"\u201c{s.view.cert.name}\u201d: "
                                 f"{s.outcomes['relevance'].note} {s.outcomes['evidence'].note}")
    for rule_id in rules.PROFILE_RULES:
        if rule_id != "stage":
            sentences.extend(findings[rule_id].sentences)
    sentences.append(ADVICE)
    return tuple(sentences)


def _candidate_fields(ctx: Context, scored: Sequence[Scored]) -> tuple[str, ...]:
    """Fields of the experience (by time spent), then of the certificates (by count)."""
    counts: dict[str, int] = {}
    for s in scored:
        if s.view.field:
            counts[s.view.field] = counts.get(s.view.field, 0) + 1
    ordered = list(ctx.experience.main_fields)
    ordered += [f for f in sorted(counts, key=lambda f: (-counts[f], f)) if f not in ordered]
    return tuple(ordered[:5])


__all__ = ["ADVICE", "Flag", "score_profile"]
