"""What scoring needs from a rulebook besides its catalogue, worked out once per rulebook.

The rules' validated options, which certificate rules are judged once per certificate (those
with ``READS = "certificate"``, kept on its card) and which on every request, the signals'
weights and the score bands: read from the rulebook on its first request rather than on every
request and certificate.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from server.rulebook import Rulebook
from server.scoring import rules
from server.scoring.card import OwnRules
from server.scoring.matching import Catalogue
from server.scoring.report import SIGNALS
from server.scoring.rules import Outcome

DEFAULT_WEIGHTS = {"relevance": 0.4, "recency": 0.15, "provider": 0.1, "evidence": 0.25,
                   "claims": 0.1}
DEFAULT_BANDS = {"strong": 70.0, "moderate": 45.0, "weak": 20.0}


@dataclass(frozen=True, slots=True)
class Plan:
    conf: dict[str, dict[str, Any]]  # the catalogue's own rule options (so rules may memoise)
    # The certificate rules in registry order: (rule id, its evaluate, its options), with None
    # for evaluate when the rule reads the certificate's text alone (its Outcome is on the card).
    certificate_rules: tuple[tuple[str, Callable[..., Outcome] | None, dict[str, Any]], ...]
    own_rules: OwnRules  # the rules on the card, with their evaluate
    signal_weights: tuple[tuple[str, float], ...]  # SIGNALS with their weights, in order
    total_weight: float  # their sum, added up in that order
    bands: dict[str, float]


_PLANS: weakref.WeakKeyDictionary[Catalogue, Plan] = weakref.WeakKeyDictionary()


def plan_of(book: Rulebook, cat: Catalogue) -> Plan:
    """The Plan of ``book`` (whose Catalogue is ``cat``), made on first use."""
    plan = _PLANS.get(cat)
    if plan is None:
        plan = _PLANS[cat] = _make(book, cat)
    return plan


def rule_options(book: Rulebook, cat: Catalogue) -> dict[str, dict[str, Any]]:
    """Validated rule options, once per rulebook (kept on its Catalogue, where ``remembered``
    recognises them as the ones whose answers may be memoised)."""
    if cat.rule_options is None:
        cat.rule_options = rules.options(book)
    return cat.rule_options


def _make(book: Rulebook, cat: Catalogue) -> Plan:
    conf = rule_options(book, cat)
    weights = {**DEFAULT_WEIGHTS, **book.ruleset.get("weights", {})}
    signal_weights = tuple((name, weights.get(name, 0.0)) for name in SIGNALS)
    total_weight = 0.0
    for _name, weight in signal_weights:
        total_weight += weight
    on_card = {rule_id for rule_id, module in rules.CERTIFICATE_RULES.items()
               if getattr(module, "READS", None) == "certificate"}
    return Plan(
        conf=conf,
        certificate_rules=tuple(
            (rule_id, None if rule_id in on_card else module.evaluate, conf[rule_id])
            for rule_id, module in rules.CERTIFICATE_RULES.items()),
        own_rules=tuple((rule_id, module.evaluate, conf[rule_id])
                        for rule_id, module in rules.CERTIFICATE_RULES.items()
                        if rule_id in on_card),
        signal_weights=signal_weights, total_weight=total_weight,
        bands={**DEFAULT_BANDS, **book.ruleset.get("bands", {})})
