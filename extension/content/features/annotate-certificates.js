// Feature: annotate the certificates of the LinkedIn profile in view.
//
// Captures <main>, asks the background (the only caller of the service) for a Report, then puts
// a badge in each certificate's item (found by the Report's `locator`, so the extension never has
// to recognise certificates itself) and a summary card at the top of the certifications section.
// `init(signal)` returns false when the page has no profile to annotate. A second run on the same
// page and role changes nothing: the `data-certsignal-*` attributes are the "already done" marker.
"use strict";

(() => {
  const ID = "annotate-certificates";
  let pending = null; // {url, promise}: one analysis per page at a time

  /** Where the summary card goes: before the list of certificates, else the section, else main. */
  function summaryPlace(main, items) {
    const first = items.find(Boolean);
    const list = first ? first.closest("ul, ol") : null;
    const section = first ? first.closest("section") : null;
    if (list && main.contains(list) && (!section || section.contains(list))) {
      return { parent: list.parentNode, before: list };
    }
    if (section && main.contains(section)) return { parent: section, before: section.firstChild };
    return { parent: main, before: main.firstChild };
  }

  async function currentRoleTitle() {
    const { api } = globalThis.certsignal;
    const { role } = await api.storage.sync.get("role");
    return role && typeof role.title === "string" ? role.title : "";
  }

  async function annotate(main, signal) {
    const { api, capture, annotate: dom } = globalThis.certsignal;
    const roleTitle = await currentRoleTitle();
    const done = main.querySelector(`[${dom.SUMMARY}]`);
    if (done && done.getAttribute("data-certsignal-url") === location.href
        && done.getAttribute("data-certsignal-role") === roleTitle) {
      return { status: "unchanged", badges: main.querySelectorAll(`[${dom.BADGE}]`).length };
    }

    dom.clearAnnotations(main);
    const snapshot = capture.capture(main); // before any notice, so the service sees the page only
    dom.showNotice(main, "loading", "CertSignal is reading the certificates on this profile…");

    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: "analyze", ...snapshot });
    } catch (error) {
      reply = { ok: false, error: { code: "extension", message: String(error && error.message) } };
    }
    dom.removeNotice(main);
    if (signal.aborted || location.href !== snapshot.url || !main.isConnected) {
      return { status: "aborted" }; // the recruiter moved on; this answer is for another page
    }
    if (!reply || !reply.ok) {
      const error = (reply && reply.error) || { code: "extension", message: "No answer." };
      dom.showNotice(main, "error", "CertSignal could not annotate this profile", error.message);
      return { status: "error", error };
    }

    const report = reply.report || {};
    const certificates = Array.isArray(report.certificates) ? report.certificates : [];
    // Resolve every locator before inserting anything, so no insertion can shift another path.
    const items = certificates.map((certificate) => dom.resolveLocator(certificate.locator, main));
    let badges = 0;
    certificates.forEach((certificate, i) => {
      if (items[i] && dom.addBadge(items[i], certificate)) badges += 1;
    });
    dom.addSummary(summaryPlace(main, items), report, {
      url: snapshot.url,
      roleTitle: (reply.role && reply.role.title) || roleTitle,
      placed: badges,
    });
    return { status: "annotated", badges, certificates: certificates.length };
  }

  /** Runs the feature on the current page; false when there is no profile (<main>) here. */
  function init(signal) {
    const main = globalThis.certsignal.capture.findMain();
    if (!main) return false;
    if (pending && pending.url === location.href) return pending.promise;
    const promise = annotate(main, signal).finally(() => {
      if (pending && pending.promise === promise) pending = null;
    });
    pending = { url: location.href, promise };
    return promise;
  }

  globalThis.certsignal.features = globalThis.certsignal.features || {};
  globalThis.certsignal.features[ID] = { ID, init };
})();

// Test fixtures (served as https://www.linkedin.com/in/<id>/ by tests/extension/):
// - fixtures/linkedin-cards-2024-profile/input.html (profile, "Show all" partial view)
// - fixtures/linkedin-details-2024-certifications/input.html (the details page, every certificate)
// - fixtures/linkedin-sdui-2026-profile/input.html (server-driven UI layout)
