"""The whole first path through the test client: person → case → meetings → agreement."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
import sqlalchemy as sa
from docx import Document as WordDocument
from docx.oxml.ns import qn
from flask import Flask
from werkzeug.test import TestResponse

from service.extensions import db
from service.models import AuditEvent, Case, Document, StepDraft, Submission, User
from tests.conftest import FormClient

HOSTILE = "& < > \" ' {{ 7*7 }} {% if x %}"


def docx_text(content: bytes) -> str:
    """All text of a .docx, paragraph by paragraph: body, tables, headers and footers."""
    word = WordDocument(io.BytesIO(content))
    elements = [word.element.body]
    for section in word.sections:
        elements += [
            section.header._element,
            section.footer._element,
            section.first_page_header._element,
            section.first_page_footer._element,
        ]
    lines = []
    for element in elements:
        for paragraph in element.iter(qn("w:p")):
            # Phone and identity numbers print with no-break spaces and hyphens (a document
            # keeps them on one line); read them as the plain characters.
            parts = paragraph.iter(qn("w:t"), qn("w:noBreakHyphen"))
            text = "".join("-" if t.tag == qn("w:noBreakHyphen") else t.text or "" for t in parts)
            lines.append(text.replace("\u00a0", " "))
    return "\n".join(lines)


def register(client: FormClient, **overrides: Any) -> str:
    data = {
        "first_name": "Zofia",
        "last_name": "Wójcik-Łęcka",
        "identity_country": "pl",
        "identity_number": "44051401458",
        "preferred_language": "pl",
        "address": "",
        "phone": "",
        "email": "",
        "date_of_birth": "",
    }
    data.update(overrides)
    response = client.post("/persons/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return str(response.headers["Location"])


def open_case(client: FormClient, person_url: str, method: str = "ipwzb") -> str:
    response = client.post(
        f"{person_url}/cases/new",
        {
            "method": method,
            "referring_caseworker_name": "Ewa Żak",
            "assignment": f"Program wychodzenia z bezdomności. {HOSTILE}",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return str(response.headers["Location"])


START = {
    "meeting_date": "2026-11-02",
    "participants": "Zofia, Łukasz (asystent)",
    "information_given": ["method", "voluntary"],
    "own_words": f"Chcę mieć własny pokój. {HOSTILE}",
    "expectations_person": "Pomoc w szukaniu pracy",
    "expectations_team": "Spotkania co tydzień",
    "wants_to_take_part": "yes",
    "next_meeting": "2026-11-09",
    "action": "finalise",
}


def second(contact_id: int, **overrides: Any) -> dict[str, Any]:
    data = {
        "meeting_date": "2026-11-09",
        "information_repeated": ["method", "voluntary"],
        "expectations_confirmed": "yes",
        "accepts_place": "yes",
        "contact_person_id": str(contact_id),
        "meeting_rhythm": "weekly",
        "contact_channels": ["sms", "phone"],
        "purpose": f"Wyjście z bezdomności. {HOSTILE}",
        "situation_causes": "Utrata pracy",
        "situation_possibilities": "Kwalifikacje krawcowej",
        "situation_limitations": "Długi",
        "actions-0-what": "Złożyć wniosek o lokal socjalny",
        "actions-0-who": "person",
        "actions-0-by_when": "2026-12-01",
        "actions-1-what": "",
        "actions-1-who": "worker",
        "actions-1-by_when": "",
        "actions-2-what": "Szukać ofert pracy",
        "actions-2-who": "worker",
        "actions-2-by_when": "",
        "period_from": "2026-11-09",
        "period_to": "2027-05-09",
        "consent_to_share": "yes",
        "consent_parties": "MOPS Sopot, PUP",
        "consent_data": "Sytuacja mieszkaniowa",
        "consent_purpose": "Poszukiwanie mieszkania",
        "consent_valid_until": "2027-11-09",
        "action": "finalise",
    }
    data.update(overrides)
    return data


def ipwzb_assessment() -> dict[str, Any]:
    """The IPWzB's assessment as the form posts it: the analysis part I of the kontrakt is
    taken from (causes, possibilities, limitations) and a strength per life area."""
    data: dict[str, Any] = {
        "action": "finalise",
        "meeting_date": "2026-11-12",
        "values": "Córka",
        "difficulty_causes": "Utrata pracy",
        "possibilities": "Kwalifikacje krawcowej",
        "limitations": "Długi",
        "homelessness_reasons": "Eksmisja",
    }
    for area in ("housing", "work", "health", "finances", "family"):
        data[f"areas-{area}-strengths"] = "Chce zmiany"
        data[f"areas-{area}-rating"] = "3"
    return data


def issue_kontrakt(
    client: FormClient, case_url: str, social_worker: User, worker: User
) -> TestResponse:
    """The worker puts the pracownik socjalny on the case team; she presses the kontrakt's
    issue button; the worker signs in again."""
    team = {"user_id": str(social_worker.id), "team_role": "social_worker"}
    assert client.post(f"{case_url}/team", team).status_code == 302
    assert client.switch_to(social_worker.email).status_code == 302
    response = client.post(f"{case_url}/agreement", form_url=case_url)
    assert client.switch_to(worker.email).status_code == 302
    return response


@pytest.fixture
def agreed_case(logged_in: FormClient, worker: User) -> str:
    """An IPWzB case whose kontrakt can be issued: the meetings and the assessment are final."""
    case_url = open_case(logged_in, register(logged_in))
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    response = logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id))
    assert response.status_code == 302, response.get_data(as_text=True)
    response = logged_in.post(f"{case_url}/steps/assessment", ipwzb_assessment())
    assert response.status_code == 302, response.get_data(as_text=True)
    return case_url


def test_full_path_issues_a_polish_agreement(
    logged_in: FormClient, agreed_case: str, app: Flask, worker: User, social_worker: User
) -> None:
    response = issue_kontrakt(logged_in, agreed_case, social_worker, worker)
    assert response.status_code == 302
    page = logged_in.get(agreed_case).get_data(as_text=True)
    number = re.search(r"AGR-\d{4}-\d{6}", page)
    assert number, page
    link = re.search(r'href="(/documents/\d+/download)"', page)
    assert link
    download = logged_in.get(link.group(1))
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "Wójcik" not in download.headers["Content-Disposition"]  # no personal data in names
    text = docx_text(download.data)
    assert "KONTRAKT SOCJALNY" in text
    assert "Zofia Wójcik-Łęcka" in text
    assert "44051401458" in text
    assert "9 listopada 2026" in text  # the second meeting's date, localised by Babel
    assert number.group(0) in text
    assert "Złożyć wniosek o lokal socjalny" in text and "Szukać ofert pracy" in text
    assert f"Wyjście z bezdomności. {HOSTILE}" in text  # typed text appears literally
    assert "49" not in text.split("Wyjście z bezdomności.")[1][:40]
    with app.app_context():
        document = db.session.scalar(sa.select(Document))
        assert document is not None
        assert (document.language, document.version, document.doc_type) == ("pl", 1, "agreement")
        assert document.context["person"]["identity_number"] == "44051401458"
        import hashlib

        assert hashlib.sha256(download.data).hexdigest() == document.sha256
        actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {
        "person.create",
        "case.create",
        "step.finalise",
        "document.issue",
        "document.download",
    } <= actions


def test_second_download_is_the_same_bytes_and_reissue_makes_version_2(
    logged_in: FormClient, agreed_case: str, app: Flask, worker: User, social_worker: User
) -> None:
    issue_kontrakt(logged_in, agreed_case, social_worker, worker)
    page = logged_in.get(agreed_case).get_data(as_text=True)
    first_link = re.search(r'href="(/documents/\d+/download)"', page).group(1)
    first = logged_in.get(first_link).data
    assert logged_in.get(first_link).data == first
    issue_kontrakt(logged_in, agreed_case, social_worker, worker)
    with app.app_context():
        documents = db.session.scalars(sa.select(Document).order_by(Document.version)).all()
        assert [d.version for d in documents] == [1, 2]
        assert documents[0].number == documents[1].number
        assert documents[0].content == first
    assert logged_in.get(first_link).data == first  # version 1 never changes


@pytest.mark.parametrize(
    ("language", "title", "date_text"),
    [
        ("sv", "Överenskommelse", "9 november 2026"),
        ("en", "Agreement", "9 November 2026"),
    ],
)
def test_agreement_in_the_persons_language(
    logged_in: FormClient, worker: User, app: Flask, language: str, title: str, date_text: str
) -> None:
    person = register(
        logged_in,
        first_name="Åsa",
        last_name="Öberg",
        identity_country="se",
        identity_number="701063-2391",
        preferred_language=language,
    )
    case_url = open_case(logged_in, person, method="buss")
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id))
    logged_in.post(f"{case_url}/agreement", form_url=case_url)
    with app.app_context():
        document = db.session.scalar(sa.select(Document))
        assert document.language == language
        text = docx_text(document.content)
    assert title.lower() in text.lower()
    assert "Åsa Öberg" in text and "19701063-2391" in text and date_text in text
    assert f"Wyjście z bezdomności. {HOSTILE}" in text


def test_agreement_waits_for_the_meetings(logged_in: FormClient, app: Flask) -> None:
    case_url = open_case(logged_in, register(logged_in))
    page = logged_in.get(case_url).get_data(as_text=True)
    assert "The start meeting has not been filled in yet." in page
    logged_in.post(f"{case_url}/agreement", form_url=case_url)
    response = logged_in.get(f"{case_url}/steps/second_meeting")
    assert response.status_code == 302  # the start meeting comes first
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Document.id))) == 0


def test_second_meeting_errors_keep_every_answer(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    data = second(worker.id, consent_data="", period_to="2026-01-01")
    response = logged_in.post(f"{case_url}/steps/second_meeting", data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "This field is required." in page  # consent given, which information missing
    assert "This date cannot be before “Agreement valid from”." in page
    assert "Wyjście z bezdomności. &amp; &lt; &gt; &#34; &#39; {{ 7*7 }}" in page
    assert 'value="Złożyć wniosek o lokal socjalny"' in page
    assert 'value="Szukać ofert pracy"' in page
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count(Submission.id)).where(Submission.step == "second_meeting")
            )
            == 0
        )
        draft = db.session.scalar(sa.select(StepDraft).where(StepDraft.step == "second_meeting"))
        assert draft is not None and draft.formdata["period_to"] == ["2026-01-01"]
    # coming back later shows the draft, invalid date and all
    page = logged_in.get(f"{case_url}/steps/second_meeting").get_data(as_text=True)
    assert 'value="Szukać ofert pracy"' in page and 'value="2026-01-01"' in page


def test_refused_consent_needs_no_details_and_says_so(
    logged_in: FormClient, worker: User, app: Flask, social_worker: User
) -> None:
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    data = second(worker.id, consent_to_share="no", consent_parties="Hidden party")
    response = logged_in.post(f"{case_url}/steps/second_meeting", data)
    assert "Leave this empty: it only applies to another answer." in response.get_data(as_text=True)
    data = second(
        worker.id,
        consent_to_share="no",
        consent_parties="",
        consent_data="",
        consent_purpose="",
        consent_valid_until="",
    )
    assert logged_in.post(f"{case_url}/steps/second_meeting", data).status_code == 302
    assert logged_in.post(f"{case_url}/steps/assessment", ipwzb_assessment()).status_code == 302
    assert issue_kontrakt(logged_in, case_url, social_worker, worker).status_code == 302
    with app.app_context():
        document = db.session.scalar(sa.select(Document))
        assert document is not None
        assert document.context["consent"]["given"] is False
        assert "Hidden party" not in docx_text(document.content)


def test_changing_a_saved_step_needs_a_reason_and_makes_version_2(
    logged_in: FormClient, app: Flask
) -> None:
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    form = logged_in.get(f"{case_url}/steps/start_meeting").get_data(as_text=True)
    assert "Chcę mieć własny pokój." in form  # pre-filled
    assert 'value="2026-11-02"' in form
    response = logged_in.post(f"{case_url}/steps/start_meeting", START)
    assert "Say why the finalised answers are changed." in response.get_data(as_text=True)
    logged_in.post(f"{case_url}/steps/start_meeting", {**START, "change_reason": "Typo"})
    with app.app_context():
        versions = db.session.scalars(sa.select(Submission).order_by(Submission.version)).all()
        assert [(s.version, s.change_reason) for s in versions] == [(1, ""), (2, "Typo")]


def test_add_row_without_javascript(logged_in: FormClient, worker: User) -> None:
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    response = logged_in.post(
        f"{case_url}/steps/second_meeting", {**second(worker.id), "action": "add:actions"}
    )
    page = response.get_data(as_text=True)
    assert 'name="actions-3-what"' in page
    assert 'value="Złożyć wniosek o lokal socjalny"' in page
    assert "This field is required." not in page


def test_contact_person_from_another_unit_is_refused(
    logged_in: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    other = make_user(email="other@example.org", unit=make_unit(name="Other unit"))
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    response = logged_in.post(f"{case_url}/steps/second_meeting", second(other.id))
    assert response.status_code == 200
    assert 'id="contact_person_id-error">Not a valid choice.' in response.get_data(as_text=True)


def test_another_units_case_and_document_answer_404(
    logged_in: FormClient,
    agreed_case: str,
    client: FormClient,
    make_user: Any,
    make_unit: Any,
    app: Flask,
    worker: User,
    social_worker: User,
) -> None:
    assert issue_kontrakt(logged_in, agreed_case, social_worker, worker).status_code == 302
    with app.app_context():
        case = db.session.scalar(sa.select(Case))
        document = db.session.scalar(sa.select(Document))
        case_id, document_id, person_id = case.id, document.id, case.person_id
    logged_in.post("/logout", form_url="/")
    stranger = make_user(email="stranger@example.org", unit=make_unit(name="Stranger unit"))
    client.login(stranger.email)
    for url in (
        f"/cases/{case_id}",
        f"/cases/{case_id}/steps/start_meeting",
        f"/documents/{document_id}/download",
        f"/persons/{person_id}",
        f"/persons/{person_id}/cases/new",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/cases/{case_id}/agreement", form_url="/").status_code == 404
    assert "Wójcik" not in client.get("/").get_data(as_text=True)
