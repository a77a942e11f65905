"""Era E, 2025-26: hashed classes, server-driven UI, ``data-view-name`` markers, no id anchors.

Certificates come from the rendered section when there is one (lockup parents, so the extension
gets locators), else from the rehydration Flight rows. A saved SDUI page often holds neither: the
server sends placeholders and loads sections later, so absence means "not shown", not "none",
and the Profile says so with a "partial view:" warning.
"""

from __future__ import annotations

from parser.linkedin import flight
from parser.linkedin import selectors as sel
from parser.linkedin.certs import PARTIAL
from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "sdui-2025"
PRIORITY = 20
_LOCKUP = f".//*[@data-view-name='{sel.CERT_LOCKUP}']"


def detect(page: Page) -> bool:
    if "E" in page.markers:
        return True
    if "D" in page.markers:
        return False  # id anchors are what this layout dropped
    section = page.section("certifications")
    if section is not None and sel.compiled(_LOCKUP)(section.element):
        return True
    return bool(page.rehydration)


def read(page: Page) -> Profile:
    profile = read_profile(page, ID)
    if page.section("certifications") is not None:
        return profile
    profile.certificates = flight.certificates(page)
    if not profile.certificates:
        profile.source.warn(
            f"{PARTIAL} the page holds no certifications section (the 2025 layout loads it "
            "after the first screen); capture the live page or the /details/certifications/ page"
        )
    return profile
