"""`web-ext lint` (Mozilla's add-on linter, pinned in extension/package-lock.json) finds no errors.

Warnings are allowed: BACKGROUND_SERVICE_WORKER_IGNORED and KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_
MIN_VERSION come with the single manifest for both browsers (see browser-testing.md).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.browser_support import EXTENSION_DIR

EXPECTED_WARNINGS = {
    "BACKGROUND_SERVICE_WORKER_IGNORED",
    "KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION",
}


def test_web_ext_lint_reports_no_errors() -> None:
    npx = shutil.which("npx")
    if npx is None:
        pytest.skip("node/npx is not installed")
    if not (EXTENSION_DIR / "node_modules" / ".bin" / "web-ext").exists():
        pytest.skip("web-ext is not installed: run `npm ci` in extension/ (scripts/test does)")
    # --no-install: never fetch a package at test time; the pinned local copy must be used.
    # The source dir and ignored files come from the "webExt" key of extension/package.json.
    completed = subprocess.run(
        [npx, "--no-install", "web-ext", "lint", "--source-dir", ".", "--output", "json"],
        cwd=EXTENSION_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(completed.stdout)
    errors = [f"{m['code']}: {m.get('file')}: {m['message']}" for m in report["errors"]]
    assert errors == [], "\n".join(errors)
    unexpected = {m["code"] for m in report["warnings"]} - EXPECTED_WARNINGS
    assert not unexpected, f"new web-ext warnings: {sorted(unexpected)}"
