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

from functools import cache
from typing import Protocol, cast

from parser.discovery import discover
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
    return tuple(cast(Reader, m) for m in discover(__name__, __path__, ("sniff", "read")))
