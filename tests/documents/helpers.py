"""Shared helpers of the document tests: the templates, their sample contexts, docx text."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.documents.answers import sample_context

LANGUAGES = ("sv", "pl", "en")
#: The forms of each document type (the method's country chooses; see building.FORMS).
FORMS: dict[str, list[str]] = {
    "agreement": ["agreement_se", "agreement_pl"],
    "consent": ["consent_se", "consent_pl"],
    "plan": ["plan_se", "plan_ipwzb", "plan_family"],
    "follow_up": ["follow_up_se", "follow_up_pl"],
    "closing": ["closing_se", "closing_pl"],
}
#: Every template, by document type: each form in each language.
TEMPLATES: dict[str, list[str]] = {
    doc_type: [f"{form}_{language}" for form in forms for language in LANGUAGES]
    for doc_type, forms in FORMS.items()
}
#: A method of each form (the sample contexts are built through it).
FORM_METHODS = {"se": "buss", "pl": "ipwzb", "ipwzb": "ipwzb", "family": "family_plan"}
ALL_TEMPLATES = [name for names in TEMPLATES.values() for name in names]
#: Variables the renderer adds to the stored context (page stamp, QR code, drawn signature).
RENDER_EXTRAS = {"stamp", "qr", "signature"}


def split_name(name: str) -> tuple[str, str, str]:
    """(document type, language, method key) of a template name (``plan_ipwzb_sv``)."""
    form, language = name.rsplit("_", 1)
    doc_type, variant = form.rsplit("_", 1)
    return doc_type, language, FORM_METHODS[variant]


def context_of(name: str) -> dict[str, Any]:
    """The sample context for a template (needs an app context for the translations)."""
    doc_type, language, method = split_name(name)
    return sample_context(doc_type, language, method)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text: body (tables included), headers and footers (no-break spaces
    inside phone and identity numbers read as spaces)."""
    document = Document(io.BytesIO(data))
    roots = [document.element.body]
    for section in document.sections:
        roots += [section.header._element, section.footer._element]
    return [
        Paragraph(element, None).text.replace("\u00a0", " ")
        for root in roots
        for element in root.iter(qn("w:p"))
    ]


def docx_text(data: bytes) -> str:
    """All text of a .docx, one paragraph a line."""
    return "\n".join(paragraphs(data))


def part_text(element: Any) -> str:
    """The text of a header or footer element."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))
