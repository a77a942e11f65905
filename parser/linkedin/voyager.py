"""Voyager JSON embedded in ``<code id="bpr-guid-N">`` blocks (reliable up to about 2021).

Each block holds ``{"data": {..., "*elements": [urn, …]}, "included": [entity, …]}``; entities
carry ``$type`` and ``entityUrn``. ``included`` is not in page order, so entities are reordered by
the ``*elements`` lists. Only blocks that mention profile types are decoded: a saved page holds
dozens of navigation and configuration blocks that would cost time for nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from parser.html_lines import guess_kind
from parser.linkedin.entries import is_credential_url
from parser.linkedin.page import Page
from parser.models import Certificate, Course, Education, Person, Position, Profile, Project
from parser.text import clean

_PROFILE_TYPES = "identity.profile."
# ``$type`` suffixes, dash ("com.linkedin.voyager.dash.identity.profile.Certification") and legacy
# ("com.linkedin.voyager.identity.profile.Certification") alike.
CERTIFICATION = ".identity.profile.Certification"


def entities(page: Page) -> list[dict[str, Any]]:
    """Every profile entity in the page's code blocks, in page order where known."""
    if "voyager" not in page.memo:
        page.memo["voyager"] = _entities(page)
    return list(page.memo["voyager"])


def _entities(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    order: dict[str, int] = {}
    for code in page.voyager_codes:
        text = code.text or ""
        if _PROFILE_TYPES not in text:
            continue
        try:
            block = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            page.warn(f"an embedded data block ({code.get('id')}) is not valid JSON; skipped")
            continue
        if not isinstance(block, dict):
            continue
        data = block.get("data")
        if isinstance(data, dict):
            for urn in data.get("*elements") or []:
                if isinstance(urn, str):
                    order.setdefault(urn, len(order))
        for entity in block.get("included") or []:
            if isinstance(entity, dict) and isinstance(entity.get("$type"), str):
                found.append(entity)
    position = {id(e): i for i, e in enumerate(found)}
    return sorted(found, key=lambda e: (order.get(str(e.get("entityUrn")), len(order)),
                                        position[id(e)]))


def of_type(items: list[dict[str, Any]], suffix: str) -> Iterator[dict[str, Any]]:
    return (e for e in items if str(e["$type"]).endswith(suffix))


def has_certifications(page: Page) -> bool:
    return any(True for _ in of_type(entities(page), CERTIFICATION))


def read_voyager(page: Page, layout: str) -> Profile:
    from parser.linkedin.profile import FORMAT
    from parser.models import Source

    items = entities(page)
    profile = Profile(source=Source(format=FORMAT, layout=layout))
    for e in of_type(items, ".identity.profile.Profile"):
        first, last = _text(e.get("firstName")), _text(e.get("lastName"))
        profile.person = Person(
            name=clean(" ".join(p for p in (first, last) if p)),
            headline=_text(e.get("headline")),
            about=_text(e.get("summary")),
            location=_text(e.get("geoLocationName")) or _text(e.get("locationName")),
        )
        break
    for e in of_type(items, CERTIFICATION):
        name = _text(e.get("name"))
        if not name:
            continue
        start, end = _range(e)
        url = _text(e.get("url"))
        profile.certificates.append(Certificate(
            name=name, issuer=_text(e.get("authority")), issued=start, expires=end,
            credential_id=_text(e.get("licenseNumber")),
            credential_url=url if url and is_credential_url(url) else None,
            kind=guess_kind(name),
        ))
    for e in of_type(items, ".identity.profile.Position"):
        start, end = _range(e)
        profile.positions.append(Position(
            title=_text(e.get("title")), company=_text(e.get("companyName")), start=start,
            end=end, description=_text(e.get("description")),
            location=_text(e.get("locationName")) or _text(e.get("geoLocationName")),
        ))
    for e in of_type(items, ".identity.profile.Education"):
        start, end = _range(e)
        profile.education.append(Education(
            school=_text(e.get("schoolName")), degree=_text(e.get("degreeName")),
            field=_text(e.get("fieldOfStudy")), start=start, end=end,
        ))
    for e in of_type(items, ".identity.profile.Project"):
        start, end = _range(e)
        profile.projects.append(Project(
            title=_text(e.get("title")), description=_text(e.get("description")), start=start,
            end=end, url=_text(e.get("url")),
        ))
    for e in of_type(items, ".identity.profile.Skill"):
        skill = _text(e.get("name"))
        if skill and skill not in profile.skills:
            profile.skills.append(skill)
    for e in of_type(items, ".identity.profile.Course"):
        course = _text(e.get("name"))
        if course:
            profile.courses.append(Course(name=course))
    return profile


def _text(value: Any) -> str | None:
    return clean(value) if isinstance(value, str) else None


def _range(entity: dict[str, Any]) -> tuple[str | None, str | None]:
    """Dash ``dateRange {start, end}`` or legacy ``timePeriod {startDate, endDate}``."""
    span = entity.get("dateRange") or entity.get("timePeriod") or {}
    if not isinstance(span, dict):
        return None, None
    return _date(span.get("start") or span.get("startDate")), _date(
        span.get("end") or span.get("endDate")
    )


def _date(value: Any) -> str | None:
    """``{"month": 5, "year": 2024}`` (months are 1-based) -> "2024-05"; year only -> "2024"."""
    if not isinstance(value, dict):
        return None
    year, month = value.get("year"), value.get("month")
    if not isinstance(year, int) or not 1900 <= year <= 2100:
        return None
    if isinstance(month, int) and 1 <= month <= 12:
        return f"{year}-{month:02d}"
    return str(year)
