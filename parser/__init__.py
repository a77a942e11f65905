"""bytes -> Profile.

``parse_profile(data)`` detects the format (LinkedIn page in any layout era, LinkedIn data export,
JSON Resume, Open Badges, any HTML page with a certifications heading) and returns one ``Profile``.
Every failure is a ``ParserError`` subclass with a one-line message.
"""

from __future__ import annotations

from parser.document import InputDocument, Limits
from parser.errors import (
    EmptyInput,
    InputTooLarge,
    MalformedInput,
    ParserError,
    ProfileFormatError,
    UnsafeArchive,
    UnsupportedFormat,
)
from parser.formats import readers
from parser.models import Certificate, Course, Education, Person, Position, Profile, Project, Source

__all__ = [
    "Certificate",
    "Course",
    "Education",
    "EmptyInput",
    "InputDocument",
    "InputTooLarge",
    "Limits",
    "MalformedInput",
    "ParserError",
    "Person",
    "Position",
    "Profile",
    "ProfileFormatError",
    "Project",
    "Source",
    "UnsafeArchive",
    "UnsupportedFormat",
    "parse_profile",
]


def parse_profile(
    data: bytes | str,
    *,
    filename: str | None = None,
    media_type: str | None = None,
    limits: Limits | None = None,
) -> Profile:
    """Read one profile from raw bytes (or text), whatever its format.

    ``filename`` and ``media_type`` are hints only: content decides, so a saved page named
    ``.txt`` or an export CSV sent as ``application/octet-stream`` still reads.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_profile takes bytes or str, not {type(data).__name__}")
    doc = InputDocument(bytes(data), filename=filename, media_type=media_type,
                        limits=limits or Limits())
    try:
        for reader in readers():
            if reader.sniff(doc):
                return reader.read(doc)
    except RecursionError:
        # Every reader walks trees iteratively or within lxml's depth cap; this is the backstop
        # that keeps a pathological input a typed error rather than a traceback.
        raise MalformedInput("the input is nested too deeply to read") from None
    if doc.looks_binary():
        kind = doc.binary_kind() or "a binary file"
        raise UnsupportedFormat(f"the input is {kind}, not a profile page, export or JSON")
    if not doc.text.strip():
        raise EmptyInput("the input holds no text")
    raise UnsupportedFormat(
        "the input is not a LinkedIn page, LinkedIn export, JSON Resume, Open Badge "
        "or HTML page with a certifications section"
    )
