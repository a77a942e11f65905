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
    if not isinstance(el.tag, str):
        return True
    if el.tag in _SKIPPED_TAGS or el.get("hidden") is not None:
        return True
    classes = el.get("class")
    if classes and not _HIDDEN_CLASSES.isdisjoint(classes.split()):
        return True
    style = el.get("style")
    return bool(style) and "none" in style and "display" in style.replace(" ", "")


def text_lines(el: etree._Element) -> list[str]:
    """The visible lines of ``el``, whitespace-normalised, with doubled copies undone."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            line = clean("".join(buffer))
            buffer.clear()
            if line:
                lines.append(line)

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
            if node is not el and is_hidden(node):
                # Its "end" event still comes, and takes care of the tail.
                walker.skip_subtree()
                if tag not in _INLINE_TAGS:
                    flush()
                continue
            if tag == "br" or tag not in _INLINE_TAGS:
                flush()
            if node.text:
                buffer.append(node.text)
        else:
            if tag not in _INLINE_TAGS:
                flush()
            if node.tail and node is not el:
                buffer.append(node.tail)
    flush()
    return dedupe_lines(_join_comma_items(lines))


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
    lines = text_lines(el)
    return lines[0] if lines else None


def joined_text(el: etree._Element | None, sep: str = "\n") -> str | None:
    """All visible lines of ``el`` joined (for descriptions and "About" text)."""
    if el is None:
        return None
    lines = text_lines(el)
    return sep.join(lines) if lines else None
