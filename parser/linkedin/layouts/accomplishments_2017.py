"""Era B, 2017-19: the Ember "Accomplishments" block, certificate names only.

``<section class="pv-profile-section pv-accomplishments-block certifications">``; the collapsed
block lists names without issuer or dates. Those are kept as low-information entries (the scorer
weighs them), not dropped. Experience and education of this era use the ``*-section`` ids.
"""

from __future__ import annotations

from parser.linkedin import selectors as sel
from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "accomplishments-2017"
PRIORITY = 45
_ITEMS = (f".//li[{sel.has_class('pv-accomplishments-block__summary-list-item')}]", ".//li")


def detect(page: Page) -> bool:
    return "B" in page.markers


def read(page: Page) -> Profile:
    profile = read_profile(page, ID, cert_items=_ITEMS)
    if profile.certificates:
        profile.source.warn(
            "the 2017-19 accomplishments block shows certificate names only "
            "(no issuer, dates or credential)"
        )
    return profile
