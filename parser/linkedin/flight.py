"""The 2025-26 rehydration stream: ``window.__como_rehydration__ = ["…", …]``.

The array's strings, concatenated, are React Server Components "Flight" rows, one per line:
``<hex id>:<json>``. Elements are ``["$", tag, key, props]``; a string child ``"$1f"`` or
``"$L1f"`` refers to row ``1f``. A certificate is the element whose children include the
``license-certifications-lockup-view`` element (as in the DOM: the lockup's parent); its text
leaves, in order, are the same lines the DOM shows, so the shared line classifier reads them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

from parser.html_lines import guess_kind, read_certificate
from parser.linkedin import selectors as sel
from parser.linkedin.entries import is_credential_url
from parser.linkedin.page import Page
from parser.models import Certificate
from parser.text import clean

_ROW = re.compile(r"^([0-9a-fA-F]+):(.*)$")
_REFERENCE = re.compile(r"^\$[L@]?([0-9a-fA-F]+)$")
_MAX_DEPTH = 400  # rows reference rows; a hostile stream must not loop or exhaust the stack
# Nodes visited per certificate: rows may reference one row many times (a DAG that would grow
# exponentially when unfolded), so the walk has a budget as well as a depth limit.
_MAX_NODES = 20_000
_URL_KEYS = ("href", "url", "urlValue")


def rows(page: Page) -> dict[str, Any]:
    """Row id -> decoded JSON, from every rehydration script of the page."""
    if "flight" in page.memo:
        return dict(page.memo["flight"])
    out: dict[str, Any] = {}
    for script in page.rehydration:
        out.update(_rows_of(page, script))
    page.memo["flight"] = out
    return dict(out)


def _rows_of(page: Page, script: etree._Element) -> dict[str, Any]:
    text = script.text or ""
    start, end = text.find("["), text.rfind("]")
    if start < 0 or end <= start:
        return {}
    try:
        chunks = json.loads(text[start:end + 1])
    except (ValueError, RecursionError):
        page.warn("the page's rehydration data is not valid JSON; skipped")
        return {}
    if not isinstance(chunks, list):
        return {}
    out: dict[str, Any] = {}
    for line in "".join(c for c in chunks if isinstance(c, str)).splitlines():
        found = _ROW.match(line)
        if not found:
            continue
        try:
            out[found[1].lower()] = json.loads(found[2])
        except (ValueError, RecursionError):
            continue  # text rows ("T…") and other row kinds we do not read
    return out


def certificates(page: Page) -> list[Certificate]:
    table = rows(page)
    out: list[Certificate] = []
    seen: set[int] = set()
    for value in table.values():
        for entry in _entries(value, table, 0, seen):
            texts: list[str] = []
            urls: list[str] = []
            _collect(entry, table, texts, urls, 0, [_MAX_NODES])
            read = read_certificate(texts)
            if not read.name or read.is_honor:
                continue
            url = next((u for u in urls if is_credential_url(u)), None)
            out.append(Certificate(
                name=read.name, issuer=read.issuer, issued=read.issued, expires=read.expires,
                credential_id=read.credential_id, credential_url=url, skills=read.skills,
                kind=guess_kind(read.name),
            ))
    return out


def _is_element(node: Any) -> bool:
    return isinstance(node, list) and len(node) == 4 and node[0] == "$" and isinstance(
        node[3], dict
    )


def _resolve(node: Any, table: dict[str, Any]) -> Any:
    if isinstance(node, str):
        ref = _REFERENCE.match(node)
        if ref:
            return table.get(ref[1].lower())
    return node


def _children(node: Any) -> list[Any]:
    if _is_element(node):
        kids = node[3].get("children")
        return kids if isinstance(kids, list) and not _is_element(kids) else [kids]
    if isinstance(node, list):
        return node
    return []


def _is_lockup(node: Any) -> bool:
    if not _is_element(node):
        return False
    props = node[3]
    return sel.CERT_LOCKUP in (props.get("data-view-name"), props.get("viewName"))


def _entries(node: Any, table: dict[str, Any], depth: int, seen: set[int]) -> list[Any]:
    """Elements that directly hold a certificate lockup, each once."""
    if depth > _MAX_DEPTH or id(node) in seen:
        return []
    seen.add(id(node))
    kids = [_resolve(k, table) for k in _children(node)]
    if _is_element(node) and any(_is_lockup(k) for k in kids):
        return [node]
    found: list[Any] = []
    for kid in kids:
        if isinstance(kid, list):
            found.extend(_entries(kid, table, depth + 1, seen))
    return found


def _collect(node: Any, table: dict[str, Any], texts: list[str], urls: list[str],
             depth: int, budget: list[int]) -> None:
    """Text leaves and link targets under ``node``, in order."""
    budget[0] -= 1
    if depth > _MAX_DEPTH or budget[0] < 0:
        return
    node = _resolve(node, table)
    if isinstance(node, str):
        if not node.startswith("$"):
            line = clean(node)
            if line and (not texts or texts[-1] != line):
                texts.append(line)
        return
    if _is_element(node):
        for key in _URL_KEYS:
            value = node[3].get(key)
            if isinstance(value, str):
                urls.append(value)
    for kid in _children(node):
        _collect(kid, table, texts, urls, depth + 1, budget)
