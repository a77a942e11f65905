"""Conventions of extension/ that no browser run would catch (no browser needed, fast).

Each failure message says what to change.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import EXTENSION_DIR
from tests.fixture_cases import FIXTURES

MANIFEST: dict[str, Any] = json.loads((EXTENSION_DIR / "manifest.json").read_text("utf-8"))
SOURCES = sorted(
    p
    for p in EXTENSION_DIR.rglob("*.js")
    if "node_modules" not in p.parts and "scripts" not in p.parts
)


def test_the_extension_asks_for_no_more_than_it_uses() -> None:
    assert MANIFEST["manifest_version"] == 3
    assert MANIFEST["permissions"] == ["storage"], "every new permission needs a reason in the PR"
    assert MANIFEST["host_permissions"] == ["http://127.0.0.1/*"], (
        "only the default service (loopback) is granted up front; other service URLs are "
        "optional_host_permissions requested by the options page"
    )
    [script] = MANIFEST["content_scripts"]
    # Every LinkedIn page, not only /in/: profiles are reached from the feed or a search by
    # in-app navigation, with no page load to inject a script into (content/main.js).
    assert script["matches"] == ["https://www.linkedin.com/*"]
    assert len(MANIFEST["description"]) <= 132, "the Chrome Web Store allows 132 characters"
    gecko = MANIFEST["browser_specific_settings"]["gecko"]
    assert gecko["id"] and gecko["data_collection_permissions"] == {"required": ["none"]}


def test_the_shortcut_is_suggested_and_the_user_may_change_it() -> None:
    command = MANIFEST["commands"]["annotate"]
    assert command["suggested_key"]["default"] == "Alt+Shift+C"
    options = (EXTENSION_DIR / MANIFEST["options_ui"]["page"]).read_text("utf-8")
    assert "chrome://extensions/shortcuts" in options and "Manage Extension Shortcuts" in options


def test_every_file_the_manifest_names_exists() -> None:
    named = [
        *MANIFEST["content_scripts"][0]["js"],
        *MANIFEST["background"]["scripts"],
        MANIFEST["background"]["service_worker"],
        MANIFEST["action"]["default_popup"],
        MANIFEST["options_ui"]["page"],
    ]
    missing = [name for name in named if not (EXTENSION_DIR / name).is_file()]
    assert not missing, f"manifest.json names files that do not exist: {missing}"


def test_both_backgrounds_load_the_same_libraries() -> None:
    """Chrome's service worker imports with importScripts, Firefox lists background.scripts:
    the two lists must stay the same or one browser runs without a library."""
    source = (EXTENSION_DIR / MANIFEST["background"]["service_worker"]).read_text("utf-8")
    match = re.search(r"importScripts\(([^)]*)\)", source)
    assert match, "background.js must importScripts its libraries for Chrome"
    imported = re.findall(r'"([^"]+)"', match.group(1))
    firefox = MANIFEST["background"]["scripts"]
    assert [*imported, MANIFEST["background"]["service_worker"]] == firefox, (
        "keep importScripts(...) in background.js and manifest background.scripts in step"
    )


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(EXTENSION_DIR)))
def test_text_is_inserted_as_text_never_as_html(path: Path) -> None:
    source = path.read_text("utf-8")
    forbidden = re.findall(
        r"\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(",
        source,
    )
    assert not forbidden, f"{path.name}: use textContent/createTextNode, not {forbidden}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(EXTENSION_DIR)))
def test_nothing_is_sent_anywhere_but_the_configured_service(path: Path) -> None:
    source = path.read_text("utf-8")
    if path.name != "service.js":
        assert "fetch(" not in source and "XMLHttpRequest" not in source, (
            f"{path.name}: only lib/service.js (run by the background) may make requests"
        )
    # URLs in string literals (comments may cite documentation).
    urls = set(re.findall(r"[\"'`](https?://[^\"'`]*)", source))
    allowed = {"http://127.0.0.1:8000"}
    assert urls <= allowed, f"{path.name}: unexpected URLs {sorted(urls - allowed)}"


def test_each_feature_lists_fixtures_that_exist() -> None:
    features = sorted((EXTENSION_DIR / "content" / "features").glob("*.js"))
    assert features
    for feature in features:
        source = feature.read_text("utf-8")
        assert "// Test fixtures" in source, (
            f"{feature.name}: end with a '// Test fixtures' comment"
        )
        listed = re.findall(r"fixtures/([\w.-]+)/", source)
        assert listed, f"{feature.name}: name the fixtures to check it on by hand"
        if any(FIXTURES.glob("linkedin-*")):  # the LinkedIn fixtures have landed
            missing = [name for name in listed if not (FIXTURES / name).is_dir()]
            assert not missing, f"{feature.name}: listed fixtures do not exist: {missing}"


def test_icons_are_pngs_of_the_declared_size() -> None:
    for size, name in MANIFEST["icons"].items():
        data = (EXTENSION_DIR / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{name} is not a PNG"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (int(size), int(size)), (
            f"{name} is {width}x{height}; run python3 extension/scripts/make_icons.py"
        )
