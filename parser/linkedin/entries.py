"""Readers for the non-certificate parts of a profile, shared by every LinkedIn layout.

All eras show an entry as lines in a fixed order (experience: title, company, dates, location,
description), so these readers work on ``text_lines`` of an entry and use structure only to find
the entries and to group roles under one company.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from lxml import etree

from parser.dates import _DATE as DATE_GRAMMAR  # the one date grammar, reused, not repeated
from parser.dates import find_dates, parse_range
from parser.html_lines import PRESENT_WORDS, Line, classify, label_pattern
from parser.html_text import first_line, text_lines
from parser.linkedin import selectors as sel
from parser.linkedin.page import Page, Section, heading_kind
from parser.models import Course, Education, Person, Position, Project

# "2 yrs 3 mos", "1 an 2 mois", "3 años", "2 Jahre 1 Monat", "4 anos" - durations, not data.
_DURATION = re.compile(
    r"^(?:less than a year|\d+\s*(?:yrs?|mos?|years?|months?|ans?|mois|años?|mes(?:es)?|"
    r"jahre?n?|monate?n?|anos?|meses)\b.*)$",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PARENTHESES = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_PRONOUNS = re.compile(r"^\(?\s*\w+\s*/\s*\w+\s*\)?$")
_DEGREE_OF_CONNECTION = re.compile(r"^·?\s*\d(?:st|nd|rd|th|er|e|º)?\b", re.I)
_SEE_MORE = re.compile(r"^(?:…|\.\.\.)?\s*(?:see more|show more|voir plus|ver más|mehr anzeigen|"
                       r"ver mais|afficher plus)$", re.I)
# "Hybrid", "Remote", "On-site" (and localised): a work mode, not a place.
_WORK_MODE = re.compile(
    r"^(?:hybrid|remote|on-site|onsite|hybride|à distance|sur site|híbrido|en remoto|remoto|"
    r"presencial|hybrid|homeoffice|vor ort|remota)$",
    re.I,
)
_MORE_ITEMS = re.compile(
    r"^(?:see|show|voir|afficher|ver|mostrar|exibir|alle)\b.*\d+\s*\+?", re.I
)
_PROJECT_LINKS = ("show project", "see project")
# Employment types shown after the company ("Contoso · Full-time").
_EMPLOYMENT = re.compile(
    r"^(?:full-time|part-time|contract|self-employed|freelance|internship|apprenticeship|"
    r"seasonal|temps plein|temps partiel|cdi|cdd|jornada completa|jornada parcial|vollzeit|"
    r"teilzeit|tempo integral|meio período)$",
    re.I,
)


def is_range_line(line: str) -> bool:
    """"Jan 2020 - Present · 4 yrs", "2012 – 2016": a date range and nothing else."""
    if not _YEAR.search(line):
        return False  # every date form carries a year; most lines are skipped here, cheaply
    span = _PARENTHESES.sub(" ", line.split("·", 1)[0])  # "(1 year 2 months)" in 2013 pages
    if not find_dates(span):
        return False
    rest = PRESENT_WORDS.sub(" ", DATE_GRAMMAR.sub(" ", span))
    rest = re.sub(r"\b(?:to|a|à|bis|até|hasta|de)\b", " ", rest, flags=re.I)
    return not _WORD.search(rest)


def _nesting(items: list[etree._Element], within: etree._Element) -> dict[int, int | None]:
    """id(item) -> id of the nearest enclosing item (None at top level), one ancestor walk each."""
    chosen = {id(i) for i in items}
    parent: dict[int, int | None] = {}
    for item in items:
        parent[id(item)] = None
        for ancestor in item.iterancestors():
            if ancestor is within:
                break
            if id(ancestor) in chosen:
                parent[id(item)] = id(ancestor)
                break
    return parent


def top_level(items: list[etree._Element], within: etree._Element) -> list[etree._Element]:
    """Items with no other item as an ancestor (nested entries are read by their parent)."""
    parent = _nesting(items, within)
    return [i for i in items if parent[id(i)] is None]


def entries(section: etree._Element, candidates: Iterable[str] = sel.ENTITY_ITEMS) -> list[
    tuple[etree._Element, list[etree._Element]]
]:
    """(entry, nested entries) pairs of a section, in page order (roles grouped by company)."""
    items = sel.first_match(section, candidates)
    parent = _nesting(items, section)
    children: dict[int, list[etree._Element]] = {}
    for item in items:
        owner = parent[id(item)]
        if owner is not None:
            children.setdefault(owner, []).append(item)
    return [(i, children.get(id(i), [])) for i in items if parent[id(i)] is None]


def _is_location(line: str) -> bool:
    """Location lines are short place names: "Lyon, Auvergne-Rhône-Alpes, France · Hybrid"."""
    return not line.endswith(".") and (
        "," in line or " · " in line or len(line.split()) <= 3
    ) and len(line) <= 80


def _strip_work_mode(line: str) -> str:
    return line.split(" · ", 1)[0].strip()


def _description(lines: list[str]) -> str | None:
    kept = [
        line for line in lines
        if classify(line) is Line.TEXT and not _SEE_MORE.match(line)
        and label_pattern("associated_with").match(line) is None
    ]
    return " ".join(kept) or None


def position(lines: list[str], company: str | None = None) -> Position | None:
    """One role from its lines; ``company`` given for roles grouped under a company."""
    if not lines:
        return None
    title, rest = lines[0], lines[1:]
    at = next((i for i, line in enumerate(rest) if is_range_line(line)), None)
    start = end = None
    before, after = rest, []
    if at is not None:
        start, end = parse_range(rest[at])
        before, after = rest[:at], rest[at + 1:]
    if company is None and before:
        company = before[0].split(" · ", 1)[0].strip() or None
    after = [line for line in after if not _DURATION.match(line)]
    location = None
    if after and (_WORK_MODE.match(after[0]) or _is_location(after[0])):
        location = _strip_work_mode(after[0])
        location = None if _WORK_MODE.match(location) else location
        after = after[1:]
    return Position(title=title, company=company, start=start, end=end,
                    description=_description(after), location=location)


def read_positions(section: Section) -> list[Position]:
    """Experience entries; roles grouped under one company become one position each."""
    out: list[Position] = []
    for entry, nested in entries(section.element):
        if nested:
            company = first_line(entry)
            for role in nested:
                found = position(_role_lines(text_lines(role)), company)
                if found:
                    out.append(found)
            continue
        found = position(text_lines(entry))
        if found:
            out.append(found)
    return out


def _role_lines(lines: list[str]) -> list[str]:
    """A grouped role's lines may show the employment type where a company would be."""
    return [lines[0], *(line for line in lines[1:] if not _EMPLOYMENT.match(line))] if lines else []


def read_education(section: Section) -> list[Education]:
    out: list[Education] = []
    for entry, _ in entries(section.element):
        lines = text_lines(entry)
        if not lines:
            continue
        school, rest = lines[0], lines[1:]
        degree = field = None
        start = end = None
        for line in rest[:4]:
            if is_range_line(line):
                start, end = parse_range(line)
                break
            if degree is None and classify(line) is Line.TEXT:
                degree, _, field_text = line.partition(", ")
                field = field_text.strip() or None
                degree = degree.strip() or None
        out.append(Education(school=school, degree=degree, field=field, start=start, end=end))
    return out


def read_projects(section: Section) -> list[Project]:
    out: list[Project] = []
    for entry, _ in entries(section.element):
        lines = text_lines(entry)
        if not lines:
            continue
        title, rest = lines[0], lines[1:]
        start = end = None
        if rest and is_range_line(rest[0]):
            start, end = parse_range(rest[0])
            rest = rest[1:]
        rest = [line for line in rest if not line.lower().startswith(_PROJECT_LINKS)]
        out.append(Project(title=title, description=_description(rest), start=start, end=end,
                           url=external_url(entry)))
    return out


def read_names(section: Section) -> list[str]:
    """The first line of each entry: skills, courses, names-only certificates."""
    names: list[str] = []
    for entry, _ in entries(section.element):
        name = first_line(entry)
        if name and _MORE_ITEMS.match(name):
            continue  # "See 6+", "Show all 14 skills": a link, not an entry
        if name and name not in names:
            names.append(name)
    return names


def read_courses(section: Section) -> list[Course]:
    return [Course(name=name) for name in read_names(section)]


def read_about(section: Section) -> str | None:
    lines = text_lines(section.element)
    if lines and section.heading is None:
        section.heading = lines[0]
    kept = [line for line in lines if line != section.heading and not _SEE_MORE.match(line)]
    if kept and kept[0] in {"About", "Summary"}:
        kept = kept[1:]
    return " ".join(kept) or None


def external_url(entry: etree._Element) -> str | None:
    """The first link out of LinkedIn in an entry (a credential or a project page)."""
    for anchor in entry.iter("a"):
        href = (anchor.get("href") or "").strip()
        if is_credential_url(href):
            return href
    return None


def is_credential_url(href: str) -> bool:
    """An absolute http(s) link that is not LinkedIn's own navigation."""
    lowered = href.lower()
    return lowered.startswith(("http://", "https://")) and not any(
        marker in lowered for marker in sel.NOT_CREDENTIAL_URL
    )


def read_person(page: Page) -> Person:
    """Name, headline and location from the top card; "About" from its section."""
    person = Person(name=title_name(page))
    h1 = page.h1
    if h1 is not None:
        person.name = first_line(h1) or person.name
        card = next(h1.iterancestors("section"), None)
        if card is None:
            card = _nth_parent(h1, 3)
        person.headline = _first_of(card, sel.HEADLINE)
        person.location = _first_of(card, sel.LOCATION)
        if person.headline is None or person.location is None:
            _top_card_by_order(card, person)
    about = page.section("about")
    if about is not None:
        person.about = read_about(about)
    elif h1 is not None:
        found = sel.first_match(card, sel.SUMMARY_IN_TOP_CARD)
        person.about = " ".join(text_lines(found[0])) or None if found else None
    return person


def title_name(page: Page) -> str | None:
    """The name in the page title: "(3) Licenses & certifications | Dana Example | LinkedIn"."""
    title = page.root.find("head/title")
    if title is None or not title.text:
        return None
    for part in title.text.split("|"):
        text = re.sub(r"^\(\d+\)\s*", "", part).strip()
        if text and text.lower() != "linkedin" and heading_kind(text) is None:
            return text
    return None


def _first_of(card: etree._Element, candidates: Iterable[str]) -> str | None:
    for found in sel.first_match(card, candidates):
        line = first_line(found)
        if line:
            return line
    return None


def _top_card_by_order(card: etree._Element, person: Person) -> None:
    """Text-order fallback: name, [pronouns, degree], headline, …, location, "Contact info"."""
    lines = text_lines(card)
    if person.name in lines:
        lines = lines[lines.index(person.name) + 1:]
    lines = [
        line for line in lines
        if not _PRONOUNS.match(line) and not _DEGREE_OF_CONNECTION.match(line) and line != "·"
    ]
    if person.headline is None and lines:
        person.headline = lines[0]
    if person.location is None:
        contact = label_pattern("contact_info")
        for before, line in itertools.pairwise(lines):
            if contact.match(line) and before != person.headline:
                person.location = before.rstrip(" ·")
                break


def _nth_parent(el: etree._Element, n: int) -> etree._Element:
    for _ in range(n):
        parent = el.getparent()
        if parent is None:
            break
        el = parent
    return el

