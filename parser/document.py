"""The one input boundary: raw bytes in, decoded text / HTML tree / JSON out, each made once.

Readers never decode or parse bytes themselves; they ask the document, which caches the result so
that sniffing several formats costs one decode and at most one parse (as extruct parses once and
hands the same tree to every extractor).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bs4.dammit import EncodingDetector
from lxml import etree

from parser.errors import EmptyInput, InputTooLarge, MalformedInput, UnsupportedFormat

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Bytes a ZIP may expand to, in all, and how many members it may hold: a real LinkedIn export is
# a few MB in a few dozen CSVs, so these leave two orders of magnitude of room and still stop bombs.
DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_ZIP_MEMBERS = 2_000
DEFAULT_MAX_JSON_DEPTH = 200
# Deflate cannot beat about 1030:1; CSV text rarely passes 20:1. A member that expands more than
# this past its first MiB is a bomb, refused while it is being read.
DEFAULT_MAX_ZIP_RATIO = 250

# Magic numbers of files recruiters upload by mistake, so the error can say what the file is.
_BINARY_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
# C0 control characters (but tab and line breaks) and DEL carry no text, break lxml ("All strings
# must be XML compatible") and would otherwise end up in names; they are dropped at the boundary.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# The same set as a regex: str.translate with a dict costs ~60 ms per MB, a regex ~2 ms
# (benchmarks/parse_speed.py), and decoding must stay small next to the HTML parse.
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROLS) + "]")
_CONTROL_BYTES = bytes(c for c in _CONTROLS if isinstance(c, int))
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
# Of the bytes on one side of a BOM-less UTF-16 text, how many must be NUL (the high bytes of
# Latin, Greek and Cyrillic letters, digits and markup): most, with room for other scripts.
_UTF16_NUL_SHARE = 0.6
_UTF8_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a single input may cost. The service sets these from its configuration."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES
    max_zip_members: int = DEFAULT_MAX_ZIP_MEMBERS
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_zip_ratio: int = DEFAULT_MAX_ZIP_RATIO


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
        """NUL bytes outside a UTF-16/32 text, or a known binary magic number."""
        head = self.head
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
            return False
        if self.utf16 is not None:
            return False
        return b"\x00" in head or self.binary_kind() is not None

    @cached_property
    def utf16(self) -> str | None:
        """"utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark, else None.

        Some Windows tools ("Unicode text") save so. Text in a Latin, Greek or Cyrillic script
        has a NUL in every other byte, on the same side; a binary file has NULs anywhere. The
        side says the byte order, and the whole input must decode."""
        head = self.head[: len(self.head) & ~1]
        if len(head) < 8 or self.data.startswith(_BOM_PREFIXES):
            return None
        even, odd = head[0::2].count(0), head[1::2].count(0)
        half = len(head) // 2
        if odd >= half * _UTF16_NUL_SHARE and even == 0:
            encoding = "utf-16-le"
        elif even >= half * _UTF16_NUL_SHARE and odd == 0:
            encoding = "utf-16-be"
        else:
            return None
        try:
            self.data.decode(encoding)
        except UnicodeDecodeError:
            return None
        return encoding

    def binary_kind(self) -> str | None:
        """What a binary input is ("a PDF document"), from its magic number; None if unknown."""
        return next((kind for magic, kind in _BINARY_KINDS if self.data.startswith(magic)), None)

    @cached_property
    def text(self) -> str:
        """The input as text: BOM, then strict UTF-8, then a declared charset, then Windows-1252.

        UTF-8 goes before the declared charset because saved pages often declare a charset they
        are not in; valid UTF-8 is almost never an accident. No statistical guessing
        (chardet/charset-normalizer): on short text it picks exotic code pages, it is slow on large
        input, and the order above is deterministic. A binary file is refused here, so a reader
        that asks for text never receives decoded noise.
        """
        self._refuse_binary()
        utf8 = self.utf8
        if utf8 is not None:
            return utf8.decode("utf-8")
        if self.utf16 is not None:
            return _CONTROL_CHARS.sub("", self.data.decode(self.utf16))
        return _CONTROL_CHARS.sub("", _decode(self.data))

    def _refuse_binary(self) -> None:
        if self.looks_binary():
            kind = self.binary_kind() or "a binary file"
            raise UnsupportedFormat(f"the input is {kind}, not a profile page, export or JSON")

    @cached_property
    def utf8(self) -> bytes | None:
        """The input as UTF-8 bytes without control characters, when it is BOM-less UTF-8.

        Nearly every page is. Control bytes are dropped from the bytes (safe in UTF-8: they never
        occur inside a multi-byte sequence) and validity is checked in chunks without building
        a str, so ``html`` can hand lxml the bytes: a decoded str of a large page costs time to
        build and lxml an extra encode, together half again a bare parse
        (benchmarks/parse_speed.py), which is the whole speed budget.
        """
        if self.data.startswith(_BOM_PREFIXES) or self.utf16 is not None:
            return None
        cleaned = self.data.translate(None, _CONTROL_BYTES)
        decoder = codecs.getincrementaldecoder("utf-8")()
        view = memoryview(cleaned)
        try:
            for start in range(0, len(view), _UTF8_CHUNK):
                decoder.decode(view[start:start + _UTF8_CHUNK])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
        return cleaned

    @cached_property
    def html(self) -> etree._Element:
        """The HTML tree, parsed once. A fragment such as ``<main>…</main>`` gets html/body.

        A plain ``etree`` tree, not ``lxml.html``'s: its elements are looked up in C, which the
        readers' walks over every entry feel (benchmarks/parse_speed.py).
        """
        self._refuse_binary()
        # Always UTF-8 bytes with an explicit encoding: the text is known, whatever a <meta> or
        # an XML declaration claims (lxml refuses a str that carries an encoding declaration).
        utf8 = self.utf8 if self.utf8 is not None else self.text.encode("utf-8")
        try:
            root = etree.fromstring(utf8, etree.HTMLParser(encoding="utf-8"))
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
            raise MalformedInput(f"the HTML could not be parsed: {error}") from None
        if root is None:
            raise MalformedInput("the HTML could not be parsed: the document is empty")
        return root

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
        except ValueError as error:  # an integer longer than Python's 4300-digit guard
            raise MalformedInput(f"invalid JSON: {_first_line(str(error))}") from None
        if _depth_exceeds(value, self.limits.max_json_depth):
            raise MalformedInput(f"the JSON is nested deeper than {self.limits.max_json_depth}")
        return value


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    if declared and not declared.startswith(("utf-16", "utf-32", "utf-8", "utf8")):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or lying declaration: fall through
    return data.decode("windows-1252", errors="replace")


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unreadable value"


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
