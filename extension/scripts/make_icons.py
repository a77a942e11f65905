"""Draws the extension's toolbar icons (icons/icon-{16,32,48,128}.png).

Run once after changing the design, and commit the PNGs:

    python3 extension/scripts/make_icons.py

Standard library only (zlib + struct write the PNG), so regenerating needs no image package.
The design: a rounded dark-green square with a white check mark, the same mark the summary card
shows in the page.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
BACKGROUND = (0x14, 0x53, 0x2D)
FOREGROUND = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4  # samples per axis per pixel, for anti-aliased edges
# The check mark as a polyline in unit coordinates, and its stroke width.
CHECK = ((0.27, 0.52), (0.44, 0.69), (0.75, 0.34))
STROKE = 0.11
CORNER = 0.22


def inside_rounded_square(x: float, y: float) -> bool:
    cx = min(max(x, CORNER), 1 - CORNER)
    cy = min(max(y, CORNER), 1 - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER**2


Point = tuple[float, float]


def distance_to_segment(x: float, y: float, a: Point, b: Point) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


def on_check(x: float, y: float) -> bool:
    return any(
        distance_to_segment(x, y, CHECK[i], CHECK[i + 1]) <= STROKE / 2
        for i in range(len(CHECK) - 1)
    )


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for this scanline
        for px in range(size):
            covered = check = 0
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    if inside_rounded_square(x, y):
                        covered += 1
                        check += on_check(x, y)
            alpha = covered / (n * n)
            mix = check / covered if covered else 0.0
            rgb = [round(b + (f - b) * mix) for b, f in zip(BACKGROUND, FOREGROUND, strict=True)]
            row += bytes([*rgb, round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "icons"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        (out / f"icon-{size}.png").write_bytes(render(size))


if __name__ == "__main__":
    main()
