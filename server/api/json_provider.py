"""Response bodies encoded with orjson: the Report is the largest thing the service writes, and the
standard library's encoder was a tenth of a /api/v1/score request.

Only encoding changes: request bodies are still decoded by Flask's default (the standard
library), so what counts as valid JSON on the way in is unchanged. Output is the same JSON
(keys in insertion order, compact, UTF-8 unescaped); anything orjson refuses (an integer past 64
bits, an unknown type) goes through Flask's own encoder as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

if TYPE_CHECKING:
    from werkzeug.sansio.response import Response as BaseResponse  # what the base class returns

_OPTIONS = orjson.OPT_NON_STR_KEYS


class FastJSONProvider(DefaultJSONProvider):
    sort_keys = False  # the contract's field order (DESIGN.md) in every answer

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs:  # an explicit format (indent, separators…): the standard encoder honours it
            return super().dumps(obj, **kwargs)
        try:
            return orjson.dumps(obj, default=self.default, option=_OPTIONS).decode()
        except (orjson.JSONEncodeError, TypeError):
            return super().dumps(obj)

    def response(self, *args: Any, **kwargs: Any) -> BaseResponse:
        obj = self._prepare_response_obj(args, kwargs)
        if self.compact is False or (self.compact is None and self._app.debug):
            return super().response(*args, **kwargs)  # pretty-printed for a human, in debug
        try:
            body = orjson.dumps(obj, default=self.default, option=_OPTIONS)
        except (orjson.JSONEncodeError, TypeError):
            return super().response(*args, **kwargs)
        make = cast("type[Response]", self._app.response_class)  # flask.Response unless changed
        return make(body, mimetype=self.mimetype)
