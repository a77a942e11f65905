// Content script entry point: wires the feature to the recruiter's requests (toolbar popup or
// keyboard shortcut, relayed as an "annotate" message), to the autoAnnotate setting, and to
// LinkedIn's single-page navigation. A feature that throws is reported, never left to break the
// page or the message channel.
//
// It is injected on every LinkedIn page, not only on profiles: LinkedIn moves from the feed or a
// search to a profile without loading a page, so a script injected on /in/ pages alone would
// miss every profile reached that way. Off a profile it only watches the URL: nothing is read
// or sent.
"use strict";

(() => {
  const cs = globalThis.certsignal;
  if (cs.started) return; // injected twice (extension reloaded): the first copy keeps the page
  cs.started = true;

  const { api } = cs;
  const feature = cs.features["annotate-certificates"];
  let page = new AbortController(); // aborted when the URL changes: answers for old pages drop
  let requested = false; // the recruiter asked for annotations in this tab

  const onProfile = () => location.pathname.startsWith("/in/");

  async function run() {
    if (!onProfile()) return { status: "not-applicable" };
    requested = true;
    try {
      const result = await feature.init(page.signal);
      return result === false ? { status: "not-applicable" } : result;
    } catch (error) {
      return { status: "error", error: { code: "extension", message: String(error) } };
    }
  }

  /** Runs once LinkedIn has finished rendering (it renders in passes, after document idle). */
  async function runWhenSettled() {
    const { signal } = page;
    try {
      await cs.observe.whenQuiet(document.body, { signal });
    } catch {
      return; // navigated meanwhile: the URL-change handler takes over
    }
    run();
  }

  async function autoAnnotate() {
    const { autoAnnotate: enabled } = await api.storage.sync.get("autoAnnotate");
    return enabled === true;
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !message || message.type !== "annotate") return false;
    run().then(sendResponse);
    return true; // the reply is asynchronous
  });

  cs.observe.onUrlChange(async () => {
    page.abort();
    page = new AbortController();
    cs.annotate.clearAnnotations(document); // the old profile's annotations never stay behind
    if (!onProfile()) return;
    if (requested || (await autoAnnotate())) runWhenSettled();
  });

  if (onProfile()) autoAnnotate().then((enabled) => enabled && runWhenSettled());
})();
