"""Any HTML page with a certifications heading: a best-effort reader.

A personal site, a résumé exported to HTML, a saved page from another network: find headings such
as "Certifications" / "Licenses & certifications" / "Certificaciones" (any supported locale),
take the entries that follow each one up to the next heading of the same or a higher level, and
read each entry's lines with the same classifier the LinkedIn layouts use.
"""

from __future__ import annotations

from lxml import etree

from parser.document import InputDocument
from parser.errors import ParserError
from parser.formats.linkedin_html import looks_like_markup
from parser.html_lines import guess_kind, read_certificate
from parser.html_text import first_line, is_hidden, text_lines
from parser.linkedin.entries import external_url
from parser.linkedin.page import heading_kind
from parser.models import Certificate, Person, Profile, Source

ID = "html"
PRIORITY = 90
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LISTS = frozenset({"ul", "ol", "dl", "table", "tbody"})


def sniff(doc: InputDocument) -> bool:
    if not looks_like_markup(doc):
        return False
    try:
        return bool(_cert_headings(doc.html))
    except ParserError:
        return False


def read(doc: InputDocument) -> Profile:
    root = doc.html
    tree = root.getroottree()
    profile = Profile(source=Source(format="html", layout="generic"))
    profile.person = Person(name=_name(root))
    for heading in _cert_headings(root):
        for entry in _entries_after(heading):
            read_lines = read_certificate(text_lines(entry))
            if not read_lines.name or read_lines.is_honor:
                continue
            for line in read_lines.unread:
                profile.source.warn(f"a date line could not be read and was left out: {line!r}")
            profile.certificates.append(Certificate(
                name=read_lines.name, issuer=read_lines.issuer, issued=read_lines.issued,
                expires=read_lines.expires, credential_id=read_lines.credential_id,
                credential_url=external_url(entry), skills=read_lines.skills,
                kind=guess_kind(read_lines.name), locator=str(tree.getpath(entry)),
            ))
    if not profile.certificates:
        profile.source.warn("a certifications heading was found but no entries under it")
    return profile


def _cert_headings(root: etree._Element) -> list[etree._Element]:
    return [h for h in root.iter(*_HEADINGS) if heading_kind(first_line(h)) == "certifications"]


def _name(root: etree._Element) -> str | None:
    h1 = next(root.iter("h1"), None)
    name = first_line(h1) if h1 is not None else None
    if name and heading_kind(name) is None:
        return name
    title = next(root.iter("title"), None)
    text = (title.text or "").split("|")[0].split(" - ")[0].strip() if title is not None else ""
    return text or None


def _entries_after(heading: etree._Element) -> list[etree._Element]:
    """The entries between a heading and the next heading of the same or a higher level."""
    level = int(heading.tag[1])
    anchor = heading
    # A heading wrapped alone in <header>/<div>: its content follows the wrapper.
    while anchor.getnext() is None and anchor.getparent() is not None and (
        anchor.getparent().tag not in ("body", "html", "section", "article")
    ):
        anchor = anchor.getparent()
    blocks: list[etree._Element] = []
    sibling = anchor.getnext()
    while sibling is not None:
        if isinstance(sibling.tag, str):
            if sibling.tag in _HEADINGS and int(sibling.tag[1]) <= level:
                break
            nested = next(sibling.iter(*_HEADINGS[:level]), None)
            if nested is not None and nested is not sibling and sibling.tag not in _LISTS:
                break  # the next section starts inside this block
            if not is_hidden(sibling):
                blocks.append(sibling)
        sibling = sibling.getnext()
    out: list[etree._Element] = []
    for block in blocks:
        out.extend(_split(block))
    return out


def _split(block: etree._Element) -> list[etree._Element]:
    """A list gives one entry per item; a block of like children, one per child."""
    if block.tag in ("ul", "ol"):
        return [li for li in block.iterchildren("li")]
    if block.tag in ("table", "tbody"):
        return [tr for tr in block.iter("tr") if tr.find("th") is None]
    if block.tag == "dl":
        return [block]
    children = [c for c in block.iterchildren() if isinstance(c.tag, str) and not is_hidden(c)]
    tags = {c.tag for c in children}
    if len(children) >= 2 and len(tags) == 1 and children[0].tag in ("div", "article", "li"):
        return children
    lists = [c for c in children if c.tag in ("ul", "ol")]
    if len(lists) == 1 and len(children) == 1:
        return _split(lists[0])
    return [block]
