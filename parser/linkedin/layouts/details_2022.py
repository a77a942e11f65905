"""Era D, 2022-25: the ``/in/<vanity>/details/certifications/`` page, the full list.

Evidence: certificate items whose id holds ``LICENSES-AND-CERTIFICATIONS-VIEW-DETAILS``, or a
certifications section with no profile top card (the details page has no ``<h1>`` name).
"""

from __future__ import annotations

from parser.linkedin import selectors as sel
from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "details-2022"
PRIORITY = 30
_DETAILS_ITEM = f".//li[contains(@id, '{sel.DETAILS_ITEM_ID}')]"
_PAGED_ITEM = f".//li[{sel.has_class('pvs-list__paged-list-item')}]"


def detect(page: Page) -> bool:
    section = page.section("certifications")
    if section is None:
        return False
    if sel.compiled(_DETAILS_ITEM)(section.element):
        return True
    # A saved details page without the item ids: the list, and no profile top card around it.
    return page.h1 is None and len(page.sections) == 1 and bool(
        sel.compiled(_PAGED_ITEM)(section.element)
    )


def read(page: Page) -> Profile:
    return read_profile(page, ID)
