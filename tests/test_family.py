"""The family as the unit of work: a case holds the members of the person's family (names,
optional PESEL or personnummer, role, adult or child, party to the kontrakt), on pages of their
own; the members are audited by ids only, encrypted at rest, exported and erased."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, Case, FamilyMember, Person, User
from tests.conftest import FormClient
from tests.test_journey import open_case, register

HOSTILE_NAME = "Łucja & <b>{{ x }}</b> Żółć"
TOMASZ = {
    "first_name": "Tomasz",
    "last_name": "Nowak",
    "family_role": "partner",
    "age": "adult",
    "identity_country": "pl",
    "identity_number": "44051401458",
    "address": "",
    "party": "y",
}


def _case(client: FormClient) -> str:
    return open_case(client, register(client, identity_number="", identity_country=""))


def test_members_are_added_changed_and_removed(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = _case(logged_in)
    case_page = logged_in.get(case_url).get_data(as_text=True)
    assert f'href="{case_url}/family"' in case_page
    page = logged_in.get(f"{case_url}/family").get_data(as_text=True)
    assert "No family members recorded yet." in page
    assert '<option selected value="pl">' in page or 'value="pl" selected' in page
    response = logged_in.post(f"{case_url}/family", TOMASZ)
    assert response.status_code == 302, response.get_data(as_text=True)
    child = {**TOMASZ, "first_name": HOSTILE_NAME, "family_role": "child", "age": "child"}
    child |= {"identity_number": "", "party": "", "address": "ul. Długa 5 & <i>{{ a }}</i>"}
    assert logged_in.post(f"{case_url}/family", child).status_code == 302
    page = logged_in.get(f"{case_url}/family").get_data(as_text=True)
    assert "Tomasz Nowak" in page and "Partner or spouse" in page and "44051401458" in page
    assert "Łucja &amp; &lt;b&gt;{{ x }}&lt;/b&gt; Żółć Nowak" in page
    assert "ul. Długa 5 &amp; &lt;i&gt;{{ a }}&lt;/i&gt;" in page
    assert 'data-label="Role in the family"' in page
    with app.app_context():
        tomasz, ola = db.session.scalars(sa.select(FamilyMember).order_by(FamilyMember.id))
        assert tomasz.adult and tomasz.party and tomasz.identity_kind == "pesel"
        assert not ola.adult and not ola.party and ola.first_name == HOSTILE_NAME
        raw = db.session.execute(
            sa.text("SELECT first_name, identity_number, address FROM family_members")
        ).all()
        assert all(b"Tomasz" not in bytes(r[0]) for r in raw)
        assert b"44051401458" not in bytes(raw[0][1])
        events = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "family.add")
        ).all()
        assert [e.details for e in events] == [
            {"member": tomasz.id, "family_role": "partner"},
            {"member": ola.id, "family_role": "child"},
        ]
        tomasz_id, ola_id = tomasz.id, ola.id
    edit = logged_in.get(f"{case_url}/family/{tomasz_id}").get_data(as_text=True)
    assert 'value="Tomasz"' in edit and "Save the changes" in edit
    response = logged_in.post(
        f"{case_url}/family/{tomasz_id}", {**TOMASZ, "address": "ul. Krótka 1, Bolesławiec"}
    )
    assert response.status_code == 302
    with app.app_context():
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "family.update"))
        assert event is not None and event.details == {"member": tomasz_id, "fields": ["address"]}
        assert "Tomasz" not in json.dumps(event.details)
    logged_in.post(f"{case_url}/family/{ola_id}/remove", {}, form_url=f"{case_url}/family")
    page = logged_in.get(f"{case_url}/family").get_data(as_text=True)
    assert "Łucja" not in page and "ul. Krótka 1, Bolesławiec" in page
    assert logged_in.get(f"{case_url}/family/{ola_id}").status_code == 404


def test_wrong_input_is_explained_beside_the_field(logged_in: FormClient, app: Flask) -> None:
    case_url = _case(logged_in)
    page = logged_in.post(
        f"{case_url}/family", {**TOMASZ, "identity_number": "44051401459"}
    ).get_data(as_text=True)
    assert "This is not a valid PESEL number." in page
    field = page.split('id="identity_number"', 1)[0].rsplit('class="field', 1)[1]
    assert "This is not a valid PESEL number." in field  # beside the field
    page = logged_in.post(
        f"{case_url}/family", {**TOMASZ, "first_name": "x" * 101, "family_role": "boss"}
    ).get_data(as_text=True)
    assert "At most 100 characters." in page
    page = logged_in.post(f"{case_url}/family", {**TOMASZ, "age": "child"}).get_data(as_text=True)
    assert "Only an adult can be a party to the kontrakt." in page
    page = logged_in.post(f"{case_url}/family", {**TOMASZ, "first_name": ""}).get_data(as_text=True)
    assert "This field is required." in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(FamilyMember.id))) == 0


def test_polish_messages_beside_the_field(logged_in: FormClient) -> None:
    case_url = _case(logged_in)
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    page = logged_in.post(
        f"{case_url}/family", {**TOMASZ, "identity_number": "12345678901"}
    ).get_data(as_text=True)
    assert "To nie jest prawidłowy numer PESEL." in page
    assert "Rola w rodzinie" in page


def test_another_cases_or_units_member_is_not_found(
    logged_in: FormClient, client: FormClient, app: Flask, make_user: Any
) -> None:
    first = _case(logged_in)
    logged_in.post(f"{first}/family", TOMASZ)
    with app.app_context():
        member_id = db.session.scalar(sa.select(FamilyMember.id))
    other = _case(logged_in)
    assert logged_in.get(f"{other}/family/{member_id}").status_code == 404
    response = logged_in.post(f"{other}/family/{member_id}/remove", {}, form_url=f"{other}/family")
    assert response.status_code == 404
    make_user(email="other@example.org")  # staff of another unit
    client.switch_to("other@example.org")
    assert client.get(f"{first}/family").status_code == 404
    assert client.get(f"{first}/family/{member_id}").status_code == 404


def test_export_includes_and_erasure_removes_the_members(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    from service.privacy.erasure import erase_person
    from service.privacy.export import build_person_export

    case_url = _case(logged_in)
    logged_in.post(f"{case_url}/family", TOMASZ)
    with app.app_context():
        case = db.session.get(Case, int(case_url.rsplit("/", 1)[1]))
        assert case is not None
        person = db.session.get(Person, case.person_id)
        assert person is not None
        archive = zipfile.ZipFile(io.BytesIO(build_person_export(person)))
        (name,) = [n for n in archive.namelist() if n.endswith("case.json")]
        data = json.loads(archive.read(name))
        (row,) = data["family_members"]
        assert row["first_name"] == "Tomasz" and row["identity_number"] == "44051401458"
        erase_person(person, reason="art. 17", actor=None)
        db.session.commit()
        member = db.session.scalar(sa.select(FamilyMember))
        assert member is not None
        assert member.first_name == "" and member.last_name == "" and member.address == ""
        assert not member.identity_number


def test_a_swedish_case_checks_a_personnummer(logged_in: FormClient, app: Flask) -> None:
    case_url = open_case(
        logged_in, register(logged_in, identity_number="", identity_country=""), method="buss"
    )
    page = logged_in.get(f"{case_url}/family").get_data(as_text=True)
    assert '<option selected value="se">' in page or 'value="se" selected' in page
    swedish = {**TOMASZ, "identity_country": "se", "party": ""}
    page = logged_in.post(
        f"{case_url}/family", {**swedish, "identity_number": "19850709-9806"}
    ).get_data(as_text=True)
    assert "This is not a valid Swedish personnummer or samordningsnummer." in page
    response = logged_in.post(f"{case_url}/family", {**swedish, "identity_number": "850709-9805"})
    assert response.status_code == 302
    with app.app_context():
        member = db.session.scalar(sa.select(FamilyMember))
        assert member is not None
        assert (member.identity_kind, member.identity_number) == ("personnummer", "198507099805")
    assert "19850709-9805" in logged_in.get(f"{case_url}/family").get_data(as_text=True)
