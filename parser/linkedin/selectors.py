"""Every selector the LinkedIn readers use, as named, ordered fallback tuples.

The order of a tuple is the policy: readers try each candidate in turn and the first one that finds
something wins (``first_match``). Each variant says which layout era it serves (eras A-E as in
shared/reference/linkedin-formats.md, section 4). Class names are hints only: prefer ids, the
``data-view-name`` markers and headings, and match classes as whole tokens.

Section recognition is by table (ids, markers, headings) rather than by XPath over the whole tree:
one pass over the page's ``<section>`` elements (``parser.linkedin.page``) is the only full-tree
walk, which keeps extraction well under the cost of parsing the HTML itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from lxml import etree


def has_class(name: str) -> str:
    """XPath predicate body matching ``name`` as a whole class token."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# --- Sections --------------------------------------------------------------------------------
# Era D (2022-25): an empty anchor <div id="…" class="pv-profile-card__anchor"> opens each card
# (class "pv-profile-card-anchor" in 2022 saves, so match the id only).
ANCHOR_IDS: Final[dict[str, str]] = {
    "licenses_and_certifications": "certifications", "experience": "experience",
    "education": "education", "projects": "projects", "skills": "skills", "courses": "courses",
    "about": "about", "honors_and_awards": "honors",
}
# Era A (2013-16) <section id="certifications" class="profile-section"> and Era C (~2020)
# <section id="certifications-section" class="pv-profile-section">.
SECTION_IDS: Final[dict[str, str]] = {
    "certifications": "certifications", "experience": "experience", "education": "education",
    "projects": "projects", "skills": "skills", "courses": "courses", "summary": "about",
    "honors": "honors", "certifications-section": "certifications",
    "experience-section": "experience", "education-section": "education",
    "projects-section": "projects", "courses-section": "courses",
}
# Era E (2025-26): the card's view name (viewTrackingSpecs.viewName in the Flight rows).
VIEW_NAMES: Final[dict[str, str]] = {
    "profile-card-licenses-and-certifications": "certifications",
    "profile-card-experience": "experience", "profile-card-education": "education",
    "profile-card-projects": "projects", "profile-card-skills": "skills",
    "profile-card-courses": "courses", "profile-card-about": "about",
    "profile-card-honors-and-awards": "honors",
}
# Era B (2017-19): <section class="pv-accomplishments-block certifications">.
ACCOMPLISHMENT_CLASSES: Final[dict[str, str]] = {
    "certifications": "certifications", "courses": "courses", "projects": "projects",
    "honors": "honors",
}
# Where a section's title is, for recognition by heading text (every era; localised): the first
# few of these elements that belong to the section itself.
HEADING_TAGS: Final = ("h2", "h3")
HEADINGS_CHECKED: Final = 3

# --- Certificate entries, relative to the certifications section -----------------------------
CERT_ITEMS: Final = (
    # Era E 2025-26: one certificate = the parent of its lockup marker.
    ".//*[@data-view-name='license-certifications-lockup-view']/..",
    # Era D 2022-25 (profile card and /details/certifications/): the entity body.
    ".//div[@data-view-name='profile-component-entity']",
    # Era D, when the entity marker is missing: the paged list items, then any card list item.
    f".//li[{has_class('pvs-list__paged-list-item')}]",
    f".//li[{has_class('artdeco-list__item')}]",
    # Era C ~2020.
    f".//li[{has_class('pv-certification-entity')}]",
    ".//ul/li[not(ancestor::li)]",
    # Era B 2017-19 (names only).
    f".//li[{has_class('pv-accomplishments-block__summary-list-item')}]",
    # Era A 2013-16.
    f".//li[{has_class('certification')}]",
)
# Entries of the other card sections (experience, education …): Era D entity, Era E / C list
# item, Era A list item; nested entries (grouped roles) are found with the same tuple.
ENTITY_ITEMS: Final = (
    ".//div[@data-view-name='profile-component-entity']",
    f".//li[{has_class('pvs-list__paged-list-item')}]",
    ".//li",
)
# The /details/certifications/ page's items carry this in their id (Era D).
DETAILS_ITEM_ID: Final = "LICENSES-AND-CERTIFICATIONS-VIEW-DETAILS"

# The "Show all 12 licenses & certifications" footer: links and buttons of the section are
# checked against these, in one walk (an XPath per variant costs more than the whole entry read).
SHOW_ALL_TAGS: Final = ("a", "button")
SHOW_ALL: Final = (
    # Era D: the footer links to the details page; its id is "navigation-index-see-all-…".
    ("href", "/details/certifications"),
    ("id", "see-all"),
    # Era C: the inline "Show more" button of the section.
    ("class", "pv-profile-section__see-more-inline"),
    # Era E: a button or link labelled "Show all" is matched by text (i18n "show_all").
)

# --- Links -----------------------------------------------------------------------------------
# Hrefs inside an entry that are never its credential: LinkedIn's own navigation.
NOT_CREDENTIAL_URL: Final = (
    "linkedin.com/company/", "linkedin.com/school/", "linkedin.com/in/", "/overlay/",
    "/search/", "/help/", "multiple-media-viewer", "single-media-viewer", "/details/",
    "linkedin.com/feed", "javascript:",
)

# --- Top card (person) -----------------------------------------------------------------------
# The name is the first <h1> in <main> (Era D/E; Era E 2026 moved it from h2 to h1), or the
# first <h1> of pages without <main> (Era A-C): found by ``page.Page`` in its one walk.
# Era D hints for the headline and location lines of the top card; text order is the fallback.
HEADLINE: Final = (
    f".//div[{has_class('text-body-medium')}]",
    f".//p[{has_class('headline')}]",
    f".//h2[{has_class('mt1')}]",
)
LOCATION: Final = (
    # Era D/C.
    f".//span[{has_class('text-body-small')} and {has_class('inline')}]",
    # Era B.
    f".//*[{has_class('pv-top-card-section__location')}]",
    # Era A.
    f".//*[{has_class('locality')}]",
)
# The summary, when it is in the top card rather than an "About" section (Era B).
SUMMARY_IN_TOP_CARD: Final = (f".//*[{has_class('pv-top-card-section__summary-text')}]",)

# --- Embedded data ---------------------------------------------------------------------------
VOYAGER_CODE_PREFIX: Final = "bpr-guid-"
REHYDRATION_MARKER: Final = "__como_rehydration__"
CERT_LOCKUP: Final = "license-certifications-lockup-view"


def first_match(el: etree._Element, candidates: Iterable[str]) -> list[etree._Element]:
    """The matches of the first candidate XPath that finds anything (empty if none does)."""
    for xpath in candidates:
        found = compiled(xpath)(el)
        if found:
            return list(found)
    return []


_COMPILED: dict[str, etree.XPath] = {}


def compiled(xpath: str) -> etree.XPath:
    """Each expression is compiled once per process."""
    found = _COMPILED.get(xpath)
    if found is None:
        found = _COMPILED[xpath] = etree.XPath(xpath)
    return found
