"""The PDF of a plan and an agreement in every form and language: no header word of a table
breaks mid-word, and the unit's phone and the identity number stay on one line."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from service.documents.pdf import pdf_available, to_pdf
from service.documents.stamp import render_stamped

from .helpers import TEMPLATES, context_of, docx_text

pytestmark = [
    pytest.mark.usefixtures("app_ctx"),
    pytest.mark.skipif(
        not pdf_available() or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
    ),
]
#: An address long enough that the phone after it reaches the end of the header's line.
ADDRESSES = {
    "sv": "Hornsgatan 172, 6 tr, 117 28 Stockholm, Sverige",
    "en": "Hornsgatan 172, 6th floor, 117 28 Stockholm",
    "pl": "ul. Kolejowa 14 lok. 2, 81-717 Sopot, Polska",
}
PHONE = "+46 8 508 123 45"
PERSONNUMMER = "19850709-1234"
#: A long name, so that the identity number after it in the header reaches the line's end.
NAME = "Małgorzata Wójcik-Łęcka Åström-Lindqvist"


def layout_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text laid out as printed (``pdftotext -layout``); no-break spaces as spaces."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(  # noqa: S603 - fixed arguments
        ["pdftotext", "-layout", "-enc", "UTF-8", str(source), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def whole(word: str, text: str) -> int:
    """How often ``word`` stands whole in ``text``."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def header_words(docx: bytes) -> set[str]:
    """Every word in the header rows of the document's tables (the repeated column heads)."""
    words: set[str] = set()
    for table in Document(io.BytesIO(docx)).tables:
        row = table.rows[0]
        if row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            continue
        for cell in row.cells:
            words |= {w.strip("()/:,.") for w in cell.text.split()}
    return {word for word in words if len(word) > 1}


NAMES = [n for n in TEMPLATES["plan"] + TEMPLATES["agreement"]]


@pytest.mark.parametrize("name", NAMES)
def test_header_words_whole_and_numbers_on_one_line(name: str, tmp_path: Path) -> None:
    language = name.rsplit("_", 1)[1]
    context = context_of(name)
    context["unit"]["address"] = ADDRESSES[language]
    context["unit"]["phone"] = PHONE
    context["person"]["full_name"] = NAME
    context["person"]["identity_kind"] = "Personnummer"
    context["person"]["identity_number"] = PERSONNUMMER
    docx = render_stamped(name, context)
    text = layout_text(to_pdf(docx), tmp_path)
    words = header_words(docx)
    assert words, "the document has tables with header rows"
    lines = text.splitlines()
    printed = docx_text(docx)
    for word in words:  # as often whole in the PDF as in the document: none broken in a cell
        assert whole(word, text) >= whole(word, printed), f"{name}: {word!r} broken"
    assert any(PHONE in line for line in lines), f"{name}: the phone is split"
    assert sum(PHONE in line for line in lines) >= text.count("\f"), "on every page's header"
    assert any(PERSONNUMMER in line for line in lines), f"{name}: the number is split"


@pytest.mark.parametrize("language", ["sv_SE", "pl_PL", "en_GB"])
def test_libreoffice_can_hyphenate_each_document_language(language: str) -> None:
    """Values in narrow columns hyphenate only with the language's patterns installed
    (Debian's hyphen-sv, hyphen-pl, hyphen-en-gb, which `make test` installs)."""
    assert Path(f"/usr/share/hyphen/hyph_{language}.dic").is_file()
