// Capture: the part of the page CertSignal sends to the service. Only the <main> element (the
// profile itself, without LinkedIn's navigation, messaging and ads) and the page URL leave the
// page, and only to the background script.
"use strict";

(() => {
  // Ordered fallbacks: LinkedIn has used <main> in every layout so far (2019 cards, 2024 cards,
  // 2026 server-driven UI); the role attribute covers a future switch to a generic container.
  const MAIN_SELECTORS = ["main", '[role="main"]'];

  /** The live element that holds the profile, or null on pages without one. */
  function findMain(doc = document) {
    for (const selector of MAIN_SELECTORS) {
      const element = doc.querySelector(selector);
      if (element) return element;
    }
    return null;
  }

  /** {html, url} for the service; `root` must already be free of CertSignal's own elements. */
  function capture(root) {
    return { html: root.outerHTML, url: location.href };
  }

  Object.assign(globalThis.certsignal, { capture: { findMain, capture, MAIN_SELECTORS } });
})();
