// The HTTP client for the CertSignal service. Used only by the background script: content
// scripts make requests on the page's origin (blocked by LinkedIn's CSP in Firefox, and by Local
// Network Access in Chromium), whereas the background holds the host permission for the service
// and needs no CORS (../shared/reference/browser-testing.md).
//
// Every call resolves to {ok: true, data} or {ok: false, error: {code, message}}; it never throws,
// so the page always gets a notice it can show.
"use strict";

(() => {
  const TIMEOUT_MS = { health: 4000, analyze: 30000 };

  const MESSAGES = {
    unreachable: (url) =>
      `The CertSignal service at ${url} is not reachable. Start it with "certsignal serve", ` +
      "or check the service URL in the extension options.",
    timeout: (url, seconds) =>
      `The CertSignal service at ${url} did not answer within ${seconds} seconds. ` +
      "It may be busy; try again in a moment.",
    unauthorized: () =>
      "The CertSignal service refused the API key. Check the key in the extension options.",
    permission: (url) =>
      `CertSignal has no permission to reach ${url}. Open the extension options and save the ` +
      "service URL again to grant it.",
    bad_answer: (url) => `The service at ${url} did not answer like a CertSignal service.`,
  };

  function failure(code, message) {
    return { ok: false, error: { code, message } };
  }

  async function hasPermission(serviceUrl) {
    const { api, originPattern } = globalThis.certsignal;
    try {
      return await api.permissions.contains({ origins: [originPattern(serviceUrl)] });
    } catch {
      return false;
    }
  }

  /**
   * One request to the service. `kind` picks the timeout; `body` (optional) is sent as JSON.
   */
  async function request(settings, kind, path, body) {
    const url = settings.serviceUrl;
    if (!(await hasPermission(url))) return failure("permission", MESSAGES.permission(url));

    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (settings.apiKey) headers.Authorization = `Bearer ${settings.apiKey}`;

    let response;
    try {
      response = await fetch(url + path, {
        method: body === undefined ? "GET" : "POST",
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "omit",
        cache: "no-store",
        signal: AbortSignal.timeout(TIMEOUT_MS[kind]),
      });
    } catch (error) {
      if (error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        return failure("timeout", MESSAGES.timeout(url, TIMEOUT_MS[kind] / 1000));
      }
      return failure("unreachable", MESSAGES.unreachable(url));
    }

    let data = null;
    try {
      data = await response.json();
    } catch {
      return failure("bad_answer", MESSAGES.bad_answer(url));
    }
    if (response.status === 401 || response.status === 403) {
      return failure("unauthorized", MESSAGES.unauthorized());
    }
    if (!response.ok) {
      const error = data && typeof data.error === "object" ? data.error : {};
      return failure(
        String(error.code || `http_${response.status}`),
        String(error.message || `The service answered with status ${response.status}.`),
      );
    }
    return { ok: true, data };
  }

  function health(settings) {
    return request(settings, "health", "/api/v1/health");
  }

  function analyze(settings, { html, url }) {
    const role = { title: settings.role.title, description: settings.role.description };
    return request(settings, "analyze", "/api/v1/analyze", { html, url, role });
  }

  Object.assign(globalThis.certsignal, { service: { health, analyze, TIMEOUT_MS } });
})();
