// Presentation data for what CertSignal writes into the page: the CSS of each Shadow DOM (so
// LinkedIn's styles cannot reach in and ours cannot leak out), band labels, and the tone of each
// flag id from DESIGN.md's fixed vocabulary. Kept apart from the DOM code in annotate.js.
"use strict";

(() => {
  const BAND_LABELS = {
    strong: "Strong signal",
    moderate: "Moderate signal",
    weak: "Weak signal",
    none: "No signal",
  };

  // positive: reassuring; caution: worth a second look; neutral: context. Unknown ids are neutral.
  const FLAG_TONES = {
    relevant: "positive",
    recent: "positive",
    well_known_provider: "positive",
    applied: "positive",
    verifiable: "positive",
    focused: "positive",
    career_change_supported: "positive",
    deepening: "positive",
    off_target: "caution",
    dated: "caution",
    expired: "caution",
    issuer_mismatch: "caution",
    inflated_claim: "caution",
    not_applied: "caution",
    credential_collecting: "caution",
    incoherent: "caution",
    partial_view: "caution",
    unknown_provider: "neutral",
    soft_skill: "neutral",
    entry_level: "neutral",
    no_certificates: "neutral",
  };

  const SIGNAL_LABELS = {
    relevance: "Relevance",
    recency: "Recency",
    provider: "Provider",
    evidence: "Evidence",
    claims: "Claims",
  };

  // Shared by every shadow root: a reset, the palette and the band colours.
  const BASE_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .cs {
      font: 14px/1.45 -apple-system, system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "DejaVu Sans", sans-serif;
      color: #1f2328;
      --strong: #0b6e4f; --strong-bg: #e3f4ec;
      --moderate: #1d4f91; --moderate-bg: #e7effa;
      --weak: #8a4b08; --weak-bg: #fcf0e1;
      --none: #5b6169; --none-bg: #eef0f2;
      --positive: #0b6e4f; --caution: #9a5b00; --neutral: #6b7280;
    }
    .band-strong { --band: var(--strong); --band-bg: var(--strong-bg); }
    .band-moderate { --band: var(--moderate); --band-bg: var(--moderate-bg); }
    .band-weak { --band: var(--weak); --band-bg: var(--weak-bg); }
    .band-none { --band: var(--none); --band-bg: var(--none-bg); }
    .pill {
      display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px;
      border-radius: 999px; background: var(--band-bg); color: var(--band);
      font-weight: 600; font-size: 12px; white-space: nowrap;
    }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--band); flex: none; }
    ul.flags { list-style: none; margin: 6px 0 0; padding: 0; }
    ul.flags li { display: flex; gap: 8px; align-items: baseline; margin: 3px 0; }
    ul.flags li::before {
      content: ""; flex: none; width: 7px; height: 7px; border-radius: 50%;
      background: var(--neutral); transform: translateY(-1px);
    }
    ul.flags li.positive::before { background: var(--positive); }
    ul.flags li.caution::before { background: var(--caution); }
    .muted { color: #5b6169; font-size: 12px; }
    a { color: #0a58b8; font-weight: 600; }
  `;

  // The badge sits inline after the certificate's name; its reasons open as a dropdown over
  // the content below (absolute, so LinkedIn's layout never reflows around it).
  const BADGE_CSS = `
    :host { display: inline-block; position: relative; vertical-align: middle; margin: 0 0 0 8px; }
    button {
      all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 6px;
      padding: 1px 9px; border-radius: 999px; background: var(--band-bg); color: var(--band);
      font-weight: 600; font-size: 12px; line-height: 20px; border: 1px solid transparent;
      white-space: nowrap;
    }
    button:hover { border-color: var(--band); }
    button:focus-visible { outline: 2px solid #0a58b8; outline-offset: 2px; }
    .score { font-weight: 500; opacity: .8; }
    .chevron { font-size: 10px; }
    .panel {
      position: absolute; top: calc(100% + 6px); left: 0; z-index: 2147483000;
      width: max-content; max-width: min(440px, 90vw); padding: 10px 12px; font-weight: 400;
      border: 1px solid #d9dde2; border-left: 3px solid var(--band); border-radius: 8px;
      background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.12); white-space: normal;
    }
    .panel.flip { left: auto; right: 0; }
    .panel[hidden] { display: none; }
    dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
    dt { font-weight: 600; color: #3d434a; }
    dd { margin: 0; }
    .meta { margin-bottom: 6px; }
  `;

  const SUMMARY_CSS = `
    :host { display: block; margin: 8px 0 12px; }
    .card {
      border: 1px solid #d9dde2; border-left: 4px solid var(--band); border-radius: 10px;
      background: #fff; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06);
    }
    header { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
    .brand { display: inline-flex; align-items: center; gap: 6px; font-weight: 700; color: #1f2328; }
    .mark {
      width: 18px; height: 18px; border-radius: 5px; background: #14532d; color: #fff;
      display: inline-flex; align-items: center; justify-content: center; font-size: 12px;
    }
    .role { color: #5b6169; font-size: 13px; }
    .score { margin-left: auto; font-size: 22px; font-weight: 700; color: var(--band); }
    .score small { font-size: 12px; font-weight: 500; color: #5b6169; }
    h3 { margin: 10px 0 4px; font-size: 15px; }
    p { margin: 4px 0; }
    .partial {
      margin-top: 10px; padding: 8px 10px; border-radius: 6px; background: #fff8e6;
      border: 1px solid #f1d48a;
    }
    footer { margin-top: 10px; }
    details.reasoning { margin-top: 8px; }
    details.reasoning summary { cursor: pointer; color: #0a58b8; font-weight: 600; font-size: 13px; }
    details.reasoning p { margin: 6px 0 0; color: #3d434a; }
  `;

  const NOTICE_CSS = `
    :host { display: block; margin: 8px 0; }
    .notice {
      display: flex; align-items: flex-start; gap: 10px; padding: 10px 14px;
      border-radius: 8px; border: 1px solid #d9dde2; background: #f6f8fa;
    }
    .notice.error { border-color: #e5b4a8; background: #fdf3f0; }
    .notice.info { border-color: #c9d7ea; background: #f3f7fc; }
    .spinner {
      flex: none; width: 16px; height: 16px; margin-top: 2px; border-radius: 50%;
      border: 2px solid #c5ccd3; border-top-color: #0a58b8; animation: spin .8s linear infinite;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    .title { font-weight: 600; }
  `;

  Object.assign(globalThis.certsignal, {
    styles: { BAND_LABELS, FLAG_TONES, SIGNAL_LABELS, BASE_CSS, BADGE_CSS, SUMMARY_CSS, NOTICE_CSS },
  });
})();
