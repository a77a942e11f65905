"""Visible text of an lxml element, as the lines a reader sees, never doubled.

LinkedIn pages from 2022 on emit each string twice: an ``aria-hidden="true"`` copy for the eye and a
``.visually-hidden`` copy for screen readers. We drop the screen-reader copy (in the ~2020 layout
that copy is a *label* such as "Issuing authority", so dropping it is right there too), skip
non-content elements, and break lines at element boundaries: LinkedIn puts each field in its own
``<span>``, so spans end lines too, while inline formatting (``<strong>``, ``<time>`` …) and Ember's
``<!---->`` comments do not. Consecutive identical lines and exact doublings are then undone.

The walk is iterative (``etree.iterwalk``) so deeply nested hostile markup cannot exhaust the stack.
"""

from __future__ import annotations

from lxml import etree

from parser.text import clean, dedupe_lines

# Elements whose content is never visible text.
_SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "img", "button-icon", "head", "title",
     "iframe", "object", "select", "option", "input", "textarea"}
)
# Elements that do not end a line: text inside them joins its neighbours.
_INLINE_TAGS = frozenset(
    {"b", "strong", "em", "i", "u", "abbr", "time", "small", "bdi", "bdo", "sup", "sub", "mark",
     "cite", "q", "wbr", "font"}
)
# Class tokens of screen-reader-only copies, across eras.
_HIDDEN_CLASSES = frozenset({"visually-hidden", "a11y-text", "sr-only", "screen-reader-text"})


def is_hidden(el: etree._Element) -> bool:
    """Is this element a screen-reader copy or otherwise not shown?"""
    tag = el.tag
    if not isinstance(tag, str) or tag in _SKIPPED_TAGS:
        return True
    classes = el.get("class")
    if classes and not _HIDDEN_CLASSES.isdisjoint(classes.split()):
        return True
    style = el.get("style")
    if style and "none" in style and "display" in style.replace(" ", ""):
        return True
    return el.get("hidden") is not None


def text_lines(el: etree._Element, limit: int | None = None) -> list[str]:
    """The visible lines of ``el``, whitespace-normalised, with doubled copies undone.

    ``limit`` stops the walk once that many lines are read (a grouped role's company is the
    first line of an entry that may hold many roles). This loop runs for every entry of every
    section, so it is written flat: it is most of the extraction time.
    """
    lines: list[str] = []
    buffer: list[str] = []
    inline = _INLINE_TAGS
    walker = etree.iterwalk(el, events=("start", "end", "comment"))
    for event, node in walker:
        if event == "comment":
            if node.tail and node is not el:
                buffer.append(node.tail)
            continue
        tag = node.tag
        if not isinstance(tag, str):  # processing instruction
            continue
        if event == "start":
            # is_hidden() inlined for the common case (no class, or an ordinary one): this
            # test runs for every element of every entry.
            classes = node.get("class")
            if node is not el and (
                tag in _SKIPPED_TAGS
                or (classes is not None and not _HIDDEN_CLASSES.isdisjoint(classes.split()))
                or ((node.get("style") is not None or node.get("hidden") is not None)
                    and is_hidden(node))
            ):
                # Its "end" event still comes, and takes care of the tail.
                walker.skip_subtree()
            elif node.text:
                if buffer and tag not in inline:  # <br> is not inline either
                    _flush(buffer, lines)
                buffer.append(node.text)
                continue
            if buffer and tag not in inline:
                _flush(buffer, lines)
        else:
            if buffer and tag not in inline:
                _flush(buffer, lines)
            if node.tail and node is not el:
                buffer.append(node.tail)
        if limit is not None and len(lines) >= limit:
            break
    _flush(buffer, lines)
    return dedupe_lines(_join_comma_items(lines))


def _flush(buffer: list[str], lines: list[str]) -> None:
    """End the current line."""
    if buffer:
        line = clean("".join(buffer))
        buffer.clear()
        if line:
            lines.append(line)


def _join_comma_items(lines: list[str]) -> list[str]:
    """["Bachelor of Science (BS)", ",", "Civil Engineering"] -> one line (2020 comma items)."""
    if "," not in lines:
        return lines
    out: list[str] = []
    glue = False
    for line in lines:
        if line == "," and out:
            out[-1] += ","
            glue = True
        elif glue:
            out[-1] += " " + line
            glue = False
        else:
            out.append(line)
    return out


def first_line(el: etree._Element | None) -> str | None:
    """The first visible line of ``el``, or None."""
    if el is None:
        return None
    lines = text_lines(el, limit=1)
    return lines[0] if lines else None


def joined_text(el: etree._Element | None, sep: str = "\n") -> str | None:
    """All visible lines of ``el`` joined (for descriptions and "About" text)."""
    if el is None:
        return None
    lines = text_lines(el)
    return sep.join(lines) if lines else None
