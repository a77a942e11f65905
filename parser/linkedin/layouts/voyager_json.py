"""Pages whose certificates are only in embedded Voyager JSON (``code#bpr-guid-N``).

Chosen when the page carries certification entities but no rendered certifications section
(sections not yet loaded when the page was saved). When the DOM has the section, the DOM layout
wins because only the DOM gives the extension locators for its badges.
"""

from __future__ import annotations

from parser.linkedin.entries import read_person
from parser.linkedin.page import Page
from parser.linkedin.profile import finish
from parser.linkedin.voyager import has_certifications, read_voyager
from parser.models import Profile

ID = "voyager-json"
PRIORITY = 10


def detect(page: Page) -> bool:
    return (
        page.section("certifications") is None
        and bool(page.voyager_codes)
        and has_certifications(page)
    )


def read(page: Page) -> Profile:
    profile = read_voyager(page, ID)
    shown = read_person(page)
    person = profile.person
    person.name = person.name or shown.name
    person.headline = person.headline or shown.headline
    person.location = person.location or shown.location
    person.about = person.about or shown.about
    return finish(profile, page)
