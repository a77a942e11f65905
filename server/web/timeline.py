"""The career timeline as inline SVG, drawn on the server (the pages carry no script).

Positions are bars, one row each; certificates are numbered markers above them at their issue
month. A marker's band is told three ways — colour, shape and the word in its tooltip and in the
legend — so it never depends on colour alone. All text goes through ElementTree, which escapes it,
so a hostile certificate name stays text.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from parser import Profile
from server.scoring.timeline import month_number

WIDTH = 880
LEFT, RIGHT = 16, 16
AXIS_HEIGHT = 28
MARKER_LANE = 26
BAR_ROW = 26
BAR_HEIGHT = 14
MAX_POSITIONS = 14  # the most recent ones; older history adds rows, not insight
MARKER_GAP = 24  # markers closer than this move to the next lane, so numbers never overlap
LABEL_CHARS = 48
BAND_SHAPES = {"strong": "circle", "moderate": "square", "weak": "triangle", "none": "diamond"}


@dataclass(frozen=True)
class Marker:
    number: int
    month: int
    band: str
    title: str


@dataclass(frozen=True)
class Bar:
    start: int
    end: int
    label: str
    current: bool


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; ``class_`` and ``text_anchor`` spell the SVG attributes with a hyphen."""
    attrib = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()}
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _markers(profile: Profile, report: dict[str, Any]) -> list[Marker]:
    markers = []
    for number, entry in enumerate(report.get("certificates") or [], start=1):
        index = entry.get("index", number - 1)
        if not isinstance(index, int) or not 0 <= index < len(profile.certificates):
            continue
        month = month_number(profile.certificates[index].issued)
        if month is None:
            continue
        band = entry.get("band") if entry.get("band") in BAND_SHAPES else "none"
        title = f"{number}. {entry.get('name', '')} — {band}, {entry.get('score', '?')}/100"
        markers.append(Marker(number, month, band, title))
    return markers


def _bars(profile: Profile, now: int) -> list[Bar]:
    bars = []
    for position in profile.positions:
        start = month_number(position.start)
        if start is None:
            continue
        end = month_number(position.end) if position.end else now
        label = " · ".join(filter(None, [position.title, position.company])) or "Position"
        bars.append(Bar(start, max(start, end or start), label, position.end is None))
    bars.sort(key=lambda b: (b.start, b.end))
    return bars[-MAX_POSITIONS:]


def _lanes(markers: list[Marker], x: Any) -> list[tuple[Marker, int]]:
    """Greedy lane assignment: each marker takes the first lane where it does not touch another."""
    last_x: list[float] = []
    placed = []
    for marker in sorted(markers, key=lambda m: (m.month, m.number)):
        position = x(marker.month)
        lane = next((i for i, right in enumerate(last_x) if position - right >= MARKER_GAP),
                    len(last_x))
        if lane == len(last_x):
            last_x.append(position)
        else:
            last_x[lane] = position
        placed.append((marker, lane))
    return placed


def _shape(parent: ET.Element, band: str, cx: float, cy: float) -> None:
    shape, css = BAND_SHAPES[band], f"marker band-{band}"
    if shape == "circle":
        _add(parent, "circle", cx=f"{cx:.1f}", cy=f"{cy:.1f}", r="9", class_=css)
        return
    if shape == "square":
        _add(parent, "rect", x=f"{cx - 8:.1f}", y=f"{cy - 8:.1f}", width="16", height="16",
             rx="2", class_=css)
        return
    if shape == "triangle":
        points = f"{cx:.1f},{cy - 10:.1f} {cx + 10:.1f},{cy + 8:.1f} {cx - 10:.1f},{cy + 8:.1f}"
    else:
        points = (f"{cx:.1f},{cy - 10:.1f} {cx + 10:.1f},{cy:.1f} "
                  f"{cx:.1f},{cy + 10:.1f} {cx - 10:.1f},{cy:.1f}")
    _add(parent, "polygon", points=points, class_=css)


def timeline_svg(profile: Profile, report: dict[str, Any], *, key: str,
                 today: datetime.date | None = None) -> Markup | None:
    """The SVG for one candidate, or ``None`` when nothing on the profile is dated.

    ``key`` makes the element ids unique when several reports share a page.
    """
    as_of = report.get("as_of")
    try:
        day = datetime.date.fromisoformat(as_of) if isinstance(as_of, str) else None
    except ValueError:
        day = None
    day = day or today or datetime.date.today()
    now = day.year * 12 + day.month - 1
    markers = _markers(profile, report)
    bars = _bars(profile, now)
    months = [m.month for m in markers] + [b.start for b in bars] + [b.end for b in bars]
    if not months:
        return None
    first_year = min(months) // 12
    last_year = max(max(months), now) // 12 + 1
    span = max(1, (last_year - first_year) * 12)

    def x(month: float) -> float:
        return LEFT + (month - first_year * 12) / span * (WIDTH - LEFT - RIGHT)

    placed = _lanes(markers, x)
    lanes = max((lane for _, lane in placed), default=-1) + 1
    bars_top = AXIS_HEIGHT + lanes * MARKER_LANE + 12
    height = bars_top + len(bars) * BAR_ROW + 8

    title_id, desc_id = f"tl-title-{key}", f"tl-desc-{key}"
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "class": "timeline", "role": "img",
        "viewBox": f"0 0 {WIDTH} {height}", "width": str(WIDTH), "height": str(height),
        "aria-labelledby": f"{title_id} {desc_id}",
    })
    _add(svg, "title", "Career timeline", id=title_id)
    _add(svg, "desc", (
        f"{len(bars)} positions as bars and {len(markers)} dated certificates as numbered "
        f"markers, {first_year} to {last_year - 1}. Marker shape and tooltip give the band: "
        "circle strong, square moderate, triangle weak, diamond none."), id=desc_id)

    axis = _add(svg, "g", class_="axis")
    step = 1 if last_year - first_year <= 12 else (2 if last_year - first_year <= 24 else 5)
    for year in range(first_year, last_year + 1):
        xpos = x(year * 12)
        _add(axis, "line", x1=f"{xpos:.1f}", x2=f"{xpos:.1f}", y1=str(AXIS_HEIGHT - 6),
             y2=str(height - 4), class_="grid")
        if (year - first_year) % step == 0 and year < last_year:
            _add(axis, "text", str(year), x=f"{xpos + 3:.1f}", y=str(AXIS_HEIGHT - 12),
                 class_="year")
    today_x = x(now)
    _add(axis, "line", x1=f"{today_x:.1f}", x2=f"{today_x:.1f}", y1=str(AXIS_HEIGHT - 6),
         y2=str(height - 4), class_="today")

    group = _add(svg, "g", class_="positions")
    for row, bar in enumerate(bars):
        y = bars_top + row * BAR_ROW
        x1, x2 = x(bar.start), x(bar.end + 1)
        item = _add(group, "g", class_="position current" if bar.current else "position")
        _add(item, "title", bar.label)
        _add(item, "rect", x=f"{x1:.1f}", y=str(y), width=f"{max(3.0, x2 - x1):.1f}",
             height=str(BAR_HEIGHT), rx="3")
        label = _shorten(bar.label)
        # Label beside the bar on whichever side has room; never clipped by the frame.
        if WIDTH - RIGHT - x2 > len(label) * 6.5 + 8:
            _add(item, "text", label, x=f"{x2 + 6:.1f}", y=str(y + BAR_HEIGHT - 3),
                 text_anchor="start", class_="label")
        else:
            _add(item, "text", label, x=f"{x1 - 6:.1f}", y=str(y + BAR_HEIGHT - 3),
                 text_anchor="end", class_="label")

    marks = _add(svg, "g", class_="certificates")
    for marker, lane in placed:
        cx, cy = x(marker.month + 0.5), AXIS_HEIGHT + lane * MARKER_LANE + 12
        item = _add(marks, "g", class_="certificate", data_band=marker.band)
        _add(item, "title", marker.title)
        _shape(item, marker.band, cx, cy)
        _add(item, "text", str(marker.number), x=f"{cx:.1f}", y=f"{cy + 4:.1f}",
             class_="number", text_anchor="middle")
    return Markup(ET.tostring(svg, encoding="unicode"))
