"""Embedded data: the 2025 rehydration (Flight) rows and Voyager ``<code>`` blocks."""

from __future__ import annotations

import json

from parser import parse_profile

_SDUI_SHELL = (
    '<!DOCTYPE html><html><head><title>Avery Example | LinkedIn</title>'
    '<script id="rehydrate-data">window.__como_rehydration__ = {rows};</script></head>'
    '<body><main><section><h1>Avery Example</h1><p>Product Manager</p></section></main>'
    "</body></html>"
)


def _sdui(rows: list[str]) -> bytes:
    return _SDUI_SHELL.format(rows=json.dumps(rows)).encode()


def _lockup(name: str) -> list[object]:
    return ["$", "div", None, {"children": [
        ["$", "a", None, {"data-view-name": "license-certifications-lockup-view",
                          "href": "https://www.linkedin.com/company/1/"}],
        ["$", "div", None, {"children": [
            ["$", "p", None, {"children": [name]}],
            ["$", "p", None, {"children": ["Contoso"]}],
            ["$", "p", None, {"children": ["Issued Aug 2023 · Expires Aug 2026"]}],
            ["$", "a", None, {"href": "https://example.org/verify/EX-1",
                              "children": ["Show credential"]}],
        ]}],
    ]}]


def test_flight_rows_split_across_chunks_are_read() -> None:
    stream = "0:" + json.dumps(["$", "section", None, {"children": ["$L1"]}]) + "\n"
    stream += "1:" + json.dumps(_lockup("Example Cloud Associate")) + "\n"
    half = len(stream) // 2
    profile = parse_profile(_sdui([stream[:half], stream[half:]]))
    assert profile.source.layout == "sdui-2025"
    [cert] = profile.certificates
    assert (cert.name, cert.issuer, cert.issued, cert.expires, cert.credential_url) == (
        "Example Cloud Associate", "Contoso", "2023-08", "2026-08", "https://example.org/verify/EX-1"
    )
    assert cert.locator is None  # no DOM element to point at
    assert not profile.source.warnings


def test_self_referencing_rows_terminate() -> None:
    # Row 2 references itself twice per level: unfolded naively that is exponential.
    stream = "0:" + json.dumps(["$", "div", None, {"children": ["$L2", "$L1"]}]) + "\n"
    stream += "1:" + json.dumps(_lockup("Loop Example")) + "\n"
    stream += "2:" + json.dumps(["$", "div", None, {"children": ["$L2", "$L2"]}]) + "\n"
    profile = parse_profile(_sdui([stream]))
    assert [c.name for c in profile.certificates] == ["Loop Example"]


def test_broken_rehydration_is_a_warning_not_an_error() -> None:
    data = _SDUI_SHELL.replace("{rows}", '["0:[broken').encode()
    profile = parse_profile(data)
    assert profile.certificates == []
    assert any(w.startswith("partial view:") for w in profile.source.warnings)


def test_invalid_voyager_block_is_skipped_with_a_warning() -> None:
    good = {"data": {"*elements": ["urn:li:fsd_profileCertification:(A,1)"]}, "included": [{
        "$type": "com.linkedin.voyager.dash.identity.profile.Certification",
        "entityUrn": "urn:li:fsd_profileCertification:(A,1)", "name": "Example Admin",
        "authority": "Contoso", "dateRange": {"start": {"month": 13, "year": 2024}},
    }]}
    data = (
        "<html><body><main><h1>Dana Example</h1></main>"
        f'<code id="bpr-guid-1">{json.dumps(good)}</code>'
        '<code id="bpr-guid-2">{"included": [identity.profile.Certification broken</code>'
        "</body></html>"
    ).encode()
    profile = parse_profile(data)
    assert profile.source.layout == "voyager-json"
    [cert] = profile.certificates
    assert (cert.name, cert.issuer, cert.issued) == ("Example Admin", "Contoso", "2024")
    assert any("bpr-guid-2" in w for w in profile.source.warnings)
