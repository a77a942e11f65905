"""Parsing speed: full ``parse_profile`` against a bare lxml parse of the same bytes.

Run:  .venv/bin/python benchmarks/parse_speed.py [--repeats 15]

Builds ~1 MB and ~5 MB saved profile pages at run time from the fixture
``linkedin-cards-2024-profile``. The profile cards keep the size LinkedIn renders (a card shows at
most five entries before "Show all", so experience is grown to five entries); the page grows in
what makes real saved pages large: embedded data blocks (``<code>`` JSON), inline styles, icon
sprites and the suggestion rails ("People also viewed" cards). It then
times, in the same run, ``parser.parse_profile(page)`` and ``lxml.html.document_fromstring(page)``
(interleaved rounds after a warm-up; medians). Prints the ratio per size (target: at most 1.5 at
1 MB) and how each grows from 1 MB to 5 MB (linear growth: about the size ratio).
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser import parse_profile  # noqa: E402

FIXTURE = ROOT / "fixtures" / "linkedin-cards-2024-profile" / "input.html"
MB = 1024 * 1024


def build_page(target_bytes: int) -> bytes:
    """The fixture grown to about ``target_bytes`` with the kinds of markup real pages carry."""
    root = html.document_fromstring(FIXTURE.read_bytes())
    anchor = root.get_element_by_id("experience")
    experience_list = anchor.getparent().find(".//ul")
    entries = [copy.deepcopy(li) for li in experience_list.iterchildren("li")]
    aside_list = root.find(".//aside//ul")
    cards = [copy.deepcopy(li) for li in aside_list.iterchildren("li")]
    body = root.find("body")
    sprite = "<svg style='display:none'>" + "".join(
        f"<symbol id='icon-{i}' viewBox='0 0 24 24'><path d='M{i} 0L24 {i}Z'/></symbol>"
        for i in range(60)
    ) + "</svg>"
    style = "<style>" + "".join(f".c{i:04x}{{margin:{i % 9}px;color:#{i:06x}}}" for i in range(400))
    style += "</style>"
    datalet = json.dumps({"data": {"$type": "com.linkedin.voyager.common.Config", "lix": {
        f"voyager.web.flag-{i}": "control" for i in range(80)}}, "included": []})
    while len(experience_list) < 5:  # what a profile card shows before "Show all"
        experience_list.append(copy.deepcopy(entries[-1]))
    size = len(html.tostring(root))
    step = sum(len(html.tostring(li)) for li in cards)
    step += len(datalet) + len(style) + len(sprite) + 60
    for block in range(max(0, (target_bytes - size) // step)):
        for li in cards:
            aside_list.append(copy.deepcopy(li))
        code = html.fragment_fromstring(
            f'<code style="display: none" id="bpr-guid-{900 + block}"></code>')
        code.text = datalet
        body.append(code)
        body.append(html.fragment_fromstring(style))
        body.append(html.fragment_fromstring(sprite))
    return html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(page: bytes, repeats: int) -> tuple[float, float, float]:
    """Median bare and full times, and the median of per-round ratios.

    The two are interleaved round by round, so load from other processes on the machine hits
    both alike; the per-round ratio is the figure to read on a busy machine.
    """
    html.document_fromstring(page)  # warm-up: imports, compiled XPath and regex caches
    parse_profile(page)
    bare, full, ratios = [], [], []
    for _ in range(repeats):
        b = timed(lambda: html.document_fromstring(page))
        f = timed(lambda: parse_profile(page))
        bare.append(b)
        full.append(f)
        ratios.append(f / b)
    return statistics.median(bare), statistics.median(full), statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    results = {}
    for label, target in (("1 MB", 1 * MB), ("5 MB", 5 * MB)):
        page = build_page(target)
        profile = parse_profile(page)
        assert len(profile.certificates) == 4, "the padded page must still read correctly"
        repeats = args.repeats if target <= MB else max(5, args.repeats // 3)
        bare, full, ratio = measure(page, repeats)
        results[label] = (len(page), bare, full)
        print(f"{label}: {len(page) / MB:5.2f} MB  lxml {bare * 1000:7.1f} ms  "
              f"parse_profile {full * 1000:7.1f} ms  ratio {ratio:4.2f} (target <= 1.5)")
    (size1, bare1, full1), (size5, bare5, full5) = results["1 MB"], results["5 MB"]
    print(f"growth 1 MB -> 5 MB: size x{size5 / size1:.2f}, lxml x{bare5 / bare1:.2f}, "
          f"parse_profile x{full5 / full1:.2f} (linear: about the size ratio)")


if __name__ == "__main__":
    main()
