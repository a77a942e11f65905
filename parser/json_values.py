"""Type-tolerant access to foreign JSON (JSON Resume, Open Badges, Credly).

Producers disagree on types as much as on names: a date may be a number, a list may be a single
object, an issuer may be an object or a bare IRI. Readers go through these helpers, which return
the expected type or nothing, so a wrong type drops one value instead of raising mid-profile.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import SplitResult, urlsplit

from parser.dates import parse_date
from parser.document import InputDocument
from parser.text import fold, squash

# A JSON document (object or array) after optional whitespace; matched, not stripped, so that
# sniffing a large HTML page does not copy it.
_JSON_START = re.compile(r"\s*[{\[]")


def json_document(doc: InputDocument) -> Any | None:
    """The parsed JSON if the input starts like JSON (``MalformedInput`` if it is broken)."""
    if doc.looks_binary() or doc.head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return None  # markup is never JSON: a saved page is not decoded just to be refused
    if not _JSON_START.match(doc.text):
        return None
    return doc.json


def text(value: Any) -> str | None:
    """A string or number as clean text; anything else (objects, lists, booleans) as None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return squash(value) if isinstance(value, str) else None


def first_text(obj: dict[str, Any], *keys: str) -> str | None:
    """The first of ``keys`` that holds text."""
    for key in keys:
        value = text(obj.get(key))
        if value:
            return value
    return None


def date(value: Any) -> str | None:
    return parse_date(text(value))


def objects(value: Any) -> list[dict[str, Any]]:
    """A list of objects; a lone object counts as a list of one; other items are dropped."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def types(value: Any) -> set[str]:
    """A JSON-LD ``type``/``@type`` (a string or a list of them), folded."""
    values = value if isinstance(value, list) else [value]
    return {fold(v) for v in values if isinstance(v, str)}


def names(value: Any, *keys: str) -> list[str]:
    """Strings from a list of strings or of objects (taking the first of ``keys`` that is text).

    Numbers and other stray values are dropped: a skill or course is never a bare number.
    """
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            name = first_text(item, *keys) if keys else None
        else:
            name = squash(item) if isinstance(item, str) else None
        if name:
            out.append(name)
    return out


def unique(values: list[str]) -> list[str]:
    """Order-keeping de-duplication, ignoring case."""
    seen: set[str] = set()
    out = []
    for value in values:
        if fold(value) not in seen:
            seen.add(fold(value))
            out.append(value)
    return out


def is_web_url(value: str | None) -> bool:
    parts = _split(value)
    return parts is not None and parts.scheme in ("http", "https")


def host(value: str | None) -> str | None:
    """'https://badges.example.org/issuer/1' -> 'badges.example.org'; 'did:web:example.org' too."""
    if not value:
        return None
    if value.startswith("did:web:"):
        return value[len("did:web:"):].split(":", 1)[0] or None
    parts = _split(value)
    return parts.hostname if parts is not None and is_web_url(value) else None


def _split(value: str | None) -> SplitResult | None:
    """urlsplit, or None for text it rejects (an unclosed IPv6 bracket, for one)."""
    if not value:
        return None
    try:
        parts = urlsplit(value)
        parts.hostname  # noqa: B018 - parsed lazily, and can raise on its own
    except ValueError:
        return None
    return parts
