"""Shared helpers of the document tests: the templates, their sample contexts, docx text."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.documents.answers import sample_context

#: Every template, by document type.
TEMPLATES: dict[str, list[str]] = {
    "agreement": ["agreement_sv", "agreement_en", "agreement_pl"],
    "consent": ["consent_sv", "consent_en", "consent_pl"],
    "plan": ["plan_sv", "plan_en", "plan_pl", "plan_family_pl"],
    "follow_up": ["follow_up_sv", "follow_up_en", "follow_up_pl"],
    "closing": ["closing_sv", "closing_en", "closing_pl"],
}
ALL_TEMPLATES = [name for names in TEMPLATES.values() for name in names]
#: Variables the renderer adds to the stored context (page stamp, QR code, drawn signature).
RENDER_EXTRAS = {"stamp", "qr", "signature"}


def split_name(name: str) -> tuple[str, str, str]:
    """(document type, language, method key) of a template name."""
    if name == "plan_family_pl":
        return "plan", "pl", "family_plan"
    doc_type, language = name.rsplit("_", 1)
    return doc_type, language, "ipwzb"


def context_of(name: str) -> dict[str, Any]:
    """The sample context for a template (needs an app context for the translations)."""
    doc_type, language, method = split_name(name)
    return sample_context(doc_type, language, method)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text: body (tables included), headers and footers."""
    document = Document(io.BytesIO(data))
    roots = [document.element.body]
    for section in document.sections:
        roots += [section.header._element, section.footer._element]
    return [Paragraph(element, None).text for root in roots for element in root.iter(qn("w:p"))]


def docx_text(data: bytes) -> str:
    """All text of a .docx, one paragraph a line."""
    return "\n".join(paragraphs(data))


def part_text(element: Any) -> str:
    """The text of a header or footer element."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))
