"""The network of a case: members with role and encrypted contact details, tied to the
consent, offered as participants of contacts."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, NetworkMember, User
from tests.conftest import FormClient
from tests.test_journal import buss_plan_case, contact
from tests.test_journey import START, open_case, register, second

KURATOR = {
    "kind": "probation_officer",
    "name": "Łucja Żółw & <i>{{ k }}</i>",
    "role": "kurator sądowy",
    "contact_details": "tel. 58 123 45 67",
    "may_contact": "y",
}


def test_a_member_is_added_and_offered_as_a_participant(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = buss_plan_case(logged_in, worker)  # consent given until 2027-11-09
    response = logged_in.post(f"{case_url}/network", {**KURATOR, "name": ""})
    assert "This field is required." in response.get_data(as_text=True)
    response = logged_in.post(f"{case_url}/network", KURATOR)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = logged_in.get(f"{case_url}/network").get_data(as_text=True)
    assert "Łucja Żółw &amp; &lt;i&gt;{{ k }}&lt;/i&gt;" in page and "kurator sądowy" in page
    assert "Probation officer (kurator)" in page
    with app.app_context():
        member = db.session.scalar(sa.select(NetworkMember))
        assert member is not None and member.may_contact
        raw = db.session.execute(sa.text("SELECT name, contact_details FROM network_members")).one()
        assert b"58 123" not in bytes(raw[1]) and "Łucja".encode() not in bytes(raw[0])
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "network.add"))
        assert event is not None and event.details == {
            "member": member.id,
            "kind": "probation_officer",
        }
        member_id = member.id
    journal = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Network members who took part" in journal
    logged_in.post(f"{case_url}/journal", contact(network=[str(member_id)], kind="accompanying"))
    journal = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "The person, Łucja Żółw &amp;" in journal

    response = logged_in.post(
        f"{case_url}/network/{member_id}", {**KURATOR, "role": "kurator zawodowy"}
    )
    assert response.status_code == 302
    with app.app_context():
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "network.update")
        )
        assert event is not None and event.details["fields"] == ["role"]
    logged_in.post(f"{case_url}/network/{member_id}/remove", {}, form_url=f"{case_url}/network")
    page = logged_in.get(f"{case_url}/network").get_data(as_text=True)
    assert "kurator zawodowy" not in page
    assert "Łucja" in logged_in.get(f"{case_url}/journal").get_data(as_text=True)  # still named


def test_without_consent_no_member_may_be_contacted(logged_in: FormClient, worker: User) -> None:
    case_url = open_case(logged_in, register(logged_in))
    logged_in.post(f"{case_url}/steps/start_meeting", START)
    logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id, consent_to_share="no"))
    page = logged_in.get(f"{case_url}/network").get_data(as_text=True)
    assert "There is no running consent to share information" in page
    response = logged_in.post(f"{case_url}/network", KURATOR)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "record it at the second meeting first" in page
    assert "kurator sądowy" in page  # kept
    response = logged_in.post(f"{case_url}/network", {**KURATOR, "may_contact": ""})
    assert response.status_code == 302


def test_another_cases_member_is_not_found(
    logged_in: FormClient, worker: User, app: Flask, make_user: Any
) -> None:
    first = buss_plan_case(logged_in, worker)
    logged_in.post(f"{first}/network", {**KURATOR, "may_contact": ""})
    with app.app_context():
        member_id = db.session.scalar(sa.select(NetworkMember.id))
    other = open_case(logged_in, register(logged_in, identity_number="", identity_country=""))
    assert logged_in.get(f"{other}/network/{member_id}").status_code == 404
    assert (
        logged_in.post(
            f"{other}/network/{member_id}/remove", {}, form_url=f"{other}/network"
        ).status_code
        == 404
    )
