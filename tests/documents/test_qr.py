"""The page stamp's QR code uses one fixed data mask (the choice among the eight is only an
optimisation): every code it makes still reads back, by a decoder, as exactly the address it
was made for, at the same version and error correction segno would pick by itself."""

from __future__ import annotations

import base64
import hashlib
import io

import pytest
import segno
import zxingcpp
from PIL import Image

from service.documents.stamp import QR_MASK, qr_png

#: Base addresses of differing lengths, as ``PUBLIC_BASE_URL`` may be set.
BASES = (
    "http://127.0.0.1:5000",
    "https://stegvis.example.org",
    "https://socialtjansten.kommunen.example.se/stegvis",
    "https://mops.gmina-przykladowa.example.pl/uslugi/stegvis",
)
#: Document numbers as the service issues them, and the longest one the pattern allows.
NUMBERS = ("PLN-2026-000007", "KS-2026-012345", "GFP-2027-999999", "A" + "-9" * 14 + "Z")


def token(seed: str) -> str:
    """A 16-character code of the same alphabet as :func:`document_token`."""
    digest = hashlib.sha256(seed.encode()).digest()[:12]
    return base64.urlsafe_b64encode(digest).decode("ascii")


def addresses() -> list[str]:
    return [
        f"{base}/verify/{number}/{token(f'{number}{version}')}"
        for base in BASES
        for number in NUMBERS
        for version in (1, 2, 3)
    ]


def decoded(png: bytes) -> list[str]:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert all(code.format == zxingcpp.BarcodeFormat.QRCode for code in found)
    return [str(code.text) for code in found]


@pytest.mark.parametrize("address", addresses())
def test_every_stamp_qr_code_reads_back_as_its_address(address: str) -> None:
    assert decoded(qr_png(address)) == [address]


@pytest.mark.parametrize("address", addresses()[::5])
def test_the_fixed_mask_keeps_the_version_and_error_correction(address: str) -> None:
    chosen = segno.make(address, error="m", micro=False)
    fixed = segno.make(address, error="m", micro=False, mask=QR_MASK)
    assert fixed.mask == QR_MASK
    assert (fixed.version, fixed.error) == (chosen.version, chosen.error)
    assert fixed.designator == chosen.designator  # e.g. "4-M"


@pytest.mark.parametrize("mask", range(8))
def test_any_of_the_eight_masks_reads_back(mask: int) -> None:
    """Why a fixed mask is safe: each of the eight gives a code a decoder reads."""
    address = addresses()[-1]
    buffer = io.BytesIO()
    segno.make(address, error="m", micro=False, mask=mask).save(
        buffer, kind="png", scale=6, border=2
    )
    assert decoded(buffer.getvalue()) == [address]
