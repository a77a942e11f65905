// Writing CertSignal's answer into the page: badges, the summary card, and notices. Everything
// inserted is a `certsignal-*` host element whose content lives in a closed-off Shadow DOM, and
// every string is inserted as text (textContent / createTextNode), never parsed as HTML: names
// and messages come from a profile and may be hostile.
//
// The host elements' tag names (`certsignal-badge`, …) never match a `div`/`li`/`span` step of an
// XPath, so inserting them does not shift the locators of other certificates.
"use strict";

(() => {
  const BADGE = "data-certsignal-badge";
  const SUMMARY = "data-certsignal-summary";
  const NOTICE = "data-certsignal-notice";
  const ANNOTATION_SELECTOR = `[${BADGE}], [${SUMMARY}], [${NOTICE}]`;

  /** Creates `tag` with a class and text; `children` are appended after the text. */
  function el(tag, className, text, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function bandOf(value) {
    return Object.hasOwn(globalThis.certsignal.styles.BAND_LABELS, value) ? value : "none";
  }

  /** A host element with an open shadow root holding `css`; returns [host, container]. */
  function shadowHost(tag, attribute, value, css, className) {
    const { BASE_CSS } = globalThis.certsignal.styles;
    const host = document.createElement(tag);
    host.setAttribute(attribute, value);
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = BASE_CSS + css;
    const container = el("div", `cs ${className}`);
    root.append(style, container);
    return [host, container];
  }

  /** Every element CertSignal added under `root`. */
  function clearAnnotations(root = document) {
    for (const node of root.querySelectorAll(ANNOTATION_SELECTOR)) node.remove();
  }

  /**
   * The live element a Report locator points to. Locators are XPaths from the root of the HTML
   * the service parsed; for the captured fragment that is `/html/body/<main>/…`, so that prefix is
   * replaced by the live root. Any other absolute path is tried against the whole document.
   */
  function resolveLocator(locator, root) {
    if (typeof locator !== "string" || locator === "") return null;
    const tag = root.localName.replace(/[^a-z0-9-]/g, "");
    const prefix = new RegExp(`^/html(?:\\[1\\])?/body(?:\\[1\\])?/${tag}(?:\\[1\\])?(?=/|$)`);
    let expression = locator;
    let context = document;
    if (prefix.test(locator)) {
      const rest = locator.replace(prefix, "");
      if (rest === "") return root;
      expression = `.${rest}`;
      context = root;
    }
    try {
      const result = document.evaluate(
        expression, context, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
      const node = result.singleNodeValue;
      return node && node.nodeType === Node.ELEMENT_NODE && root.contains(node) ? node : null;
    } catch {
      return null; // not an XPath this browser accepts: leave that certificate unbadged
    }
  }

  const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

  /**
   * Where a badge goes inside a certificate's item: right after the element showing the
   * certificate's name (the first, visible copy when LinkedIn doubles it for screen readers),
   * else at the end of the item. Inside a link is fine: the badge cancels the click.
   */
  function badgeAnchor(item, name) {
    const wanted = squash(name);
    if (!wanted) return null;
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (squash(node.textContent) !== wanted) continue;
      // Deepest element with exactly the name: none of its children still has it all.
      if (![...node.children].some((child) => squash(child.textContent) === wanted)) return node;
    }
    return null;
  }

  function flagList(flags) {
    const { FLAG_TONES } = globalThis.certsignal.styles;
    const list = el("ul", "flags");
    for (const flag of flags || []) {
      if (!flag || !flag.message) continue;
      list.append(el("li", FLAG_TONES[flag.id] || "neutral", flag.message));
    }
    return list.childElementCount ? list : null;
  }

  /** Adds one badge to `item` for a Report certificate; does nothing if it already has one. */
  function addBadge(item, certificate) {
    if (item.querySelector(`[${BADGE}]`)) return null;
    const { BAND_LABELS, SIGNAL_LABELS, BADGE_CSS } = globalThis.certsignal.styles;
    const band = bandOf(certificate.band);
    const [host, box] = shadowHost("certsignal-badge", BADGE, band, BADGE_CSS, `band-${band}`);

    const panelId = "certsignal-reasons";
    const button = el("button", "", null,
      el("span", "dot"),
      el("span", "label", certificate.badge || BAND_LABELS[band]),
      Number.isFinite(certificate.score) ? el("span", "score", `${certificate.score}/100`) : null,
      el("span", "chevron", "▾"));
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", panelId);
    button.title = "Why CertSignal reads this certificate this way";

    const details = el("dl");
    const signals = certificate.signals || {};
    // The contract's signal order first (strongest effect first), then any the service adds.
    const keys = [...Object.keys(SIGNAL_LABELS), ...Object.keys(signals)]
      .filter((key, i, all) => Object.hasOwn(signals, key) && all.indexOf(key) === i);
    for (const key of keys) {
      const signal = signals[key];
      if (!signal || !signal.note) continue;
      details.append(el("dt", "", SIGNAL_LABELS[key] || key), el("dd", "", signal.note));
    }
    const meta = [BAND_LABELS[band], certificate.category === "soft_skill" ? "soft skill" : "",
      String(certificate.field || "").replace(/_/g, " ")].filter(Boolean).join(" · ");
    const panel = el("div", "panel", null,
      el("div", "meta muted", meta), details, flagList(certificate.flags));
    panel.id = panelId;
    panel.hidden = true;

    const toggle = (open) => {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (!open) return;
      // Open towards the side with room, so the reasons stay within the certificate's card.
      panel.classList.remove("flip");
      const limit = Math.min(document.documentElement.clientWidth,
        item.getBoundingClientRect().right || Infinity);
      if (panel.getBoundingClientRect().right > limit) {
        panel.classList.add("flip");
      }
    };
    button.addEventListener("click", (event) => {
      // Keep LinkedIn's own click handlers (and any surrounding link) out of it.
      event.preventDefault();
      event.stopPropagation();
      toggle(panel.hidden);
    });
    panel.addEventListener("click", (event) => {
      event.preventDefault(); // a click on the reasons must not follow the surrounding link
      event.stopPropagation();
    });
    host.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        toggle(false);
        button.focus();
      }
    });
    box.append(button, panel);

    const anchor = badgeAnchor(item, certificate.name);
    if (anchor) anchor.after(host);
    else item.append(host);
    return host;
  }

  /** The `/in/<id>/details/certifications/` page of the profile at `url`, or null. */
  function detailsUrl(url) {
    const match = /^\/in\/([^/]+)\//.exec(new URL(url).pathname + "/");
    return match ? `${new URL(url).origin}/in/${match[1]}/details/certifications/` : null;
  }

  /** The summary card for a Report; `where` is {parent, before} (insert position). */
  function addSummary(where, report, { url, roleTitle, placed }) {
    const { BAND_LABELS, SUMMARY_CSS } = globalThis.certsignal.styles;
    const summary = report.summary || {};
    const band = bandOf(summary.band);
    const [host, box] = shadowHost("certsignal-summary", SUMMARY, band, SUMMARY_CSS, `band-${band}`);
    host.setAttribute("data-certsignal-url", url);
    host.setAttribute("data-certsignal-role", roleTitle || "");

    const forRole = roleTitle ? `for ${roleTitle}` : "for the candidate's own direction";
    const header = el("header", "",
      null,
      el("span", "brand", null, el("span", "mark", "✓"), document.createTextNode("CertSignal")),
      el("span", "pill", null, el("span", "dot"), document.createTextNode(BAND_LABELS[band])),
      el("span", "role", `Certificates ${forRole}`),
      Number.isFinite(summary.score)
        ? el("span", "score", String(summary.score), el("small", "", " /100")) : null);

    // The flags are the gist; the full reasoning is one click away, so the card stays short.
    const flags = (summary.flags || []).filter((flag) => flag && flag.id !== "partial_view");
    const sentences = (summary.narrative || []).filter(Boolean);
    let reasoning = null;
    if (sentences.length) {
      reasoning = el("details", "reasoning", null,
        el("summary", "", `Full reasoning (${sentences.length} points)`));
      for (const sentence of sentences) reasoning.append(el("p", "", sentence));
    }
    const card = el("div", "card", null, header,
      summary.headline ? el("h3", "", summary.headline) : null,
      flagList(flags), reasoning);

    const partial = (summary.flags || []).find((flag) => flag && flag.id === "partial_view");
    if (partial) {
      const box2 = el("div", "partial", partial.message || "Only some certificates are shown here.");
      const link = detailsUrl(url);
      if (link && !new URL(url).pathname.includes("/details/")) {
        const anchor = el("a", "", "See all certificates");
        anchor.href = link;
        box2.append(document.createTextNode(" "), anchor);
      }
      card.append(box2);
    }

    const count = (report.certificates || []).length;
    if (placed < count) {
      // Say so rather than leave the recruiter wondering why an entry has no badge.
      const missing = count - placed;
      card.append(el("p", "muted", `${missing} of ${count} certificates could not be placed next to `
        + "their entries on this page; the summary includes them."));
    }
    const footer = [`${count} certificate${count === 1 ? "" : "s"} read`,
      report.ruleset ? `rules ${report.ruleset}` : "", report.as_of ? `as of ${report.as_of}` : "",
      "a reading to inform your judgement, never a verdict"].filter(Boolean).join(" · ");
    card.append(el("footer", "muted", footer));
    box.append(card);

    where.parent.insertBefore(host, where.before);
    return host;
  }

  /** A notice at the top of `root`: kind "loading" (with a spinner), "error" or "info". */
  function showNotice(root, kind, title, message) {
    const { NOTICE_CSS } = globalThis.certsignal.styles;
    for (const old of root.querySelectorAll(`[${NOTICE}]`)) old.remove();
    const [host, box] = shadowHost("certsignal-notice", NOTICE, kind, NOTICE_CSS, "");
    host.setAttribute("role", kind === "error" ? "alert" : "status");
    const body = el("div", "", null, el("div", "title", title), message ? el("div", "", message) : null);
    box.append(el("div", `notice ${kind}`, null, kind === "loading" ? el("div", "spinner") : null, body));
    root.prepend(host);
    return host;
  }

  function removeNotice(root) {
    for (const old of root.querySelectorAll(`[${NOTICE}]`)) old.remove();
  }

  Object.assign(globalThis.certsignal, {
    annotate: {
      BADGE, SUMMARY, NOTICE, clearAnnotations, resolveLocator, addBadge, addSummary,
      showNotice, removeNotice, detailsUrl,
    },
  });
})();
