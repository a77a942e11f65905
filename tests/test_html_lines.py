"""The shared line classifier (parser.html_lines) and visible-text lines (parser.html_text)."""

from __future__ import annotations

import pytest
from lxml import html

from parser.html_lines import Line, classify, guess_kind, read_certificate, read_dates, split_skills
from parser.html_text import text_lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Issued May 2024 · Expires May 2027", Line.DATES),
        ("Issued Nov 2020 · Expired Dec 2022", Line.DATES),
        ("Issued Jun 2019 · No Expiration Date", Line.DATES),
        ("Issued 2018", Line.DATES),
        ("May 2024 – May 2027", Line.DATES),
        ("Délivrée le janv. 2024 · Expire le janv. 2027", Line.DATES),
        ("Expedición: mar. 2023 · Vencimiento: mar. 2026", Line.DATES),
        ("Ausgestellt: Mai 2024 · Gültig bis Mai 2027", Line.DATES),
        ("Emitido em fev. de 2022", Line.DATES),
        ("Credential ID EX-0042", Line.CREDENTIAL_ID),
        ("ID de la credencial 9931", Line.CREDENTIAL_ID),
        ("Skills: Python · SQL", Line.SKILLS),
        ("Compétences : Scrum · Kanban", Line.SKILLS),
        ("Show credential", Line.SHOW_CREDENTIAL),
        ("Issued by Fabrikam · May 2020", Line.ISSUED_BY),
        ("Attached media", Line.STOP),
        ("Contoso", Line.TEXT),
        ("Issuance of bonds, 2019 edition", Line.TEXT),  # a year in prose is not a dates line
    ],
)
def test_classify(line: str, kind: Line) -> None:
    assert classify(line) is kind


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Issued May 2024 · Expires May 2027", ("2024-05", "2027-05")),
        ("Issued Nov 2020 · Expired Dec 2022", ("2020-11", "2022-12")),
        ("Issued Jun 2019 · No Expiration Date", ("2019-06", None)),
        ("Issued 2018", ("2018", None)),
        ("November 2013 – Present", ("2013-11", None)),
        ("Délivrée le mai 2018 · Expirée le mai 2020", ("2018-05", "2020-05")),
        ("Expires Mar 2026 · Issued Mar 2023", ("2023-03", "2026-03")),  # labels beat position
    ],
)
def test_read_dates(line: str, dates: tuple[str | None, str | None]) -> None:
    assert read_dates(line) == dates


def test_entry_order_name_issuer_dates_id_skills() -> None:
    read = read_certificate([
        "AWS Certified 2024 Practitioner",  # a year in the name does not make it a dates line
        "Amazon Web Services (AWS)",
        "Issued May 2024 · Expires May 2027",
        "Credential ID EX-0042",
        "Skills: Cloud Computing · +2 skills",
        "Show credential",
        "Attached media",
        "Skills: never read after the stop marker",
    ])
    assert (read.name, read.issuer, read.issued, read.expires, read.credential_id) == (
        "AWS Certified 2024 Practitioner", "Amazon Web Services (AWS)", "2024-05", "2027-05",
        "EX-0042",
    )
    assert read.skills == ["Cloud Computing"]
    assert read.has_show_credential and not read.is_honor


def test_honor_is_flagged_not_read_as_dates() -> None:
    read = read_certificate(["Analyst of the Quarter", "Issued by Northwind Traders · Oct 2022"])
    assert read.is_honor
    assert read.issued is None


def test_unknown_date_label_is_reported_not_guessed() -> None:
    read = read_certificate(["Certificazione", "Contoso", "Rilasciato mag 2024"])
    assert read.issued is None
    assert read.unread == ["Rilasciato mag 2024"]


def test_split_skills_drops_counters() -> None:
    assert split_skills("Python · SQL, dbt · +3 skills") == ["Python", "SQL", "dbt"]


def test_guess_kind() -> None:
    assert guess_kind("Registered Nurse License") == "license"
    assert guess_kind("Certified Kubernetes Administrator") == "certification"


def _lines(markup: str) -> list[str]:
    return text_lines(html.fragment_fromstring(markup, create_parent="div"))


def test_doubled_text_is_never_doubled() -> None:
    markup = (
        '<div class="t-bold"><span aria-hidden="true"><!---->RTCK<!----></span>'
        '<span class="visually-hidden"><!---->RTCK<!----></span></div>'
        '<span class="t-14"><span aria-hidden="true">Example Org</span>'
        '<span class="_a1b2c3">Example Org</span></span>'  # hashed hidden class (2026): deduped
        "<p>Example OrgExample Org</p>"
    )
    assert _lines(markup) == ["RTCK", "Example Org"]


def test_years_and_numbers_are_not_undoubled() -> None:
    assert _lines("<p>Contoso</p><p>2020</p><p>Credential ID 1010</p>") == [
        "Contoso", "2020", "Credential ID 1010",
    ]


def test_spans_end_lines_inline_tags_and_comments_do_not() -> None:
    markup = (
        '<span>Issued <time>May 2024</time><!----> · Expires May 2027</span>'
        "<span><strong>Skills:</strong> Python · SQL</span>"
    )
    assert _lines(markup) == ["Issued May 2024 · Expires May 2027", "Skills: Python · SQL"]


def test_hostile_text_stays_text_and_scripts_are_skipped() -> None:
    markup = "<p>&lt;img src=x onerror=alert(1)&gt; Admin</p><script>alert(2)</script><p>Org</p>"
    assert _lines(markup) == ["<img src=x onerror=alert(1)> Admin", "Org"]


def test_comma_items_are_joined() -> None:
    markup = "<p><span>Bachelor of Science (BS)</span>, <span>Civil Engineering</span></p>"
    assert _lines(markup) == ["Bachelor of Science (BS), Civil Engineering"]


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    # Built directly: the HTML parser itself caps nesting, a tree built by code does not.
    root = node = html.Element("div")
    for _ in range(5_000):  # deeper than Python's recursion limit
        node = _child(node)
    node.text = "Deep"
    assert text_lines(root) == ["Deep"]


def _child(parent: html.HtmlElement) -> html.HtmlElement:
    child = html.Element("div")
    parent.append(child)
    return child
