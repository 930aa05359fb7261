"""The registry of document types, and the pages that read it: the case page, its timeline,
the verification page — translated labels in every language, never a raw type key."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale

from forms.method_registry import methods
from service.documents.document_types import DOCUMENT_TYPES
from service.documents.rendering import TEMPLATE_DIR
from tests.conftest import FormClient

from .conftest import CaseWorld, issue_by_role
from .test_issuing import documents

LANGUAGES = ("sv", "pl", "en")
#: "<time …>day</time> – TITLE <span class="muted">DETAIL</span>" of each timeline line.
TIMELINE_LINE = re.compile(r'</time> –\s*(.*?)\s*<span class="muted">([^<]*)</span>', re.S)
TAG = re.compile(r"<[^>]+>")


def labels_in(app: Flask, language: str) -> dict[str, str]:
    """Type key → its label in ``language``, from the catalogs."""
    with app.test_request_context(), force_locale(language):
        return {key: str(kind.label) for key, kind in DOCUMENT_TYPES.items()}


def visible_text(html: str) -> str:
    """The page as a reader sees it: no tags, no attributes (where URLs and ids hold keys)."""
    return TAG.sub(" ", html)


def test_every_type_has_a_prefix_steps_and_a_label_in_every_language(app: Flask) -> None:
    prefixes = [kind.prefix for kind in DOCUMENT_TYPES.values()]
    assert len(set(prefixes)) == len(prefixes)
    assert all(re.fullmatch(r"[A-Z]{3}", prefix) for prefix in prefixes)
    english = labels_in(app, "en")
    for language in LANGUAGES:
        translated = labels_in(app, language)
        for key, kind in DOCUMENT_TYPES.items():
            assert kind.key == key and kind.steps, key
            assert translated[key] and translated[key] != key, (key, language)
            if language != "en":  # really translated, not the English msgid
                assert translated[key] != english[key], (key, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_type_has_a_template_for_every_method_in_every_language(
    app: Flask, language: str
) -> None:
    for method in methods():
        for key, kind in DOCUMENT_TYPES.items():
            name = kind.template(method, language)
            assert (TEMPLATE_DIR / f"{name}.docx").is_file(), (key, method, language, name)


@pytest.fixture
def issued_all(staff: FormClient, full_case: CaseWorld, app: Flask) -> list[Any]:
    """Every document type issued on the case, through its button."""
    for key in DOCUMENT_TYPES:
        assert issue_by_role(staff, full_case, key).status_code == 302
    found = documents(app)
    assert {d.doc_type for d in found} == set(DOCUMENT_TYPES)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_case_page_and_timeline_show_translated_labels_not_type_keys(
    app: Flask,
    staff: FormClient,
    full_case: CaseWorld,
    issued_all: list[Any],
    language: str,
) -> None:
    staff.get(f"/language/{language}")
    page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    labels = labels_in(app, language)
    by_prefix = {kind.prefix: labels[key] for key, kind in DOCUMENT_TYPES.items()}
    timeline = page[page.index('<ol class="timeline">') :]
    timeline = timeline[: timeline.index("</ol>")]
    lines = TIMELINE_LINE.findall(timeline)
    document_lines = [(title, detail) for title, detail in lines if detail[:3] in by_prefix]
    assert len(document_lines) == len(issued_all)
    for title, detail in document_lines:
        assert title == by_prefix[detail[:3]], (title, detail)
    text = visible_text(page)
    for key, kind in DOCUMENT_TYPES.items():
        assert f"{key} {kind.prefix}-" not in text  # "plan PLN-…", "follow_up FUP-…"
        assert labels[key] in text
    assert "follow_up" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_verification_page_names_the_type_in_the_ui_language(
    app: Flask,
    staff: FormClient,
    issued_all: list[Any],
    language: str,
) -> None:
    staff.get(f"/language/{language}")
    labels = labels_in(app, language)
    for document in issued_all:
        page = staff.get(f"/verify/{document.number}").get_data(as_text=True)
        assert f"<dd>{labels[document.doc_type]}</dd>" in page, document.doc_type
