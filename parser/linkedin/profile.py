"""Assemble a Profile from a LinkedIn page: the part every DOM layout shares.

A layout decides *whether* a page is its era and which certificate selectors apply; reading the
person, experience, education, projects, skills and courses is the same line-based work in every
era, so it lives here once.
"""

from __future__ import annotations

from collections.abc import Iterable

from parser.linkedin import selectors as sel
from parser.linkedin.certs import read_certificates
from parser.linkedin.entries import (
    read_courses,
    read_education,
    read_names,
    read_person,
    read_positions,
    read_projects,
)
from parser.linkedin.page import Page
from parser.models import Profile, Source

FORMAT = "linkedin-html"


def read_profile(
    page: Page, layout: str, cert_items: Iterable[str] = sel.CERT_ITEMS
) -> Profile:
    """Everything a DOM layout can read, certificates from every certifications section."""
    profile = Profile(source=Source(format=FORMAT, layout=layout))
    profile.person = read_person(page)
    for section in page.sections_of("certifications"):
        profile.certificates.extend(read_certificates(page, section, cert_items))
    for section in page.sections_of("experience"):
        profile.positions.extend(read_positions(section))
    for section in page.sections_of("education"):
        profile.education.extend(read_education(section))
    for section in page.sections_of("projects"):
        profile.projects.extend(read_projects(section))
    for section in page.sections_of("skills"):
        profile.skills.extend(s for s in read_names(section) if s not in profile.skills)
    for section in page.sections_of("courses"):
        profile.courses.extend(read_courses(section))
    return finish(profile, page)


def finish(profile: Profile, page: Page) -> Profile:
    """Carry the page's warnings into the Profile's source."""
    for message in page.warnings:
        profile.source.warn(message)
    return profile
