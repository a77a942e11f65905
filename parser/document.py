"""The one input boundary: raw bytes in, decoded text / HTML tree / JSON out, each made once.

Readers never decode or parse bytes themselves; they ask the document, which caches the result so
that sniffing several formats costs one decode and at most one parse (as extruct parses once and
hands the same tree to every extractor).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bs4.dammit import UnicodeDammit
from lxml import etree
from lxml import html as lxml_html

from parser.errors import EmptyInput, InputTooLarge, MalformedInput

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Bytes a ZIP may expand to, in all, and how many members it may hold: a real LinkedIn export is
# a few MB in a few dozen CSVs, so these leave two orders of magnitude of room and still stop bombs.
DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_ZIP_MEMBERS = 2_000
DEFAULT_MAX_JSON_DEPTH = 200


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a single input may cost. The service sets these from its configuration."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES
    max_zip_members: int = DEFAULT_MAX_ZIP_MEMBERS
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH


@dataclass
class InputDocument:
    data: bytes
    filename: str | None = None
    media_type: str | None = None
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if len(self.data) > self.limits.max_bytes:
            # Checked before anything is decoded, so a huge input is refused in constant time.
            raise InputTooLarge(len(self.data), self.limits.max_bytes)
        if not self.data.strip():
            raise EmptyInput("the input is empty")

    @property
    def suffix(self) -> str:
        name = (self.filename or "").lower()
        return name.rsplit(".", 1)[-1] if "." in name else ""

    @property
    def head(self) -> bytes:
        """The first bytes, for cheap magic-number and markup sniffing."""
        return self.data[:4096]

    def looks_binary(self) -> bool:
        """NUL bytes outside a UTF-16/32 text are the mark of a binary file."""
        head = self.head
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
            return False
        return b"\x00" in head

    @cached_property
    def text(self) -> str:
        """The input as text: BOM first, then a declared charset, then UTF-8, then Windows-1252."""
        dammit = UnicodeDammit(self.data, known_definite_encodings=["utf-8"], is_html=True)
        if dammit.unicode_markup is None:
            raise MalformedInput("the input is not text in any encoding that could be detected")
        return dammit.unicode_markup.replace("\x00", "")

    @cached_property
    def html(self) -> lxml_html.HtmlElement:
        """The HTML tree, parsed once. A fragment such as ``<main>…</main>`` gets html/body."""
        try:
            return lxml_html.document_fromstring(self.text)
        except (etree.ParserError, ValueError) as error:
            raise MalformedInput(f"the HTML could not be parsed: {error}") from None

    @cached_property
    def json(self) -> Any:
        """The input as JSON; ``MalformedInput`` with the position of the first error."""
        try:
            value = json.loads(self.text)
        except json.JSONDecodeError as error:
            raise MalformedInput(
                f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
            ) from None
        except RecursionError:
            raise MalformedInput("the JSON is nested too deeply to read") from None
        if _depth_exceeds(value, self.limits.max_json_depth):
            raise MalformedInput(f"the JSON is nested deeper than {self.limits.max_json_depth}")
        return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Iterative depth check, so a hostile document cannot exhaust the Python stack later."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False
