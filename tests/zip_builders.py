"""Build the ZIP inputs: the committed fixture archives, and hostile ones made at test time.

The committed ``fixtures/*/input.zip`` files are the real inputs; this module is how they were
made, so they can be rebuilt after a CSV fixture changes::

    .venv/bin/python -m tests.zip_builders      # rewrites fixtures/export-zip/input.zip etc.

Big or hostile archives (bombs, thousands of members) are built in memory by the tests instead of
being committed, so fixtures stay small.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# A fixed timestamp, so that rebuilding an archive from the same CSVs gives the same bytes.
STAMP = (2025, 1, 15, 9, 30, 0)

# Lone-CSV fixtures that also go into the full export archive, under LinkedIn's own names.
EXPORT_MEMBERS = {
    "Profile.csv": "export-profile-csv",
    "Certifications.csv": "export-certifications-csv",
    "Positions.csv": "export-positions-csv",
    "Education.csv": "export-education-csv",
    "Skills.csv": "export-skills-csv",
    "Projects.csv": "export-projects-csv",
    "Courses.csv": "export-courses-csv",
    "Learning.csv": "export-learning-csv",
}
# Members the reader must skip: a "Notes:" preamble file it has no use for, and a folder.
UNRELATED_MEMBERS = {
    "Connections.csv": (
        b'Notes:\n"When exporting your connection data, you may notice that some of the email '
        b'addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,'
        b"Connected On\nAlex,Example,https://www.linkedin.com/in/alex-example/,,Contoso,"
        b"Engineer,05 Mar 2024\n"
    ),
    "Jobs/Job Applications.csv": b"Application Date,Company Name,Job Title\n"
                                 b"1/5/24,Fabrikam,Engineer\n",
}


def build(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP holding ``members`` (name -> bytes), with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, compress_type=compression)
    return buffer.getvalue()


def with_symlink(name: str, target: str) -> bytes:
    """A ZIP whose one member is a Unix symlink ``name`` -> ``target``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(name, STAMP)
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, target)
    return buffer.getvalue()


def encrypted_flag(name: str, data: bytes) -> bytes:
    """A ZIP whose member claims to be encrypted (the flag is all a reader sees first).

    zipfile cannot write encrypted members and clears the flag itself, so the general-purpose
    flag is set afterwards in the local header (offset 6) and the central directory (offset 8).
    """
    raw = bytearray(build({name: data}))
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    raw[local + 6] |= 0x1
    raw[central + 8] |= 0x1
    return bytes(raw)


def bomb(size: int, name: str = "Certifications.csv") -> bytes:
    """A member of ``size`` bytes that compresses about 1000:1 (a header row, then spaces)."""
    header = b"Name,Url,Authority,Started On,Finished On,License Number\n"
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, archive.open(info, "w") as member:
        member.write(header)
        block = b" " * (1 << 20)
        for _ in range(size >> 20):
            member.write(block)
    return buffer.getvalue()


def export_zip() -> bytes:
    members = {name: (FIXTURES / case / "input.csv").read_bytes()
               for name, case in EXPORT_MEMBERS.items()}
    members.update(UNRELATED_MEMBERS)
    return build(members)


def fixture_zips() -> dict[str, bytes]:
    """Fixture case -> the input.zip it holds."""
    certs = (FIXTURES / "export-certifications-csv" / "input.csv").read_bytes()
    export = export_zip()
    return {
        "export-zip": export,
        "export-zip-partial": build({
            "Basic_LinkedInDataExport_01-15-2025/Profile.csv":
                (FIXTURES / "export-profile-csv" / "input.csv").read_bytes(),
            "Basic_LinkedInDataExport_01-15-2025/Skills.csv":
                (FIXTURES / "export-skills-csv" / "input.csv").read_bytes(),
        }),
        "bad-zip-truncated": export[: len(export) // 2],
        "bad-zip-traversal": build({"Certifications.csv": certs, "../../evil.csv": b"x"}),
        "bad-zip-absolute": build({"/etc/Certifications.csv": certs}),
        "bad-zip-symlink": with_symlink("Certifications.csv", "/etc/passwd"),
        "bad-zip-unrelated": build({"notes.txt": b"nothing from LinkedIn here\n"}),
        "bad-zip-encrypted": encrypted_flag("Certifications.csv", certs),
    }


def main() -> None:
    for case, data in fixture_zips().items():
        folder = FIXTURES / case
        folder.mkdir(exist_ok=True)
        (folder / "input.zip").write_bytes(data)
        print(f"{folder / 'input.zip'}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
