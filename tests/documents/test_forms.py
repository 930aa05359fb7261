"""The method's country chooses the legal form of a document, the language only translates it;
every document carries its own title, author and language in its Word and PDF metadata.

Every method × language: a case of the method in a unit of its country, with a person speaking
the language, gets all five documents issued from the case page; each is checked for its form
(title and legal references printed, the other country's absent) and its metadata.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument
from flask import Flask

from service.models import Document
from tests.conftest import FormClient

from .conftest import CaseWorld, issue_by_role
from .helpers import docx_text
from .test_issuing import TYPES, documents

#: The country of each method, and the language of a unit of that country.
COUNTRY = {"buss": "SE", "kliv_ut": "SE", "goal_work": "SE", "ipwzb": "PL", "family_plan": "PL"}
UNIT_LANGUAGE = {"SE": "sv", "PL": "pl"}
UNIT_NAME = {"SE": "Tamira – BUSS", "PL": "MOPS Sopot – Asystent osoby bezdomnej"}
LANGUAGE_TAGS = {"sv": "sv-SE", "pl": "pl-PL", "en": "en-GB"}

#: What each form prints, per language, and what only the other country's forms print.
AGREEMENT_SE = {
    "sv": ["Överenskommelse om samarbete", "Kontaktperson"],
    "pl": ["Porozumienie o współpracy", "Osoba kontaktowa"],
    "en": ["Agreement on cooperation", "Contact person"],
}
AGREEMENT_PL = {
    "pl": ["KONTRAKT SOCJALNY", "pieczęć ośrodka", "art. 11 ust. 2"],
    "sv": ["SOCIALT KONTRAKT (KONTRAKT SOCJALNY)", "stämpel", "art. 11 ust. 2"],
    "en": ["SOCIAL CONTRACT (KONTRAKT SOCJALNY)", "stamp of the", "art. 11 ust. 2"],
}
PRINTED: dict[tuple[str, str], dict[str, list[str]]] = {
    ("agreement", "SE"): AGREEMENT_SE,
    ("agreement", "PL"): AGREEMENT_PL,
    ("consent", "SE"): {lang: ["2009:400"] for lang in ("sv", "pl", "en")},
    ("consent", "PL"): {lang: ["art. 7 ust. 3 RODO", "art. 100"] for lang in ("sv", "pl", "en")},
    ("plan", "SE"): {
        "sv": ["Handlingsplan (genomförandeplan)", "SOSFS 2014:5"],
        "pl": ["Plan działań (plan realizacji wsparcia)", "SOSFS 2014:5"],
        "en": ["Individual plan", "SOSFS 2014:5"],
    },
    ("plan", "ipwzb"): {
        "pl": ["Indywidualny program wychodzenia z bezdomności (IPWzB)", "art. 49"],
        "sv": ["Individuellt program för att ta sig ur hemlöshet (IPWzB)", "art. 49"],
        "en": ["Individual programme for leaving homelessness (IPWzB)", "art. 49"],
    },
    ("plan", "family_plan"): {
        "pl": ["Plan pracy z rodziną", "art. 15 ustawy z dnia 9 czerwca 2011"],
        "sv": ["Plan för arbetet med familjen", "art. 15 ustawy z dnia 9 czerwca 2011"],
        "en": ["Family work plan", "art. 15 ustawy z dnia 9 czerwca 2011"],
    },
    ("follow_up", "SE"): {
        "sv": ["Uppföljning – anteckning från mötet"],
        "pl": ["Notatka z monitoringu – spotkanie kontrolne", "Plan działań"],
        "en": ["Follow-up record"],
    },
    ("follow_up", "PL"): {
        "pl": ["Monitoring – notatka ze spotkania", "Program / plan"],
        "sv": ["Monitorering – anteckning från mötet", "Program eller plan"],
        "en": ["Monitoring – note of the meeting", "Programme or plan"],
    },
    ("closing", "SE"): {
        "sv": ["Avslutning – sammanfattning"],
        "pl": ["Zakończenie wsparcia – podsumowanie"],
        "en": ["Closing summary"],
    },
    ("closing", "PL"): {
        "pl": ["Zakończenie współpracy – podsumowanie"],
        "sv": ["Avslutat samarbete – sammanfattning"],
        "en": ["End of cooperation – summary"],
    },
}
#: Printed only by the forms of the other country (in any language).
FOREIGN = {
    "SE": [
        "art. 11 ust. 2",
        "KONTRAKT SOCJALNY",
        "art. 49",
        "RODO",
        "art. 100",
        "pomocy społecznej",
        "wspieraniu rodziny",
    ],
    "PL": ["SOSFS", "2009:400", "Överenskommelse", "Porozumienie o współpracy", "Agreement on"],
}
#: The title in the Word and PDF metadata, by form (document type and method) and language.
TITLES = {
    ("agreement", "SE"): {
        "sv": "Överenskommelse om samarbete",
        "pl": "Porozumienie o współpracy",
        "en": "Agreement on cooperation",
    },
    ("agreement", "PL"): {
        "pl": "Kontrakt socjalny",
        "sv": "Socialt kontrakt",
        "en": "Social contract",
    },
    ("consent", "SE"): {"sv": "Samtycke", "pl": "Zgoda", "en": "Consent"},
    ("consent", "PL"): {"sv": "Samtycke", "pl": "Zgoda", "en": "Consent"},
    ("plan", "SE"): {"sv": "Handlingsplan", "pl": "Plan działań", "en": "Individual plan"},
    ("plan", "ipwzb"): {
        "pl": "Indywidualny program wychodzenia z bezdomności",
        "sv": "Individuellt program för att ta sig ur hemlöshet",
        "en": "Individual programme for leaving homelessness",
    },
    ("plan", "family_plan"): {
        "pl": "Plan pracy z rodziną",
        "sv": "Plan för arbetet med familjen",
        "en": "Family work plan",
    },
    ("follow_up", "SE"): {
        "sv": "Uppföljning",
        "pl": "Notatka z monitoringu",
        "en": "Follow-up record",
    },
    ("follow_up", "PL"): {"pl": "Monitoring", "sv": "Monitorering", "en": "Monitoring record"},
    ("closing", "SE"): {"sv": "Avslutning", "pl": "Zakończenie wsparcia", "en": "Closing summary"},
    ("closing", "PL"): {
        "pl": "Zakończenie współpracy",
        "sv": "Avslutat samarbete",
        "en": "End of cooperation",
    },
}
CASES = [(method, language) for method in COUNTRY for language in ("sv", "pl", "en")]
#: One method of each form of every document type, in every language.
FORM_CASES = [(m, lang) for m in ("buss", "ipwzb", "family_plan") for lang in ("sv", "pl", "en")]


def _form(doc_type: str, method: str) -> tuple[str, str]:
    """The key of the form of ``doc_type`` for ``method`` in the tables above."""
    if doc_type == "plan" and method in ("ipwzb", "family_plan"):
        return doc_type, method
    return doc_type, COUNTRY[method]


def issue_all(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> tuple[CaseWorld, list[Document]]:
    """A case of ``method`` in a unit of its country, the person speaking ``language``, with
    every document issued from the case page by whom the method gives it (the pracownik
    socjalny concludes a Polish kontrakt, the worker issues the rest)."""
    country = COUNTRY[method]
    unit = make_unit(
        name=UNIT_NAME[country],
        default_locale=UNIT_LANGUAGE[country],
        methods=[method],
        address="Långholmsgatan 34, 117 33 Stockholm" if country == "SE" else "ul. Kolejowa 14",
        phone="+46 8 508 123 45" if country == "SE" else "+48 58 521 37 40",
    )
    world = make_case(method=method, language=language, unit=unit)
    assert client.login(world.worker.email).status_code == 302
    for doc_type in TYPES:
        assert issue_by_role(client, world, doc_type).status_code == 302, doc_type
    issued = documents(app)
    assert [d.doc_type for d in issued] == TYPES
    return world, issued


@pytest.mark.parametrize(("method", "language"), CASES)
def test_the_method_chooses_the_form_and_the_language_translates_it(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    _, issued = issue_all(client, make_unit, make_case, app, method, language)
    country = COUNTRY[method]
    for document in issued:
        text = docx_text(document.content)
        for words in PRINTED[_form(document.doc_type, method)][language]:
            assert words in text, f"{method}/{language} {document.doc_type}: {words!r} missing"
        for words in FOREIGN[country]:
            assert words not in text, f"{method}/{language} {document.doc_type}: {words!r}"
        if language != UNIT_LANGUAGE[country]:
            # The worker's title is typed in the unit's language: printed as the role instead.
            assert "Boendestödjare" not in text, f"{method}/{language} {document.doc_type}"
    agreement = docx_text(issued[0].content)
    if language == UNIT_LANGUAGE[country]:
        assert "Anna Berg, Boendestödjare" in agreement
    else:
        role = {"sv": "medarbetare", "pl": "pracownik", "en": "worker"}[language]
        assert f"Anna Berg, {role}" in agreement


@pytest.mark.parametrize(("method", "language"), FORM_CASES)
def test_each_document_carries_its_title_author_and_language(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    _, issued = issue_all(client, make_unit, make_case, app, method, language)
    tag = LANGUAGE_TAGS[language]
    for document in issued:
        word = WordDocument(io.BytesIO(document.content))
        properties = word.core_properties
        where = f"{method}/{language} {document.doc_type}"
        assert properties.title == TITLES[_form(document.doc_type, method)][language], where
        assert properties.author == UNIT_NAME[COUNTRY[method]], where
        assert properties.language == tag, where
        assert document.number in properties.subject, where
        styles_xml = word.styles.element.xml
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles_xml, re.S)
        assert defaults is not None and f'w:lang w:val="{tag}"' in defaults.group(0), where
        assert set(re.findall(r'<w:lang w:val="([^"]+)"', styles_xml)) == {tag}, where
        body = word.element.xml
        assert set(re.findall(r'<w:lang w:val="([^"]+)"', body)) <= {tag}, where


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils missing")
def test_the_pdf_carries_the_title_and_author(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, tmp_path: Path
) -> None:
    from service.documents.pdf import pdf_available

    if not pdf_available():
        pytest.skip("LibreOffice (soffice, python3-uno) missing")
    _, issued = issue_all(client, make_unit, make_case, app, "ipwzb", "sv")
    plan = next(d for d in issued if d.doc_type == "plan")
    response = client.get(f"/documents/{plan.id}/pdf")
    assert response.mimetype == "application/pdf"
    (tmp_path / "plan.pdf").write_bytes(response.data)
    info = subprocess.run(  # noqa: S603 - fixed arguments
        ["pdfinfo", str(tmp_path / "plan.pdf")],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == "Individuellt program för att ta sig ur hemlöshet"
    assert fields["Author"].strip() == UNIT_NAME["PL"]


def test_an_old_document_renders_again_under_its_old_template_name(app: Flask) -> None:
    """Documents issued before the forms followed the method keep their template's name."""
    from service.documents.rendering import render_document
    from tests.documents.sample_context import SAMPLE_CONTEXT

    context = {**SAMPLE_CONTEXT, "stamp": {"hash": ""}}
    with app.app_context():
        data = render_document("agreement_pl", context, {"qr": None, "signature": None})
    assert "KONTRAKT SOCJALNY" in docx_text(data)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("country: PL\n", "", "ipwzb.yaml: country: missing: SE or PL"),
        ("country: PL\n", "country: DE\n", "ipwzb.yaml: country: must be one of SE, PL, not 'DE'"),
    ],
)
def test_a_method_file_names_its_country(tmp_path: Path, old: str, new: str, message: str) -> None:
    from forms.method_registry import METHODS_DIR, load_methods
    from forms.method_schema import MethodError

    directory = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, directory)
    path = directory / "ipwzb.yaml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert message in str(caught.value)


def test_a_snapshot_from_before_the_country_key_keeps_its_form(app: Flask) -> None:
    """An old method version without ``country`` takes the country of today's file."""
    from forms.method_parser import method_from_snapshot
    from forms.method_registry import get_method
    from service.documents.building import template_name

    current = get_method("ipwzb")
    assert current is not None
    old = method_from_snapshot("ipwzb", current.source.replace("country: PL\n", ""))
    assert old.country == ""
    assert template_name("agreement", old, "sv") == "agreement_pl_sv"
    assert template_name("plan", get_method("family_plan"), "en") == "plan_family_en"
    assert template_name("consent", get_method("buss"), "de") == "consent_se_en"
