// Settings keys and defaults (DESIGN.md, "Extension"). Shared by the background, popup and options
// so that every part reads the same defaults.
"use strict";

(() => {
  const DEFAULT_SERVICE_URL = "http://127.0.0.1:8000";

  const DEFAULTS = Object.freeze({
    serviceUrl: DEFAULT_SERVICE_URL,
    apiKey: "",
    role: { title: "", description: "" },
    roles: [],
    autoAnnotate: false,
  });

  /** All settings, with defaults filled in for anything unset or of the wrong type. */
  async function readSettings() {
    const { api } = globalThis.certsignal;
    const stored = await api.storage.sync.get(Object.keys(DEFAULTS));
    const role = stored.role && typeof stored.role === "object" ? stored.role : DEFAULTS.role;
    return {
      serviceUrl: normaliseServiceUrl(stored.serviceUrl) || DEFAULT_SERVICE_URL,
      apiKey: typeof stored.apiKey === "string" ? stored.apiKey.trim() : "",
      role: {
        title: typeof role.title === "string" ? role.title : "",
        description: typeof role.description === "string" ? role.description : "",
      },
      roles: Array.isArray(stored.roles) ? stored.roles.filter(isRole) : [],
      autoAnnotate: stored.autoAnnotate === true,
    };
  }

  function isRole(value) {
    return Boolean(value) && typeof value.title === "string" && value.title.trim() !== "";
  }

  /** A service URL without its trailing slash (http://host:port/base); null if not http(s). */
  function normaliseServiceUrl(value) {
    if (typeof value !== "string" || value.trim() === "") return null;
    try {
      const url = new URL(value.trim());
      if (url.protocol !== "http:" && url.protocol !== "https:") return null;
      return (url.origin + url.pathname).replace(/\/+$/, "");
    } catch {
      return null;
    }
  }

  /** The match pattern a host permission for this service URL needs: scheme://host/*. */
  function originPattern(serviceUrl) {
    const url = new URL(serviceUrl);
    return `${url.protocol}//${url.hostname}/*`;
  }

  Object.assign(globalThis.certsignal, {
    DEFAULT_SERVICE_URL,
    DEFAULTS,
    readSettings,
    normaliseServiceUrl,
    originPattern,
    isRole,
  });
})();
