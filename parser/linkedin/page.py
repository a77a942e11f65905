"""One walk over a LinkedIn page: where its sections, top card and embedded data are.

Parsing the HTML is the expensive step; finding things in the tree must stay cheap. ``Page`` makes
the only full-tree pass (``iter`` over a few tag names, in C) and then recognises each
``<section>`` by the tables in ``selectors`` (anchor ids, section ids, view names, accomplishment
classes, localised headings). Layouts and section readers then search inside small subtrees only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from lxml import etree

from parser.html_text import first_line
from parser.i18n import LABELS
from parser.linkedin import selectors as sel
from parser.text import fold

_HEADING_KINDS: dict[str, str] = {
    "certifications_heading": "certifications", "experience_heading": "experience",
    "education_heading": "education", "projects_heading": "projects",
    "skills_heading": "skills", "courses_heading": "courses", "about_heading": "about",
    "honors_heading": "honors",
}
# Which era a way of recognising a section points to (layouts use these as evidence).
ERA_OF_ROUTE = {"anchor": "D", "view-name": "E", "accomplishment": "B"}


@dataclass(slots=True)
class Section:
    element: etree._Element
    kind: str
    route: str  # how it was recognised: anchor | id | view-name | accomplishment | heading
    heading: str | None = None


@cache
def _heading_table() -> tuple[tuple[str, str], ...]:
    """(folded label, kind), longest label first so "licenses & certifications" beats "licenses"."""
    pairs = {
        (fold(word), kind)
        for label_kind, kind in _HEADING_KINDS.items()
        for words in LABELS[label_kind].values()
        for word in words
    }
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def heading_kind(text: str | None) -> str | None:
    """The section kind a heading names ("Licences et certifications" -> "certifications")."""
    if not text:
        return None
    folded = fold(text)
    for label, kind in _heading_table():
        if folded == label or (
            folded.startswith(label) and not folded[len(label)].isalpha()
        ):
            return kind
    return None


class Page:
    """The parsed page plus an index of what the readers look for."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.tree = root.getroottree()
        self.main: etree._Element | None = None
        self.h1: etree._Element | None = None
        self.sections: list[Section] = []
        self.markers: set[str] = set()  # era evidence: "A".."E"
        self.warnings: list[str] = []
        self.memo: dict[str, Any] = {}  # results shared by detect() and read() of a layout
        self._index()

    def _index(self) -> None:
        headings: list[etree._Element] = []
        for el in self.root.iter("main", "section", "h1"):
            tag = el.tag
            if tag == "section":
                section = _recognise(el)
                if section is not None:
                    self.sections.append(section)
            elif tag == "main":
                if self.main is None:
                    self.main = el
            elif tag == "h1":
                headings.append(el)
        # The name's <h1> is the first one in <main>; pages without <main> (2013-19) use the first.
        in_main = [h for h in headings if self.main is not None and _inside(h, self.main)]
        self.h1 = (in_main or headings or [None])[0]
        for section in self.sections:
            era = ERA_OF_ROUTE.get(section.route)
            if section.route == "id":
                # "certifications-section" and friends are ~2020; bare ids are the 2013 page.
                era = "C" if (section.element.get("id") or "").endswith("-section") else "A"
            if era:
                self.markers.add(era)

    # Embedded data is looked for only when a layout asks (most pages are decided before that).
    @cached_property
    def voyager_codes(self) -> list[etree._Element]:
        """``<code id="bpr-guid-N">`` blocks (Voyager JSON)."""
        return [
            code for code in self.root.iter("code")
            if (code.get("id") or "").startswith(sel.VOYAGER_CODE_PREFIX)
        ]

    @cached_property
    def rehydration(self) -> list[etree._Element]:
        """Inline scripts holding ``window.__como_rehydration__`` (2025-26 Flight rows)."""
        return [
            script for script in self.root.iter("script")
            if script.get("src") is None and _is_rehydration(script)
        ]

    def sections_of(self, kind: str) -> list[Section]:
        """Recognised sections of one kind, in page order, outside asides (suggestions)."""
        return [s for s in self.sections if s.kind == kind]

    def section(self, kind: str) -> Section | None:
        found = self.sections_of(kind)
        return found[0] if found else None

    def warn(self, message: str) -> None:
        """Record something that could not be read (once), for ``source.warnings``."""
        if message not in self.warnings:
            self.warnings.append(message)

    def locator(self, el: etree._Element) -> str:
        """XPath from the root of the parsed tree to ``el`` (the extension evaluates it)."""
        return str(self.tree.getpath(el))


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _is_rehydration(script: etree._Element) -> bool:
    if script.get("id") == "rehydrate-data":
        return True
    text = script.text
    return bool(text) and sel.REHYDRATION_MARKER in text[:200]


def _recognise(section: etree._Element) -> Section | None:
    """Which profile section this is, and how we know; None for anything else."""
    if any(a.tag == "aside" for a in section.iterancestors()):
        return None  # "People also viewed" and other suggestion rails
    section_id = section.get("id")
    if section_id in sel.SECTION_IDS:
        return Section(section, sel.SECTION_IDS[section_id], "id")
    view_name = section.get("data-view-name")
    if view_name in sel.VIEW_NAMES:
        return Section(section, sel.VIEW_NAMES[view_name], "view-name")
    for child in section.iterchildren("div"):
        anchor = child.get("id")
        if anchor in sel.ANCHOR_IDS:
            return Section(section, sel.ANCHOR_IDS[anchor], "anchor")
    classes = (section.get("class") or "").split()
    if "pv-accomplishments-block" in classes:
        for name in classes:
            if name in sel.ACCOMPLISHMENT_CLASSES:
                return Section(section, sel.ACCOMPLISHMENT_CLASSES[name], "accomplishment")
    # Headings: the first few, and only those that belong to this section, not a nested one.
    for count, heading in enumerate(section.iter(*sel.HEADING_TAGS)):
        if count >= sel.HEADINGS_CHECKED:
            break
        owner = next(heading.iterancestors("section"), None)
        if owner is not section:
            continue
        text = first_line(heading)
        kind = heading_kind(text)
        if kind:
            return Section(section, kind, "heading", text)
    return None

