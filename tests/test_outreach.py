"""Outreach (streetwork): anonymous contacts per unit, identity numbers refused, audited, and one
contact kept on the case of the person when they register."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.clock import local_today
from service.extensions import db
from service.models import AuditEvent, Case, OutreachContact, Person, Role, User
from tests.conftest import FormClient

NOTE = "Rozmowa przy kasach & <b>{{ x }}</b> {% if %} – zimno, ręce skostniałe\x07"


def outreach(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "day": (local_today() - timedelta(days=1)).isoformat(),
        "at": "22:15",
        "duration": "40",
        "place_kind": "station",
        "place": "Dworzec PKP, poczekalnia",
        "people": "3",
        "offered": ["conversation", "hot_meal", "clothes"],
        "referrals": ["night_shelter"],
        "referred": "2",
        "note": NOTE,
    }
    data.update(overrides)
    return data


def record(client: FormClient, app: Flask, **overrides: Any) -> int:
    """Record through the form; the new contact's id."""
    response = client.post("/outreach", outreach(**overrides))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        return int(db.session.scalar(sa.select(sa.func.max(OutreachContact.id))) or 0)


def test_an_outreach_contact_is_recorded_without_a_person(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    page = logged_in.get("/outreach").get_data(as_text=True)
    assert "Outreach contacts are anonymous" in page and "no names and no identity numbers" in page
    contact_id = record(logged_in, app)
    page = logged_in.get("/outreach").get_data(as_text=True)
    assert "The outreach contact is recorded." in page
    assert "Railway or bus station" in page and "Dworzec PKP, poczekalnia" in page
    assert "Conversation and support, Hot meal or drink" in page
    assert "Referred to: Night shelter or warming centre" in page and "2 persons" in page
    assert "&lt;b&gt;{{ x }}&lt;/b&gt; {% if %}" in page and "<b>{{" not in page
    with app.app_context():
        contact = db.session.get(OutreachContact, contact_id)
        assert contact.unit_id == worker.unit_id and contact.case_id is None
        assert (contact.people, contact.referred) == (3, 2)
        assert contact.referrals == ["night_shelter"] and "\x07" not in contact.note
        raw = db.session.execute(sa.text("SELECT note, place FROM outreach_contacts")).one()
        assert b"kasach" not in bytes(raw[0]) and b"Dworzec" not in bytes(raw[1])  # encrypted
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "outreach.record")
        )
        assert event.details == {
            "contact": contact_id,
            "place_kind": "station",
            "people": 3,
        }  # numbers and keys, never the note
        assert db.session.scalar(
            sa.select(sa.func.count()).where(AuditEvent.action == "outreach.view")
        )
    page = logged_in.get(f"/outreach/{contact_id}").get_data(as_text=True)
    assert "Register the person and open a case" in page and "Dworzec PKP" in page


def test_identity_numbers_and_wrong_counts_are_refused(logged_in: FormClient, app: Flask) -> None:
    for field, value in (
        ("note", "Pan podał PESEL 44051401458, prosi o pomoc"),
        ("note", "personnummer 19850709-9805"),
        ("place", "przy 850709-9805"),
    ):
        response = logged_in.post("/outreach", outreach(**{field: value}))
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Outreach contacts are anonymous: remove the identity number." in page
    page = logged_in.post("/outreach", outreach(referred="4")).get_data(as_text=True)
    assert "No more people can be referred than were reached." in page
    page = logged_in.post("/outreach", outreach(referrals=[], referred="1")).get_data(as_text=True)
    assert "Tick where the people were referred." in page
    page = logged_in.post("/outreach", outreach(place_kind="", people="0")).get_data(as_text=True)
    assert "Choose the kind of place." in page and "Between 1 and 500 people." in page
    page = logged_in.post("/outreach", outreach(place="x" * 201)).get_data(as_text=True)
    assert "At most 200 characters." in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(OutreachContact)) == 0
    # a phone number is not an identity number
    record(logged_in, app, note="Numer do pana Mariusza: +48 600 123 456")


def test_the_identity_error_is_translated(logged_in: FormClient, app: Flask) -> None:
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    page = logged_in.post("/outreach", outreach(note="PESEL 44051401458")).get_data(as_text=True)
    assert "Kontakty w ramach streetworkingu są anonimowe: usuń numer identyfikacyjny." in page
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sv"
    page = logged_in.post("/outreach", outreach(note="pnr 19850709-9805")).get_data(as_text=True)
    assert "Kontakter i uppsökande arbete är anonyma: ta bort identitetsnumret." in page


def test_another_unit_sees_nothing_and_a_caseworker_only_reads(
    logged_in: FormClient, client: FormClient, app: Flask, make_user: Any, worker: User
) -> None:
    contact_id = record(logged_in, app)
    logged_in.post("/logout", {}, form_url="/outreach")
    make_user(email="other@example.org")
    client.login("other@example.org")
    page = client.get("/outreach").get_data(as_text=True)
    assert "Dworzec PKP" not in page and "No outreach contacts recorded yet." in page
    assert client.get(f"/outreach/{contact_id}").status_code == 404
    assert client.get(f"/outreach/{contact_id}/register").status_code == 404
    response = client.post(
        f"/outreach/{contact_id}/link", {"reference": "C-2026-000001"}, form_url="/outreach"
    )
    assert response.status_code == 404
    client.post("/logout", {}, form_url="/outreach")
    with app.app_context():
        from service.models import Unit

        unit = db.session.get(Unit, worker.unit_id)
        db.session.expunge(unit)
    make_user(email="cw@example.org", unit=unit, role=Role.CASEWORKER)
    client.login("cw@example.org")
    page = client.get("/outreach").get_data(as_text=True)
    assert "Dworzec PKP" in page and "Record the outreach contact" not in page
    assert (
        client.post("/outreach", outreach(), form_url="/outreach/" + str(contact_id)).status_code
        == 403
    )
    page = client.get(f"/outreach/{contact_id}").get_data(as_text=True)
    assert "Register the person and open a case" not in page


def test_the_person_met_registers_and_the_contact_is_kept_on_the_case(
    logged_in: FormClient, app: Flask, worker: User
) -> None:
    contact_id = record(logged_in, app)
    url = f"/outreach/{contact_id}/register"
    page = logged_in.get(url).get_data(as_text=True)
    assert "Registering is voluntary" in page and "Sex (optional)" in page
    person = {
        "first_name": "Mariusz",
        "last_name": "Zieliński",
        "identity_country": "",
        "identity_number": "",
        "sex": "male",
        "preferred_language": "pl",
        "method": "ipwzb",
        "referring_caseworker_id": "",
        "referring_caseworker_name": "",
        "assignment": "Wyjście z bezdomności po kontakcie na dworcu",
    }
    page = logged_in.post(url, {**person, "first_name": "", "method": ""}).get_data(as_text=True)
    assert "2 answers need correcting" in page
    response = logged_in.post(url, person)
    assert response.status_code == 302, response.get_data(as_text=True)
    case_url = response.headers["Location"]
    with app.app_context():
        contact = db.session.get(OutreachContact, contact_id)
        case = db.session.get(Case, contact.case_id)
        assert case.method == "ipwzb" and case.unit_id == worker.unit_id
        assert db.session.get(Person, case.person_id).sex == "male"
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "outreach.link"))
        assert event.case_id == case.id and event.details == {"contact": contact_id}
        reference = case.reference
    journal = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Outreach before registering" in journal and "Dworzec PKP, poczekalnia" in journal
    page = logged_in.get(f"/outreach/{contact_id}").get_data(as_text=True)
    assert "this contact is kept on their case" in page and reference in page
    response = logged_in.get(url)
    assert response.status_code == 302  # registered once only
    # a later contact with the same person is tied to the case by its number
    second = record(logged_in, app, place_kind="allotments", place="Działki przy Zgorzeleckiej")
    response = logged_in.post(
        f"/outreach/{second}/link", {"reference": "C-1999-999999"}, form_url=f"/outreach/{second}"
    )
    assert "No case of your unit has this number." in response.get_data(as_text=True)
    response = logged_in.post(
        f"/outreach/{second}/link", {"reference": reference.lower()}, form_url=f"/outreach/{second}"
    )
    assert response.status_code == 302
    journal = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Działki przy Zgorzeleckiej" in journal and "Allotment gardens" in journal


def test_erasing_the_person_erases_the_contacts_kept_on_their_case(
    logged_in: FormClient, app: Flask, worker: User
) -> None:
    contact_id = record(logged_in, app)
    response = logged_in.post(
        f"/outreach/{contact_id}/register",
        {
            "first_name": "Jan",
            "last_name": "Nowicki",
            "identity_country": "",
            "sex": "",
            "preferred_language": "pl",
            "method": "ipwzb",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        from service.privacy.erasure import erase_person

        contact = db.session.get(OutreachContact, contact_id)
        case = db.session.get(Case, contact.case_id)
        erase_person(db.session.get(Person, case.person_id), reason="test", actor=None)
        db.session.commit()
        db.session.expire_all()
        contact = db.session.get(OutreachContact, contact_id)
        assert contact.note == "" and contact.place == ""
        assert contact.people == 3  # the counts stay for the yearly report


def test_the_bolesławiec_demo_has_streetwork_and_one_person_who_registered(
    app: Flask, client: FormClient
) -> None:
    from service.demo import DEMO_PASSWORD, load_demo

    with app.app_context():
        load_demo()
        marta = db.session.scalar(sa.select(Person).where(Person.last_name == "Lis"))
        case = db.session.scalar(sa.select(Case).where(Case.person_id == marta.id))
        kept = db.session.scalars(
            sa.select(OutreachContact).where(OutreachContact.case_id == case.id)
        ).all()
        assert [c.place_kind for c in kept] == ["allotments"] and marta.sex == "female"
        assert (
            db.session.scalar(
                sa.select(sa.func.count())
                .select_from(OutreachContact)
                .where(OutreachContact.unit_id == case.unit_id)
            )
            == 4
        )
        case_id = case.id
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    client.login("iza@mops-boleslawiec.example", DEMO_PASSWORD)
    page = client.get("/outreach").get_data(as_text=True)
    assert "Dworzec PKP, poczekalnia i peron 1" in page and "Pustostan" in page
    assert "Osoba jest zarejestrowana" in page
    journal = client.get(f"/cases/{case_id}/journal").get_data(as_text=True)
    assert "Streetworking przed rejestracją" in journal and "Ogródki działkowe" in journal
    report = client.get("/reports/year").get_data(as_text=True)
    assert "Anonimowe kontakty w streetworkingu" in report


def test_older_contacts_are_a_page_further(
    logged_in: FormClient, app: Flask, monkeypatch: Any
) -> None:
    from service.outreach import operations

    monkeypatch.setattr(operations, "PAGE_SIZE", 2)
    for days, place in ((3, "Najstarszy"), (2, "Środkowy"), (1, "Najnowszy")):
        record(logged_in, app, place=place, day=(local_today() - timedelta(days=days)).isoformat())
    page = logged_in.get("/outreach").get_data(as_text=True)
    assert "Najnowszy" in page and "Środkowy" in page and "Najstarszy" not in page
    older = page.split('href="/outreach?before=')[1].split('"')[0]
    page = logged_in.get(f"/outreach?before={older}").get_data(as_text=True)
    assert "Najstarszy" in page and "Środkowy" not in page and "Older outreach contacts" not in page
    assert logged_in.get("/outreach?before=99999999999999999999").status_code == 200
