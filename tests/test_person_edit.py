"""Changing a person's details after registering: same checks, audited, documents unchanged."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, Document, Person, Role, User
from tests.conftest import FormClient
from tests.test_journey import (
    START,
    docx_text,
    ipwzb_assessment,
    issue_kontrakt,
    open_case,
    register,
    second,
)

FORM = {
    "first_name": "Zofia",
    "last_name": "Nowak",
    "identity_country": "pl",
    "identity_number": "44051401458",
    "date_of_birth": "",
    "preferred_language": "en",
    "address": "ul. Morska 5, Sopot",
    "phone": "+48 500 600 700",
    # An e-mail address needs the email-validator package, declared by another change.
    "email": "",
}


def person_id(url: str) -> int:
    return int(url.rstrip("/").rsplit("/", 1)[1])


def test_the_person_page_links_to_editing_and_the_form_shows_the_details(
    logged_in: FormClient,
) -> None:
    person_url = register(logged_in, address="ul. Długa 1", phone="500 100 200")
    page = logged_in.get(person_url).get_data(as_text=True)
    assert f'href="{person_url}/edit"' in page and "Edit the details" in page
    form = logged_in.get(f"{person_url}/edit").get_data(as_text=True)
    assert 'value="Wójcik-Łęcka"' in form
    assert 'value="44051401458"' in form
    assert '<option selected value="pl">' in form  # the kind of number and the language
    assert "ul. Długa 1</textarea>" in form
    assert 'value="500 100 200"' in form


def test_editing_changes_the_details_audits_ids_only_and_keeps_issued_documents(
    logged_in: FormClient, worker: User, app: Flask, social_worker: User
) -> None:
    person_url = register(logged_in)
    case_url = open_case(logged_in, person_url)
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    assert logged_in.post(f"{case_url}/steps/assessment", ipwzb_assessment()).status_code == 302
    assert issue_kontrakt(logged_in, case_url, social_worker, worker).status_code == 302
    with app.app_context():
        issued = db.session.scalar(sa.select(Document))
        before = (issued.content, issued.sha256, dict(issued.context))

    response = logged_in.post(f"{person_url}/edit", FORM)
    assert response.status_code == 302
    assert response.headers["Location"] == person_url
    page = logged_in.get(person_url).get_data(as_text=True)
    assert "Zofia Nowak" in page and "English" in page and "+48 500 600 700" in page

    with app.app_context():
        person = db.session.get(Person, person_id(person_url))
        assert (person.last_name, person.preferred_language) == ("Nowak", "en")
        assert (person.address, person.phone) == ("ul. Morska 5, Sopot", "+48 500 600 700")
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "person.update"))
        assert event is not None
        assert (event.person_id, event.user_id) == (person.id, worker.id)
        assert event.details == {"fields": ["last_name", "preferred_language", "address", "phone"]}
        assert "Nowak" not in str(event.details) and "Morska" not in str(event.details)
        document = db.session.scalar(sa.select(Document))
        assert (document.content, document.sha256, document.context) == before
        assert document.context["person"]["full_name"] == "Zofia Wójcik-Łęcka"
    text = docx_text(logged_in.get(f"/documents/{document.id}/download").data)
    assert "Zofia Wójcik-Łęcka" in text and "Nowak" not in text


def test_a_wrong_value_keeps_everything_typed(logged_in: FormClient, app: Flask) -> None:
    person_url = register(logged_in)
    response = logged_in.post(
        f"{person_url}/edit", {**FORM, "identity_number": "44051401459", "first_name": ""}
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "This is not a valid PESEL number." in page
    assert "This field is required." in page  # every wrong answer is named
    assert 'value="44051401459"' in page and 'value="Nowak"' in page
    assert "ul. Morska 5, Sopot</textarea>" in page
    with app.app_context():
        assert db.session.get(Person, person_id(person_url)).last_name == "Wójcik-Łęcka"
        assert (
            db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "person.update"))
            is None
        )


def test_the_number_is_unique_in_the_unit_except_for_the_person_themself(
    logged_in: FormClient, app: Flask
) -> None:
    first = register(logged_in)
    other = register(
        logged_in, first_name="Marek", last_name="Dąbrowski", identity_number="02070803628"
    )
    # Keeping one's own number is fine.
    assert logged_in.post(f"{first}/edit", FORM).status_code == 302
    # Taking the other person's number is refused beside the field.
    response = logged_in.post(f"{other}/edit", {**FORM, "first_name": "Marek"})
    assert response.status_code == 200
    assert "A person with this identity number is already registered." in response.get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.get(Person, person_id(other)).identity_number == "02070803628"


def test_a_read_only_caseworker_cannot_edit(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    worker = make_user(email="w@example.org", unit=unit)
    caseworker = make_user(email="c@example.org", unit=unit, role=Role.CASEWORKER)
    client.login(worker.email)
    person_url = register(client)
    client.post("/logout", {}, form_url="/")
    client.login(caseworker.email)
    assert "Edit the details" not in client.get(person_url).get_data(as_text=True)
    assert client.get(f"{person_url}/edit").status_code == 403
    response = client.post(f"{person_url}/edit", FORM, form_url=person_url)
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(Person, person_id(person_url)).last_name == "Wójcik-Łęcka"
