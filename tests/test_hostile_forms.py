"""Hostile input through the newer forms: person edit, consent withdrawal, the error summary.

Diacritics, markup, template syntax, control characters and very long text are either kept as
typed (escaped on the page) or refused beside the field; nothing answers 500. Another unit's
person is not found.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import ConsentWithdrawal, Person, User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second
from tests.test_person_edit import FORM, person_id

NASTY = "Łucja Ñandú & <b>Ö</b> {{ 7*7 }} {% if 1 %}x{% endif %} ' \" ; DROP"
CONTROL = "Zo\x00fia\x07\x1b[31m\u200b\ufeff"
LONG = "Å" * 20_000


@pytest.mark.parametrize(
    "changes",
    [
        {"first_name": NASTY[:100], "address": NASTY},
        {"first_name": CONTROL, "last_name": CONTROL, "phone": CONTROL},
        {"first_name": LONG, "address": LONG, "phone": LONG, "email": LONG},
        {"email": "ä@<script>.pl", "identity_number": "{{ x }}"},
        {"identity_country": "<x>", "preferred_language": "{{ x }}"},
        {"date_of_birth": "2026-02-30"},
        {"date_of_birth": "\x00"},
    ],
)
def test_person_edit_takes_hostile_input_without_a_server_error(
    logged_in: FormClient, app: Flask, changes: dict[str, str]
) -> None:
    person_url = register(logged_in)
    response = logged_in.post(f"{person_url}/edit", {**FORM, **changes})
    assert response.status_code in (200, 302)
    page = logged_in.get(person_url if response.status_code == 302 else f"{person_url}/edit")
    html = (response if response.status_code == 200 else page).get_data(as_text=True)
    assert "<b>Ö</b>" not in html
    with app.app_context():
        person = db.session.get(Person, person_id(person_url))
        for value in (person.first_name, person.last_name, person.address, person.phone):
            assert "\x00" not in value and "\x1b" not in value


def test_person_edit_keeps_markup_and_template_syntax_as_typed(
    logged_in: FormClient, app: Flask
) -> None:
    person_url = register(logged_in)
    assert logged_in.post(f"{person_url}/edit", {**FORM, "address": NASTY}).status_code == 302
    page = logged_in.get(person_url).get_data(as_text=True)
    assert "&lt;b&gt;Ö&lt;/b&gt;" in page and "{{ 7*7 }}" in page and "Ñandú &amp;" in page
    with app.app_context():
        assert db.session.get(Person, person_id(person_url)).address == NASTY


def test_another_units_person_cannot_be_edited(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    mine = make_user(email="mine@example.org", unit=make_unit())
    other = make_user(email="other@example.org", unit=make_unit())
    client.login(other.email)
    theirs = register(client)
    client.post("/logout", {}, form_url="/")
    client.login(mine.email)
    assert client.get(f"{theirs}/edit").status_code == 404
    assert client.post(f"{theirs}/edit", FORM, form_url="/persons/new").status_code == 404
    assert client.get("/persons/999999/edit").status_code == 404
    with app.app_context():
        assert db.session.get(Person, person_id(theirs)).last_name == "Wójcik-Łęcka"


@pytest.fixture
def consenting_case(logged_in: FormClient, worker: User) -> str:
    case_url = open_case(logged_in, register(logged_in))
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    return case_url


@pytest.mark.parametrize(
    "data",
    [
        {"withdrawn_on": "{{ x }}", "confirmed": "yes"},
        {"withdrawn_on": "2026-13-45", "confirmed": "yes"},
        {"withdrawn_on": "\x00", "confirmed": "yes"},
        {"withdrawn_on": LONG, "confirmed": "yes"},
        {"withdrawn_on": "2026-11-20", "confirmed": "<script>" + LONG},
        {"withdrawn_on": "", "confirmed": ""},
    ],
)
def test_withdrawal_confirmation_takes_hostile_input_without_recording(
    logged_in: FormClient, consenting_case: str, data: dict[str, str], app: Flask
) -> None:
    url = f"{consenting_case}/consent/withdraw"
    response = logged_in.post(url, data, form_url=consenting_case)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<script>" not in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ConsentWithdrawal)) == 0


def test_error_summary_escapes_what_was_typed(logged_in: FormClient, worker: User) -> None:
    case_url = open_case(logged_in, register(logged_in))
    data = {
        **START,
        "meeting_date": "{{ x }}",
        "participants": NASTY + LONG,
        "own_words": CONTROL,
        "wants_to_take_part": "<script>",
        "next_meeting": "\x00",
    }
    response = logged_in.post(f"{case_url}/steps/start_meeting", data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<b>Ö</b>" not in page and "<script>" not in page
    assert 'class="form-errors error-summary"' in page
    assert 'href="#meeting_date"' in page and 'href="#participants"' in page
