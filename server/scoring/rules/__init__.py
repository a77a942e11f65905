"""The rules, one module per signal, in an explicit registry.

Every rule module has ``ID``, ``CONF`` (option name -> type), ``DEFAULT`` (option values), a module
docstring with PASS/FAIL examples, and ``evaluate``:

- certificate rules: ``evaluate(conf, cert: CertView, ctx: Context) -> Outcome``
- profile rules:     ``evaluate(conf, ctx: Context, scored: Sequence[Scored]) -> Finding``

A certificate rule may also say ``READS = "certificate"``: its Outcome depends on nothing but the
certificate's own text (name, issuer, credential host, listed skills, and what those resolve to
in the catalogue), never on its dates, the role or the rest of the profile. The engine then judges
it once per distinct certificate and keeps the Outcome on the certificate's card
(``server.scoring.card``). A rule that does not say so is judged on every request.

Options come from ``ruleset.rules.<id>`` in the rulebook, merged over ``DEFAULT`` and validated by
``options``: an unknown name or a wrong type raises ``RulebookError`` naming rule and option.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from server.rulebook import Rulebook, RulebookError
from server.scoring.certificate import CertView
from server.scoring.matching import Catalogue
from server.scoring.report import Flag, Signal


@dataclass(frozen=True, slots=True)
class Outcome(Signal):
    """A certificate rule's verdict: a value in 0..1, the sentence behind it, and flags.

    ``cap`` (0..100), when set, is the highest score the certificate may get whatever its other
    merits (an expired credential certifies nothing current, however relevant).

    An Outcome is itself the report's Signal (its value and note): most Outcomes are remembered
    and appear in many reports, which then share it instead of each holding a copy.
    """

    flags: tuple[Flag, ...] = ()
    cap: float | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """A certificate after the certificate rules: what profile rules look at."""

    view: CertView
    outcomes: Mapping[str, Outcome]
    score: float  # 0..100
    flag_ids: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # Profile rules ask ``has`` many times per certificate: collect the ids once.
        object.__setattr__(self, "flag_ids", frozenset(
            f.id for o in self.outcomes.values() for f in o.flags))

    def has(self, flag: str) -> bool:
        return flag in self.flag_ids

    @property
    def issued(self) -> str | None:
        return self.view.cert.issued


@dataclass(frozen=True, slots=True)
class Finding:
    """A profile rule's verdict: flags, narrative sentences, and a score adjustment in points."""

    flags: tuple[Flag, ...] = ()
    sentences: tuple[str, ...] = ()
    adjustment: float = 0.0
    extra: Mapping[str, Any] = field(default_factory=dict)


def remembered(rule_id: str, conf: Mapping[str, Any], cat: Catalogue, key: Hashable | None,
               compute: Callable[[], Outcome]) -> Outcome:
    """``compute()``, remembered per catalogue under ``key`` when that is safe.

    For a rule whose Outcome depends only on what ``key`` stands for and on its options: it is
    safe when the options are the catalogue's own (validated once, never changed) and there is
    a key (None: some part of it is unknown, e.g. a view built by hand). Rules called with other
    options (tests, experiments) are computed every time.
    """
    options = cat.rule_options
    if key is None or options is None or options.get(rule_id) is not conf:
        return compute()
    return cat.recall(rule_id, key, compute)


def known(*parts: Any) -> tuple[Any, ...] | None:
    """``parts`` as a memo key, or None when one of them is missing (``()`` or None)."""
    for part in parts:  # (a loop, not any() over a generator: called per rule and certificate)
        if part is None or part == ():
            return None
    return parts


def _registry() -> tuple[dict[str, ModuleType], dict[str, ModuleType]]:
    from server.scoring.rules import (
        category,
        claims,
        coherence,
        evidence,
        provider,
        recency,
        relevance,
        stage,
        story,
        view,
        volume,
    )

    certificate = {m.ID: m for m in (relevance, recency, provider, category, evidence, claims)}
    profile = {m.ID: m for m in (stage, volume, coherence, story, view)}
    return certificate, profile


CERTIFICATE_RULES, PROFILE_RULES = _registry()
ALL_RULES: dict[str, ModuleType] = {**CERTIFICATE_RULES, **PROFILE_RULES}


def get(rule_id: str) -> ModuleType:
    try:
        return ALL_RULES[rule_id]
    except KeyError:
        raise ValueError(f"no such rule: {rule_id!r}") from None


def options(book: Rulebook) -> dict[str, dict[str, Any]]:
    """Every rule's options: DEFAULT overlaid with ``ruleset.rules.<id>``, type-checked."""
    configured = book.ruleset.get("rules", {}) or {}
    where = book.origin.get("ruleset", "ruleset.yaml")
    for rule_id in sorted(configured):
        if rule_id not in ALL_RULES:
            raise RulebookError(where, f"ruleset.rules.{rule_id}: no such rule "
                                       f"(known: {', '.join(sorted(ALL_RULES))})")
    return {rule_id: validate(rule_id, configured.get(rule_id) or {}, where)
            for rule_id in ALL_RULES}


def validate(rule_id: str, given: Mapping[str, Any], where: str = "ruleset") -> dict[str, Any]:
    module = get(rule_id)
    conf = dict(module.DEFAULT)
    for name, value in given.items():
        expected = module.CONF.get(name)
        if expected is None:
            raise RulebookError(where, f"ruleset.rules.{rule_id}: unknown option {name!r} "
                                       f"(options: {', '.join(sorted(module.CONF))})")
        if not _fits(value, expected):
            raise RulebookError(where, f"ruleset.rules.{rule_id}.{name}: expected "
                                       f"{_type_name(expected)}, got {value!r}")
        conf[name] = float(value) if expected is float else value
    return conf


def _fits(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def _type_name(expected: type) -> str:
    return {float: "a number", int: "an integer", list: "a list", dict: "a mapping",
            str: "a string", bool: "true or false"}.get(expected, expected.__name__)


__all__ = ["ALL_RULES", "CERTIFICATE_RULES", "PROFILE_RULES", "CertView", "Finding", "Outcome",
           "Scored", "get", "known", "options", "remembered", "validate"]
