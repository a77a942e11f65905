"""LinkedIn profile HTML in every layout era, the ``<main>`` fragment, embedded JSON.

``sniff`` is cheap string work first (is it markup, does it carry a LinkedIn marker) and only then
asks the layouts (``parser.linkedin.layouts``) whether one recognises the page; the ``Page`` index
built for that is kept for ``read`` so the page is walked once.
"""

from __future__ import annotations

from parser.document import InputDocument
from parser.errors import ParserError
from parser.linkedin.layouts import Layout, detect
from parser.linkedin.page import Page
from parser.models import Profile

ID = "linkedin-html"
PRIORITY = 20

# Strings that only LinkedIn's own markup carries, one per era at least.
_MARKERS = (
    "data-view-name=", "pvs-", "pv-profile", "pv-entity", "licenses_and_certifications",
    "bpr-guid-", "__como_rehydration__", "pv-accomplishments", "linkedin.com/in/",
    "profile-section", "licdn.com",
)
_BYTE_MARKERS = tuple(marker.encode("ascii") for marker in _MARKERS)
_last: tuple[object, Page, Layout] | None = None


def looks_like_markup(doc: InputDocument) -> bool:
    """Cheap: not binary, and the first non-blank character opens a tag."""
    if doc.looks_binary():
        return False
    try:
        head = doc.head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    except ValueError:
        return False
    if head.startswith("<"):
        return True
    try:  # UTF-16 pages: decoding the head as UTF-8 shows nothing useful
        return doc.text.lstrip()[:1] == "<"
    except ParserError:
        return False


def sniff(doc: InputDocument) -> bool:
    global _last
    if not looks_like_markup(doc):
        return False
    try:
        # The markers are ASCII: look in the bytes when they are UTF-8, so no str is built.
        utf8 = doc.utf8
        if utf8 is not None:
            if not any(marker in utf8 for marker in _BYTE_MARKERS):
                return False
        elif not any(marker in doc.text for marker in _MARKERS):
            return False
        root = doc.html
    except ParserError:
        return False
    page = Page(root)
    layout = detect(page)
    if layout is None:
        return False
    _last = (root, page, layout)
    return True


def read(doc: InputDocument) -> Profile:
    global _last
    root = doc.html
    if _last is not None and _last[0] is root:
        _, page, layout = _last
    else:
        page = Page(root)
        found = detect(page)
        if found is None:
            from parser.errors import UnsupportedFormat

            raise UnsupportedFormat("the page is not a LinkedIn profile in any known layout")
        layout = found
    _last = None
    return layout.read(page)
