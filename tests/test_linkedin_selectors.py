"""Selector fallbacks, layout discovery, locators and sniffing of the LinkedIn readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree, html

from parser import UnsupportedFormat, parse_profile
from parser.document import InputDocument
from parser.formats import generic_html, linkedin_html, readers
from parser.linkedin import selectors as sel
from parser.linkedin.layouts import layouts
from parser.linkedin.page import Page, heading_kind
from tests.fixture_cases import FIXTURES, Case, cases

HTML_CASES = [c for c in cases() if c.input.suffix == ".html" and not c.error]


def test_first_non_empty_candidate_wins() -> None:
    root = html.fromstring(
        "<section><ul><li class='artdeco-list__item'>"
        "<div data-view-name='profile-component-entity'>A</div></li>"
        "<li class='artdeco-list__item'>B</li></ul></section>"
    )
    found = sel.first_match(root, sel.CERT_ITEMS)
    # The lockup candidate finds nothing, so the entity candidate wins, and only it is used.
    assert [el.text for el in found] == ["A"]


def test_no_candidate_gives_empty_list() -> None:
    assert sel.first_match(html.fromstring("<section><p>x</p></section>"), sel.CERT_ITEMS) == []


@pytest.mark.parametrize(
    "name",
    ["CERT_ITEMS", "ENTITY_ITEMS", "HEADLINE", "LOCATION", "SUMMARY_IN_TOP_CARD"],
)
def test_every_selector_compiles(name: str) -> None:
    for xpath in getattr(sel, name):
        sel.compiled(xpath)  # raises XPathSyntaxError when broken


def test_layouts_are_discovered_in_priority_order() -> None:
    found = layouts()
    ids = [layout.ID for layout in found]
    assert {"cards-2022", "details-2022", "sdui-2025", "section-2020", "accomplishments-2017",
            "public-2013", "voyager-json"} <= set(ids)
    assert [layout.PRIORITY for layout in found] == sorted(layout.PRIORITY for layout in found)


def test_linkedin_reader_comes_before_generic_html() -> None:
    order = [r.ID for r in readers()]
    assert order.index(linkedin_html.ID) < order.index(generic_html.ID)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Licenses & certifications", "certifications"),
        ("Licences et certifications", "certifications"),
        ("Licencias y certificaciones", "certifications"),
        ("Lizenzen und Zertifikate", "certifications"),
        ("Licenças e certificados", "certifications"),
        ("Experience", "experience"),
        ("Honors & awards", "honors"),
        ("People also viewed", None),
        ("Certificationsfoo", None),
    ],
)
def test_heading_kind(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize("case", HTML_CASES, ids=[c.name for c in HTML_CASES])
def test_locators_resolve_to_the_entry_element(case: Case) -> None:
    """tree.xpath(locator) finds exactly one element, and it holds the certificate's name."""
    profile = parse_profile(case.input.read_bytes(), filename=case.input.name)
    root = html.document_fromstring(case.input.read_bytes())
    for cert in profile.certificates:
        if cert.locator is None:
            continue
        found = root.getroottree().xpath(cert.locator)
        assert len(found) == 1, cert.locator
        element = found[0]
        assert isinstance(element, etree._Element)
        assert cert.name in element.text_content()
        # The item element, not a text node or the whole section.
        assert element.tag in {"li", "div"}


def test_fragment_locator_is_relative_to_main() -> None:
    """The extension evaluates the part after /html/body/main against the live <main>."""
    data = (FIXTURES / "linkedin-main-fragment" / "input.html").read_bytes()
    profile = parse_profile(data)
    assert profile.certificates
    for cert in profile.certificates:
        assert cert.locator is not None and cert.locator.startswith("/html/body/main/")
    main = html.fromstring(data)
    assert main.tag == "main"
    for cert in profile.certificates:
        assert cert.locator is not None
        relative = "." + cert.locator.removeprefix("/html/body/main")
        assert cert.name in main.xpath(relative)[0].text_content()


def test_aside_and_honors_do_not_leak() -> None:
    data = (FIXTURES / "linkedin-cards-2024-profile" / "input.html").read_bytes()
    profile = parse_profile(data)
    names = {c.name for c in profile.certificates}
    assert "Data Team of the Year" not in names  # an honor
    text = json.dumps(profile.to_json())
    assert "People also viewed" not in text and "Jordan Example" not in text


def test_page_index_recognises_sections_by_route() -> None:
    data = (FIXTURES / "linkedin-cards-2024-profile" / "input.html").read_bytes()
    page = Page(html.document_fromstring(data))
    routes = {s.kind: s.route for s in page.sections}
    assert routes["certifications"] == "anchor"
    assert "D" in page.markers


@pytest.mark.parametrize(
    "data",
    [
        b'{"basics": {"name": "Dana Example", "url": "https://www.linkedin.com/in/dana-example/"}}',
        b"Name,Url,Authority,Started On,Finished On,License Number\nX,,Contoso,Jul 2024,,\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04" + b"\x00" * 64,
        b"plain text that mentions linkedin.com/in/dana-example and Certifications",
    ],
)
def test_sniff_refuses_non_html_without_raising(data: bytes) -> None:
    doc = InputDocument(data)
    assert linkedin_html.sniff(doc) is False
    assert generic_html.sniff(doc) is False


def test_page_without_profile_or_certifications_is_not_linkedin() -> None:
    data = b"<html><body><a href='https://www.linkedin.com/in/dana-example/'>me</a></body></html>"
    assert linkedin_html.sniff(InputDocument(data)) is False
    with pytest.raises(UnsupportedFormat):
        parse_profile(data)


def test_utf16_page_is_read() -> None:
    data = (FIXTURES / "html-portfolio" / "input.html").read_text(encoding="utf-8")
    profile = parse_profile(data.encode("utf-16"))
    assert profile.source.format == "html"
    assert len(profile.certificates) == 3


def test_fixture_inputs_have_no_real_linkedin_vanity_urls() -> None:
    """Every /in/<vanity> in our fixtures is an obvious example name."""
    import re

    for case in HTML_CASES:
        text = Path(case.input).read_text(encoding="utf-8", errors="replace")
        for vanity in re.findall(r"linkedin\.com/in/([\w-]+)", text):
            assert "example" in vanity, (case.name, vanity)


def test_grouped_roles_become_positions_with_the_company() -> None:
    """An SDUI-style experience card: one company item holding a list of role items."""
    from parser.linkedin.entries import read_positions
    from parser.linkedin.page import Section

    section = html.fromstring(
        "<section><h2>Experience</h2><ul>"
        "<li><p>Contoso</p><p>Full-time · 6 yrs</p><ul>"
        "<li><p>Lead Engineer</p><p>Jan 2022 - Present · 3 yrs</p><p>Remote</p></li>"
        "<li><p>Engineer</p><p>Full-time</p><p>Mar 2019 - Dec 2021 · 2 yrs 10 mos</p>"
        "<p>Built the billing service and its test suite.</p></li>"
        "</ul></li>"
        "<li><p>Analyst</p><p>Fabrikam · Part-time</p><p>2016 - 2019</p>"
        "<p>Lyon, Auvergne-Rhône-Alpes, France</p></li>"
        "</ul></section>"
    )
    got = [
        (p.title, p.company, p.start, p.end, p.location, p.description)
        for p in read_positions(Section(section, "experience", "heading"))
    ]
    assert got == [
        ("Lead Engineer", "Contoso", "2022-01", None, None, None),
        ("Engineer", "Contoso", "2019-03", "2021-12", None,
         "Built the billing service and its test suite."),
        ("Analyst", "Fabrikam", "2016", "2019", "Lyon, Auvergne-Rhône-Alpes, France", None),
    ]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        # An XML declaration naming the real (non-UTF-8) encoding.
        ('<?xml version="1.0" encoding="windows-1252"?><html><body><h2>Certifications</h2>'
         "<ul><li>Café Admin</li></ul></body></html>".encode("cp1252"), "Café Admin"),
        # A <meta> that lies: the bytes are UTF-8.
        ('<html><head><meta charset="iso-8859-1"></head><body><h2>Certifications</h2>'
         "<ul><li>Café Admin</li></ul></body></html>".encode(), "Café Admin"),
    ],
)
def test_declared_encodings_do_not_break_the_html_tree(data: bytes, name: str) -> None:
    assert [c.name for c in parse_profile(data).certificates] == [name]
