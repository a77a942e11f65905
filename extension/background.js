// The background: the only part of the extension that talks to the CertSignal service. It answers
// named messages (`analyze` from the content script, `health` from the popup) and turns the
// keyboard shortcut into an `annotate` message for the active tab.
//
// MV3 service workers (Chrome) stop when idle and lose their globals, so nothing is kept here:
// settings are read from storage on every message.
"use strict";

// Chrome runs this file as a service worker and needs the libraries imported; Firefox lists them
// before this file in `background.scripts`, where importScripts does not exist.
if (typeof importScripts === "function") {
  importScripts("lib/api.js", "lib/settings.js", "lib/service.js");
}

(() => {
  const { api, readSettings, service } = globalThis.certsignal;

  const handlers = {
    async analyze(message) {
      if (typeof message.html !== "string" || typeof message.url !== "string") {
        return { ok: false, error: { code: "bad_message", message: "Nothing to analyze." } };
      }
      const settings = await readSettings();
      const result = await service.analyze(settings, message);
      return result.ok ? { ok: true, report: result.data, role: settings.role } : result;
    },
    async health() {
      const settings = await readSettings();
      const result = await service.health(settings);
      return { ...result, serviceUrl: settings.serviceUrl };
    },
  };

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts may ask (never a web page).
    if (sender.id !== api.runtime.id || !message || !(message.type in handlers)) return false;
    handlers[message.type](message)
      .catch((error) => ({ ok: false, error: { code: "internal", message: String(error) } }))
      .then(sendResponse);
    return true; // keeps the channel open for the asynchronous reply (both browsers)
  });

  async function activeTabId(tab) {
    if (tab && typeof tab.id === "number") return tab.id;
    const [active] = await api.tabs.query({ active: true, currentWindow: true });
    return active ? active.id : undefined;
  }

  api.commands.onCommand.addListener(async (command, tab) => {
    if (command !== "annotate") return;
    const tabId = await activeTabId(tab);
    if (tabId === undefined) return;
    // The content script only runs on LinkedIn profile pages; elsewhere there is no receiver.
    api.tabs.sendMessage(tabId, { type: "annotate" }).catch(() => {});
  });
})();
