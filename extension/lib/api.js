// The WebExtension namespace for both browsers. Firefox has always had `browser` (promise-based);
// Chrome added it in 148 and has `chrome` (promise-based in MV3) everywhere, so no polyfill is
// needed (mozilla/webextension-polyfill is end-of-life for that reason).
//
// Loaded as a classic script everywhere: content scripts (manifest), the Firefox background page
// (`background.scripts`), the Chrome service worker (`importScripts`) and the extension pages.
// Everything CertSignal defines lives under one global, `certsignal`, to keep the isolated world
// tidy.
"use strict";

globalThis.certsignal = globalThis.certsignal || {};
globalThis.certsignal.api = globalThis.browser ?? globalThis.chrome;
