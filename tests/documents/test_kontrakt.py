"""The kontrakt socjalny after its pattern (Dz.U. 2010 nr 218 poz. 1439), read from the rendered
document: the variant's part names, the date of conclusion at the top, the parties with the
social worker, part I from the assessment, part II, the dated amendments, the evaluation from
the follow-ups, a signature line per party, and no consent inside it."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.documents.operations import issue_document
from service.extensions import db
from service.models import AuditEvent, Case, ContractAmendment, Submission, User
from tests.conftest import FormClient
from tests.test_journey import docx_text

from .conftest import CaseWorld, second_meeting

FAMILY = [
    {
        "last_name": "Wójcik",
        "first_name": "Anna",
        "address": "ul. Morska 3, 81-300 Gdynia",
        "identity_number": "02270803628",
        "family_role": "córka",
    }
]


def _second(world: CaseWorld, **answers: Any) -> None:
    """Replace the case's second meeting by a new final version with ``answers`` added."""
    data = {**second_meeting(world.worker.id), **answers}
    db.session.add(
        Submission(
            case_id=world.case_id,
            step="second_meeting",
            version=2,
            answers=data,
            created_by_id=world.worker.id,
        )
    )
    db.session.commit()


def _kontrakt(app: Flask, world: CaseWorld, language: str = "pl", **answers: Any) -> str:
    with app.app_context():
        _second(world, **answers)
        case = db.session.get(Case, world.case_id)
        user = db.session.get(User, world.worker.id)
        assert case is not None and user is not None
        return docx_text(issue_document(case, user, "agreement", today=date(2026, 11, 30)).content)


@pytest.fixture
def family_case(make_case: Any, make_user: Any, app: Flask) -> CaseWorld:
    """An IPWzB case with its social worker on the team, one amendment and a follow-up."""
    world: CaseWorld = make_case()  # with Ewa Żak, its pracownik socjalny, on the team
    with app.app_context():
        db.session.add(
            ContractAmendment(
                case_id=world.case_id,
                agreed_on=date(2026, 11, 25),
                text="Termin wniosku o lokal przesunięty na 15 grudnia.",
                recorded_by_id=world.worker.id,
            )
        )
        db.session.commit()
    return world


def test_variant_a_prints_the_patterns_parts_and_the_date_of_conclusion_at_the_top(
    app: Flask, family_case: CaseWorld
) -> None:
    text = _kontrakt(app, family_case, concluded_on="2026-11-12", family_parties=FAMILY)
    assert "Data zawarcia kontraktu socjalnego: Göteborg, dnia 12 listopada 2026" in text
    assert "zawarty w dniu" not in text  # one date of conclusion, not two that disagree
    assert "Część I A. Ocena sytuacji życiowej osoby/rodziny" in text
    assert "Część II A. Ustalenia kontraktu" in text
    assert "(część I A i II A)" in text and "Część I B" not in text


def test_variant_b_prints_the_labour_office_items(app: Flask, family_case: CaseWorld) -> None:
    text = _kontrakt(
        app,
        family_case,
        contract_variant="b",
        unemployment_causes="Zwolnienie z zakładu krawieckiego w 2022 r.",
        work_limitations="Brak aktualnych kwalifikacji",
        earlier_activation="Staż z PUP przerwany z powodu choroby",
    )
    assert "Część I B. Ocena sytuacji życiowej osoby" in text
    assert "Część II B. Ustalenia kontraktu" in text and "Część I A" not in text
    for words in (
        "Przyczyny pozostawania bez pracy",
        "Zwolnienie z zakładu krawieckiego w 2022 r.",
        "Czynniki ograniczające możliwość znalezienia pracy",
        "Dotychczasowe działania aktywizacyjne i przyczyny ich nieskuteczności",
        "Staż z PUP przerwany z powodu choroby",
    ):
        assert words in text, words


def test_the_parties_are_every_family_member_and_the_social_worker_with_phone(
    app: Flask, family_case: CaseWorld
) -> None:
    text = _kontrakt(app, family_case, family_parties=FAMILY)
    assert "Wójcik-Łęcka" in text and "44051401458" in text
    assert "ul. Morska 3, 81-300 Gdynia (córka)" in text
    assert "02270803628" in text
    assert "a pracownikiem socjalnym:" in text and "Ewa Żak" in text
    assert "070-111 22 33" in text  # the social worker's phone
    assert "asystentem" not in text and "W imieniu ośrodka" not in text
    # a signature line per party: the person, the daughter and the social worker
    assert text.count("miejscowość i data") == 3
    signatures = text[text.index("Podpisy stron\n") :]
    for name in ("Zofia Wójcik-Łęcka", "Anna Wójcik", "Ewa Żak"):
        assert name in signatures


def test_part_one_comes_from_the_assessment_and_the_plans_goals(
    app: Flask, family_case: CaseWorld
) -> None:
    text = _kontrakt(app, family_case, situation_causes="TYPED AGAIN IN THE SECOND MEETING")
    assert "Utrata mieszkania po śmierci męża" in text  # the assessment's causes
    assert "TYPED AGAIN IN THE SECOND MEETING" not in text
    assert "Cel główny\nHuvudmål för housing: eget kontrakt inom ett år" in text
    assert "Cele szczegółowe\n1. Delmål 1.1: ringa hyresvärden" in text


def test_part_one_before_the_assessment_waits_for_it(app: Flask, make_case: Any) -> None:
    """Part I is the assessment's: the kontrakt is not issued with it empty before that."""
    from service.documents.document_types import DOCUMENT_TYPES

    world = make_case(steps=("start_meeting", "second_meeting"))
    with app.test_request_context(headers={"Accept-Language": "pl"}):
        case = db.session.get(Case, world.case_id)
        assert case is not None
        reason = str(DOCUMENT_TYPES["agreement"].blocker(case))
    assert (
        reason == "Część I kontraktu socjalnego pochodzi z diagnozy: najpierw zatwierdź diagnozę."
    )


def test_amendments_print_dated_with_a_line_for_the_parties(
    app: Flask, family_case: CaseWorld
) -> None:
    text = _kontrakt(app, family_case)
    history = text[text.index("Zmiany kontraktu (aneksy)") : text.index("Ocena realizacji")]
    assert "25 listopada 2026" in history
    assert "Termin wniosku o lokal przesunięty na 15 grudnia." in history
    assert "Podpisy stron" in history


def test_the_evaluation_is_filled_from_the_follow_ups(app: Flask, family_case: CaseWorld) -> None:
    text = _kontrakt(app, family_case)
    evaluation = text[text.index("Ocena realizacji kontraktu socjalnego") :]
    assert "4 grudnia 2026" in evaluation and "Zofia har ringt två hyresvärdar." in evaluation
    assert re.search(r"Zrealizowane cele szczegółowe: \d+ z 12\.", evaluation)


def test_the_consent_is_not_inside_the_kontrakt(app: Flask, family_case: CaseWorld) -> None:
    text = _kontrakt(app, family_case)
    assert "MOPS Sopot, PUP" not in text  # the consent's parties are in the zgoda, not here
    assert "wyraża zgodę" not in text
    assert "Zgoda na przekazywanie informacji nie jest częścią kontraktu" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ["Del I A. Bedömning av personens/familjens livssituation", "Kontraktet ingicks:"]),
        ("en", ["Part I A. Assessment of the person's/family's life situation", "Part II A."]),
    ],
)
def test_the_kontrakt_in_other_languages_keeps_the_polish_form(
    app: Flask, make_case: Any, language: str, words: list[str]
) -> None:
    world = make_case(language=language)
    text = _kontrakt(app, world, language)
    for phrase in words:
        assert phrase in text, phrase


# --- the amendments page --------------------------------------------------------------------


def test_amendments_are_recorded_on_their_page_checked_and_audited(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    url = f"/cases/{full_case.case_id}/amendments"
    for data, message in (
        ({"agreed_on": "2026-01-01", "text": "x"}, "before the kontrakt was concluded"),
        ({"agreed_on": "2150-01-01", "text": "x"}, "cannot be in the future"),
        ({"agreed_on": "2026-11-20", "text": ""}, "Write what is changed"),
        ({"agreed_on": "not a date", "text": "x"}, 'class="error"'),
    ):
        response = staff.post(url, data)
        assert response.status_code == 200 and message in response.get_data(as_text=True)
    hostile = "Nowy termin {{ 7*7 }} & <b>"
    response = staff.post(url, {"agreed_on": "2026-11-20", "text": hostile})
    assert response.status_code == 302
    page = staff.get(url).get_data(as_text=True)
    assert "Nowy termin {{ 7*7 }} &amp; &lt;b&gt;" in page
    with app.app_context():
        stored = db.session.scalar(sa.select(ContractAmendment))
        assert stored is not None and stored.text == hostile
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "contract.amend")
        )
        assert event is not None and event.details == {}
        raw = db.session.execute(sa.text("SELECT text FROM contract_amendments")).scalar()
        assert b"Nowy termin" not in bytes(raw)  # encrypted at rest
        case = db.session.get(Case, full_case.case_id)
        user = db.session.get(User, full_case.worker.id)
        text = docx_text(issue_document(case, user, "agreement").content)  # type: ignore[arg-type]
    assert "Nowy termin {{ 7*7 }} & <b>" in text


def test_a_swedish_case_has_no_kontrakt_amendments(client: FormClient, make_case: Any) -> None:
    world = make_case(method="buss", language="sv")
    assert client.login(world.worker.email).status_code == 302
    assert client.get(f"/cases/{world.case_id}/amendments").status_code == 404
    assert "Amendments (aneks)" not in client.get(f"/cases/{world.case_id}").get_data(as_text=True)


# --- LibreOffice: the signature block stays together ------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_the_signature_block_is_on_one_page(
    app: Flask, make_case: Any, tmp_path: Path, language: str
) -> None:
    world = make_case(language=language)
    with app.app_context():
        _second(world, family_parties=FAMILY * 3)
        case = db.session.get(Case, world.case_id)
        user = db.session.get(User, world.worker.id)
        content = issue_document(case, user, "agreement").content  # type: ignore[arg-type]
    from service.documents.pdf import to_pdf

    with app.app_context():
        pdf = to_pdf(content)
    (tmp_path / "k.pdf").write_bytes(pdf)
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is missing"
    pages = subprocess.run(  # noqa: S603  (a fixed program and our own file)
        [pdftotext, "-layout", str(tmp_path / "k.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\f")
    caption = {"pl": "miejscowość i data", "sv": "Ort och datum", "en": "Place and date"}[language]
    with_lines = [page for page in pages if caption in page]
    assert len(with_lines) == 1, "the signature lines are split over pages"
    assert with_lines[0].count(caption) == 5  # the person, three family members, the social worker


@pytest.mark.parametrize("name", ["agreement_pl_pl", "agreement_pl_sv", "agreement_pl_en"])
def test_hostile_text_in_the_kontrakt_comes_out_literally(name: str) -> None:
    import copy

    from service.documents.stamp import render_stamped

    from .helpers import docx_text as text_of
    from .sample_context import SAMPLE_CONTEXT

    hostile = "{{ 7*7 }} {% if x %} & < > \" ' </w:t> ąęłńóśźż 😀"
    context = copy.deepcopy(SAMPLE_CONTEXT)
    kontrakt = context["kontrakt"]
    kontrakt["parties"][1]["last_name"] = hostile
    kontrakt["part_one"]["causes"] = hostile + "\nsecond line"
    kontrakt["amendments"][0]["text"] = hostile
    kontrakt["social_worker"]["name"] = hostile
    kontrakt["evaluation"]["actions"][0]["comment"] = hostile
    kontrakt["evaluation"]["actions"][1]["what"] = hostile
    text = text_of(render_stamped(name, context))
    assert text.count(hostile) >= 6
    assert "second line" in text and "49" not in text.replace("2026", "")
