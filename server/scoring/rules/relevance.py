"""Relevance: does the certificate teach what the role needs?

The certificate's skills (catalogue entry, else skills named in its title or listed with it) are
compared with the role's skills (its family's, plus those its title, job description and listed
skills name), each weighted by rarity (IDF over the catalogue), so a shared "Power BI" says more
than a shared "communication". A certificate skill the role does not list still earns part credit
(``field-skill-credit``) when it belongs to the role's field, less for a field next to it
(``related-credit``). The certificate's field, compared with the role's, weighs ``field-weight``.
A certificate with neither skills nor field falls back to the share of its words that the role
also uses (capped at ``word-cap``); one nothing is known about gets ``unknown-value``: below any
reasoned match, above a proven mismatch, because unknown is not the same as irrelevant.

What the catalogue does not list is also read for meaning: the closeness of the certificate's
name, issuer and listed skills to the role's title, description and skills (``similarity``: static
word vectors, cosine mapped to 0..1 between ``unrelated-at`` and ``similar-at``; names in other
languages read through the rulebook's ``glossary``) makes up ``unknown-similarity-weight`` of its
value, though it never lowers the value of one whose skills the role shares ("Registered
Polysomnographic Technologist" for a "Sleep Lab Technologist" shares no skill the rulebook
knows, but reads close). A catalogue
certificate is judged by what the catalogue says (``similarity-weight``, 0 by default): the
rulebook knows it, and meaning alone is fooled by shared words ("Cloud" kitchens).
Measured by benchmarks/relevance_auc.py (ROC AUC over recruiter-labelled pairs).

Options: ``relevant-at`` (0.5), ``off-target-below`` (0.2), ``field-weight`` (0.35),
``field-skill-credit`` (0.5), ``related-credit`` (0.5), ``word-cap`` (0.5), ``unknown-value``
(0.1), ``no-role-value`` (0.5: no role and no direction), ``gate-floor`` (0.3: what an
off-target certificate's other merits still count for), ``other-language-value`` (0.0: a
language certificate whose language the role does not name), ``similarity-weight`` (0.0),
``unknown-similarity-weight`` (0.5), ``similar-at`` (0.7), ``unrelated-at`` (0.0). The shipped
ruleset.yaml tunes some.

A language certificate (JLPT, Goethe, DELF: its field is languages and its technical skills are
languages) attests one thing, the language; it is relevant only to a role that names that
language in its title, description or listed skills, however close the fields are (JLPT N1 is
no use to a Spanish–English interpreter).

PASS (flag ``relevant``):   "Microsoft Certified: Power BI Data Analyst" for "Data Analyst"
FAIL (flag ``off_target``): "AWS Certified Cloud Practitioner" for "Cloud Kitchen Manager"
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from server.scoring import glossary, similarity
from server.scoring.certificate import CertView, own_acronyms
from server.scoring.context import Context
from server.scoring.matching import LANGUAGES, Catalogue, content_words, stem
from server.scoring.report import Flag
from server.scoring.role import Target
from server.scoring.rules import Outcome, known, remembered

ID = "relevance"
CONF = {"relevant-at": float, "off-target-below": float, "field-weight": float,
        "field-skill-credit": float, "word-cap": float, "no-role-value": float,
        "gate-floor": float, "unknown-value": float, "related-credit": float,
        "other-language-value": float, "similarity-weight": float,
        "unknown-similarity-weight": float, "similar-at": float, "unrelated-at": float}
DEFAULT: dict[str, Any] = {"relevant-at": 0.5, "off-target-below": 0.2, "field-weight": 0.35,
                           "field-skill-credit": 0.5, "word-cap": 0.5, "no-role-value": 0.5,
                           "gate-floor": 0.3, "unknown-value": 0.1, "related-credit": 0.5,
                           "other-language-value": 0.0, "similarity-weight": 0.0,
                           "unknown-similarity-weight": 0.5, "similar-at": 0.7,
                           "unrelated-at": 0.0}


def gate(conf: dict[str, Any], value: float) -> float:
    """How much of a certificate's other merits count, given its relevance.

    An off-target certificate counts for little however recent or well-known it is: below
    ``relevant-at`` its score is scaled down toward ``gate-floor``.
    """
    floor = float(conf["gate-floor"])
    return floor + (1 - floor) * min(1.0, value / float(conf["relevant-at"]))


class Reading(NamedTuple):
    """A relevance value and what it rests on."""

    value: float
    shared: list[str]  # skill labels (or words) the certificate shares with the role
    other: list[str]  # its skill labels the role does not need
    closeness: float | None = None  # closeness in meaning (0..1), when it counts
    weight: float = 0.0  # the share of ``value`` that ``closeness`` makes up


def score(conf: dict[str, Any], cert: CertView, target: Target, cat: Catalogue) -> Reading:
    """The value and its grounds — the pure number, for benchmarks."""
    attested = languages_of(cert, cat)
    if attested and not attested & target.languages:
        labels = [cat.label("skills", s) for s in sorted(attested)]
        return Reading(float(conf["other-language-value"]), [], labels)
    value, shared, other = _by_rulebook(conf, cert, target, cat)
    weight = float(conf["similarity-weight" if cert.how == "catalogue"
                        else "unknown-similarity-weight"])
    closeness = _closeness(conf, cert, target, cat) if weight else None
    if closeness is None:
        return Reading(value, shared, other)
    blended = (1 - weight) * value + weight * closeness
    if cert.how == "skills" and shared and blended < value:
        # Skills the rulebook recognised in it, and the role needs, are evidence; a reading of
        # the words for meaning may add to it but not veto it (it misreads trade jargon).
        return Reading(value, shared, other, closeness, 0.0)
    return Reading(blended, shared, other, closeness, weight)


_WORDS = re.compile(r"(\w+)")  # splits a text into its words and what lies between them


def _closeness(conf: dict[str, Any], cert: CertView, target: Target,
               cat: Catalogue) -> float | None:
    """The cosine of certificate and role texts, mapped to 0..1 (None: nothing to compare)."""
    c = cert.cert
    # Its own acronym stands for its own words, already read: "Certified Risk Manager (CRM)"
    # is not about customer relationships.
    own = own_acronyms(c.name)
    # (Word by word on the raw name: the word vectors tell an unknown acronym by its capitals.)
    name = "".join(" " if part.lower() in own else part for part in _WORDS.split(c.name)) \
        if own else c.name
    text = ". ".join(filter(None, [name, c.issuer, ", ".join(c.skills)]))
    cosine = similarity.cosine(glossary.vector(text, cat), target.vector)
    if cosine is None:
        return None
    low, high = float(conf["unrelated-at"]), float(conf["similar-at"])
    return max(0.0, min(1.0, (cosine - low) / ((high - low) or 1.0)))


def _by_rulebook(conf: dict[str, Any], cert: CertView, target: Target,
                 cat: Catalogue) -> tuple[float, list[str], list[str]]:
    def near(field: str) -> float:  # 1 for the role's own field, ``related-credit`` next to it
        closeness = target.fields.get(field, 0.0)
        return closeness if closeness >= 1.0 else closeness * 2 * conf["related-credit"]

    field_part = max((confidence * near(f)
                      for f, confidence in cert.fields.items()), default=0.0)
    if cert.skills and (target.skills or target.fields):
        num = den = 0.0
        shared: list[str] = []
        other: list[str] = []
        for skill, weight in cert.skills.items():
            rare = cat.idf.get(skill, 1.0) * weight
            credit = target.skills.get(skill, 0.0)
            if credit:
                shared.append(cat.label("skills", skill))
            else:
                other.append(cat.label("skills", skill))
                closeness = max((near(f) for f in cat.skill_fields(skill)),
                                default=0.0)
                credit = conf["field-skill-credit"] * closeness
            num += rare * credit
            den += rare
        precision = num / den if den else 0.0
        if not cert.fields:
            return precision, shared, other
        weight = conf["field-weight"]
        return (1 - weight) * precision + weight * field_part, shared, other
    if cert.fields and target.fields:
        return field_part, [], []
    # Words are the last resort. Of a certificate whose skills are known (facing a role whose
    # are not), only the words that name one of those skills count: the rest of its name is
    # shared by chance ("Green Belt" and a karate instructor's belts), "Kubernetes" or
    # "Compensation" is not.
    words = cert.words & target.words
    if cert.skills:
        words &= frozenset().union(*(cat.skill_words.get(s, ()) for s in cert.skills))
    if cert.words and words:
        def word_rarity(word: str) -> float:
            return cat.word_idf.get(word, cat.unseen_word_idf)

        share = sum(map(word_rarity, words)) / sum(map(word_rarity, cert.words))
        shown = sorted({w for w in content_words(cert.cert.name) if stem(w) in words})
        return max(conf["unknown-value"], min(conf["word-cap"], share)), shown, []
    # Nothing known about it: below anything with a reason to be relevant, above anything known
    # to be off-target, so an unknown certificate is not ranked as if it were proven irrelevant.
    return float(conf["unknown-value"]), [], []


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    # A pure function of the certificate, the role and the options: remembered (recruiters score
    # many profiles for one role, and certificates recur). Only the Outcome is kept. A catalogue
    # certificate is judged by what it resolved to; one outside it also by its own text (issuer
    # and listed skills are read for meaning), so that text is the key.
    identity: object = cert.meaning
    if cert.how != "catalogue" and cert.meaning is not None:
        identity = (cert.meaning, cert.cert.issuer, tuple(cert.cert.skills))
    return remembered(ID, conf, ctx.cat, known(identity, ctx.target.key),
                      lambda: judge(conf, cert, ctx.target, ctx.cat))


def judge(conf: dict[str, Any], cert: CertView, target: Target, cat: Catalogue) -> Outcome:
    """The relevance Outcome: value, the sentence behind it and its flag."""
    if not target.known:
        return Outcome(conf["no-role-value"], "No role or direction to compare it with, so its "
                       "relevance is left neutral.")
    reading = score(conf, cert, target, cat)
    value, shared, other = reading.value, reading.shared, reading.other
    role = _role_name(target, cat)
    attested = languages_of(cert, cat)
    if attested and not attested & target.languages:
        names = _list([cat.label("skills", s) for s in sorted(attested)])
        return Outcome(value, f"Off-target for {role}: it attests {names}, which the role does "
                       "not name.", (Flag("off_target", f"Off-target for {role}."),))
    basis = {"catalogue": "", "skills": " (not in the catalogue; judged from the skills its name "
             "and listing show)", "words": " (not in the catalogue; judged from its words only)"}
    field = cat.label("fields", cert.field) if cert.field else None
    flags: tuple[Flag, ...] = ()
    if value >= conf["relevant-at"]:
        if cert.how == "words" and shared:
            covers = f"shares the words {_list(shared)}"
        elif shared:
            covers = f"covers {_list(shared)}"
        elif reading.closeness is not None or not field:
            covers = "it reads close to the role"
        else:
            covers = f"is in {field}"
        note = f"Relevant to {role}: {covers}{basis[cert.how]}."
        flags = (Flag("relevant", f"Relevant to {role}."),)
    elif value < conf["off-target-below"]:
        skills = other or shared
        if skills and field:
            why = f"its skills ({_list(skills)}) belong to {field}, not to what the role needs"
        elif skills:
            why = f"its skills ({_list(skills)}) are not what the role needs"
        else:
            why = "nothing in it matches what the role needs"
        note = f"Off-target for {role}: {why}{basis[cert.how]}."
        flags = (Flag("off_target", f"Off-target for {role}."),)
    else:
        if shared:
            part = f"shares {_list(shared)}" if cert.how != "words" else \
                f"shares the words {_list(shared)}"
        else:
            part = f"its field ({field}) is next to the role's" if field else "a few words overlap"
        note = f"Partly relevant to {role}: {part}{basis[cert.how]}."
    if reading.closeness is not None:
        note += " " + _meaning(reading.closeness, reading.weight)
    return Outcome(value, note, flags)


def _meaning(closeness: float, weight: float) -> str:
    """The sentence that explains the share of the value that closeness in meaning makes up."""
    how = "close to" if closeness >= 0.6 else "somewhat close to" if closeness >= 0.35 \
        else "far from"
    read = f"Read for meaning, its name is {how} the role ({closeness:.2f} of 1)"
    if not weight:
        return f"{read}; the skills it shares with the role count for more."
    return f"{read}, which makes up {weight:.0%} of its relevance."


def languages_of(cert: CertView, cat: Catalogue) -> frozenset[str]:
    """The languages a language certificate attests: its skills that are languages ("German
    language"), when languages are the certificate's own field. Translating and interpreting
    are trades of that field, not languages: a medical interpreter's certificate attests the
    trade (and the role that needs it says so by its skills)."""
    if cert.field != LANGUAGES:
        return frozenset()
    return frozenset(s for s in cert.skills if s in cat.language_skills)


def _role_name(target: Target, cat: Catalogue) -> str:
    name = target.title or cat.label("roles", target.family)
    if target.field:
        return f"{name} ({cat.label('fields', target.field)})"
    return name


def _list(items: list[str], limit: int = 3) -> str:
    shown = items[:limit]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more
