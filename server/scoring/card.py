"""A certificate's card: all the scorer concludes from a certificate's own text, kept together.

A certificate's text (``certificate.key_of``: name, issuer, credential host, listed skills) fixes
what it resolves to in the catalogue, and the verdicts of the rules that read nothing else (those
with ``READS = "certificate"``: provider, category, claims). The card keeps them under that text,
so a certificate seen before costs one memo lookup rather than one per step and rule; only what
depends on the role (relevance), the date (recency) and the rest of the profile (evidence) is
judged per request. On a miss, each part comes from its own finer memo, as before.

Privacy: a card holds its key (name, issuer, the credential link's host alone, listed skills),
catalogue ids, labels and the rules' sentences about the certificate's name and issuer; never
its dates, credential ID or link, its place on a profile or anything else of the candidate (the
CertView that carries those is built per request).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from parser.models import Certificate
from server.scoring.certificate import CertView, Reading, issuer_of, key_of, reading, view
from server.scoring.context import Context
from server.scoring.rules import Outcome

# (rule id, evaluate, options) of the rules whose Outcome a card holds, in registry order.
OwnRules = tuple[tuple[str, Callable[..., Outcome], dict[str, Any]], ...]


@dataclass(frozen=True, slots=True)
class Card:
    key: tuple[Any, ...]  # certificate.key_of
    issuer_id: str | None
    reading: Reading
    outcomes: Mapping[str, Outcome]  # rule id -> Outcome, for the certificate-only rules

    def view(self, cert: Certificate, index: int) -> CertView:
        """The CertView of ``cert`` (whose ``key_of`` is this card's) at ``index``."""
        return view(cert, index, self.key, self.issuer_id, self.reading)


def card_of(cert: Certificate, ctx: Context, own_rules: OwnRules) -> Card:
    """The card of ``cert``, remembered per catalogue under its ``key_of``.

    ``own_rules`` must be rules that read the certificate's own text alone, each with the
    catalogue's own options (what the rules' own memos require too), so that the Outcomes are
    the same for every certificate with this key."""
    key = key_of(cert)
    cat = ctx.cat
    return cat.recall("cards", key, lambda: _card(cert, key, ctx, own_rules))


def _card(cert: Certificate, key: tuple[Any, ...], ctx: Context, own_rules: OwnRules) -> Card:
    cat = ctx.cat
    options = cat.rule_options
    if options is None or any(options.get(rule_id) is not conf for rule_id, _, conf in own_rules):
        raise ValueError("a card holds verdicts under the catalogue's own rule options only")
    issuer_id = issuer_of(cat, key)
    r = reading(cat, key[0], key[1], issuer_id, key[3])
    shown = view(cert, 0, key, issuer_id, r)  # these rules read neither index nor dates
    return Card(key, issuer_id, r, {rule_id: evaluate(conf, shown, ctx)
                                    for rule_id, evaluate, conf in own_rules})
