"""The report pages in real headless Chromium: upload, ranking, timeline SVG, badges, screenshot.

Uses Debian's Chromium through Playwright (tests/browser_support.py); skipped cleanly when no
Chromium or Playwright is installed. Saves docs/screenshots/report.png for the README.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser_support import chromium_browser, serve_wsgi
from tests.fixture_cases import FIXTURES
from tests.service.samples import json_resume_bytes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "report.png"
# The richest fictional LinkedIn page among the fixtures; a JSON Resume stands in without it.
SHOWCASE = FIXTURES / "linkedin-cards-2024-profile" / "input.html"
HOSTILE = FIXTURES / "linkedin-cards-2024-hostile" / "input.html"


@pytest.fixture(scope="module")
def service():
    from server.app import create_app

    app = create_app({"RATE_LIMIT": "off"}, environ={})
    with serve_wsgi(app) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


def _files(tmp_path: Path) -> list[Path]:
    resume = tmp_path / "riley-example.json"
    resume.write_bytes(json_resume_bytes(name="Riley Example"))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a profile at all", encoding="utf-8")
    found = [p for p in (SHOWCASE, HOSTILE) if p.exists()]
    return [*found, resume, bad]


def test_ranking_and_reports_render(service, browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))  # hostile script ran
    page.goto(f"{service.url}/")
    files = _files(tmp_path)
    page.set_input_files("#files", [str(p) for p in files])
    page.fill("#role_title", "Cloud Engineer")
    page.click("button[type=submit]")
    page.wait_for_selector("section.ranking table")
    rows = page.locator("section.ranking tbody tr")
    assert rows.count() == len(files) - 1
    assert "notes.txt" in page.inner_text("section.failed")
    assert page.locator("article.report svg.timeline").count() >= 1
    first = page.locator("section.ranking tbody tr a").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert errors == [], errors  # no CSP violations, no script from hostile names


def test_single_report_screenshot(service, browser, tmp_path) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
    page.goto(f"{service.url}/")
    if SHOWCASE.exists():
        page.set_input_files("#files", str(SHOWCASE))
    else:
        page.set_input_files("#files", files=[{"name": "dana.json", "mimeType":
                             "application/json", "buffer": json_resume_bytes()}])
    page.fill("#role_title", "Cloud Engineer")
    page.fill("#role_description", "Runs our AWS platform with Terraform and Kubernetes; "
              "on-call for production; Python automation.")
    page.fill("#as_of", "2025-06-01")  # a fixed day, so the screenshot only changes with the code
    page.click("button[type=submit]")
    page.wait_for_selector("article.report svg.timeline")
    assert "as of 2025-06-01" in page.inner_text("article.report .meta")
    svg = page.locator("svg.timeline")
    box = svg.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 60  # styled and laid out, not collapsed
    markers = page.locator("svg.timeline g.certificate")
    badges = page.locator("[data-certsignal-band]")
    assert badges.count() >= 1 and markers.count() >= 1
    bands = set(page.eval_on_selector_all("[data-certsignal-band]",
                                          "els => els.map(e => e.dataset.certsignalBand)"))
    assert bands <= {"strong", "moderate", "weak", "none"}
    # The band colour comes from the stylesheet (so the CSP really let /static through).
    fill = page.eval_on_selector("svg.timeline .marker", "e => getComputedStyle(e).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    # The committed screenshot (README) is refreshed on request, so test runs leave the tree clean.
    if os.environ.get("CERTSIGNAL_UPDATE_SCREENSHOTS") or not SCREENSHOT.exists():
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(shot.read_bytes())
