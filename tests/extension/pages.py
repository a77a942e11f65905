"""What the extension tests serve and check, shared by the Chromium and Firefox modules.

The pages are the parser's own LinkedIn fixtures (``fixtures/linkedin-*/input.html`` with their
``expected.json``), served as ``https://www.linkedin.com/in/<case>-example/`` (or its
``/details/certifications/`` page), so the extension is tested on exactly the markup the parser is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.fixture_cases import cases

API_KEY = "test-key-example"
ROLE = {
    "title": "Cloud Engineer",
    "description": (
        "Designs and runs cloud infrastructure: AWS, Azure, Kubernetes, Terraform, Python."
    ),
}


@dataclass(frozen=True)
class Page:
    case: str
    path: str
    html: str
    certificates: int  # how many certificates the parser locates in this page's <main>

    @property
    def vanity(self) -> str:
        return self.path.split("/")[2]


def linkedin_pages() -> list[Page]:
    """Every LinkedIn HTML fixture with certificates located inside <main> (what the extension
    reads and badges)."""
    return [page for page in all_linkedin_pages() if page.certificates]


def all_linkedin_pages() -> list[Page]:
    """Every LinkedIn HTML fixture with a <main> element, with or without certificates in it."""
    pages = []
    for case in cases():
        if not case.name.startswith("linkedin-") or case.error or case.input.suffix != ".html":
            continue
        html = case.input.read_text(encoding="utf-8")
        if "<main" not in html.lower():
            continue  # e.g. an SDUI "HTML only" save: nothing for the extension to capture
        vanity = f"{case.name}-example"
        details = "details" in case.name
        path = f"/in/{vanity}/details/certifications/" if details else f"/in/{vanity}/"
        # Certificates read from outside <main> (e.g. a rehydration script) have no locator and
        # are not the extension's to badge; the service does not see them in a <main> capture.
        located = [c for c in case.expected.get("certificates", []) if c.get("locator")]
        pages.append(Page(case.name, path, html, len(located)))
    return pages


def site_pages(pages: list[Page]) -> dict[str, str]:
    return {page.path: page.html for page in pages}


def call(function: str, *args: Any) -> str:
    """A JavaScript expression calling ``function`` (source text) with JSON arguments."""
    return f"({function})({', '.join(json.dumps(a) for a in args)})"


# The page's CertSignal state, read from the main world (the data-* attributes are on light-DOM
# hosts; their shadow roots are open). `locators` are the Report's; each is resolved the way the
# extension does, and the badges inside each located item are counted.
STATE_JS = """(locators) => {
  const main = document.querySelector('main');
  const resolve = (locator) => {
    const m = /^\\/html(?:\\[1\\])?\\/body(?:\\[1\\])?\\/main(?:\\[1\\])?(?=\\/|$)/;
    if (!locator || !m.test(locator)) return null;
    const rest = locator.replace(m, '');
    const r = document.evaluate('.' + rest, main, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
    return r.singleNodeValue;
  };
  const text = (el) => el && el.shadowRoot ? el.shadowRoot.querySelector('.cs').textContent : '';
  const summaries = [...document.querySelectorAll('[data-certsignal-summary]')];
  const notices = [...document.querySelectorAll('[data-certsignal-notice]')];
  const link = summaries[0] && summaries[0].shadowRoot.querySelector('a[href]');
  return {
    url: location.href,
    badges: [...document.querySelectorAll('[data-certsignal-badge]')]
      .map((b) => b.getAttribute('data-certsignal-badge')),
    perItem: (locators || []).map((l) => {
      const item = resolve(l);
      return item ? item.querySelectorAll('[data-certsignal-badge]').length : -1;
    }),
    summaries: summaries.map((s) => s.getAttribute('data-certsignal-summary')),
    summaryText: text(summaries[0]),
    summaryLink: link ? link.href : null,
    summaryPartial: Boolean(summaries[0] && summaries[0].shadowRoot.querySelector('.partial')),
    notices: notices.map((n) => n.getAttribute('data-certsignal-notice')),
    noticeText: text(notices[0]),
    mainHtml: main ? main.outerHTML : null,
    // Markup that would only exist if hostile text had been parsed as HTML inside our roots.
    injected: [...document.querySelectorAll('[data-certsignal-badge], [data-certsignal-summary],'
      + ' [data-certsignal-notice]')]
      .reduce((n, h) => n + h.shadowRoot.querySelectorAll('script, img, iframe, object').length, 0),
  };
}"""

# LinkedIn's single-page navigation, as the site does it: fetch the next profile, swap <main>,
# pushState. Runs in the page's main world (same-origin fetch is allowed by the page CSP).
SPA_NAVIGATE_JS = """async (path) => {
  const html = await (await fetch(path)).text();
  const next = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
  history.pushState({}, '', path);
  document.querySelector('main').replaceWith(document.adoptNode(next));
  return location.href;
}"""

# The main element's HTML without CertSignal's hosts: "the page is otherwise untouched".
PAGE_WITHOUT_ANNOTATIONS_JS = """() => {
  const copy = document.querySelector('main').cloneNode(true);
  const ours = '[data-certsignal-badge], [data-certsignal-summary], [data-certsignal-notice]';
  copy.querySelectorAll(ours).forEach((n) => n.remove());
  return copy.outerHTML;
}"""

# Records every kind of notice that appears (the spinner is there only while waiting).
WATCH_NOTICES_JS = """() => {
  window.__certsignalSeen = new Set();
  new MutationObserver(() => {
    for (const n of document.querySelectorAll('[data-certsignal-notice]')) {
      window.__certsignalSeen.add(n.getAttribute('data-certsignal-notice'));
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""
