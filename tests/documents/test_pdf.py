"""Every document type × language converts to PDF through the warm LibreOffice converter; the
signature block stays on one page; diacritics survive into the PDF text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from service.documents.pdf import pdf_available, to_pdf
from service.documents.stamp import render_stamped

from .helpers import ALL_TEMPLATES, context_of

pytestmark = [
    pytest.mark.usefixtures("app_ctx"),
    pytest.mark.skipif(
        not pdf_available() or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
    ),
]

#: The captions of the signature block, per language: the person and the line captions (the
#: other signers' roles follow the form: verksamheten, ośrodek, …).
SIGNATURE_LABELS = {
    "sv": ["Personen", "Ort och datum", "Underskrift"],
    "en": ["The person", "Place and date", "Signature"],
    "pl": ["miejscowość i data", "podpis"],
}
DIACRITICS = {"sv": ["Kontrollsumma", "ärende"], "en": [], "pl": ["Suma kontrolna", "wersja"]}


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each PDF page (pdftotext)."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(  # noqa: S603  (fixed arguments)
        ["pdftotext", "-enc", "UTF-8", str(source), "-"],  # noqa: S603,S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text.split("\f")


def _language(name: str) -> str:
    return name.rsplit("_", 1)[1]


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_converts_with_signature_block_on_one_page(name: str, tmp_path: Path) -> None:
    context = context_of(name)
    pdf = to_pdf(render_stamped(name, context))
    assert pdf.startswith(b"%PDF-")
    pages = [page for page in pdf_pages(pdf, tmp_path) if page.strip()]
    language = _language(name)
    whole = "\n".join(pages)
    # Polish and Swedish letters come through: the person's name is on every page.
    for page in pages:
        assert "Wójcik-Łęcka" in page
    for word in DIACRITICS[language]:
        assert word in whole
    last_page = pages[-1]
    for label in SIGNATURE_LABELS[language]:
        assert label in last_page, f"{name}: {label!r} not on the signature page"
    assert last_page.count(SIGNATURE_LABELS[language][-2]) >= 2  # person and worker


@pytest.mark.parametrize("filler", [0, 1500, 3000, 4500])
def test_signature_block_never_splits_whatever_comes_before(filler: int, tmp_path: Path) -> None:
    context = context_of("consent_se_sv")
    context["consent"]["purpose"] = "Syfte med samtycket, åäö. " * (filler // 25)
    pages = [
        p
        for p in pdf_pages(to_pdf(render_stamped("consent_se_sv", context)), tmp_path)
        if p.strip()
    ]
    holding = [i for i, page in enumerate(pages) if "Ort och datum" in page]
    assert len(set(holding)) == 1, f"signature captions on pages {holding}"
    # the person, the provider, (the sample has one) the legal representative and every adult
    # member of the family
    signers = 2 + (1 if context.get("legal_rep") else 0) + len(context["consent"]["family"])
    assert pages[holding[0]].count("Ort och datum") == signers
    assert "Personen" in pages[holding[0]] and "För verksamheten" in pages[holding[0]]


@pytest.mark.parametrize("name", ["consent_pl_pl", "plan_se_sv", "follow_up_se_en"])
def test_hostile_text_converts_too(name: str, tmp_path: Path) -> None:
    from .test_hostile import CORPUS, FORBIDDEN, poison

    context = poison(context_of(name), " | ".join(CORPUS) + FORBIDDEN)
    text = "\n".join(pdf_pages(to_pdf(render_stamped(name, context)), tmp_path))
    assert "{{ 7*7 }}" in text and "& < >" in text and "ąćęłńóśźż" in text
