"""Readers, one module per input format, found by discovery.

Adding a format is adding a module here (plus fixture pairs); nothing else is edited. Each module
defines:

``ID``        the reader's name, used in warnings and tests;
``PRIORITY``  an int: readers are asked in ascending order, so specific formats (a LinkedIn page)
              come before general ones (any HTML page with a certifications heading);
``sniff(doc: InputDocument) -> bool``   cheap: may look at ``doc.head``, ``doc.suffix``,
              ``doc.media_type``, ``doc.text``, ``doc.json`` or ``doc.html`` (all cached);
``read(doc: InputDocument) -> Profile`` the full reading; raises only ``ParserError`` subclasses.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import Protocol, cast

from parser.document import InputDocument
from parser.models import Profile


class Reader(Protocol):
    ID: str
    PRIORITY: int

    def sniff(self, doc: InputDocument) -> bool: ...

    def read(self, doc: InputDocument) -> Profile: ...


@cache
def readers() -> tuple[Reader, ...]:
    """Every reader module in this package, in the order they are tried."""
    modules: list[ModuleType] = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    found = [cast(Reader, m) for m in modules if hasattr(m, "sniff") and hasattr(m, "read")]
    return tuple(sorted(found, key=lambda r: (r.PRIORITY, r.ID)))
