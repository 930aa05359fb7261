"""Issuing every document type from stored answers through the case page; verification."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.method_registry import get_method
from service.clock import local_today
from service.documents.building import build_context, template_name
from service.documents.rendering import template_fields, template_variables
from service.documents.stamp import context_hash, short_hash
from service.extensions import db
from service.models import AuditEvent, Case, Document, Submission
from tests.conftest import FormClient

from .conftest import CaseWorld, issue_by_role
from .helpers import RENDER_EXTRAS, docx_text
from .test_templates import _resolve

TYPES = ["agreement", "consent", "plan", "follow_up", "closing"]


def issue(client: FormClient, case_id: int, doc_type: str) -> Any:
    """Press the issue button of ``doc_type`` on the case page."""
    return client.post(f"/cases/{case_id}/documents/{doc_type}", form_url=f"/cases/{case_id}")


def documents(app: Flask) -> list[Document]:
    with app.app_context():
        found = list(db.session.scalars(sa.select(Document).order_by(Document.id)))
        for document in found:
            _ = document.content, document.context  # load the deferred columns
            db.session.expunge(document)
        return found


@pytest.mark.parametrize(
    ("method", "language"),
    [("ipwzb", "pl"), ("buss", "sv"), ("family_plan", "pl"), ("kliv_ut", "en")],
)
def test_the_builder_provides_every_field_of_every_template(
    app: Flask,
    make_case: Any,
    method: str,
    language: str,
) -> None:
    world = make_case(method=method, language=language)
    with app.app_context():
        case = db.session.get(Case, world.case_id)
        for doc_type in TYPES:
            context = build_context(
                case,
                doc_type,
                number="X-2026-000001",
                version=1,
                language=language,
                today=local_today(),
            )
            name = template_name(doc_type, get_method(method), language)
            assert template_variables(name) <= set(context) | RENDER_EXTRAS, name
            for path in template_fields(name):
                assert _resolve(context | {"stamp": {"hash": ""}}, path), f"{name}: {path}"


def test_every_type_is_issued_from_the_case_page(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    for doc_type in TYPES:
        # the worker's page has every issue button but the kontrakt's (the pracownik socjalny
        # concludes it: tests/documents/test_roles_and_team.py)
        button = f'/cases/{full_case.case_id}/documents/{doc_type}"'
        assert (button in page) is (doc_type != "agreement"), doc_type
        assert issue_by_role(staff, full_case, doc_type).status_code == 302
    issued = documents(app)
    assert [d.doc_type for d in issued] == TYPES
    prefixes = [d.number.split("-")[0] for d in issued]
    assert prefixes == ["AGR", "CON", "PLN", "FUP", "CLS"]
    for document in issued:
        assert document.language == "pl"
        assert hashlib.sha256(document.content).hexdigest() == document.sha256
        assert document.context_sha256 == context_hash(document.context)
        text = docx_text(document.content)
        assert short_hash(document.context_sha256) in text
        assert f"http://127.0.0.1:5000/verify/{document.number}" in text
    texts = {d.doc_type: docx_text(d.content) for d in issued}
    assert "Zgoda na przekazywanie informacji" in texts["consent"]
    assert "MOPS Sopot, PUP" in texts["consent"] and "9 listopada 2027" in texts["consent"]
    assert "Indywidualny program wychodzenia z bezdomności" in texts["plan"]
    assert "Delmål 4.3: ringa hyresvärden" in texts["plan"]
    assert "Zofia har ringt två hyresvärdar." in texts["follow_up"]
    assert "PLN-" in texts["follow_up"]  # the plan the follow-up belongs to
    assert "Zakończenie współpracy – podsumowanie" in texts["closing"]
    page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    for document in issued:
        assert document.number in page


def test_public_base_url_setting_goes_into_the_qr_and_footer(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    monkeypatch: Any,
) -> None:
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://stegvis.example.org/")
    issue(staff, full_case.case_id, "consent")
    document = documents(app)[0]
    assert document.context["document"]["verify_url"].startswith(
        f"https://stegvis.example.org/verify/{document.number}/"
    )


def test_consent_only_when_consent_was_given(
    client: FormClient,
    make_case: Any,
    app: Flask,
) -> None:
    world = make_case(steps=("start_meeting", "second_meeting"), consent="no")
    client.login(world.worker.email)
    page = client.get(f"/cases/{world.case_id}").get_data(as_text=True)
    assert "No consent to share information has been given." in page
    assert "The individual plan has not been filled in yet." not in page  # assessment first
    assert "The assessment has not been filled in yet." in page
    issue(client, world.case_id, "consent")
    issue(client, world.case_id, "plan")
    assert documents(app) == []


def test_reissue_is_a_new_version_under_the_same_number(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    issue(staff, full_case.case_id, "plan")
    issue(staff, full_case.case_id, "plan")
    first, second = documents(app)
    assert first.number == second.number and (first.version, second.version) == (1, 2)
    assert first.content != second.content  # the version is printed


def test_verification_page_shows_case_versions_hashes_and_state(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    issue(staff, full_case.case_id, "plan")
    issue(staff, full_case.case_id, "plan")
    first, second = documents(app)
    page = staff.get(f"/verify/{first.number}").get_data(as_text=True)
    assert f"Verification of {first.number}" in page
    assert "C-2026-" in page and "Zofia Wójcik-Łęcka" in page
    for document in (first, second):
        assert document.sha256 in page
        assert short_hash(document.context_sha256 or "") in page
    assert page.count("Not signed") == 2 and page.count("Not filed") == 2
    assert staff.get("/verify/PLN-2026-999999").status_code == 404
    with app.app_context():
        actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert "document.verify" in actions


def test_verification_of_another_units_number_is_404(
    client: FormClient,
    make_case: Any,
    make_unit: Any,
    make_user: Any,
    app: Flask,
) -> None:
    world = make_case()
    client.login(world.worker.email)
    issue_by_role(client, world, "agreement")
    number = documents(app)[0].number
    client.post("/logout", form_url="/")
    stranger = make_user(email="stranger@example.org", unit=make_unit(name="Elsewhere"))
    client.login(stranger.email)
    assert client.get(f"/verify/{number}").status_code == 404
    client.post("/logout", form_url="/")
    assert client.get(f"/verify/{number}").status_code in (302, 401)  # login first


def test_issue_of_an_unknown_type_is_404(staff: FormClient, full_case: CaseWorld) -> None:
    response = issue(staff, full_case.case_id, "nonsense")
    assert response.status_code == 404


def test_download_names_carry_the_number_never_the_person(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    issue(staff, full_case.case_id, "consent")
    document = documents(app)[0]
    response = staff.get(f"/documents/{document.id}/download")
    disposition = response.headers["Content-Disposition"]
    assert document.number in disposition and "Wójcik" not in disposition
    assert re.search(r"v1\.docx", disposition)


def test_pdf_for_printing_or_a_clear_message(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    monkeypatch: Any,
) -> None:
    from service.documents import pdf

    issue(staff, full_case.case_id, "consent")
    document = documents(app)[0]
    monkeypatch.setattr(pdf, "pdf_available", lambda: False)
    page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    assert "LibreOffice is not installed on the server" in page
    assert f"/documents/{document.id}/pdf" not in page
    response = staff.get(f"/documents/{document.id}/pdf")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "LibreOffice is not installed on the server" in response.get_data(as_text=True)
    assert f"/documents/{document.id}/download" in response.get_data(as_text=True)
    monkeypatch.undo()
    if pdf.pdf_available():
        response = staff.get(f"/documents/{document.id}/pdf")
        assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF-")


def test_each_follow_up_meeting_gets_its_own_record(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    from .answers import FOLLOW_UP
    from .conftest import add_answers

    issue(staff, full_case.case_id, "follow_up")
    issue(staff, full_case.case_id, "follow_up")  # same meeting: a new version
    with app.app_context():
        later = {
            **FOLLOW_UP,
            "meeting_date": "2026-12-18",
            "next_meeting": "2027-01-08",
            "areas": {"housing": {"rating": 8}},
        }
        extra = {"instance": 2} if hasattr(Submission, "instance") else {}
        add_answers(full_case.case_id, full_case.worker.id, "follow_up", later, **extra)
    issue(staff, full_case.case_id, "follow_up")
    first, again, second = documents(app)
    assert first.number == again.number and again.version == 2
    assert second.number != first.number and second.version == 1
    ratings = {r["label"]: (r["before"], r["now"]) for r in second.context["follow_up"]["ratings"]}
    assert ratings[next(iter(ratings))] == ("6", "8")  # against the previous meeting
    assert "18 grudnia 2026" in docx_text(second.content)


def test_the_follow_up_record_prints_what_has_been_reached_so_far(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    """The optional question of the follow-up, printed in the record in the document language."""
    from .answers import FOLLOW_UP
    from .conftest import add_answers

    with app.app_context():
        answers = {**FOLLOW_UP, "reached_so_far": "Czynsz opłacony trzy miesiące z rzędu."}
        add_answers(full_case.case_id, full_case.worker.id, "follow_up", answers, instance=2)
    issue(staff, full_case.case_id, "follow_up")
    text = docx_text(documents(app)[-1].content)
    assert "Co udało się dotąd osiągnąć" in text
    assert "Czynsz opłacony trzy miesiące z rzędu." in text


def test_a_caseworker_files_but_does_not_issue_or_sign(
    client: FormClient,
    make_case: Any,
    make_user: Any,
    app: Flask,
) -> None:
    """The socialsekreterare of a Swedish method (BUSS's ``roles:`` give issuing to the worker);
    the Polish pracownik socjalny issues: tests/documents/test_roles_and_team.py."""
    from service.models import Role, Unit

    full_case = make_case(method="buss", language="sv")
    with app.app_context():
        unit = db.session.get(Unit, full_case.unit_id)
        db.session.expunge(unit)
    caseworker = make_user(email="ewa@example.org", unit=unit, role=Role.CASEWORKER)
    client.login(full_case.worker.email)
    issue(client, full_case.case_id, "plan")
    client.post("/logout", form_url="/")
    client.login(caseworker.email)
    document = documents(app)[0]
    page = client.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    assert "Mark as filed" in page and "case-file.zip" in page
    assert f"/documents/{document.id}/sign" not in page
    assert f"/cases/{full_case.case_id}/documents/plan" not in page
    assert issue(client, full_case.case_id, "plan").status_code == 403
    assert client.get(f"/documents/{document.id}/sign").status_code == 403
    response = client.post(f"/documents/{document.id}/file", form_url=f"/cases/{full_case.case_id}")
    assert response.status_code == 302
    assert "Filed" in client.get(f"/verify/{document.number}").get_data(as_text=True)
