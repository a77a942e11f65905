"""One error shape for every failure: ``{"error": {"code": str, "message": str}}``.

Views raise ``APIError`` (or let a ``ParserError`` escape); Werkzeug's own errors (404, 405, 413,
429 from the rate limiter) and anything unexpected (500) go through the same handlers, so no
client ever sees an HTML error page or a stack trace.
"""

from __future__ import annotations

import logging
import traceback

from flask import Flask, Response, g, jsonify
from werkzeug.exceptions import HTTPException

from parser import (
    EmptyInput,
    InputTooLarge,
    MalformedInput,
    ParserError,
    ProfileFormatError,
    UnsafeArchive,
    UnsupportedFormat,
)

log = logging.getLogger("certsignal.errors")

# How each refusal of the parser reads over HTTP. Empty input is a bad request; input in a
# recognised format with broken content cannot be processed (422); a format we do not read is a
# media-type problem (415). Order matters: the first matching class wins.
PARSER_STATUS: tuple[tuple[type[ParserError], int], ...] = (
    (EmptyInput, 400),
    (InputTooLarge, 413),
    (UnsupportedFormat, 415),
    (MalformedInput, 422),
    (UnsafeArchive, 422),
    (ProfileFormatError, 422),
    (ParserError, 422),
)

# Machine-readable codes for Werkzeug's HTTP errors (the message stays Werkzeug's sentence).
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "rate_limited",
    500: "internal_error",
}


class APIError(Exception):
    """A failure the client can act on: HTTP status, stable code, one-line message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def parser_status(error: ParserError) -> int:
    return next(status for kind, status in PARSER_STATUS if isinstance(error, kind))


def _api_error(error: APIError) -> Response:
    return error_response(error.status, error.code, error.message)


def _parser_error(error: ParserError) -> Response:
    return error_response(parser_status(error), error.code, error.message)


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    code = HTTP_CODES.get(status, "http_error")
    message = error.description or error.name
    if status == 429:
        message = f"too many requests: the limit is {error.description}"
    response = error_response(status, code, message)
    # Keep what Werkzeug/the limiter set for the client (Allow on 405, Retry-After on 429).
    for name, value in error.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    return response


def _unexpected(error: Exception) -> Response:
    # The type and the request id go to the log so an operator can find it; the client gets a
    # fixed sentence, because the exception text could quote profile content.
    # Only where it happened is logged (file, line, function), not the exception's message or
    # source lines, for the same reason.
    frames = " < ".join(f"{frame.filename}:{frame.lineno} in {frame.name}"
                        for frame in reversed(traceback.extract_tb(error.__traceback__)))
    log.error("unhandled %s in request %s at %s", type(error).__name__,
              g.get("request_id", "-"), frames)
    return error_response(500, "internal_error", "the service failed to handle this request")


def init_app(app: Flask) -> None:
    app.register_error_handler(APIError, _api_error)
    app.register_error_handler(ParserError, _parser_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
