"""Hostile and broken inputs too big or too generated to commit as fixtures (see fixtures/bad-*).

Each must end in a typed ``ParserError`` with a one-line message, or a valid Profile with a
warning: never another exception, a hang or unbounded memory.
"""

from __future__ import annotations

import json
import struct
import zipfile

import pytest

from parser import (
    InputDocument,
    InputTooLarge,
    Limits,
    ParserError,
    Profile,
    parse_profile,
)
from parser.document import DEFAULT_MAX_BYTES
from tests import zip_builders
from tests.fixture_cases import FIXTURES

CERT_HEADER = b"Name,Url,Authority,Started On,Finished On,License Number\n"


def refused(data: bytes, code: str, limits: Limits | None = None) -> ParserError:
    with pytest.raises(ParserError) as caught:
        parse_profile(data, limits=limits)
    assert caught.value.code == code, str(caught.value)
    assert "\n" not in str(caught.value), "error messages are one line"
    return caught.value


# --- size ---------------------------------------------------------------------------------------

def test_past_the_byte_limit_is_refused_before_decoding(monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded an input that should have been refused first")

    monkeypatch.setattr("parser.document._decode", no_decoding)
    error = refused(b"<p>" + b"x" * (DEFAULT_MAX_BYTES + 1), "input_too_large")
    assert isinstance(error, InputTooLarge) and error.limit == DEFAULT_MAX_BYTES


def test_the_byte_limit_is_configurable():
    refused(b"Name\n" + b"Python\n" * 200, "input_too_large", Limits(max_bytes=1000))
    assert parse_profile(b"Name\nPython\n", limits=Limits(max_bytes=1000)).skills == ["Python"]


# --- zip bombs and hostile archives -------------------------------------------------------------

def test_zip_bomb_is_stopped_by_its_ratio():
    data = zip_builders.bomb(64 << 20)  # 64 MiB of spaces in about 64 KB
    assert len(data) < 200_000
    error = refused(data, "unsafe_archive")
    assert "zip bomb" in str(error)


def test_zip_bomb_is_stopped_by_total_size_when_the_ratio_is_allowed():
    limits = Limits(max_unzipped_bytes=2 << 20, max_zip_ratio=10**9)
    error = refused(zip_builders.bomb(3 << 20), "unsafe_archive", limits)
    assert "expands past" in str(error)


def test_a_member_is_held_to_the_input_byte_limit():
    limits = Limits(max_bytes=1 << 20, max_zip_ratio=10**9)
    error = refused(zip_builders.bomb(3 << 20), "unsafe_archive", limits)
    assert "input limit" in str(error)


def test_many_small_members_share_one_total_budget():
    members = {f"{name}": CERT_HEADER + b"x" * 600_000 for name in
               ("Certifications.csv", "Positions.csv", "Skills.csv", "Profile.csv")}
    limits = Limits(max_unzipped_bytes=2_000_000, max_zip_ratio=10**9)
    refused(zip_builders.build(members, compression=zipfile.ZIP_STORED), "unsafe_archive", limits)


@pytest.mark.parametrize("claimed", [16, 0xFFFFFFF0])
def test_header_sizes_are_not_trusted(claimed):
    """Rewrite the uncompressed size in both headers: a lie either way is caught, not believed."""
    raw = bytearray(zip_builders.bomb(16 << 20))
    local, central = raw.index(b"PK\x03\x04"), raw.index(b"PK\x01\x02")
    flags = struct.unpack_from("<H", raw, local + 6)[0]
    if not flags & 0x08:  # sizes live in the local header only without a data descriptor
        struct.pack_into("<I", raw, local + 22, claimed)
    struct.pack_into("<I", raw, central + 24, claimed)
    limits = Limits(max_unzipped_bytes=4 << 20)
    with pytest.raises(ParserError) as caught:
        parse_profile(bytes(raw), limits=limits)
    assert caught.value.code in ("unsafe_archive", "malformed_input")


def test_too_many_members():
    members = {f"folder/file{i}.txt": b"x" for i in range(11)}
    error = refused(zip_builders.build(members), "unsafe_archive", Limits(max_zip_members=10))
    assert "11 members" in str(error)


@pytest.mark.parametrize("name", [
    "../Certifications.csv", "a/../../Certifications.csv", "/abs/Certifications.csv",
    "C:/Users/Certifications.csv", "..\\Certifications.csv", "a/b/../../../x.csv",
])
def test_paths_outside_the_archive(name):
    data = zip_builders.build({"Certifications.csv": CERT_HEADER, name: b"x"})
    refused(data, "unsafe_archive")


def test_an_empty_zip_holds_no_export():
    refused(zip_builders.build({}), "unsupported_format")


def test_one_broken_member_is_a_warning_not_a_failure():
    data = zip_builders.build({
        "Certifications.csv": CERT_HEADER + b"Example Cert,,Contoso,Jan 2024,,\n",
        "Positions.csv": b"\x89PNG\r\n\x1a\n\x00\x00 not a csv",
        "Skills.csv": b"",
    })
    profile = parse_profile(data)
    assert [c.name for c in profile.certificates] == ["Example Cert"]
    assert any("Positions.csv" in w for w in profile.source.warnings)
    assert any("Skills.csv" in w for w in profile.source.warnings)


# --- nesting ------------------------------------------------------------------------------------

def test_deeply_nested_markup_neither_recurses_nor_hangs():
    html = (b"<html><body><h2>Licenses &amp; certifications</h2>" + b"<div>" * 100_000
            + b"<span>Deep Example Certificate</span>" + b"</div>" * 100_000 + b"</body></html>")
    try:
        profile = parse_profile(html)
    except ParserError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(profile, Profile)
    # lxml (libxml2) caps the tree depth, which is what keeps every later walk bounded.
    depth, element = 0, InputDocument(html).html
    while len(element):
        element, depth = element[-1], depth + 1
    assert depth < 1000


@pytest.mark.parametrize("opener,closer", [(b"[", b"]"), (b'{"a":', b"}")])
def test_deeply_nested_json(opener, closer):
    refused(opener * 100_000 + b"1" + closer * 100_000, "malformed_input")


def test_json_depth_limit_is_configurable():
    data = b'{"certificates": [[[[{"name": "x"}]]]]}'
    refused(data, "malformed_input", Limits(max_json_depth=3))


# --- encodings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("data,expected", [
    ("<p>Zertifikat für Café</p>".encode("utf-16"), "Zertifikat für Café"),
    ("<p>Zertifikat für Café</p>".encode("utf-32"), "Zertifikat für Café"),
    ("<p>Zertifikat für Café</p>".encode("utf-8-sig"), "Zertifikat für Café"),
    ("<p>Zertifikat für Café – 2024</p>".encode("cp1252"), "Zertifikat für Café – 2024"),
    # a meta charset that lies, both ways
    ('<meta charset="iso-8859-1"><p>für – ok</p>'.encode(), "für – ok"),
    ('<meta charset="utf-8"><p>für Café</p>'.encode("latin-1"), "für Café"),
    ('<meta charset="utf-16"><p>für</p>'.encode("latin-1"), "für"),
    ('<meta charset="x-no-such-charset"><p>für</p>'.encode("latin-1"), "für"),
    # a true declaration of a non-default charset is honoured
    ('<meta charset="koi8-r"><p>Сертификат</p>'.encode("koi8-r"), "Сертификат"),
])
def test_encodings(data, expected):
    assert expected in InputDocument(data).text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(encoding):
    # Windows' "Unicode text" has no BOM; it was once refused as a binary file.
    page = "<html><body><h2>Licenses &amp; certifications</h2><p>Zertifikat für Café</p>"
    assert "Zertifikat für Café" in InputDocument(page.encode(encoding)).text
    csv = "Name,Authority\nCertified Example Analyst,Fabrikam Institute\n"
    assert InputDocument(csv.encode(encoding)).text == csv


def test_nul_bytes_that_are_not_utf16_still_mean_binary():
    refused(b"\x00\x01binary\x00\x00payload\x00\xff\xfe" * 20, "unsupported_format")
    refused("Zertifikat".encode("utf-16-le")[:-1] + b"\x00\xd8", "unsupported_format")


def test_control_characters_are_dropped_at_the_boundary():
    assert InputDocument(b"Name\nPy\x1bth\x01on\x7f\n").text == "Name\nPython\n"


def test_utf16_whitespace_is_empty():
    refused("  \n ".encode("utf-16"), "empty_input")


def test_nul_after_the_sniffed_head_is_not_a_crash():
    data = b"<html><body><p>text</p>" + b" " * 5000 + bytes(range(256)) * 4 + b"</body></html>"
    try:
        parse_profile(data)
    except ParserError as error:
        assert "\n" not in str(error)


# --- CSV and JSON content -----------------------------------------------------------------------

def test_csv_field_past_the_csv_limit_is_malformed():
    data = CERT_HEADER + b'"' + b"x" * 200_000 + b'",,Contoso,,,\n'
    refused(data, "malformed_input")


def test_hostile_text_in_names_stays_text():
    name = '<script>alert("x")</script><img src=x onerror=alert(1)> Security+'
    data = CERT_HEADER + f'"{name.replace(chr(34), chr(34) * 2)}",,CompTIA,May 2024,,\n'.encode()
    assert parse_profile(data).certificates[0].name == name
    resume = json.dumps({"certificates": [{"name": name, "issuer": "CompTIA"}]}).encode()
    assert parse_profile(resume).certificates[0].name == name


def test_json_resume_with_wrong_types_is_read_as_far_as_it_goes():
    data = json.dumps({
        "basics": [], "work": "nothing", "education": [1, None, {"institution": 5}],
        "certificates": {"name": "Lone Example Certificate", "date": 2021, "issuer": ["x"]},
        "projects": [{"name": {"nested": True}}], "skills": {"name": "odd"},
    }).encode()
    profile = parse_profile(data)
    assert [(c.name, c.issued, c.issuer) for c in profile.certificates] == [
        ("Lone Example Certificate", "2021", None)]
    assert any("work" in w for w in profile.source.warnings)
    Profile.from_json(profile.to_json())


def test_open_badges_with_wrong_types_are_skipped_with_warnings():
    data = json.dumps([
        {"type": "Assertion", "badge": {"name": ["not text"]}, "issuedOn": {}},
        {"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": "x"},
        {"type": "Assertion", "badge": {"name": "Kept Example Badge", "issuer": 7,
                                        "alignment": 5, "tags": [None, 3, "ok"]}},
    ]).encode()
    profile = parse_profile(data)
    assert [(c.name, c.issuer, c.skills) for c in profile.certificates] == [
        ("Kept Example Badge", None, ["ok"])]
    assert len(profile.source.warnings) == 2


def test_profile_json_is_not_mistaken_for_a_resume():
    profile = parse_profile(FIXTURES.joinpath("jsonresume-basic", "input.json").read_bytes())
    refused(json.dumps(profile.to_json()).encode(), "unsupported_format")


def test_bytes_like_inputs_are_accepted():
    data = (FIXTURES / "export-skills-csv" / "input.csv").read_bytes()
    assert parse_profile(memoryview(data)).skills == parse_profile(bytearray(data)).skills


def test_a_truncated_csv_inside_a_zip_still_reads():
    full = (FIXTURES / "export-certifications-csv" / "input.csv").read_bytes()
    data = zip_builders.build({"Certifications.csv": full[: len(full) * 2 // 3]})
    profile = parse_profile(data)
    assert profile.certificates and profile.source.layout == "zip"



HTML_INPUTS = sorted(FIXTURES.glob("*/input.htm*"))


@pytest.mark.skipif(not HTML_INPUTS, reason="no HTML fixtures yet")
@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_html_reads_partly_or_fails_typed(fraction):
    for source in HTML_INPUTS:
        data = source.read_bytes()
        try:
            profile = parse_profile(data[: int(len(data) * fraction)])
        except ParserError as error:
            assert "\n" not in str(error), source.parent.name
        else:
            assert Profile.from_json(profile.to_json()) == profile, source.parent.name
