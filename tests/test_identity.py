"""Identity numbers: personnummer, samordningsnummer and PESEL, in the form and on their own."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.identity import InvalidIdentityNumber, parse_identity_number
from service.extensions import db
from service.models import Person
from tests.conftest import FormClient


@pytest.mark.parametrize(
    ("country", "value", "kind", "stored", "born"),
    [
        ("se", "850709-9805", "personnummer", "198507099805", date(1985, 7, 9)),
        ("se", "19850709-9805", "personnummer", "198507099805", date(1985, 7, 9)),
        ("se", "8507099805", "personnummer", "198507099805", date(1985, 7, 9)),
        ("se", "121212+1212", "personnummer", "191212121212", date(1912, 12, 12)),
        ("se", "701063-2391", "samordningsnummer", "197010632391", date(1970, 10, 3)),
        ("se", "19701063-2391", "samordningsnummer", "197010632391", date(1970, 10, 3)),
        ("pl", "44051401458", "pesel", "44051401458", date(1944, 5, 14)),
        ("pl", "02270803624", "pesel", "02270803624", date(2002, 7, 8)),
    ],
)
def test_valid_numbers(country: str, value: str, kind: str, stored: str, born: date) -> None:
    number = parse_identity_number(country, value)
    assert (number.kind, number.number, number.birth_date) == (kind, stored, born)


@pytest.mark.parametrize(
    ("country", "value"),
    [
        ("se", "850709-9806"),  # wrong check digit
        ("se", "851309-9805"),  # month 13
        ("se", "850732-9805"),  # day 32
        ("se", "701093-2391"),  # samordningsnummer day 33 (+60)
        ("se", "701063-2392"),  # samordningsnummer, wrong check digit
        ("se", "44051401458"),  # a PESEL is not a Swedish number
        ("se", "abc"),
        ("pl", "44051401459"),  # wrong checksum
        ("pl", "4405140145"),  # too short
        ("pl", "850709-9805"),
    ],
)
def test_invalid_numbers(country: str, value: str) -> None:
    with pytest.raises(InvalidIdentityNumber):
        parse_identity_number(country, value)


PERSON = {
    "first_name": "Zofia",
    "last_name": "Wójcik-Łęcka",
    "identity_country": "pl",
    "identity_number": "44051401458",
    "preferred_language": "pl",
    "address": "ul. Kolejowa 14 & <b>Sopot</b>",
    "phone": "+48 600 000 000",
    "email": "",
    "date_of_birth": "",
}


def test_register_person_with_pesel(logged_in: FormClient, app: Flask) -> None:
    response = logged_in.post("/persons/new", PERSON)
    assert response.status_code == 302
    with app.app_context():
        person = db.session.scalar(sa.select(Person))
    assert person is not None
    assert (person.identity_kind, person.identity_number) == ("pesel", "44051401458")
    assert person.date_of_birth == date(1944, 5, 14)  # taken from the number
    page = logged_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Wójcik-Łęcka" in page and "44051401458" in page
    assert "&lt;b&gt;Sopot&lt;/b&gt;" in page and "<b>Sopot" not in page


def test_register_person_without_number(logged_in: FormClient, app: Flask) -> None:
    data = {**PERSON, "identity_country": "", "identity_number": "", "date_of_birth": "1990-02-03"}
    assert logged_in.post("/persons/new", data).status_code == 302
    with app.app_context():
        person = db.session.scalar(sa.select(Person))
    assert person.identity_number is None and person.date_of_birth == date(1990, 2, 3)


@pytest.mark.parametrize(
    ("country", "value", "message"),
    [
        ("pl", "44051401459", "This is not a valid PESEL number."),
        ("se", "850709-9806", "This is not a valid Swedish personnummer or samordningsnummer."),
        ("", "850709-9805", "Choose the kind of identity number."),
    ],
)
def test_wrong_number_is_explained_beside_the_field_and_input_kept(
    logged_in: FormClient, app: Flask, country: str, value: str, message: str
) -> None:
    data = {**PERSON, "identity_country": country, "identity_number": value}
    response = logged_in.post("/persons/new", data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<p class="error" id="identity_number-error">{message}</p>' in page
    assert 'aria-describedby="identity_number-help identity_number-error"' in page
    # every other answer is still filled in
    assert 'value="Zofia"' in page and 'value="Wójcik-Łęcka"' in page
    assert f'value="{value}"' in page
    assert "ul. Kolejowa 14 &amp; &lt;b&gt;Sopot&lt;/b&gt;</textarea>" in page
    assert 'value="+48 600 000 000"' in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Person.id))) == 0


def test_wrong_number_message_in_polish(logged_in: FormClient) -> None:
    logged_in.get("/language/pl")
    response = logged_in.post("/persons/new", {**PERSON, "identity_number": "44051401459"})
    assert "To nie jest prawidłowy numer PESEL." in response.get_data(as_text=True)


def test_birth_date_must_match_the_number(logged_in: FormClient) -> None:
    response = logged_in.post("/persons/new", {**PERSON, "date_of_birth": "1950-01-01"})
    assert "The date of birth does not match the identity number." in response.get_data(
        as_text=True
    )


def test_same_number_twice_in_a_unit_is_refused(logged_in: FormClient) -> None:
    assert logged_in.post("/persons/new", PERSON).status_code == 302
    response = logged_in.post("/persons/new", {**PERSON, "identity_number": "440514 01458"})
    assert response.status_code == 200
    assert "already registered" in response.get_data(as_text=True)


def test_control_characters_are_dropped_from_typed_text(logged_in: FormClient, app: Flask) -> None:
    data = {**PERSON, "first_name": "Zo\x00fia\x0b", "address": "ul.\x07 Kolejowa\n14\tSopot"}
    assert logged_in.post("/persons/new", data).status_code == 302
    with app.app_context():
        person = db.session.scalar(sa.select(Person))
        assert person.first_name == "Zofia"
        assert person.address == "ul. Kolejowa\n14\tSopot"  # line breaks and tabs stay
