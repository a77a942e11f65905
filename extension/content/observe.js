// Observing the page: LinkedIn is a single-page app, so a "new page" is a history.pushState and a
// DOM rewrite, not a load. Content scripts live in an isolated world and cannot hook the page's
// pushState, so URL changes are noticed three ways: the Navigation API where the browser has it,
// popstate (back/forward), and a cheap href comparison on DOM mutations (every LinkedIn
// navigation rewrites the DOM).
"use strict";

(() => {
  /** Calls `listener(newUrl, oldUrl)` whenever location.href changes (until `signal` aborts). */
  function onUrlChange(listener, { signal = new AbortController().signal } = {}) {
    let last = location.href;
    const check = () => {
      if (signal.aborted || location.href === last) return;
      const previous = last;
      last = location.href;
      listener(last, previous);
    };
    // A microtask defers the check until the page's own navigation code has finished.
    const schedule = () => queueMicrotask(check);

    if (globalThis.navigation && typeof globalThis.navigation.addEventListener === "function") {
      globalThis.navigation.addEventListener("currententrychange", schedule, { signal });
    }
    window.addEventListener("popstate", schedule, { signal });
    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  }

  /**
   * Resolves once `root` has had no mutations for `quietMs` (LinkedIn renders a new profile in
   * several passes), or after `maxMs` at the latest; rejects if `signal` aborts first.
   */
  function whenQuiet(root, { quietMs = 300, maxMs = 5000, signal }) {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      let timer;
      const done = () => {
        observer.disconnect();
        clearTimeout(timer);
        clearTimeout(limit);
        signal.removeEventListener("abort", aborted);
        resolve();
      };
      const aborted = () => {
        observer.disconnect();
        clearTimeout(timer);
        clearTimeout(limit);
        reject(signal.reason);
      };
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(done, quietMs);
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      timer = setTimeout(done, quietMs);
      const limit = setTimeout(done, maxMs);
      signal.addEventListener("abort", aborted, { once: true });
    });
  }

  Object.assign(globalThis.certsignal, { observe: { onUrlChange, whenQuiet } });
})();
