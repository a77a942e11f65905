"""One small driver per browser, with the same methods, so every scenario runs in both.

Chromium: Playwright persistent context on Debian's Chromium with the unpacked extension; the
fixture site's host name is mapped with --host-resolver-rules and its port treated as public.
Firefox ESR: WebDriver BiDi, ``webExtension.install`` (temporary), the fixture site reached through
a CONNECT proxy; storage is seeded from a background tab on the extension's own origin.

Both trigger annotation the way the toolbar popup and the keyboard shortcut do: an extension
context sends ``{"type": "annotate"}`` to the LinkedIn tab with ``tabs.sendMessage``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from tests import browser_support as bs
from tests.extension.pages import call

GECKO_ID = "certsignal@example.org"  # extension/manifest.json browser_specific_settings

# Sends "annotate" to a tab as the popup does, retrying while the content script (injected at
# document_idle, possibly just after the load event) has not registered its listener yet.
SEND_ANNOTATE_JS = """async (api, tabId) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.tabs.sendMessage(tabId, {type: 'annotate'});
    } catch (error) {
      if (attempt > 100 || !/Receiving end does not exist/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}"""

# The box (document coordinates) around an element and any of CertSignal's open reasons, which
# drop down over the content below it.
ELEMENT_BOX_JS = """(selector) => {
  const boxes = [document.querySelector(selector).getBoundingClientRect()];
  for (const host of document.querySelectorAll('[data-certsignal-badge]')) {
    const panel = host.shadowRoot.querySelector('.panel');
    if (panel && !panel.hidden) boxes.push(panel.getBoundingClientRect());
  }
  const left = Math.min(...boxes.map((b) => b.left)), top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom)) + 8;
  return {x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top};
}"""


class Driver(Protocol):
    name: str

    def set_settings(self, settings: dict[str, Any]) -> None: ...
    def open(self, url: str) -> None: ...
    def evaluate(self, function: str, *args: Any) -> Any: ...
    def annotate(self) -> dict[str, Any]: ...
    def screenshot(self, path: Path, selector: str | None = None) -> None: ...


def wait_until(driver: Driver, function: str, *args: Any, timeout: float = 15.0) -> Any:
    """Polls a page function until it returns something truthy (no eval: page CSP forbids it)."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.evaluate(function, *args)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{driver.name}: timed out waiting for {function[:80]}")
        time.sleep(0.05)


class ChromiumDriver:
    name = "chromium"

    def __init__(self, context: Any) -> None:
        self.context = context
        self.worker = bs.extension_service_worker(context)
        self.page = context.pages[0] if context.pages else context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda message: self.console.append(message.text))

    def set_settings(self, settings: dict[str, Any]) -> None:
        self.worker.evaluate(
            "async (s) => { await chrome.storage.sync.clear(); await chrome.storage.sync.set(s); }",
            settings,
        )

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.bring_to_front()

    def evaluate(self, function: str, *args: Any) -> Any:
        return self.page.evaluate(call(function, *args))

    def annotate(self) -> dict[str, Any]:
        return dict(
            self.worker.evaluate(
                f"""async () => {{
                  const [tab] = await chrome.tabs.query({{active: true, lastFocusedWindow: true}});
                  return ({SEND_ANNOTATE_JS})(chrome, tab.id);
                }}"""
            )
        )

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        if selector is None:
            self.page.screenshot(path=str(path), full_page=True)
        else:
            box = self.evaluate(ELEMENT_BOX_JS, selector)
            self.page.screenshot(path=str(path), full_page=True, clip=box)

    def extension_page(self, relative: str) -> Any:
        """A new tab showing one of the extension's own pages (popup, options)."""
        origin = self.worker.url.split("/background.js")[0]
        page = self.context.new_page()
        page.goto(f"{origin}/{relative}")
        return page


@contextlib.contextmanager
def chromium(site_port: int, profile_dir: Path) -> Iterator[ChromiumDriver]:
    bs.require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = bs.launch_chromium(
            playwright,
            profile_dir,
            extension=bs.EXTENSION_DIR,
            host_ports={bs.LINKEDIN_HOST: site_port},
            public_ports=(site_port,),
        )
        try:
            yield ChromiumDriver(context)
        finally:
            context.close()


class FirefoxDriver:
    name = "firefox"

    def __init__(self, bidi: bs.FirefoxBidi, extension_uuid: str) -> None:
        self.bidi = bidi
        bidi.send(
            "webExtension.install",
            {"extensionData": {"type": "path", "path": str(bs.EXTENSION_DIR)}},
        )
        self.tab = bidi.send("browsingContext.getTree")["contexts"][0]["context"]
        # A background tab on the extension's origin: it has the `browser.*` APIs, for seeding
        # storage and sending the "annotate" message as the popup would.
        self.control = bidi.send("browsingContext.create", {"type": "tab", "background": True})[
            "context"
        ]
        bidi.send(
            "browsingContext.navigate",
            {
                "context": self.control,
                "url": f"moz-extension://{extension_uuid}/manifest.json",
                "wait": "complete",
            },
        )

    def _extension(self, expression: str) -> Any:
        return self.bidi.evaluate(self.control, expression)

    def set_settings(self, settings: dict[str, Any]) -> None:
        self._extension(
            "browser.storage.sync.clear()"
            f".then(() => browser.storage.sync.set({json.dumps(settings)})).then(() => true)"
        )

    def open(self, url: str) -> None:
        self.bidi.send(
            "browsingContext.navigate", {"context": self.tab, "url": url, "wait": "complete"}
        )

    def evaluate(self, function: str, *args: Any) -> Any:
        return self.bidi.evaluate(self.tab, call(function, *args))

    def annotate(self) -> dict[str, Any]:
        return dict(
            self._extension(
                "browser.tabs.query({url: 'https://www.linkedin.com/in/*'})"
                f".then(([tab]) => ({SEND_ANNOTATE_JS})(browser, tab.id))"
            )
        )

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        params: dict[str, Any] = {"context": self.tab, "origin": "document"}
        if selector is not None:
            box = self.evaluate(ELEMENT_BOX_JS, selector)
            params["clip"] = {"type": "box", **box}
        shot = self.bidi.send("browsingContext.captureScreenshot", params)
        path.write_bytes(base64.b64decode(shot["data"]))


@contextlib.contextmanager
def firefox(site_port: int, profile_dir: Path) -> Iterator[FirefoxDriver]:
    bs.require_firefox()
    extension_uuid = str(uuid.uuid4())
    with bs.connect_proxy(site_port) as proxy_port:
        bidi = bs.FirefoxBidi(
            profile_dir,
            # Pins the extension's moz-extension:// UUID so the control tab can open its origin.
            prefs={"extensions.webextensions.uuids": json.dumps({GECKO_ID: extension_uuid})},
            capabilities={
                "acceptInsecureCerts": True,
                # Only HTTPS goes through the proxy (to the fixture site); the background's
                # http://127.0.0.1 call to the service goes direct.
                "proxy": {"proxyType": "manual", "sslProxy": f"127.0.0.1:{proxy_port}"},
            },
        )
        try:
            yield FirefoxDriver(bidi, extension_uuid)
        finally:
            bidi.close()


BROWSERS: dict[str, Callable[[int, Path], contextlib.AbstractContextManager[Driver]]] = {
    "chromium": chromium,
    "firefox": firefox,
}
