"""JSON Resume (jsonresume/resume-schema v1.x), and what converters from LinkedIn make of it.

``certificates[]`` become certificates; ``basics``, ``work``, ``education`` (with its
``courses``), ``projects`` and ``skills`` (each name, then its keywords) fill the rest.
``awards[]`` are prizes, not learning certificates, and are left out on purpose.

Converters disagree (shared/reference/linkedin-formats.md §8): joshuatz/linkedin-to-jsonresume
writes ``startDate``/``endDate`` on certificates, others write ``date`` and a ``summary``; older
schema drafts call the employer ``company`` instead of ``name``. Each field below names every
spelling seen, first match wins; the schema itself has no expiry, so ``endDate`` is the only one.
"""

from __future__ import annotations

from typing import Any

from parser.document import InputDocument
from parser.json_values import date, first_text, json_document, names, objects, text, unique
from parser.models import Certificate, Course, Education, Person, Position, Profile, Project, Source

ID = "json_resume"
PRIORITY = 6

FORMAT = "json-resume"
TOP_LEVEL_KEYS = frozenset({
    "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects", "meta",
})
# Keys that mark other JSON this reader must not claim: linked data (Open Badges) and
# CertSignal's own Profile JSON.
FOREIGN_KEYS = frozenset({"@context", "badge", "credentialSubject", "source", "person"})

# Field spellings, in order of preference.
CERT_NAME = ("name", "title")
CERT_ISSUER = ("issuer", "authority", "organization", "awarder")
CERT_ISSUED = ("date", "startDate", "issueDate", "issued")
CERT_EXPIRES = ("endDate", "expiryDate", "expirationDate", "expires")
CERT_ID = ("credentialId", "credentialID", "licenseNumber", "credential_id")
CERT_URL = ("url", "credentialUrl", "credential_url")
WORK_COMPANY = ("name", "company", "organization")
WORK_TITLE = ("position", "title")
DESCRIPTION = ("summary", "description")


def sniff(doc: InputDocument) -> bool:
    data = json_document(doc)
    return (isinstance(data, dict) and bool(TOP_LEVEL_KEYS & data.keys())
            and not FOREIGN_KEYS & data.keys())


def read(doc: InputDocument) -> Profile:
    data: dict[str, Any] = doc.json
    profile = Profile(Source(FORMAT))
    for key in ("basics", "work", "education", "projects", "certificates", "skills"):
        value = data.get(key)
        if value is not None and not isinstance(value, dict | list):
            profile.source.warn(f"'{key}' is neither an object nor a list; it was ignored")
    basics = objects(data.get("basics"))
    profile.person = _person(basics[0]) if basics else Person()
    profile.certificates = _certificates(data.get("certificates"), profile.source)
    profile.positions = [_position(w) for w in objects(data.get("work"))]
    profile.education = [_education(e) for e in objects(data.get("education"))]
    profile.courses = [Course(c) for e in objects(data.get("education"))
                       for c in names(e.get("courses"), "name", "title")]
    profile.projects = [_project(p) for p in objects(data.get("projects"))]
    profile.skills = unique([s for item in _as_list(data.get("skills"))
                             for s in _skill_names(item)])
    if not profile.certificates:
        profile.source.warn("the JSON Resume lists no certificates")
    return profile


def _person(basics: dict[str, Any]) -> Person:
    return Person(
        name=text(basics.get("name")),
        headline=first_text(basics, "label", "headline"),
        about=first_text(basics, "summary", "about"),
        location=_location(basics.get("location")),
    )


def _location(value: Any) -> str | None:
    if isinstance(value, dict):
        parts = [text(value.get(k)) for k in ("city", "region", "countryCode")]
        return ", ".join(p for p in parts if p) or text(value.get("address"))
    return text(value)


def _certificates(value: Any, source: Source) -> list[Certificate]:
    found = []
    for item in objects(value):
        name = first_text(item, *CERT_NAME)
        if not name:
            source.warn("a certificate without a name was skipped")
            continue
        found.append(Certificate(
            name=name,
            issuer=_issuer(item),
            issued=date(first_text(item, *CERT_ISSUED)),
            expires=date(first_text(item, *CERT_EXPIRES)),
            credential_id=first_text(item, *CERT_ID),
            credential_url=first_text(item, *CERT_URL),
            skills=unique(names(item.get("skills"), "name") + names(item.get("keywords"))),
            kind="certification",
        ))
    return found


def _issuer(item: dict[str, Any]) -> str | None:
    """The issuer as text, or the name of an issuer object (some converters nest it)."""
    for key in CERT_ISSUER:
        value = item.get(key)
        name = first_text(value, "name") if isinstance(value, dict) else text(value)
        if name:
            return name
    return None


def _position(work: dict[str, Any]) -> Position:
    return Position(
        title=first_text(work, *WORK_TITLE),
        company=first_text(work, *WORK_COMPANY),
        start=date(work.get("startDate")),
        end=date(work.get("endDate")),
        description=_description(work),
        location=_location(work.get("location")),
    )


def _education(item: dict[str, Any]) -> Education:
    return Education(
        school=first_text(item, "institution", "school", "name"),
        degree=first_text(item, "studyType", "degree"),
        field=first_text(item, "area", "field"),
        start=date(item.get("startDate")),
        end=date(item.get("endDate")),
    )


def _project(item: dict[str, Any]) -> Project:
    return Project(
        title=first_text(item, "name", "title"),
        description=_description(item),
        start=date(item.get("startDate")),
        end=date(item.get("endDate")),
        url=text(item.get("url")),
    )


def _description(item: dict[str, Any]) -> str | None:
    """Summary and highlights together: the scorer looks in both for applied skills."""
    parts = [first_text(item, *DESCRIPTION), *names(item.get("highlights"))]
    return " ".join(p if p.endswith((".", "!", "?")) else f"{p}." for p in parts if p) or None


def _skill_names(item: Any) -> list[str]:
    """A skill object's name and keywords, or a bare string."""
    if isinstance(item, dict):
        return names(item.get("name")) + names(item.get("keywords"))
    return names(item)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
