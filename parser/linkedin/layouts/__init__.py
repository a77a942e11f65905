"""LinkedIn page layouts, one module per era, found by discovery.

A new layout is a module here plus fixture pairs; nothing else is edited. Each module defines:

``ID``        the layout id written to ``source.layout`` ("cards-2022", "sdui-2025" …);
``PRIORITY``  layouts are asked in ascending order: the most specific evidence first (embedded
              data, the details page) and the oldest, most generic eras last;
``detect(page: Page) -> bool``   cheap: looks at the ``Page`` index, never the whole tree;
``read(page: Page) -> Profile``  raises only ``ParserError`` subclasses.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol, cast

from parser.discovery import discover
from parser.linkedin.page import Page
from parser.models import Profile


class Layout(Protocol):
    ID: str
    PRIORITY: int

    def detect(self, page: Page) -> bool: ...

    def read(self, page: Page) -> Profile: ...


@cache
def layouts() -> tuple[Layout, ...]:
    return tuple(cast(Layout, m) for m in discover(__name__, __path__, ("detect", "read")))


def detect(page: Page) -> Layout | None:
    """The first layout that recognises the page."""
    return next((layout for layout in layouts() if layout.detect(page)), None)
