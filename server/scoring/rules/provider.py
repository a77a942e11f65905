"""Provider: who issued the certificate, and whether that fits what its name claims.

The stated issuer (or the credential URL's domain) is looked up among the catalogue's issuers and
their aliases; its tier sets the value. An unknown issuer is never a heavy penalty: provider
matters less than skills. A name that claims a vendor or professional-body credential
("AWS Certified …", a catalogue exam such as "PMP") issued by someone else is an issuer mismatch —
except when that someone is a public licensing authority: one the rulebook lists as such (tier
``licensing_authority``, working in the credential's field), or an unknown issuer whose name says
so ("Illinois Board of Examiners", "Washington State Department of Health"). A CPA or a nursing
licence is granted by a jurisdiction even though a professional body sets the exam, so a
recruiter reads that issuer as the right one.

Options: ``tiers`` (tier -> value), ``unknown-value`` (0.5), ``mismatch-value`` (0.2),
``well-known-tiers`` (list), ``claim-words`` (words that claim a credential),
``authority-words`` (words that name a public licensing authority), ``authority-value`` (0.9).

PASS (flag ``well_known_provider``): "CPA" issued by "AICPA"
PASS (no flag):                      "CPA" issued by "Illinois Board of Examiners"
FAIL (flag ``issuer_mismatch``):     "AWS Certified Solutions Architect" issued by "Udemy"
"""

from __future__ import annotations

from typing import Any

from server.scoring.certificate import CREDENTIALING_TIERS, CertView
from server.scoring.context import Context
from server.scoring.matching import tokens
from server.scoring.report import Flag
from server.scoring.rules import Outcome, remembered

ID = "provider"
READS = "certificate"  # its own text alone: judged once per certificate card
CONF = {"tiers": dict, "unknown-value": float, "mismatch-value": float, "well-known-tiers": list,
        "claim-words": list, "authority-words": list, "authority-value": float}
DEFAULT: dict[str, Any] = {
    "tiers": {"vendor_exam": 1.0, "professional_body": 1.0, "licensing_authority": 1.0,
              "university": 0.85, "learning_platform": 0.65, "bootcamp": 0.6, "unknown": 0.5},
    "unknown-value": 0.5,
    "mismatch-value": 0.2,
    "well-known-tiers": ["vendor_exam", "professional_body", "licensing_authority",
                         "university"],
    "claim-words": ["certified", "certification", "certificacion", "certificacao", "certifie",
                    "zertifiziert", "zertifizierung"],
    # Words in the names of the public bodies that grant licences (boards of accountancy and of
    # nursing, state health departments, ministries, chambers), in the supported languages.
    "authority-words": ["board", "department", "ministry", "state", "commission", "government",
                        "authority", "agency", "licensing", "regulatory", "registry", "ministerio",
                        "ministere", "ministerium", "behorde", "kammer", "junta",
                        "consejo", "conselho", "ordre", "ordem", "colegio", "secretaria"],
    "authority-value": 0.9,
}
AUTHORITY = "licensing_authority"  # the tier of public bodies that grant licences
_TIER_WORDS = {"vendor_exam": "a vendor's exam", "professional_body": "a professional body",
               AUTHORITY: "a public licensing authority",
               "university": "a university", "learning_platform": "a learning platform",
               "bootcamp": "a bootcamp", "unknown": "an issuer of unknown standing"}


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    # Depends on the certificate's name (what it claims), its stated issuer and who that
    # resolved to only: remembered per catalogue under those, so the same certificate with other
    # listed skills or credential links shares the answer.
    key = (cert.cert.name, cert.cert.issuer, cert.issuer_id) if cert.meaning is not None \
        else None  # a view built by hand: its parts need not agree with its name
    return remembered(ID, conf, ctx.cat, key, lambda: judge(conf, cert, ctx))


def judge(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    book = ctx.book
    stated = cert.cert.issuer or None
    issuer = book.issuers.get(cert.issuer_id or "", {})
    claimed = _claimed_issuer(conf, cert, ctx)
    if claimed is not None and claimed != cert.issuer_id and (stated or cert.issuer_id):
        claimed_name = book.issuers[claimed]["name"]
        if stated and _grants_licences(conf, ctx, stated, cert.issuer_id, claimed):
            return Outcome(conf["authority-value"],
                           f"Granted by {stated}, a public licensing authority: the right issuer "
                           f"for a licence whose exam {claimed_name} sets.")
        shown = stated or issuer.get("name", "another issuer")
        message = f"The name claims a credential from {claimed_name}, but it was issued by {shown}."
        return Outcome(conf["mismatch-value"], f"{message} Worth asking for the record from "
                       f"{claimed_name} itself; until then it reads as a course about it.",
                       (Flag("issuer_mismatch", message),))
    if not issuer:
        who = f"\u201c{stated}\u201d is not an issuer the rulebook knows" if stated else \
            "No issuer is shown"
        return Outcome(conf["unknown-value"], f"{who}; that adds uncertainty but is not held "
                       "against it: skills matter more than the provider.",
                       (Flag("unknown_provider", "Issuer not recognised."),))
    tier = issuer["tier"]
    value = float(conf["tiers"].get(tier, conf["unknown-value"]))
    # An authority is often known as a kind ("State board of nursing (US)"): the profile's own
    # words name the one that granted it ("Ohio Board of Nursing").
    name = stated if stated and tier == AUTHORITY else issuer["name"]
    note = f"Issued by {name}, {_TIER_WORDS.get(tier, tier)}."
    flags: tuple[Flag, ...] = ()
    if tier in conf["well-known-tiers"]:
        flags = (Flag("well_known_provider", f"Well-known provider: {name}."),)
    elif tier == "unknown":
        flags = (Flag("unknown_provider", f"{name} is of unknown standing."),)
    return Outcome(value, note, flags)


def _claimed_issuer(conf: dict[str, Any], cert: CertView, ctx: Context) -> str | None:
    """The issuer the certificate's name claims a credential from, if it claims one.

    A catalogue exam (PMP, AZ-104) claims its issuer. Otherwise, a vendor or professional body
    named together with a word like "Certified" does; a course "about AWS" does not.
    """
    entry = cert.entry
    if entry and entry.get("assessment") == "exam":
        return str(entry["issuer"])
    words = set(tokens(cert.cert.name))
    if not words & set(conf["claim-words"]):
        return None
    for brand in cert.brands:
        if ctx.book.issuers[brand]["tier"] in CREDENTIALING_TIERS:
            return brand
    return None


def _grants_licences(conf: dict[str, Any], ctx: Context, stated: str, issuer_id: str | None,
                     claimed: str) -> bool:
    """Is the issuer a public body that may grant a licence whose exam ``claimed`` sets?

    One the rulebook lists as a licensing authority must work in (or next to) a field of that
    body: a nursing council grants what a nursing board examines, a transport agency no CPA.
    An unknown one is taken at its name's word ("State Board of Nursing")."""
    issuer = ctx.book.issuers.get(issuer_id or "")
    if issuer is None:
        return _is_authority(conf, stated)
    return issuer["tier"] == AUTHORITY and any(
        ctx.cat.field_relation(f, g) > 0 for f in issuer["fields"]
        for g in ctx.book.issuers[claimed].get("fields", ()))


def _is_authority(conf: dict[str, Any], issuer: str) -> bool:
    """Does the issuer's name say it is a public licensing body ("State Board of Nursing")?"""
    return bool(set(tokens(issuer)) & set(conf["authority-words"]))
