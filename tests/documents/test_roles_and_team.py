"""Who drafts, issues, approves and signs (the method file's ``roles:``), the head of unit's
approval of the IPWzB, and the case team (several staff per case, each with a team role)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.method_parser import load_method_file
from forms.method_registry import METHODS_DIR, get_method
from forms.method_schema import MethodError
from service.cases.mine import my_case_filter
from service.extensions import db
from service.models import (
    AuditEvent,
    Case,
    CaseMember,
    Document,
    DocumentApproval,
    Role,
    User,
)
from tests.conftest import FormClient
from tests.test_journey import docx_text

from .conftest import CaseWorld


def _login(client: FormClient, email: str) -> FormClient:
    signed_in = client.get("/login").status_code == 302  # the login page sends staff home
    client.post("/logout", {}, form_url="/" if signed_in else "/login")
    assert client.login(email).status_code == 302
    return client


def _documents(case_id: int, doc_type: str) -> list[Document]:
    return list(
        db.session.scalars(
            sa.select(Document)
            .where(Document.case_id == case_id, Document.doc_type == doc_type)
            .order_by(Document.version)
        )
    )


# --- the method file says who drafts, issues, approves and signs --------------------------------


def test_the_method_files_say_who_issues_approves_and_signs(app_ctx: None) -> None:
    ipwzb = get_method("ipwzb")
    assert ipwzb is not None
    assert ipwzb.roles_for("plan").approve == ("manager",)
    # art. 108 u.p.s.: only the pracownik socjalny concludes the kontrakt socjalny
    assert ipwzb.roles_for("agreement").issue == ("caseworker",)
    family = get_method("family_plan")
    assert family is not None and family.roles_for("agreement").issue == ("caseworker",)
    assert ipwzb.roles_for("agreement").sign == ("person", "caseworker")
    buss = get_method("buss")
    assert buss is not None and buss.roles_for("plan").approve == ()


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ("issue: [caseworker, worker]", "unknown role 'boss'"),
        ("roles:", "roles.agreement"),
    ],
)
def test_a_wrong_role_in_a_method_file_is_named(tmp_path: Path, wrong: str, message: str) -> None:
    for name in ("_shared.yaml", "ipwzb.yaml"):
        (tmp_path / name).write_text((METHODS_DIR / name).read_text("utf-8"), "utf-8")
    path = tmp_path / "ipwzb.yaml"
    text = path.read_text("utf-8")
    if wrong.startswith("issue"):
        text = text.replace(wrong, "issue: [boss]", 1)
    else:
        text = text.replace("  agreement: {draft:", "  agreement: {drafts:", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(MethodError) as error:
        load_method_file(path)
    assert "ipwzb.yaml" in str(error.value) and message in str(error.value)


# --- the pracownik socjalny issues the kontrakt; the kierownik approves the IPWzB ---------------


@pytest.fixture
def sopot(make_case: Any, make_user: Any, app: Flask) -> dict[str, Any]:
    """A Polish IPWzB case with every step final, its pracownik socjalny and kierownik."""
    world: CaseWorld = make_case(on_team=False)  # its pracownik socjalny is Ewa Żak
    with app.app_context():
        unit = db.session.get(User, world.worker.id).unit  # type: ignore[union-attr]
    social = world.social_worker
    head = make_user(
        email="barbara@example.org", unit=unit, role=Role.MANAGER, full_name="Barbara Kaczmarek"
    )
    return {"world": world, "social": social, "head": head, "url": f"/cases/{world.case_id}"}


def test_the_social_worker_issues_the_kontrakt_socjalny(
    client: FormClient, sopot: dict[str, Any], app: Flask
) -> None:
    _login(client, "ewa@example.org")
    url = sopot["url"]
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code == 302
    with app.app_context():
        (kontrakt,) = _documents(sopot["world"].case_id, "agreement")
        assert kontrakt.issued_by_id == sopot["social"].id
    # the pracownik socjalny drafts too (the method's draft roles), but opens no new cases
    page = client.get(url).get_data(as_text=True)
    assert "/steps/second_meeting" in page


#: The disabled kontrakt button's reason in each language of the interface.
ONLY_THE_SOCIAL_WORKER = {
    "pl": "Kontrakt socjalny zawiera pracownik socjalny.",
    "sv": "Kontrakt socjalny ingås av socialarbetaren (pracownik socjalny).",
    "en": "The pracownik socjalny concludes the kontrakt socjalny.",
}


@pytest.mark.parametrize("method", ["ipwzb", "family_plan"])
@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_only_the_social_worker_concludes_the_kontrakt_the_asystent_sees_why(
    client: FormClient, make_case: Any, app: Flask, method: str, language: str
) -> None:
    """Art. 108 u.p.s.: the kontrakt socjalny is concluded by the pracownik socjalny; the
    asystent prepares it, sees its issue button disabled with the reason and is refused."""
    world: CaseWorld = make_case(method=method)
    assert world.social_worker is not None
    url = f"/cases/{world.case_id}"
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    _login(client, world.worker.email)
    page = client.get(url).get_data(as_text=True)
    button = re.search(
        r'<button type="button" class="secondary small" disabled '
        r'aria-describedby="agreement-who"[^>]*>[^<]*</button>\s*'
        r'<span class="disabled-reason" id="agreement-who">([^<]*)</span>',
        page,
    )
    assert button, page
    assert button.group(1) == ONLY_THE_SOCIAL_WORKER[language]
    assert f'action="{url}/documents/agreement"' not in page
    # the documents she may issue keep their buttons
    assert f'action="{url}/documents/consent"' in page
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code == 403
    with app.app_context():
        assert _documents(world.case_id, "agreement") == []
    _login(client, world.social_worker.email)
    page = client.get(url).get_data(as_text=True)
    assert f'action="{url}/documents/agreement"' in page and 'id="agreement-who"' not in page
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code == 302
    with app.app_context():
        (kontrakt,) = _documents(world.case_id, "agreement")
        assert kontrakt.issued_by_id == world.social_worker.id
    # the asystent downloads the issued kontrakt; issuing a new version stays hers
    _login(client, world.worker.email)
    page = client.get(url).get_data(as_text=True)
    assert f"/documents/{kontrakt.id}/download" in page
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code == 403


def test_a_caseworker_may_not_issue_what_the_method_gives_to_the_worker(
    client: FormClient, make_case: Any, make_user: Any, app: Flask
) -> None:
    world = make_case(method="buss", language="sv")
    with app.app_context():
        unit = db.session.get(User, world.worker.id).unit  # type: ignore[union-attr]
    make_user(email="erik@example.org", unit=unit, role=Role.CASEWORKER)
    _login(client, "erik@example.org")
    url = f"/cases/{world.case_id}"
    assert client.post(f"{url}/documents/plan", {}, form_url=url).status_code == 403
    assert client.post(f"{url}/steps/start_meeting", {}, form_url=url).status_code == 403


def test_an_unapproved_ipwzb_is_a_draft_until_the_head_of_centre_approves_it(
    client: FormClient, sopot: dict[str, Any], app: Flask
) -> None:
    url = sopot["url"]
    _login(client, "ewa@example.org")
    assert client.post(f"{url}/documents/plan", {}, form_url=url).status_code == 302
    with app.app_context():
        (draft,) = _documents(sopot["world"].case_id, "plan")
        text = docx_text(draft.content)
        draft_id = draft.id
    assert "PROJEKT – program nie został jeszcze zatwierdzony przez kierownika ośrodka" in text
    page = client.get(url).get_data(as_text=True)
    assert "Draft: waits for approval" in page
    assert f"/documents/{draft_id}/approve" not in page  # the social worker does not approve
    assert client.post(f"/documents/{draft_id}/approve", {}, form_url=url).status_code == 403

    _login(client, "barbara@example.org")
    page = client.get(url).get_data(as_text=True)
    assert f"/documents/{draft_id}/approve" in page
    assert client.post(f"/documents/{draft_id}/approve", {}, form_url=url).status_code == 302
    with app.app_context():
        draft_again, approved = _documents(sopot["world"].case_id, "plan")
        assert approved.number == draft_again.number and approved.version == 2
        text = docx_text(approved.content)
        approval = db.session.scalar(sa.select(DocumentApproval))
        assert approval is not None
        assert (approval.document_id, approval.approved_document_id) == (draft_id, approved.id)
        assert approval.approved_by_id == sopot["head"].id
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "document.approve")
        )
        assert event is not None and event.details == {"number": approved.number, "version": 1}
    assert "PROJEKT" not in text
    assert "Zatwierdzam – kierownik ośrodka" in text
    assert "Barbara Kaczmarek" in text
    assert re.search(r"zatwierdzono dnia \d{1,2} \w+ \d{4}", text)
    page = client.get(url).get_data(as_text=True)
    assert "Barbara Kaczmarek" in page and "Draft: waits for approval" not in page
    # approving twice (or an older version) is refused with a reason, not an error
    response = client.post(f"/documents/{draft_id}/approve", {}, form_url=url)
    assert response.status_code == 302
    assert "Only the newest version" in client.get(url).get_data(as_text=True)


def test_a_plan_the_method_does_not_approve_has_no_draft_heading(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    world = make_case(method="buss", language="sv")
    _login(client, world.worker.email)
    url = f"/cases/{world.case_id}"
    assert client.post(f"{url}/documents/plan", {}, form_url=url).status_code == 302
    with app.app_context():
        (plan,) = _documents(world.case_id, "plan")
        text = docx_text(plan.content)
    assert "UTKAST" not in text and "Fastställd av verksamhetschef" not in text
    assert "Draft: waits for approval" not in client.get(url).get_data(as_text=True)


# --- the case team ----------------------------------------------------------------------------


def test_the_team_is_kept_on_the_case_page_and_audited(
    client: FormClient, sopot: dict[str, Any], app: Flask
) -> None:
    url = sopot["url"]
    _login(client, sopot["world"].worker.email)
    response = client.post(
        f"{url}/team", {"user_id": str(sopot["social"].id), "team_role": "social_worker"}
    )
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Ewa Żak" in page and "Social worker" in page
    # naming another contact person keeps the earlier one as the second contact
    response = client.post(
        f"{url}/team", {"user_id": str(sopot["social"].id), "team_role": "contact_person"}
    )
    assert response.status_code == 302
    with app.app_context():
        case = db.session.get(Case, sopot["world"].case_id)
        assert case is not None and case.contact_person_id == sopot["social"].id
        roles = dict(
            db.session.execute(
                sa.select(CaseMember.user_id, CaseMember.team_role).where(
                    CaseMember.case_id == case.id
                )
            ).all()
        )
        assert roles == {sopot["social"].id: "contact_person"}
        actions = list(
            db.session.scalars(
                sa.select(AuditEvent.details).where(AuditEvent.action == "case.team_set")
            )
        )
        assert {"member": sopot["social"].id, "team_role": "social_worker"} in actions
        member_id = db.session.scalar(sa.select(CaseMember.id))
    page = client.get(f"{url}/team").get_data(as_text=True)
    assert "Contact person" in page
    assert (
        client.post(f"{url}/team/{member_id}/remove", {}, form_url=f"{url}/team").status_code == 302
    )
    assert "No one is on the case team yet." in client.get(f"{url}/team").get_data(as_text=True)


def test_the_team_takes_only_the_units_staff(
    client: FormClient, sopot: dict[str, Any], make_user: Any, make_unit: Any, app: Flask
) -> None:
    stranger = make_user(email="other@example.org", unit=make_unit(name="Elsewhere"))
    url = sopot["url"]
    _login(client, sopot["world"].worker.email)
    for data in (
        {"user_id": str(stranger.id), "team_role": "psychologist"},
        {"user_id": str(sopot["social"].id), "team_role": "boss"},
        {"user_id": "{{ 7*7 }}", "team_role": "<script>"},
        {"user_id": "", "team_role": ""},
    ):
        response = client.post(f"{url}/team", data)
        assert response.status_code == 200
        assert 'class="error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(CaseMember.id))) == 0


def test_a_team_member_of_another_unit_reaches_the_case_and_it_is_theirs(
    client: FormClient, sopot: dict[str, Any], make_user: Any, make_unit: Any, app: Flask
) -> None:
    outside = make_user(email="psycholog@example.org", unit=make_unit(name="Poradnia"))
    url = sopot["url"]
    _login(client, "psycholog@example.org")
    assert client.get(url).status_code == 404
    with app.app_context():
        db.session.add(
            CaseMember(case_id=sopot["world"].case_id, user_id=outside.id, team_role="psychologist")
        )
        db.session.commit()
        user = db.session.get(User, outside.id)
        assert user is not None
        mine = db.session.scalars(sa.select(Case.id).where(my_case_filter(user))).all()
        assert mine == [sopot["world"].case_id]
    assert client.get(url).status_code == 200
    assert client.get(f"{url}/steps/assessment").status_code == 200


def test_the_referring_caseworker_is_chosen_from_the_units_caseworkers(
    logged_in: FormClient, worker: User, make_user: Any, make_unit: Any, app: Flask
) -> None:
    from tests.test_journey import register

    with app.app_context():
        unit = db.session.get(User, worker.id).unit  # type: ignore[union-attr]
    ewa = make_user(email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak")
    foreign = make_user(email="x@example.org", unit=make_unit(), role=Role.CASEWORKER)
    person = register(logged_in)
    page = logged_in.get(f"{person}/cases/new").get_data(as_text=True)
    assert f'value="{ewa.id}"' in page and f'value="{foreign.id}"' not in page
    refused = logged_in.post(
        f"{person}/cases/new", {"method": "ipwzb", "referring_caseworker_id": str(foreign.id)}
    )
    assert refused.status_code == 200 and 'class="error"' in refused.get_data(as_text=True)
    response = logged_in.post(
        f"{person}/cases/new",
        {"method": "ipwzb", "referring_caseworker_id": str(ewa.id), "assignment": "IPWzB"},
    )
    assert response.status_code == 302
    with app.app_context():
        case = db.session.scalar(sa.select(Case))
        assert case is not None
        assert case.referring_caseworker_id == ewa.id and case.caseworker_name == "Ewa Żak"
    # an outsider's typed name is kept as before
    response = logged_in.post(
        f"{person}/cases/new", {"method": "ipwzb", "referring_caseworker_name": "Jan Obcy"}
    )
    assert response.status_code == 302
    with app.app_context():
        names = db.session.scalars(sa.select(Case.referring_caseworker_name)).all()
        assert "Jan Obcy" in names
