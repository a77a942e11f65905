"""Era C, about 2019-21: ``<section id="certifications-section" class="pv-profile-section">``.

The hidden spans of this era are labels ("Issuing authority"), not copies; ``html_text`` drops
them like any screen-reader text, which leaves the values in the usual line order.
"""

from __future__ import annotations

from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "section-2020"
PRIORITY = 50


def detect(page: Page) -> bool:
    return "C" in page.markers


def read(page: Page) -> Profile:
    return read_profile(page, ID)
