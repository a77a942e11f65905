"""Typed errors: every way an input can be refused, each with a one-line message.

Callers (CLI, HTTP) map these to exit codes and status codes; nothing else escapes the parser.
The ``code`` attribute is the machine-readable name the HTTP API returns.
"""

from __future__ import annotations


class ParserError(Exception):
    """Base class: the input cannot be read as a profile."""

    code = "unreadable_input"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class EmptyInput(ParserError):
    code = "empty_input"


class InputTooLarge(ParserError):
    code = "input_too_large"

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"input is {size:,} bytes, more than the limit of {limit:,} bytes")
        self.size = size
        self.limit = limit


class UnsupportedFormat(ParserError):
    code = "unsupported_format"


class MalformedInput(ParserError):
    """The format was recognised but its content is broken (invalid JSON, bad CSV, bad ZIP)."""

    code = "malformed_input"


class UnsafeArchive(ParserError):
    """A ZIP that would expand too far, or names paths outside itself."""

    code = "unsafe_archive"


class ProfileFormatError(ParserError):
    """A Profile JSON document (input to the scorer) does not have the Profile shape."""

    code = "invalid_profile"
