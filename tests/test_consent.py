"""Consent that is valid (issue 10, items 13–17) through the real forms and database: consent
per recipient at the second meeting, withdrawal for one recipient, the expiry warning on the
case page and in My week, the network, the legal representative and the unit's settings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.clock import local_today
from service.extensions import db
from service.models import AuditEvent, ConsentWithdrawal, Person, Role, Unit, User
from service.privacy.consent import WARNING_DAYS, expiry
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second

HOSTILE = "Erik Lund & <b>{{ 7*7 }}</b>"


def recipients(**overrides: Any) -> dict[str, Any]:
    """The second meeting with three recipients: yes, no, yes; no free-text parties."""
    rows = {
        "consent_recipients-0-who": "social_services",
        "consent_recipients-0-name": HOSTILE,
        "consent_recipients-0-consents": "yes",
        "consent_recipients-1-who": "habilitation",
        "consent_recipients-1-name": "Habiliteringen",
        "consent_recipients-1-consents": "no",
        "consent_recipients-2-who": "probation_officer",
        "consent_recipients-2-name": "",
        "consent_recipients-2-consents": "yes",
        "consent_parties": "",
    }
    rows.update(overrides)
    return rows


def consent_case(client: FormClient, worker: User, **overrides: Any) -> str:
    person = register(client, identity_country="", identity_number="", last_name=str(id(overrides)))
    case_url = open_case(client, person)
    client.post(f"{case_url}/steps/start_meeting", START)
    response = client.post(
        f"{case_url}/steps/second_meeting", second(worker.id, **recipients(**overrides))
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return case_url


def consent_card(client: FormClient, case_url: str) -> str:
    page = client.get(case_url).get_data(as_text=True)
    return page[page.index('id="consent"') :].split("</table>")[0]


def row(card: str, text: str) -> str:
    return card[card.index(text) :].split("</tr>")[0]


def test_the_second_meeting_asks_per_recipient_and_the_case_page_shows_each(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = consent_case(logged_in, worker)
    card = consent_card(logged_in, case_url)
    assert "Erik Lund &amp; &lt;b&gt;{{ 7*7 }}&lt;/b&gt;" in card
    assert '<span class="badge ok">Yes</span>' in row(card, "Social services")
    assert '<span class="badge">No</span>' in row(card, "Habilitation")
    assert '<span class="badge ok">Yes</span>' in row(card, "Probation officer (kurator)")
    assert "Withdraw for this recipient" in row(card, "Social services")
    assert "Withdraw for this recipient" not in row(card, "Habilitation")  # nothing to withdraw


def test_a_withdrawal_for_one_recipient_keeps_the_others(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = consent_case(logged_in, worker)
    url = f"{case_url}/consent/withdraw"
    asked = logged_in.post(url, {"recipient": "0"}, form_url=case_url).get_data(as_text=True)
    assert "no longer consents to information being shared with Social services" in asked
    assert "the consent for the other recipients stays" in asked
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(ConsentWithdrawal.id))) == 0
    data = {"recipient": "0", "withdrawn_on": "2026-11-20", "confirmed": "yes"}
    response = logged_in.post(url, data, form_url=case_url)
    assert response.status_code == 302
    card = consent_card(logged_in, case_url)
    withdrawn = row(card, "Social services")
    assert "Withdrawn" in withdrawn and "Anna Berg" in withdrawn
    assert "20" in withdrawn.split("Withdrawn")[1] and "2026" in withdrawn
    assert '<span class="badge ok">Yes</span>' in row(card, "Probation officer (kurator)")
    assert "Consent withdrawn on" not in card  # the consent as a whole stands
    with app.app_context():
        withdrawal = db.session.scalar(sa.select(ConsentWithdrawal))
        assert withdrawal is not None and withdrawal.recipient_kind == "social_services"
        assert withdrawal.recipient_name == HOSTILE
        raw = db.session.execute(sa.text("SELECT recipient_name FROM consent_withdrawals")).one()
        assert b"Erik" not in bytes(raw[0])  # encrypted at rest
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "consent.withdraw_recipient")
        )
        assert event is not None
        assert event.details == {"withdrawal": withdrawal.id, "recipient": "social_services"}
    # The same recipient once more, one that never consented, and a made-up one: refused.
    for index in ("0", "1", "9", "x"):
        logged_in.post(url, {**data, "recipient": index}, form_url=case_url)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(ConsentWithdrawal.id))) == 1
    # The whole consent can still be withdrawn.
    logged_in.post(url, {"withdrawn_on": "2026-11-21", "confirmed": "yes"}, form_url=case_url)
    assert "Consent withdrawn on" in consent_card(logged_in, case_url)


def test_a_network_member_may_be_contacted_only_where_consent_holds(
    logged_in: FormClient, worker: User
) -> None:
    case_url = consent_case(logged_in, worker)
    member = {"role": "", "contact_details": "", "may_contact": "y"}
    refused = logged_in.post(
        f"{case_url}/network", {**member, "kind": "habilitation", "name": "Habiliteringen"}
    )
    assert "has not consented to sharing information with this recipient" in refused.get_data(
        as_text=True
    )
    added = logged_in.post(
        f"{case_url}/network", {**member, "kind": "probation_officer", "name": "Jan Kurator"}
    )
    assert added.status_code == 302
    logged_in.post(
        f"{case_url}/consent/withdraw",
        {"recipient": "2", "withdrawn_on": "2026-11-20", "confirmed": "yes"},
        form_url=case_url,
    )
    page = logged_in.get(f"{case_url}/network").get_data(as_text=True)
    assert "No: no consent for this recipient" in page


def test_an_earlier_consent_in_free_text_is_still_shown(
    logged_in: FormClient, worker: User
) -> None:
    case_url = consent_case(
        logged_in,
        worker,
        **{f"consent_recipients-{i}-{k}": "" for i in range(3) for k in ("name", "consents")},
        consent_parties="Skolan & <BUP>",
    )
    card = consent_card(logged_in, case_url)
    assert "Named in free text" in card and "Skolan &amp; &lt;BUP&gt;" in card


def test_the_expiry_rule_warns_thirty_days_before_and_says_expired_after() -> None:
    today = date(2026, 12, 2)
    assert expiry(today + timedelta(days=WARNING_DAYS + 1), today) == "active"
    assert expiry(today + timedelta(days=WARNING_DAYS), today) == "ending"
    assert expiry(today, today) == "ending"
    assert expiry(today - timedelta(days=1), today) == "expired"


def test_the_case_page_and_my_week_warn_with_the_same_rule(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    today = local_today()
    ending = consent_case(
        logged_in, worker, consent_valid_until=(today + timedelta(days=20)).isoformat()
    )
    card = consent_card(logged_in, ending)
    assert "consent-ending" in card and "in 20 days" in card
    week = logged_in.get("/my-week").get_data(as_text=True)
    assert "20 days left" in week

    later = consent_case(
        logged_in, worker, consent_valid_until=(today + timedelta(days=31)).isoformat()
    )
    card = consent_card(logged_in, later)
    assert "consent-ending" not in card and "consent-expired" not in card
    with app.app_context():
        from service.models import Case

        later_ref = db.session.scalars(sa.select(Case.reference).order_by(Case.id)).all()[-1]
    assert (
        later_ref not in logged_in.get("/my-week").get_data(as_text=True).split("valid until")[-1]
    )


def test_an_expired_consent_is_shown_as_expired_and_stops_contacts(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = consent_case(logged_in, worker)
    with app.app_context():
        from service.models import Submission

        second_meeting = db.session.scalar(
            sa.select(Submission).where(Submission.step == "second_meeting")
        )
        assert second_meeting is not None
        answers = dict(second_meeting.answers)
        answers["consent_valid_until"] = (local_today() - timedelta(days=1)).isoformat()
        second_meeting.answers = answers
        db.session.commit()
    card = consent_card(logged_in, case_url)
    assert "consent-expired" in card and "Expired" in card
    assert "Yes, but expired" in card and "Withdraw for this recipient" not in card
    page = logged_in.get(f"{case_url}/network").get_data(as_text=True)
    assert "There is no running consent to share information" in page


def test_a_legal_representative_is_recorded_encrypted_on_the_person(
    logged_in: FormClient, app: Flask
) -> None:
    person_url = register(logged_in)
    edit = f"{person_url}/edit"
    details = {
        "first_name": "Zofia",
        "last_name": "Wójcik-Łęcka",
        "identity_country": "pl",
        "identity_number": "44051401458",
        "preferred_language": "pl",
        "legal_rep_kind": "opiekun_prawny",
        "legal_rep_name": "",
    }
    page = logged_in.post(edit, details).get_data(as_text=True)
    assert "Give the name of the legal representative." in page
    details.update(legal_rep_name="Adam Żółw & <i>", legal_rep_contact="601 234 567")
    assert logged_in.post(edit, details).status_code == 302
    page = logged_in.get(person_url).get_data(as_text=True)
    assert "Adam Żółw &amp; &lt;i&gt;" in page and "Opiekun prawny" in page
    with app.app_context():
        raw = db.session.execute(sa.text("SELECT legal_rep_name FROM persons")).one()
        assert b"Adam" not in bytes(raw[0])
        event = db.session.scalar(
            sa.select(AuditEvent)
            .where(AuditEvent.action == "person.update")
            .order_by(AuditEvent.id.desc())
        )
        assert event is not None and "legal_rep_name" in event.details["fields"]
        person = db.session.scalar(sa.select(Person))
        assert person is not None and person.legal_rep_contact == "601 234 567"


def test_an_admin_sets_the_controller_and_the_confidentiality_law(
    client: FormClient, make_user: Any, app: Flask
) -> None:
    admin = make_user(email="admin@example.org", role=Role.ADMIN)
    assert client.login(admin.email).status_code == 302
    page = client.get("/admin/users").get_data(as_text=True)
    assert "What the consent prints" in page and "Swedish public authority: OSL 26 kap." in page
    bad = client.post(
        "/admin/unit/settings",
        {"organisation": "Tamira AB", "confidentiality": "gdpr"},
        form_url="/admin/users",
    )
    assert bad.status_code == 200 and "Not a valid choice" in bad.get_data(as_text=True)
    response = client.post(
        "/admin/unit/settings",
        {"organisation": "Tamira AB & <Co>", "confidentiality": "sol"},
        form_url="/admin/users",
    )
    assert response.status_code == 302
    with app.app_context():
        unit = db.session.get(Unit, admin.unit_id)
        assert unit is not None
        assert (unit.organisation, unit.confidentiality) == ("Tamira AB & <Co>", "sol")
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "unit.settings"))
        assert event is not None and event.details == {
            "fields": ["organisation", "confidentiality"]
        }


def test_a_worker_cannot_change_the_units_settings(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    response = logged_in.post(
        "/admin/unit/settings",
        {"organisation": "X", "confidentiality": "sol"},
        form_url="/my-week",
    )
    assert response.status_code == 403
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        assert unit is not None and unit.confidentiality == "osl"
