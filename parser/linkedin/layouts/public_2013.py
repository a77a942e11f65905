"""Era A, 2013-16: the public profile (``section#certifications > ul.certifications``).

The issuer and licence number share one line, ``<h5>Example Org, License EX-1</h5>``, and the
date is a range whose start is the issue date ("November 2013 – Present").
"""

from __future__ import annotations

import re

from parser.linkedin import selectors as sel
from parser.linkedin.page import Page
from parser.linkedin.profile import read_profile
from parser.models import Profile

ID = "public-2013"
PRIORITY = 70
_ITEMS = (f".//li[{sel.has_class('certification')}]", ".//li")
_LICENSE = re.compile(r",\s*(?:License|Licence|Licencia|Licence n°|Lizenz)\s+(?P<id>\S.*)$")


def detect(page: Page) -> bool:
    return "A" in page.markers


def read(page: Page) -> Profile:
    profile = read_profile(page, ID, cert_items=_ITEMS)
    for cert in profile.certificates:
        if cert.issuer:
            found = _LICENSE.search(cert.issuer)
            if found:
                cert.credential_id = cert.credential_id or found["id"].strip()
                cert.issuer = cert.issuer[: found.start()].strip() or None
                cert.kind = "license"
    return profile
