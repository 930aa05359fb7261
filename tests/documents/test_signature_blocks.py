"""Every template in every language converts through LibreOffice, and its signature block is
kept together: the block's heading and its last line are on the same page, the last one,
wherever the text before it ends (a long answer pushes the block towards a page break).

Slow (about a hundred conversions); the converter is the warm one the service uses."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service.documents.pdf import pdf_available, to_pdf
from service.documents.rendering import TEMPLATE_DIR
from service.documents.stamp import render_stamped
from templates_docx.build.texts import COMMON
from templates_docx.build.texts_kontrakt import KONTRAKT

from .answers import common_context
from .helpers import ALL_TEMPLATES, LANGUAGES, context_of, docx_text
from .test_pdf import pdf_pages

pytestmark = [
    pytest.mark.usefixtures("app_ctx"),
    pytest.mark.skipif(
        not pdf_available() or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
    ),
]

#: Templates without a signature block: the person's own page and the journal extract.
UNSIGNED = [f"my_plan_{language}" for language in LANGUAGES] + [
    f"journal_{language}" for language in LANGUAGES
]
#: A long answer printed before the signature block, per document type (where it goes).
FILLED: dict[str, Callable[[dict[str, Any], str], None]] = {
    "agreement": lambda c, text: (
        c["agreement"].update(purpose=text),
        c["kontrakt"]["part_one"].update(causes=text),  # the kontrakt socjalny's part I
    ),
    "consent": lambda c, text: c["consent"].update(purpose=text),
    "plan": lambda c, text: c["plan"].update(participation=text),
    "follow_up": lambda c, text: c["follow_up"].update(since_last_time=text),
    "closing": lambda c, text: c["closing"].update(final_evaluation=text),
}
SENTENCE = "Det här är en lång mening om vad som har hänt, åäö ÅÄÖ ąęłńóśźż. "
#: How long the answer is: from none to about a page, in steps of a few lines, so that the
#: block meets a page break at some step.
FILLERS = [0, 700, 1400, 2100, 2800]


def test_every_template_is_covered() -> None:
    """A new template is added here (signed or not) or this test fails."""
    files = {path.stem for path in Path(TEMPLATE_DIR).glob("*.docx")}
    assert files == set(ALL_TEMPLATES) | set(UNSIGNED)


def _block_words(name: str) -> tuple[str, str]:
    """The heading of the signature block and the caption of its last line."""
    _doc_type, variant, language = name.rsplit("_", 2)
    if name.startswith("agreement_pl_"):  # the kontrakt socjalny's own words
        words = KONTRAKT[language]
        return words["h_signatures"], words["signature"]
    country = "se" if variant == "se" else "pl"
    words = COMMON[country, language]
    return words["h_signatures"], words["signature"]


def _lines(page: str, heading: str = "") -> list[str]:
    """The page's lines; a numbered heading ("10. Underskrifter", "IX. Podpisy") as
    ``heading`` alone."""
    numbered = re.compile(r"(?:\d+|[IVXL]+)\.\s+" + re.escape(heading)) if heading else None
    lines = [line.strip() for line in page.splitlines()]
    return [heading if numbered and numbered.fullmatch(line) else line for line in lines]


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_the_signature_block_stays_on_one_page(name: str, filler: int, tmp_path: Path) -> None:
    context = context_of(name)
    text = (SENTENCE * (filler // len(SENTENCE) + 1))[:filler]
    if filler:
        FILLED[name.rsplit("_", 2)[0]](context, text)
    data = render_stamped(name, context)
    if filler:
        assert text[:200] in docx_text(data).replace("\n", " ")  # the filler is printed
    pdf = to_pdf(data)
    assert pdf.startswith(b"%PDF-")
    pages = [page for page in pdf_pages(pdf, tmp_path) if page.strip()]
    heading, caption = _block_words(name)
    with_heading = [i for i, page in enumerate(pages) if heading in _lines(page, heading)]
    with_caption = [i for i, page in enumerate(pages) if caption in _lines(page)]
    assert with_heading and with_caption, (name, heading, caption)
    # the block's heading (its last appearance: a column of the kontrakt's amendments has the
    # same words) and the block's last line on one page, the document's last
    assert with_heading[-1] == with_caption[-1] == len(pages) - 1, (
        name,
        filler,
        with_heading,
        with_caption,
        len(pages),
    )
    # every signer's line is there, below the heading, on that page
    last = _lines(pages[-1], heading)
    assert last[last.index(heading) :].count(caption) >= 2, (name, filler)


@pytest.mark.parametrize("name", UNSIGNED)
def test_the_unsigned_templates_convert(name: str, tmp_path: Path) -> None:
    """The journal extract and My plan (its one page is tested in test_my_plan.py)."""
    context = common_context()
    context["my_plan"] = {
        "goals": [
            {
                "area": "Boende",
                "picture": "housing",
                "goal": "Ha en egen lägenhet",
                "steps": [{"text": "Ringa hyresvärden", "when": "15 januari 2027"}],
                "done": False,
                "helpers": "Anna Berg",
            }
        ],
        "next_meeting": "onsdag 16 december 2026",
    }
    context["extract"] = {
        "period": "1 november 2026 – 30 november 2026",
        "count": 1,
        "missed": 0,
        "entries": [
            {
                "no": 1,
                "when": "2026-11-27 10:00\n45 minuter",
                "kind": "Hembesök",
                "missed": "",
                "who": "Personen, Anna Berg",
                "note": "Pratade om hyran & <räkningar>",
                "correction": "",
            }
        ],
        "printed_on": "2 december 2026",
        "printed_by": "Anna Berg",
    }
    data = render_stamped(name, context)
    assert ("Ringa hyresvärden" if name.startswith("my_plan") else "Hembesök") in docx_text(data)
    pdf = to_pdf(data)
    assert pdf.startswith(b"%PDF-")
    assert [page for page in pdf_pages(pdf, tmp_path) if page.strip()]
