// The options page: service URL, API key, autoAnnotate, and the keyboard shortcut (shown, with
// where the browser lets users change it). A service URL other than the loopback default is
// granted as an optional host permission at save time, so the extension never holds broad host
// access it does not use.
"use strict";

(() => {
  const { api, readSettings, normaliseServiceUrl, originPattern, DEFAULT_SERVICE_URL } =
    globalThis.certsignal;
  const $ = (id) => document.getElementById(id);
  // Declared in the manifest's host_permissions: always granted, never removable.
  const REQUIRED_ORIGINS = api.runtime.getManifest().host_permissions || [];

  function say(text, kind = "") {
    $("message").textContent = text;
    $("message").className = kind;
  }

  async function load() {
    const settings = await readSettings();
    $("service-url").value = settings.serviceUrl;
    $("api-key").value = settings.apiKey;
    $("auto-annotate").checked = settings.autoAnnotate;
    const commands = await api.commands.getAll();
    const command = commands.find((c) => c.name === "annotate");
    $("shortcut").textContent = (command && command.shortcut) || "not set";
  }

  function save(event) {
    event.preventDefault();
    const serviceUrl = normaliseServiceUrl($("service-url").value || DEFAULT_SERVICE_URL);
    if (!serviceUrl) {
      say("The service URL must start with http:// or https://.", "error");
      return;
    }
    const pattern = originPattern(serviceUrl);
    // permissions.request must run inside the click handler itself (no await before it):
    // browsers only show the prompt in direct response to the user's action.
    const granted = REQUIRED_ORIGINS.includes(pattern)
      ? Promise.resolve(true)
      : api.permissions.request({ origins: [pattern] });
    granted
      .then(async (ok) => {
        if (!ok) {
          say(`Not saved: CertSignal needs permission to reach ${serviceUrl}.`, "error");
          return;
        }
        const previous = await readSettings();
        await api.storage.sync.set({
          serviceUrl,
          apiKey: $("api-key").value.trim(),
          autoAnnotate: $("auto-annotate").checked,
        });
        await dropUnusedPermission(previous.serviceUrl, pattern);
        $("service-url").value = serviceUrl;
        say("Saved.", "ok");
      })
      .catch((error) => say(`Not saved: ${error.message}`, "error"));
  }

  /** Gives back the optional permission of a service URL that is no longer used. */
  async function dropUnusedPermission(oldUrl, keepPattern) {
    const oldPattern = originPattern(oldUrl);
    if (oldPattern === keepPattern || REQUIRED_ORIGINS.includes(oldPattern)) return;
    await api.permissions.remove({ origins: [oldPattern] }).catch(() => {});
  }

  async function test() {
    say("Contacting the service…");
    const reply = await api.runtime.sendMessage({ type: "health" }).catch(() => null);
    if (reply && reply.ok) say(`Connected to ${reply.serviceUrl}.`, "ok");
    else say(reply ? reply.error.message : "The extension's background did not answer.", "error");
  }

  $("form").addEventListener("submit", save);
  $("test").addEventListener("click", test);
  load();
})();
