"""Era D, 2022-25: the "pvs" profile cards (main profile page, saved "Webpage, complete").

Evidence: a section opened by an anchor ``<div id="licenses_and_certifications">`` (or
``experience``, ``education`` …), or a certifications section made of
``profile-component-entity`` bodies. A collapsed card ("Show all 12 …") adds a "partial view:"
warning (``certs.check_complete``).
"""

from __future__ import annotations

from parser.linkedin import selectors as sel
from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "cards-2022"
PRIORITY = 40
_ENTITY = ".//div[@data-view-name='profile-component-entity']"


def detect(page: Page) -> bool:
    if "D" in page.markers:
        return True
    section = page.section("certifications")
    return section is not None and bool(sel.compiled(_ENTITY)(section.element))


def read(page: Page) -> Profile:
    return read_profile(page, ID)
