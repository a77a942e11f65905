"""Open Badges: 2.0 assertions, 3.0 credentials, arrays of either, and Credly's badges.json.

Shapes (shared/reference/linkedin-formats.md §8):

- OB 2.0 ``Assertion``: ``badge`` (a BadgeClass object, or only its IRI), ``issuedOn``,
  ``expires``, ``revoked``; the BadgeClass carries ``name``, ``issuer``, ``alignment[]`` and
  ``tags[]``.
- OB 3.0 ``OpenBadgeCredential``/``AchievementCredential`` (a W3C Verifiable Credential):
  ``credentialSubject.achievement`` carries ``name``, ``achievementType``, ``alignment[]``,
  ``tag[]``; dates are ``validFrom``/``validUntil`` (VC 2.0) or ``issuanceDate``/``expirationDate``
  (VC 1.1).
- Credly's earner export ``{"data": [{"badge_template": {...}, "issuer": {...}, ...}]}``.

Nothing is fetched (the parser makes no network calls) and no signature is verified: a badge that
names its BadgeClass only by IRI cannot be read and is skipped with a warning, and a badge marked
revoked is kept out with a warning. What the file says is what the profile says.
"""

from __future__ import annotations

from typing import Any

from parser.document import InputDocument
from parser.json_values import (
    date,
    first_text,
    host,
    is_web_url,
    json_document,
    names,
    objects,
    text,
    types,
    unique,
)
from parser.models import Certificate, Profile, Source
from parser.text import fold

ID = "open_badges"
PRIORITY = 6

FORMAT = "open-badges"
OB2_TYPES = frozenset({"assertion"})
OB3_TYPES = frozenset({"openbadgecredential", "achievementcredential"})
CONTEXT_MARKS = ("openbadges", "purl.imsglobal.org/spec/ob")

# OB 3.0 achievementType (and Credly type_category) -> Certificate.kind; anything else is "badge".
KINDS: dict[str, str] = {
    "certification": "certification",
    "certificate": "certification",
    "license": "license",
    "certificateofcompletion": "course",
    "course": "course",
    "learning": "course",  # Credly's type_category for course completions
}
# Credly badge states that mean the badge does not stand.
CREDLY_VOID_STATES = frozenset({"revoked", "rejected"})
CREDLY_BADGE_URL = "https://www.credly.com/badges/{id}"


def sniff(doc: InputDocument) -> bool:
    data = json_document(doc)
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        return any(isinstance(b, dict) and "badge_template" in b for b in data["data"])
    items = data if isinstance(data, list) else [data]
    return any(_shape(item) is not None for item in items)


def read(doc: InputDocument) -> Profile:
    data = doc.json
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        profile = Profile(Source(FORMAT, "credly"))
        for badge in objects(data["data"]):
            _add(profile, _credly(badge, profile.source))
        return profile
    items = data if isinstance(data, list) else [data]
    shapes = {_shape(item) for item in items} - {None}
    layout = "array" if isinstance(data, list) else next(iter(shapes), None)
    profile = Profile(Source(FORMAT, layout))
    for item in items:
        shape = _shape(item)
        if shape == "ob2":
            _add(profile, _ob2(item, profile.source))
        elif shape == "ob3":
            _add(profile, _ob3(item, profile.source))
        else:
            profile.source.warn("an item that is not an Open Badge was skipped")
    if not profile.certificates:
        profile.source.warn("no readable badge in the file")
    return profile


def _shape(item: Any) -> str | None:
    """'ob2', 'ob3' or None (not a badge)."""
    if not isinstance(item, dict):
        return None
    kinds = types(item.get("type")) | types(item.get("@type"))
    subject = item.get("credentialSubject")
    if kinds & OB3_TYPES or (isinstance(subject, dict) and "achievement" in subject):
        return "ob3"
    if kinds & OB2_TYPES or ("badge" in item and ("issuedOn" in item or "recipient" in item)):
        return "ob2"
    context = item.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if any(isinstance(c, str) and any(m in c for m in CONTEXT_MARKS) for c in contexts):
        return "ob2" if "badge" in item else None
    return None


def _add(profile: Profile, certificate: Certificate | None) -> None:
    if certificate is not None:
        profile.certificates.append(certificate)


def _ob2(assertion: dict[str, Any], source: Source) -> Certificate | None:
    badge = assertion.get("badge")
    if not isinstance(badge, dict):
        source.warn(f"a badge given only by its address ({text(badge) or 'no badge'}) was "
                    "skipped: badge classes are not fetched")
        return None
    name = first_text(badge, "name")
    if not name:
        source.warn("a badge without a name was skipped")
        return None
    if assertion.get("revoked") is True:
        reason = text(assertion.get("revocationReason"))
        source.warn(f"revoked badge left out: {name}" + (f" ({reason})" if reason else ""))
        return None
    identifier = text(assertion.get("id"))
    return Certificate(
        name=name,
        issuer=_issuer_name(badge.get("issuer")),
        issued=date(assertion.get("issuedOn")),
        expires=date(assertion.get("expires")),
        credential_id=None if is_web_url(identifier) else identifier,
        credential_url=identifier if is_web_url(identifier) else None,
        skills=_skills(badge, tags="tags"),
        kind="badge",
    )


def _ob3(credential: dict[str, Any], source: Source) -> Certificate | None:
    subject = objects(credential.get("credentialSubject"))
    achievement = objects(subject[0].get("achievement")) if subject else []
    details = achievement[0] if achievement else {}
    name = first_text(details, "name") or first_text(credential, "name")
    if not name:
        source.warn("a credential without an achievement name was skipped")
        return None
    if credential.get("revoked") is True:
        source.warn(f"revoked badge left out: {name}")
        return None
    identifier = text(credential.get("id"))
    license_number = first_text(subject[0], "licenseNumber") if subject else None
    return Certificate(
        name=name,
        issuer=_issuer_name(credential.get("issuer")),
        issued=date(first_text(credential, "validFrom", "issuanceDate", "issued")),
        expires=date(first_text(credential, "validUntil", "expirationDate")),
        credential_id=license_number or (None if is_web_url(identifier) else identifier),
        credential_url=identifier if is_web_url(identifier) else None,
        skills=_skills(details, tags="tag"),
        kind=KINDS.get(fold(text(details.get("achievementType")) or ""), "badge"),
    )


def _credly(badge: dict[str, Any], source: Source) -> Certificate | None:
    template = objects(badge.get("badge_template"))
    details = template[0] if template else {}
    name = first_text(details, "name")
    if not name:
        source.warn("a Credly badge without a template name was skipped")
        return None
    state = fold(text(badge.get("state")) or "")
    if state in CREDLY_VOID_STATES:
        source.warn(f"{state} badge left out: {name}")
        return None
    identifier = text(badge.get("id"))
    return Certificate(
        name=name,
        issuer=_credly_issuer(badge.get("issuer")),
        issued=date(first_text(badge, "issued_at_date", "issued_at")),
        expires=date(first_text(badge, "expires_at_date", "expires_at")),
        credential_id=identifier,
        credential_url=CREDLY_BADGE_URL.format(id=identifier) if identifier else None,
        skills=unique(names(details.get("skills"), "name")),
        kind=KINDS.get(fold(text(details.get("type_category")) or ""), "badge"),
    )


def _issuer_name(issuer: Any) -> str | None:
    """An issuer object's name; for a bare IRI, its host (the only readable part)."""
    if isinstance(issuer, dict):
        return first_text(issuer, "name") or host(text(issuer.get("id")))
    return host(text(issuer))


def _credly_issuer(issuer: Any) -> str | None:
    if not isinstance(issuer, dict):
        return None
    entities = objects(issuer.get("entities"))
    primary = [e for e in entities if e.get("primary") is True] or entities
    for entry in primary:
        entity = entry.get("entity")
        if isinstance(entity, dict) and (name := first_text(entity, "name")):
            return name
    return first_text(issuer, "summary")


def _skills(details: dict[str, Any], tags: str) -> list[str]:
    """Alignment targets (framework skills) first, then free tags."""
    return unique(names(details.get("alignment"), "targetName") + names(details.get(tags)))
