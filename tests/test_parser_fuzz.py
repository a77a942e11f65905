"""Fuzz ``parse_profile`` with mutated fixtures: only typed errors, and only valid Profiles.

Mutations: byte flips, truncation, insertion, splicing two fixtures, re-encoding. Each run is
bounded (fixed ``max_examples``, a per-example deadline) and derandomized, so the suite stays fast
and a failure reproduces; hypothesis prints the falsifying input.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser import Limits, ParserError, Profile, parse_profile
from tests.fixture_cases import FIXTURES

# Every fixture input, good or bad (read directly: a case being written may lack expected.json).
INPUTS = {path.parent.name: path.read_bytes() for path in sorted(FIXTURES.glob("*/input*"))}
STRUCTURED = sorted(n for n in INPUTS if n.startswith(("export-", "jsonresume-", "openbadges-")))
HTML = sorted(n for n in INPUTS if INPUTS[n].lstrip()[:1] == b"<")
EVERYTHING = sorted(INPUTS)
# Small limits make the limit paths reachable too, and keep each example cheap.
LIMITS = Limits(max_bytes=2 << 20, max_unzipped_bytes=4 << 20, max_zip_members=50,
                max_json_depth=50)
FUZZ = settings(max_examples=150, deadline=2000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig", "koi8-r")


@st.composite
def mutated(draw: st.DrawFn, names: list[str]) -> bytes:
    data = INPUTS[draw(st.sampled_from(names))]
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.sampled_from(MUTATIONS))(draw, data, names)
    return data


def _flip(draw: st.DrawFn, data: bytes, names: list[str]) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(out) - 1))
        out[at] ^= draw(st.integers(1, 255))
    return bytes(out)


def _truncate(draw: st.DrawFn, data: bytes, names: list[str]) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _insert(draw: st.DrawFn, data: bytes, names: list[str]) -> bytes:
    at = draw(st.integers(0, len(data)))
    chunk = draw(st.one_of(
        st.binary(min_size=1, max_size=64),
        st.sampled_from([b"<div>" * 300, b"[" * 300, b'"', b",,,\n", b"\x00", b"\xff\xfe",
                         b"<script>alert(1)</script>", b"</section>", b"PK\x03\x04"]),
    ))
    return data[:at] + chunk + data[at:]


def _splice(draw: st.DrawFn, data: bytes, names: list[str]) -> bytes:
    other = INPUTS[draw(st.sampled_from(names))]
    return data[: draw(st.integers(0, len(data)))] + other[draw(st.integers(0, len(other))):]


def _reencode(draw: st.DrawFn, data: bytes, names: list[str]) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


MUTATIONS = (_flip, _truncate, _insert, _splice, _reencode)


def check(data: bytes) -> None:
    try:
        profile = parse_profile(data, limits=LIMITS)
    except ParserError as error:
        assert error.code and str(error) and "\n" not in str(error)
        return
    as_json = profile.to_json()
    json.dumps(as_json)  # serialisable as it stands
    assert Profile.from_json(as_json).to_json() == as_json


@pytest.mark.skipif(not STRUCTURED, reason="no structured fixtures")
@FUZZ
@given(mutated(STRUCTURED))
def test_structured_inputs_fail_only_with_typed_errors(data: bytes) -> None:
    check(data)


@pytest.mark.skipif(not HTML, reason="no HTML fixtures yet")
@FUZZ
@given(mutated(HTML or EVERYTHING))
def test_html_inputs_fail_only_with_typed_errors(data: bytes) -> None:
    check(data)


@FUZZ
@given(mutated(EVERYTHING))
def test_any_fixture_spliced_with_any_other(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(data: bytes) -> None:
    check(data)
