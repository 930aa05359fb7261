"""The Polish and Swedish pages speak their language only: method names, login notice, lists."""

from __future__ import annotations

import pytest
from flask import Flask

from service.models import User
from service.template_helpers import join_labels
from tests.conftest import FormClient, hidden_inputs
from tests.test_journey import START, open_case, register, second

POLISH_METHODS = (
    "IPWzB – Indywidualny Program Wychodzenia z Bezdomności",
    "BUSS – mieszkanie, edukacja, zajęcie, więzi społeczne",
)


def _in(client: FormClient, language: str) -> FormClient:
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def test_the_method_choice_is_in_the_pages_language(logged_in: FormClient) -> None:
    person = register(logged_in)
    page = _in(logged_in, "pl").get(f"{person}/cases/new").get_data(as_text=True)
    for name in POLISH_METHODS:
        assert f">{name}<" in page
    assert "individual programme" not in page and "housing, education" not in page
    assert "Socialsekreterare" not in page and "biståndshandläggare" not in page
    assert "Pracownik socjalny, który skierował osobę" in page
    page = _in(logged_in, "sv").get(f"{person}/cases/new").get_data(as_text=True)
    assert ">IPWzB – individuellt program för att ta sig ur hemlöshet<" in page
    assert "pracownik socjalny" not in page


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("sv", "Logga in för att se sidan."),
        ("pl", "Zaloguj się, aby zobaczyć tę stronę."),
        ("en", "Please log in to see this page."),
    ],
)
def test_the_login_notice_after_a_redirect_is_translated(
    client: FormClient, language: str, notice: str
) -> None:
    _in(client, language)
    response = client.get("/persons/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'<div class="flash warning" role="status">{notice}</div>' in page
    assert "Please log in to access this page." not in page


def test_chosen_labels_in_a_list_are_lower_case_inside(
    logged_in: FormClient, worker: User, make_user: object, app: Flask
) -> None:
    """The conflict view lists the other person's choices as Polish writes a list."""
    case_url = open_case(logged_in, register(logged_in), method="ipwzb")
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    url = f"{case_url}/steps/second_meeting"
    _in(logged_in, "pl")
    colleague = make_user(email="ewa@example.org", unit=_unit(app, worker))  # type: ignore[operator]
    other = FormClient(app.test_client())
    _in(other, "pl").login(colleague.email)
    mine = hidden_inputs(logged_in.get(url).get_data(as_text=True))
    theirs = hidden_inputs(other.get(url).get_data(as_text=True))
    data = second(worker.id, action="draft", contact_channels=["sms", "phone", "home_visit"])
    assert other.client.post(url, data={**theirs, **data}).status_code == 302
    page = logged_in.client.post(url, data={**mine, **second(worker.id)}).get_data(as_text=True)
    assert "<dd>SMS, rozmowa telefoniczna, wizyta domowa</dd>" in page


def test_join_labels_keeps_abbreviations_and_the_first_capital() -> None:
    assert join_labels(["Sms", "Telefonsamtal", "Hembesök"]) == "Sms, telefonsamtal, hembesök"
    assert join_labels(["Wizyta domowa", "SMS", "E-mail"]) == "Wizyta domowa, SMS, e-mail"
    assert join_labels([]) == ""


def _unit(app: Flask, user: User) -> object:
    from service.extensions import db
    from service.models import Unit

    with app.app_context():
        unit = db.session.get(Unit, user.unit_id)
        db.session.expunge(unit)
        return unit
