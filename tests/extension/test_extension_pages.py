"""The popup and options pages of the real extension in headless Chromium, with the real service.

The popup: service status (background `health`), saved roles to switch between, the Annotate
button. The options page: service URL, API key, autoAnnotate and the shortcut.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests import browser_support as bs
from tests.extension.drivers import ChromiumDriver, chromium
from tests.extension.pages import API_KEY, ROLE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromiumDriver]:
    # No fixture site is needed for the extension's own pages; port 9 maps nothing useful.
    with chromium(9, tmp_path_factory.mktemp("chromium-pages")) as running:
        yield running


def stored(driver: ChromiumDriver) -> dict[str, Any]:
    return dict(driver.worker.evaluate("() => chrome.storage.sync.get(null)"))


def test_popup_shows_the_service_status_and_switches_saved_roles(
    driver: ChromiumDriver, service: bs.WsgiServer
) -> None:
    other = {"title": "Data Analyst", "description": "SQL, dashboards, statistics."}
    driver.set_settings(
        {"serviceUrl": service.url, "apiKey": API_KEY, "role": ROLE, "roles": [ROLE, other]}
    )
    popup = driver.extension_page("popup/popup.html")
    try:
        popup.wait_for_selector("#status.ok")
        assert f"Service ready at {service.url}" in popup.inner_text("#status")
        assert popup.input_value("#role-title") == ROLE["title"]
        assert popup.input_value("#saved-roles") == ROLE["title"]

        popup.select_option("#saved-roles", other["title"])
        _wait_for_storage(driver, lambda s: s.get("role") == other)
        assert popup.input_value("#role-description") == other["description"]

        popup.fill("#role-title", "Security Analyst")
        popup.fill("#role-description", "SIEM, incident response.")
        popup.click("#save-role")
        _wait_for_storage(driver, lambda s: len(s.get("roles", [])) == 3)
        titles = [r["title"] for r in stored(driver)["roles"]]
        assert titles == ["Cloud Engineer", "Data Analyst", "Security Analyst"]

        popup.click("#delete-role")
        _wait_for_storage(driver, lambda s: len(s.get("roles", [])) == 2)

        # The popup's own tab is active here, and it is not a LinkedIn profile.
        popup.click("#annotate")
        popup.wait_for_selector("#result.error")
        assert "Open a LinkedIn profile" in popup.inner_text("#result")
    finally:
        popup.close()


def test_popup_says_when_the_service_is_down(
    driver: ChromiumDriver, stopped_service_url: str
) -> None:
    driver.set_settings({"serviceUrl": stopped_service_url})
    popup = driver.extension_page("popup/popup.html")
    try:
        popup.wait_for_selector("#status.error")
        assert "not reachable" in popup.inner_text("#status")
    finally:
        popup.close()


def test_options_page_saves_settings_and_shows_the_shortcut(
    driver: ChromiumDriver, service: bs.WsgiServer
) -> None:
    driver.set_settings({"serviceUrl": service.url})
    options = driver.extension_page("options/options.html")
    try:
        # Headless Chromium assigns no keys (there is no window to bind them to), so the page
        # must show what the browser reports, whatever it is.
        commands = driver.worker.evaluate("() => chrome.commands.getAll()")
        [annotate] = [c for c in commands if c["name"] == "annotate"]
        options.wait_for_selector("#shortcut:not(:text-is('…'))")
        assert options.inner_text("#shortcut") == (annotate["shortcut"] or "not set")
        assert options.input_value("#service-url") == service.url
        assert not options.is_checked("#auto-annotate")

        options.fill("#service-url", "ftp://127.0.0.1/")
        options.click("#save")
        options.wait_for_selector("#message.error")
        assert stored(driver)["serviceUrl"] == service.url

        # Another loopback port needs no new permission (host_permissions covers 127.0.0.1).
        options.fill("#service-url", f"{service.url}/")
        options.fill("#api-key", f"  {API_KEY} ")
        options.check("#auto-annotate")
        options.click("#save")
        options.wait_for_selector("#message.ok")
        saved = stored(driver)
        assert saved["serviceUrl"] == service.url  # trailing slash dropped
        assert saved["apiKey"] == API_KEY
        assert saved["autoAnnotate"] is True

        options.click("#test")
        options.wait_for_selector("#message.ok:has-text('Connected')")
    finally:
        options.close()


def _wait_for_storage(driver: ChromiumDriver, predicate: Any, timeout: float = 5.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate(stored(driver)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"storage never matched: {stored(driver)}")
        time.sleep(0.05)
