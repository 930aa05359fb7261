"""Signatures for the demo, made in code: a drawn signature as the tablet canvas sends it (a PNG
data URL) and the scan of a signed paper (a one-page PDF), so the demo needs no binary files."""

from __future__ import annotations

import base64
import math
import struct
import zlib

#: Size of the drawn signature, in pixels (the canvas on the signing page is of this order).
WIDTH, HEIGHT = 360, 110


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_rgba(width: int, height: int, ink: set[tuple[int, int]]) -> bytes:
    """A PNG (8-bit RGBA) with dark-blue ink at the ``ink`` pixels on a transparent ground."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type None
        for x in range(width):
            rows += b"\x1a\x2b\x6b\xff" if (x, y) in ink else b"\x00\x00\x00\x00"
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _stroke(seed: int) -> list[tuple[float, float]]:
    """Points of one flowing signature stroke; ``seed`` varies it from person to person."""
    points = []
    for step in range(900):
        t = step / 899
        x = 20 + t * (WIDTH - 40)
        loops = math.sin(t * math.pi * (7 + seed % 3)) * 26 * (1 - 0.5 * t)
        y = HEIGHT / 2 + loops + math.sin(t * math.pi * 2 + seed) * 10
        points.append((x + 9 * math.cos(t * math.pi * (14 + seed % 5)), y))
    return points


def signature_png(seed: int = 0) -> bytes:
    """A drawn signature, as a PNG like the one the signing page's canvas produces."""
    ink: set[tuple[int, int]] = set()
    for x, y in _stroke(seed):
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                px, py = int(x) + dx, int(y) + dy
                if 0 <= px < WIDTH and 0 <= py < HEIGHT:
                    ink.add((px, py))
    return png_rgba(WIDTH, HEIGHT, ink)


def signature_data_url(seed: int = 0) -> str:
    """The drawn signature as the signing form posts it: ``data:image/png;base64,…``."""
    return "data:image/png;base64," + base64.b64encode(signature_png(seed)).decode("ascii")


def _pdf_text(value: str) -> bytes:
    """A PDF string literal in WinAnsi (Latin-1 covers the demo's Swedish and English names)."""
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252", errors="replace") + b")"


def scan_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF standing in for the scan of a signed paper: ``lines`` and a signature."""
    text = b"BT /F1 12 Tf 72 770 Td 16 TL " + b" ".join(_pdf_text(line) + b" '" for line in lines)
    curve = b" ".join(
        f"{72 + x * 0.6:.1f} {560 + (HEIGHT / 2 - y) * 0.6:.1f} {'m' if i == 0 else 'l'}".encode()
        for i, (x, y) in enumerate(_stroke(1)[::6])
    )
    content = text + b" ET 0.1 0.17 0.42 RG 1.2 w " + curve + b" S 72 540 m 300 540 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
