"""The Profile: what every reader produces and the scorer consumes.

The JSON form is a public contract (DESIGN.md, "Profile"). Field names here match it one to one so
that ``to_json`` and ``from_json`` stay mechanical. Dates are strings, ``"YYYY-MM"`` or ``"YYYY"``
(month unknown), because that is the precision LinkedIn shows; the scorer turns them into months.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, get_args

from parser.errors import ProfileFormatError

Format = Literal["linkedin-html", "linkedin-export", "json-resume", "open-badges", "html"]
CertificateKind = Literal["certification", "license", "course", "badge"]

FORMATS: tuple[str, ...] = get_args(Format)
CERTIFICATE_KINDS: tuple[str, ...] = get_args(CertificateKind)


@dataclass(slots=True)
class Source:
    format: str
    layout: str | None = None
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Record something the reader could not do, once (readers may meet it per item)."""
        if message not in self.warnings:
            self.warnings.append(message)


@dataclass(slots=True)
class Person:
    name: str | None = None
    headline: str | None = None
    about: str | None = None
    location: str | None = None


@dataclass(slots=True)
class Certificate:
    name: str
    issuer: str | None = None
    issued: str | None = None
    expires: str | None = None
    credential_id: str | None = None
    credential_url: str | None = None
    skills: list[str] = field(default_factory=list)
    kind: str = "certification"
    locator: str | None = None


@dataclass(slots=True)
class Position:
    title: str | None = None
    company: str | None = None
    start: str | None = None
    end: str | None = None
    description: str | None = None
    location: str | None = None


@dataclass(slots=True)
class Education:
    school: str | None = None
    degree: str | None = None
    field: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class Project:
    title: str | None = None
    description: str | None = None
    start: str | None = None
    end: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Course:
    name: str


@dataclass(slots=True)
class Profile:
    source: Source
    person: Person = field(default_factory=Person)
    certificates: list[Certificate] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    courses: list[Course] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        """Build a Profile from its JSON form, tolerating missing keys but not wrong types.

        Raises ``ProfileFormatError`` naming the offending key, so that a hand-written or
        foreign ``PROFILE.json`` fails with a sentence rather than a traceback.
        """
        if not isinstance(data, dict):
            raise ProfileFormatError("a Profile must be a JSON object")
        source = _build(Source, _or_default(data, "source", {"format": "html"}), "source")
        person = _build(Person, _or_default(data, "person", {}), "person")
        lists: dict[str, list[Any]] = {}
        for key, item_type in _LISTS:
            raw = _or_default(data, key, [])
            if not isinstance(raw, list):
                raise ProfileFormatError(f"'{key}' must be a list")
            lists[key] = [_build(item_type, item, key, i) for i, item in enumerate(raw)]
        skills = _or_default(data, "skills", [])
        if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
            raise ProfileFormatError("'skills' must be a list of strings")
        return cls(source=source, person=person, skills=list(skills), **lists)

    @classmethod
    def from_checked_json(cls, data: dict[str, Any]) -> Profile:
        """``from_json`` for data already checked against the Profile input schema (the
        ``ProfileInput`` of ``server.openapi``, which the API checks every request body
        against): the same Profile, without checking every value a second time.

        The schema refuses everything ``from_json`` would (and a little more: a null where an
        object or list belongs), so nothing is lost; given unchecked data, this may build a
        Profile ``from_json`` would refuse.
        """
        lists: dict[str, list[Any]] = {
            key: [_checked(item_type, item) for item in data.get(key) or ()]
            for key, item_type in _LISTS}
        return cls(source=_checked(Source, _or_default(data, "source", {"format": "html"})),
                   person=_checked(Person, _or_default(data, "person", {})),
                   skills=list(data.get("skills") or ()), **lists)


_LISTS: tuple[tuple[str, type[Any]], ...] = (
    ("certificates", Certificate), ("positions", Position), ("education", Education),
    ("projects", Project), ("courses", Course))


def _checked(kind: type[Any], raw: Any) -> Any:
    """``_build`` of an entry the schema has passed: its known keys, as given."""
    if isinstance(raw, str):  # a course given by its name alone
        return kind(name=raw)
    known = _field_names(kind)
    return kind(**{key: value for key, value in raw.items() if key in known})


def _or_default(data: dict[str, Any], key: str, default: Any) -> Any:
    """A missing or null key takes the default; a present value of the wrong type is kept, so
    that the type check that follows refuses it with a message instead of silently dropping it."""
    value = data.get(key)
    return default if value is None else value


# Fields without which an entry means nothing: the scorer names a certificate in every sentence.
_REQUIRED_TEXT: dict[type[Any], tuple[str, ...]] = {
    Certificate: ("name",),
    Course: ("name",),
    Source: ("format",),
}


_STRING_LISTS = frozenset({"warnings", "skills"})
# Field names per dataclass, read once: a Profile of twenty certificates builds thirty entries.
_FIELD_NAMES: dict[type[Any], frozenset[str]] = {}


def _field_names(kind: type[Any]) -> frozenset[str]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = frozenset(f.name for f in fields(kind))
    return names


def _build(kind: type[Any], raw: Any, where: str, index: int | None = None) -> Any:
    """One entry from its JSON form; ``where`` (with ``index`` for an entry of a list) names
    it in errors, and is put together only for one."""
    if isinstance(raw, str) and kind is Course:
        raw = {"name": raw}
    if not isinstance(raw, dict):
        raise ProfileFormatError(f"'{_at(where, index)}' must be an object")
    known = _field_names(kind)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue  # extra keys are allowed: newer producers may add fields
        if key in _STRING_LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ProfileFormatError(f"'{_at(where, index)}.{key}' must be a list of strings")
        elif value is not None and not isinstance(value, str):
            raise ProfileFormatError(f"'{_at(where, index)}.{key}' must be a string or null")
        values[key] = value
    for required in _REQUIRED_TEXT.get(kind, ()):
        if not isinstance(values.get(required), str) or not values[required].strip():
            raise ProfileFormatError(f"'{_at(where, index)}.{required}' must be a non-empty "
                                     "string")
    try:
        return kind(**values)
    except TypeError as missing:
        raise ProfileFormatError(f"'{_at(where, index)}' lacks a required field ({missing})") \
            from None


def _at(where: str, index: int | None) -> str:
    return where if index is None else f"{where}[{index}]"
