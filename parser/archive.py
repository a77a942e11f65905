"""Safe reading of ZIP archives held in memory (the LinkedIn data export).

Nothing is ever extracted to disk, yet hostile archives are refused outright rather than half
read, because an export LinkedIn produced never has these traits:

- more members than ``Limits.max_zip_members``;
- names that would escape an extraction folder (``../``, absolute paths, drive letters,
  backslashes, NUL) or entries that are symlinks;
- encrypted members (LinkedIn's exports are not encrypted; we hold no password).

Sizes in the headers are never trusted: members are decompressed in chunks and the bytes actually
produced are counted against ``Limits.max_unzipped_bytes`` (all members read together) and against
``Limits.max_zip_ratio`` times the member's compressed size, so a bomb is stopped after at most one
chunk past the limit, whatever its header says.
"""

from __future__ import annotations

import lzma
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath

from parser.document import Limits
from parser.errors import MalformedInput, UnsafeArchive

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header, or the end record of an empty ZIP
_CHUNK = 64 * 1024
# What zipfile and its decompressors raise on damaged input (ValueError covers negative seeks and
# undecodable UTF-8 names; OSError covers bz2's "invalid data stream").
_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, struct.error,
           EOFError, NotImplementedError, ValueError, OSError)
# The ratio check starts after this many bytes of a member: tiny, very repetitive files (a CSV of
# one repeated value) may legitimately compress far beyond any bomb ratio.
_RATIO_GRACE_BYTES = 1024 * 1024


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


@dataclass
class SafeZip:
    """An opened, validated archive. ``names`` lists its file members (directories left out)."""

    archive: zipfile.ZipFile
    limits: Limits
    names: list[str]
    _spent: int = field(default=0)

    def read(self, name: str) -> bytes:
        """One member's bytes, decompressed under the size and ratio limits.

        A member is itself an input, so it is also held to ``Limits.max_bytes``.
        """
        info = self.archive.getinfo(name)
        out = bytearray()
        ratio_cap = self.limits.max_zip_ratio * max(info.compress_size, 1)
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    self._spent += len(chunk)
                    if len(out) > self.limits.max_bytes:
                        raise UnsafeArchive(
                            f"ZIP member {name!r} expands past the input limit of "
                            f"{self.limits.max_bytes:,} bytes")
                    if self._spent > self.limits.max_unzipped_bytes:
                        raise UnsafeArchive(
                            f"the ZIP expands past {self.limits.max_unzipped_bytes:,} bytes "
                            "(a zip bomb?)")
                    if len(out) > _RATIO_GRACE_BYTES and len(out) > ratio_cap:
                        raise UnsafeArchive(
                            f"ZIP member {name!r} expands more than "
                            f"{self.limits.max_zip_ratio}:1 (a zip bomb?)")
        except _DAMAGE as error:
            raise MalformedInput(f"ZIP member {name!r} is damaged: {error}") from None
        return bytes(out)


def open_zip(data: bytes, limits: Limits) -> SafeZip:
    """Open and validate an archive; ``MalformedInput`` or ``UnsafeArchive`` if it cannot be."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except _DAMAGE as error:
        raise MalformedInput(f"the ZIP archive is damaged or truncated: {error}") from None
    if len(infos) > limits.max_zip_members:
        raise UnsafeArchive(
            f"the ZIP holds {len(infos):,} members, more than the limit of "
            f"{limits.max_zip_members:,}")
    names = []
    for info in infos:
        problem = _unsafe(info)
        if problem:
            raise UnsafeArchive(f"ZIP member {info.filename!r} {problem}")
        if info.flag_bits & 0x1:
            raise MalformedInput(f"ZIP member {info.filename!r} is encrypted")
        if not info.is_dir():
            names.append(info.filename)
    return SafeZip(archive, limits, names)


def _unsafe(info: zipfile.ZipInfo) -> str | None:
    """Why this member could not be extracted safely, or None."""
    name = info.filename
    if "\x00" in name or "\\" in name:
        return "has a NUL or backslash in its name"
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return "has an absolute path"
    if ".." in path.parts:
        return "climbs out of the archive (../)"
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):  # 3: made on Unix, where modes are kept
        return "is a symbolic link"
    return None
