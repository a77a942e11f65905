"""Certificate entries of a LinkedIn certifications section, in every DOM era.

Items are found with the ordered ``selectors.CERT_ITEMS`` (first non-empty candidate wins), read as
lines by the shared classifier (``parser.html_lines``), and given their links and a locator. The
section's "Show all N" footer tells whether the list is complete.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from parser.html_lines import guess_kind, label_pattern, read_certificate
from parser.html_text import text_lines
from parser.linkedin import selectors as sel
from parser.linkedin.entries import is_credential_url, top_level
from parser.linkedin.page import Page, Section
from parser.models import Certificate

_COUNT = re.compile(r"\d+")
PARTIAL = "partial view:"


def read_certificates(
    page: Page, section: Section, candidates: Iterable[str] = sel.CERT_ITEMS
) -> list[Certificate]:
    items = top_level(sel.first_match(section.element, candidates), section.element)
    out: list[Certificate] = []
    for item in items:
        cert = certificate_from(page, item)
        if cert is not None:
            out.append(cert)
    check_complete(page, section, len(out))
    return out


def certificate_from(page: Page, item: etree._Element) -> Certificate | None:
    """One entry -> Certificate; None for an honor or an entry with no name."""
    lines = text_lines(item)
    read = read_certificate(lines)
    if read.is_honor or not read.name:
        return None
    for line in read.unread:
        page.warn(f"a date line could not be read and was left out: {line!r}")
    return Certificate(
        name=read.name,
        issuer=read.issuer,
        issued=read.issued,
        expires=read.expires,
        credential_id=read.credential_id,
        credential_url=credential_url(item),
        skills=read.skills,
        kind=guess_kind(read.name),
        locator=page.locator(locator_element(item)),
    )


def credential_url(item: etree._Element) -> str | None:
    """"Show credential" (by text or aria-label) first, then the title link."""
    show = label_pattern("show_credential")
    fallback = None
    for anchor in item.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not is_credential_url(href):
            continue
        label = anchor.get("aria-label") or " ".join(text_lines(anchor))
        if show.match(label):
            return href
        fallback = fallback or href
    return fallback


def locator_element(item: etree._Element) -> etree._Element:
    """The list item that holds an entity (the extension badges the item, not the inner div)."""
    for depth, ancestor in enumerate(item.iterancestors()):
        if depth >= 2:
            break
        if ancestor.tag == "li":
            return ancestor
    return item


def check_complete(page: Page, section: Section, count: int) -> None:
    """Warn when a "Show all N" footer says the list holds more than was read."""
    footer = _footer(section.element)
    if footer is None:
        return
    text = " ".join(text_lines(footer)) or footer.get("aria-label") or ""
    number = _COUNT.search(text)
    total = int(number.group()) if number else None
    if total is not None and total <= count:
        return
    shown = f"{count} of {total}" if total is not None else f"only {count}"
    page.warn(
        f"{PARTIAL} the certifications section is collapsed and shows {shown} certificates; "
        "read the /details/certifications/ page or expand the section for the rest"
    )


def _footer(section: etree._Element) -> etree._Element | None:
    """The section's "Show all" link or button, by attribute (``selectors.SHOW_ALL``) or text."""
    show_all = label_pattern("show_all")
    for el in section.iter(*sel.SHOW_ALL_TAGS):
        if any(marker in (el.get(attribute) or "") for attribute, marker in sel.SHOW_ALL):
            return el
        if el.tag == "button" and show_all.match(" ".join(text_lines(el))):
            return el
    return None
