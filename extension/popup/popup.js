// The toolbar popup: the role being hired for (title and job description, with saved roles to
// switch between), the "Annotate" button, and the service status.
//
// Storage: `role` is the active role, `roles` the saved list (DESIGN.md, "Extension"). Edits to
// the fields become the active role at once, so "Annotate" always uses what is on screen.
"use strict";

(() => {
  const { api, readSettings, isRole } = globalThis.certsignal;
  const $ = (id) => document.getElementById(id);
  const fields = {
    saved: $("saved-roles"),
    title: $("role-title"),
    description: $("role-description"),
    save: $("save-role"),
    remove: $("delete-role"),
    annotate: $("annotate"),
    result: $("result"),
  };
  let roles = [];

  function currentRole() {
    return { title: fields.title.value.trim(), description: fields.description.value.trim() };
  }

  function renderRoles(activeTitle) {
    fields.saved.replaceChildren(new Option("New role…", ""));
    for (const role of roles) fields.saved.append(new Option(role.title, role.title));
    fields.saved.value = roles.some((r) => r.title === activeTitle) ? activeTitle : "";
    fields.remove.disabled = fields.saved.value === "";
  }

  function showResult(text, isError = false) {
    fields.result.textContent = text;
    fields.result.classList.toggle("error", isError);
  }

  async function load() {
    const settings = await readSettings();
    roles = settings.roles;
    fields.title.value = settings.role.title;
    fields.description.value = settings.role.description;
    renderRoles(settings.role.title);
  }

  let saveTimer;
  function saveActiveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => api.storage.sync.set({ role: currentRole() }), 250);
  }

  async function saveRole() {
    const role = currentRole();
    if (!isRole(role)) {
      showResult("Give the role a job title first.", true);
      return;
    }
    roles = [...roles.filter((r) => r.title !== role.title), role]
      .sort((a, b) => a.title.localeCompare(b.title));
    await api.storage.sync.set({ role, roles });
    renderRoles(role.title);
    showResult(`Saved "${role.title}".`);
  }

  async function deleteRole() {
    const title = fields.saved.value;
    roles = roles.filter((r) => r.title !== title);
    await api.storage.sync.set({ roles });
    renderRoles("");
    showResult(`Deleted "${title}".`);
  }

  async function switchRole() {
    const role = roles.find((r) => r.title === fields.saved.value) || { title: "", description: "" };
    fields.title.value = role.title;
    fields.description.value = role.description;
    fields.remove.disabled = fields.saved.value === "";
    await api.storage.sync.set({ role });
  }

  const RESULTS = {
    annotated: (r) => `Annotated ${r.badges} of ${r.certificates} certificates.`,
    unchanged: () => "This profile is already annotated for this role.",
    aborted: () => "The page changed while CertSignal was reading it; try again.",
    "not-applicable": () => "This page has no profile to annotate.",
  };

  async function annotate() {
    clearTimeout(saveTimer);
    await api.storage.sync.set({ role: currentRole() });
    fields.annotate.disabled = true;
    showResult("Reading the profile…");
    try {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      const reply = await api.tabs.sendMessage(tab.id, { type: "annotate" });
      if (reply && reply.status === "error") showResult(reply.error.message, true);
      else if (reply && RESULTS[reply.status]) showResult(RESULTS[reply.status](reply));
      else showResult("No answer from the page; reload it and try again.", true);
    } catch {
      // No content script receives the message: not a LinkedIn profile page.
      showResult("Open a LinkedIn profile (linkedin.com/in/…) to annotate it.", true);
    } finally {
      fields.annotate.disabled = false;
    }
  }

  async function showStatus() {
    const status = $("status");
    const reply = await api.runtime.sendMessage({ type: "health" }).catch(() => null);
    if (reply && reply.ok) {
      const { version, ruleset } = reply.data || {};
      const about = [version && `version ${version}`, ruleset && `rules ${ruleset}`]
        .filter(Boolean).join(", ");
      $("status-text").textContent = `Service ready at ${reply.serviceUrl}${about ? ` (${about})` : ""}.`;
      status.className = "status ok";
    } else {
      $("status-text").textContent = reply ? reply.error.message : "The extension's background did not answer.";
      status.className = "status error";
    }
  }

  async function showShortcut() {
    const commands = await api.commands.getAll();
    const command = commands.find((c) => c.name === "annotate");
    $("shortcut").textContent = command && command.shortcut
      ? `Shortcut: ${command.shortcut}` : "No keyboard shortcut set";
  }

  fields.title.addEventListener("input", saveActiveSoon);
  fields.description.addEventListener("input", saveActiveSoon);
  fields.saved.addEventListener("change", switchRole);
  fields.save.addEventListener("click", saveRole);
  fields.remove.addEventListener("click", deleteRole);
  fields.annotate.addEventListener("click", annotate);
  $("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage();
  });

  load();
  showStatus();
  showShortcut();
})();
