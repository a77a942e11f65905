// Content script entry point: wires the feature to the recruiter's requests (toolbar popup or
// keyboard shortcut, via the background), to the autoAnnotate setting, and to LinkedIn's
// single-page navigation. Runs features without awaiting them in sequence, so one failure cannot
// block another.
"use strict";

(() => {
  const cs = globalThis.certsignal;
  if (cs.started) return; // injected twice (extension reloaded): the first copy keeps the page
  cs.started = true;

  const { api } = cs;
  const feature = cs.features["annotate-certificates"];
  let page = new AbortController(); // aborted when the URL changes: answers for old pages drop
  let requested = false; // the recruiter asked for annotations in this tab

  async function run() {
    requested = true;
    try {
      const result = await feature.init(page.signal);
      return result === false ? { status: "not-applicable" } : result;
    } catch (error) {
      return { status: "error", error: { code: "extension", message: String(error) } };
    }
  }

  async function autoAnnotate() {
    const { autoAnnotate: enabled } = await api.storage.sync.get("autoAnnotate");
    return enabled === true;
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !message || message.type !== "annotate") return false;
    run().then(sendResponse);
    return true;
  });

  cs.observe.onUrlChange(async () => {
    page.abort();
    page = new AbortController();
    const { signal } = page;
    cs.annotate.clearAnnotations(document); // the old profile's annotations never stay behind
    if (!location.pathname.startsWith("/in/")) return;
    if (!requested && !(await autoAnnotate())) return;
    try {
      await cs.observe.whenQuiet(document.body, { signal });
    } catch {
      return; // navigated again meanwhile
    }
    run();
  }, { signal: new AbortController().signal });

  autoAnnotate().then((enabled) => enabled && run());
})();
