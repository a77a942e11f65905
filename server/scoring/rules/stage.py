"""Stage: where the candidate is in their career, which sets how much certificates count.

From positions and dates only (never age or graduation year): under ``entry-months`` of positions
is entry level; a recent move (latest position started within ``change-months``) into a field
unrelated to the earlier experience, or a role in such a field, is a career changer; at least
``senior-months``, or ``senior-title-months`` with a seniority word in a title, is senior; the rest
are experienced. ``weights`` say how much certificates count at each stage: the profile score is
pulled toward ``neutral`` by the rest, so a senior with few certificates is not penalised.

Options: ``entry-months`` (24), ``senior-months`` (144), ``senior-title-months`` (84),
``change-months`` (36), ``senior-words`` (list), ``weights`` (stage -> 0..1), ``neutral`` (50).

PASS (experienced): Data Analyst 2019–2025
FAIL (flag ``entry_level``): one internship, 2025-03 – 2025-08
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.scoring.context import Context
from server.scoring.matching import tokens
from server.scoring.report import Flag
from server.scoring.rules import Finding, Scored

ID = "stage"
CONF = {"entry-months": int, "senior-months": int, "senior-title-months": int,
        "change-months": int, "senior-words": list, "weights": dict, "neutral": float}
DEFAULT: dict[str, Any] = {
    "entry-months": 24,
    "senior-months": 144,
    "senior-title-months": 84,
    "change-months": 36,
    # Not "staff": a Staff Engineer is senior, a Staff Nurse or Staff Accountant is not.
    "senior-words": ["senior", "sr", "lead", "principal", "head", "director", "chief",
                     "vp", "vice president", "partner", "manager", "superintendent", "leiter",
                     "leiterin", "directeur", "directrice", "directora", "jefe",
                     "jefa", "gerente", "responsable", "diretor", "diretora"],
    "weights": {"entry_level": 1.0, "career_changer": 0.9, "experienced": 0.75, "senior": 0.55},
    "neutral": 50.0,
}


def decide(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> tuple[str, str]:
    """(stage, the reason in words)."""
    exp = ctx.experience
    years = _years(exp.months)
    if exp.months < conf["entry-months"]:
        return "entry_level", f"{years} of positions" if exp.months else "no positions listed"
    moved = _moved_field(conf, ctx, scored)
    if moved:
        return "career_changer", moved
    seniority = _senior_title(conf, exp.titles)
    if exp.months >= conf["senior-months"] or (seniority and
                                               exp.months >= conf["senior-title-months"]):
        titled = f", titles such as \u201c{seniority}\u201d" if seniority else ""
        return "senior", f"{years} of positions{titled}"
    return "experienced", f"{years} of positions"


def evaluate(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> Finding:
    stage, why = decide(conf, ctx, scored)
    weight = float(conf["weights"].get(stage, 1.0))
    share = f"certificates count for {round(weight * 100)}% of the judgement"
    sentences = {
        "entry_level": f"Entry level ({why}): certificates are among the few signals available, "
                       f"so {share}.",
        "career_changer": f"Career changer ({why}): certificates show preparation for the new "
                          f"field, so {share}.",
        "experienced": f"Experienced ({why}): the positions speak first; {share}.",
        "senior": f"Senior ({why}): experience speaks first and few certificates are normal at "
                  f"this stage, never held against them; {share}.",
    }
    flags = (Flag("entry_level", f"Entry level ({why})."),) if stage == "entry_level" else ()
    return Finding(flags=flags, sentences=(sentences[stage],),
                   extra={"stage": stage, "weight": weight, "neutral": conf["neutral"]})


def _moved_field(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> str | None:
    cat = ctx.cat
    positions = sorted((w for w in ctx.experience.positions if w.start is not None),
                       key=lambda w: -(w.start or 0))
    if not positions:
        return None
    latest, earlier = positions[0], positions[1:]
    earlier_fields = sorted({w.field for w in earlier if w.field})
    recent = ctx.now - (latest.start or 0) <= conf["change-months"]

    def unrelated(field: str | None) -> bool:
        return field is not None and bool(earlier_fields) and all(
            cat.field_relation(field, f) == 0 for f in earlier_fields)

    if recent and earlier and unrelated(latest.field):
        return (f"moved into {cat.label('fields', latest.field)} as {latest.title} after "
                f"{', '.join(cat.label('fields', f) for f in earlier_fields)}")
    target = ctx.target.field
    everything = sorted({w.field for w in positions if w.field})
    towards = [s for s in scored if s.view.field and cat.field_relation(s.view.field, target) > 0]
    if (not ctx.target.from_direction and target and everything and towards
            and all(cat.field_relation(target, f) == 0 for f in everything)):
        return (f"experience in {', '.join(cat.label('fields', f) for f in everything)}, "
                f"certificates toward {cat.label('fields', target)}")
    return None


def _senior_title(conf: dict[str, Any], titles: tuple[str, ...]) -> str | None:
    words = [tuple(tokens(w)) for w in conf["senior-words"]]
    for title in titles:
        title_tokens = tokens(title)
        for phrase in words:
            n = len(phrase)
            if any(title_tokens[i:i + n] == phrase for i in range(len(title_tokens) - n + 1)):
                return title
    return None


def _years(months: int) -> str:
    if months < 12:
        return f"{months} month{'s' if months != 1 else ''}"
    years = months / 12
    return f"{years:.0f} year{'s' if round(years) != 1 else ''}" if years >= 3 else \
        f"{years:.1f} years"
