"""The shipped extension in real headless Chromium and Firefox ESR, on the parser's LinkedIn
fixtures served as https://www.linkedin.com/in/…, talking to the real CertSignal service.

Each browser is launched once for the module; every test resets the extension's settings.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import browser_support as bs
from tests.extension.drivers import BROWSERS, Driver, wait_until
from tests.extension.pages import (
    API_KEY,
    PAGE_WITHOUT_ANNOTATIONS_JS,
    ROLE,
    SPA_NAVIGATE_JS,
    STATE_JS,
    WATCH_NOTICES_JS,
    Page,
    all_linkedin_pages,
    linkedin_pages,
)

pytestmark = pytest.mark.browser

SCREENSHOT = bs.ROOT / "docs" / "screenshots" / "extension-chromium.png"
SCREENSHOT_CASE = "linkedin-cards-2024-profile"
# A 2025 profile whose certifications load only after the first screen: nothing to badge.
NO_SECTION_CASE = "linkedin-sdui-2025-missing-section"
LINKEDIN_LOOK = Path(__file__).with_name("linkedin-look.css")
ADD_STYLE_JS = """(css) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}"""


@pytest.fixture(scope="module", params=sorted(BROWSERS))
def browser(
    request: pytest.FixtureRequest, site: bs.FixtureSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Driver]:
    with BROWSERS[request.param](site.port, tmp_path_factory.mktemp(request.param)) as driver:
        yield driver


def settings(service_url: str, **overrides: Any) -> dict[str, Any]:
    return {"serviceUrl": service_url, "apiKey": API_KEY, "role": ROLE, **overrides}


def state(browser: Driver, report: dict[str, Any] | None = None) -> dict[str, Any]:
    locators = [c["locator"] for c in (report or {}).get("certificates", [])]
    return dict(browser.evaluate(STATE_JS, locators))


def page_ids() -> list[str]:
    return [page.case for page in linkedin_pages()] or ["no-linkedin-fixtures"]


@pytest.fixture(params=page_ids())
def page(request: pytest.FixtureRequest, pages: list[Page]) -> Page:
    found = [p for p in pages if p.case == request.param]
    if not found:
        pytest.skip("no LinkedIn fixture with a <main> element")
    return found[0]


def test_every_certificate_gets_one_badge_and_a_second_pass_adds_nothing(
    browser: Driver,
    site: bs.FixtureSite,
    service: bs.WsgiServer,
    service_calls: list[dict[str, Any]],
    analyze: Any,
    page: Page,
) -> None:
    browser.set_settings(settings(service.url))
    browser.open(site.url(page.path))
    before = state(browser)
    assert before["badges"] == [] and before["summaries"] == []  # click-to-annotate by default
    report = analyze(before["mainHtml"], before["url"])
    assert len(report["certificates"]) == page.certificates, "service and parser disagree"

    service_calls.clear()
    result = browser.annotate()

    assert result["status"] == "annotated", result
    # One call, from the extension's background (its origin), never from the LinkedIn page.
    [call] = [c for c in service_calls if c["path"] == "/api/v1/analyze"]
    assert (call["origin"] or "").startswith(("chrome-extension://", "moz-extension://")), call
    after = state(browser, report)
    assert after["perItem"] == [1] * page.certificates  # exactly one badge in each item
    assert sorted(after["badges"]) == sorted(c["band"] for c in report["certificates"])
    assert after["summaries"] == [report["summary"]["band"]]
    assert report["summary"]["headline"] in after["summaryText"]
    assert after["notices"] == []
    assert after["injected"] == 0
    if any(flag["id"] == "partial_view" for flag in report["summary"]["flags"]):
        assert after["summaryPartial"] and after["summaryLink"], "a partial view links to all"
        assert after["summaryLink"].endswith(f"/in/{page.vanity}/details/certifications/")
    assert browser.evaluate(PAGE_WITHOUT_ANNOTATIONS_JS) == before["mainHtml"]

    service_calls.clear()
    again = browser.annotate()

    assert again["status"] == "unchanged", again
    assert state(browser, report) == after  # same DOM, attribute for attribute
    assert service_calls == []  # and no second trip to the service


def test_single_page_navigation_reannotates_the_new_profile(
    browser: Driver, site: bs.FixtureSite, service: bs.WsgiServer, pages: list[Page]
) -> None:
    first, second = pages[0], pages[-1]
    # LinkedIn navigates between profiles without a page load; the next one gets its own path.
    next_path = f"/in/spa-{second.vanity}/"
    site.pages[next_path] = second.html
    browser.set_settings(settings(service.url, autoAnnotate=True))
    browser.open(site.url(first.path))
    wait_until(browser, "() => document.querySelector('[data-certsignal-summary]')")
    assert len(state(browser)["badges"]) == first.certificates

    browser.evaluate(SPA_NAVIGATE_JS, next_path)

    wanted = site.url(next_path)
    wait_until(
        browser,
        """(url, count) => {
          const s = document.querySelectorAll('[data-certsignal-summary]');
          return s.length === 1 && s[0].getAttribute('data-certsignal-url') === url
            && document.querySelectorAll('[data-certsignal-badge]').length === count;
        }""",
        wanted,
        second.certificates,
    )
    now = state(browser)
    assert now["url"] == wanted
    assert len(now["summaries"]) == 1 and now["notices"] == []


# A LinkedIn feed page of fictional posts: what a recruiter sees before opening a profile.
FEED_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head>
<body><main class="scaffold-layout__main" aria-label="Main Feed">
<div class="feed-shared-update-v2"><span dir="ltr">Dana Example shared a post about data
quality at Northwind Traders.</span></div></main></body></html>"""


def test_a_profile_reached_from_the_feed_without_a_page_load_is_annotated(
    browser: Driver, site: bs.FixtureSite, service: bs.WsgiServer,
    service_calls: list[dict[str, Any]], pages: list[Page]
) -> None:
    page = pages[0]
    site.pages["/feed/"] = FEED_HTML
    next_path = f"/in/from-feed-{page.vanity}/"
    site.pages[next_path] = page.html
    browser.set_settings(settings(service.url, autoAnnotate=True))
    service_calls.clear()
    browser.open(site.url("/feed/"))
    time.sleep(1.0)  # longer than the content script's settling wait: it would have run by now
    assert state(browser)["badges"] == [] and service_calls == [], "the feed is never sent"

    browser.evaluate(SPA_NAVIGATE_JS, next_path)

    wait_until(
        browser,
        """(count) => document.querySelectorAll('[data-certsignal-summary]').length === 1
          && document.querySelectorAll('[data-certsignal-badge]').length === count""",
        page.certificates,
    )
    assert state(browser)["url"] == site.url(next_path)
    assert [c["path"] for c in service_calls] == ["/api/v1/analyze"]


def test_a_profile_without_its_certificates_gets_the_card_and_a_link_to_all(
    browser: Driver, site: bs.FixtureSite, service: bs.WsgiServer, analyze: Any
) -> None:
    found = [p for p in all_linkedin_pages() if p.case == NO_SECTION_CASE]
    if not found:
        pytest.skip(f"fixtures/{NO_SECTION_CASE} is not there")
    page = found[0]
    browser.set_settings(settings(service.url))
    browser.open(site.url(page.path))
    before = state(browser)
    report = analyze(before["mainHtml"], before["url"])
    assert report["certificates"] == []

    assert browser.annotate()["status"] == "annotated"

    now = state(browser)
    assert now["badges"] == [] and now["summaries"] == [report["summary"]["band"]]
    assert now["summaryLink"].endswith(f"/in/{page.vanity}/details/certifications/")
    assert now["summaryPartial"], "the card says the view is partial"


@pytest.mark.parametrize("failure", ["service-down", "wrong-key"])
def test_failure_shows_a_notice_and_leaves_the_page_alone(
    browser: Driver,
    site: bs.FixtureSite,
    service: bs.WsgiServer,
    stopped_service_url: str,
    pages: list[Page],
    failure: str,
) -> None:
    if failure == "service-down":
        browser.set_settings(settings(stopped_service_url))
        wanted = "not reachable"
    else:
        browser.set_settings(settings(service.url, apiKey="wrong-key-example"))
        wanted = "refused the API key"
    browser.open(site.url(pages[0].path))
    original = browser.evaluate(PAGE_WITHOUT_ANNOTATIONS_JS)

    result = browser.annotate()

    assert result["status"] == "error", result
    now = state(browser)
    assert now["notices"] == ["error"]
    assert wanted in now["noticeText"]
    assert now["badges"] == [] and now["summaries"] == []
    assert browser.evaluate(PAGE_WITHOUT_ANNOTATIONS_JS) == original


def test_slow_service_shows_a_spinner_until_the_answer(
    browser: Driver, site: bs.FixtureSite, pages: list[Page]
) -> None:
    from server.app import create_app

    app = create_app(environ={"CERTSIGNAL_RATE_LIMIT": "off"})

    def slow(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/api/v1/analyze":
            time.sleep(0.8)  # a busy service: the page shows it is waiting
        return app(environ, start_response)

    with bs.serve_wsgi(slow) as running:
        browser.set_settings(settings(running.url, apiKey=""))
        browser.open(site.url(pages[0].path))
        browser.evaluate(WATCH_NOTICES_JS)
        result = browser.annotate()
        seen = browser.evaluate("() => [...window.__certsignalSeen]")

    assert result["status"] == "annotated", result
    assert seen == ["loading"]
    assert state(browser)["notices"] == []  # the spinner is gone once the answer is in


def test_screenshot_of_an_annotated_profile(
    browser: Driver,
    site: bs.FixtureSite,
    service: bs.WsgiServer,
    pages: list[Page],
    tmp_path: Path,
) -> None:
    # The 2024 profile is the layout most recruiters see today; else the richest profile page.
    by_name = {p.case: p for p in pages}
    profile = by_name.get(SCREENSHOT_CASE) or max(pages, key=lambda p: p.certificates)
    browser.set_settings(settings(service.url))
    browser.open(site.url(profile.path))
    assert browser.annotate()["status"] == "annotated"
    # LinkedIn's own stylesheets never load here (offline, page CSP); a look-alike stylesheet
    # makes the screenshot read like the real page. It changes no element.
    browser.evaluate(ADD_STYLE_JS, LINKEDIN_LOOK.read_text("utf-8"))
    # Open the last badge's reasons, as a recruiter would (the last, so they cover no badge).
    last = "[...document.querySelectorAll('[data-certsignal-badge]')].pop().shadowRoot"
    browser.evaluate(f"() => {last}.querySelector('button').click()")
    assert browser.evaluate(f"() => !{last}.querySelector('.panel').hidden")
    shot = tmp_path / f"extension-{browser.name}.png"
    browser.screenshot(shot, "section:has([data-certsignal-summary])")
    assert shot.stat().st_size > 10_000
    # The committed screenshot (README) is refreshed on request, so test runs leave the tree clean.
    if browser.name == "chromium" and (
        os.environ.get("CERTSIGNAL_UPDATE_SCREENSHOTS") or not SCREENSHOT.exists()
    ):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(shot.read_bytes())
