"""What every form page shows around its fields: the error summary (each wrong answer linked
to its field, with a count) and the hint of a question that becomes required."""

from __future__ import annotations

import re

from service.models import User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second

SUMMARY = re.compile(r'<div class="form-errors error-summary"[^>]*>(.*?)</div>', re.S)
LINK = re.compile(r'<a href="#([^"]+)">([^<]*)</a>')
HINT = "Required when “Does the person consent to sharing information?” is “Yes”."


def summary_links(page: str) -> list[tuple[str, str]]:
    """(target id, text) of every link in the page's error summary; the summary must exist."""
    found = SUMMARY.search(page)
    assert found, "no error summary on the page"
    return LINK.findall(found.group(1))


def started_case(client: FormClient) -> str:
    case_url = open_case(client, register(client))
    assert client.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    return case_url


def test_the_summary_of_a_step_names_each_wrong_answer_and_links_to_it(
    logged_in: FormClient, worker: User
) -> None:
    case_url = started_case(logged_in)
    response = logged_in.post(
        f"{case_url}/steps/second_meeting", second(worker.id, purpose="", accepts_place="")
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "2 answers need correcting" in page
    assert 'role="alert" tabindex="-1" id="form-errors"' in page
    links = summary_links(page)
    assert links == [
        ("accepts_place-0", "Does the person accept the place? – This field is required."),
        ("purpose", "Purpose of the cooperation – This field is required."),
    ]
    for target, _text in links:  # every anchor leads to an element of the page
        assert page.count(f'id="{target}"') == 1, target


def test_the_summary_names_answers_inside_rows_and_the_person_form(
    logged_in: FormClient, worker: User
) -> None:
    case_url = started_case(logged_in)
    page = logged_in.post(
        f"{case_url}/steps/second_meeting",
        second(worker.id, **{"actions-0-by_when": "not a date"}),
    ).get_data(as_text=True)
    assert "1 answer needs correcting" in page
    [(target, text)] = summary_links(page)
    assert target == "actions-0-by_when" and f'id="{target}"' in page
    assert text == "Action 1: By when – This is not a valid date. Choose a day, as YYYY-MM-DD."

    response = logged_in.post(
        "/persons/new", {"first_name": "", "last_name": "", "preferred_language": "sv"}
    )
    links = summary_links(response.get_data(as_text=True))
    assert [target for target, _text in links] == ["first_name", "last_name"]


def test_the_person_edit_page_puts_the_summary_first(logged_in: FormClient) -> None:
    """The summary is the first thing on the page, before the note about issued documents."""
    person_url = register(logged_in)
    page = logged_in.post(
        f"{person_url}/edit", {"first_name": "", "last_name": "", "preferred_language": "sv"}
    ).get_data(as_text=True)
    assert [target for target, _text in summary_links(page)] == ["first_name", "last_name"]
    assert page.index('id="form-errors"') < page.index("Documents already issued keep")
    # The same words for a missing answer as on every step page (not WTForms' own).
    logged_in.get("/language/sv")
    page = logged_in.post(
        f"{person_url}/edit", {"first_name": "", "last_name": "", "preferred_language": "sv"}
    ).get_data(as_text=True)
    assert "Fältet måste fyllas i." in page and "Det här fältet är obligatoriskt." not in page


def test_the_login_page_has_the_same_summary(client: FormClient, worker: User) -> None:
    page = client.post("/login", {"email": worker.email, "password": "wrong"}).get_data(
        as_text=True
    )
    assert summary_links(page) == [("email", "Wrong e-mail or password.")]
    page = client.post("/login", {"email": "", "password": ""}).get_data(as_text=True)
    assert "2 answers need correcting" in page
    assert [target for target, _text in summary_links(page)] == ["email", "password"]


def test_a_failed_login_says_so_and_promises_nothing_about_the_password(
    client: FormClient, worker: User
) -> None:
    # The password is never shown again: "everything you typed is kept" would be untrue, and
    # a wrong password is no "answer that needs correcting".
    page = client.post("/login", {"email": worker.email, "password": "wrong"}).get_data(
        as_text=True
    )
    summary = SUMMARY.search(page)
    assert summary and '<h2 id="form-errors-title">Could not log in</h2>' in summary.group(1)
    assert "answer needs correcting" not in page and "Everything you typed is kept." not in page
    page = client.post("/login", {"email": "", "password": ""}).get_data(as_text=True)
    assert "2 answers need correcting" in page and "Everything you typed is kept." not in page
    client.get("/language/sv")
    page = client.post("/login", {"email": worker.email, "password": "wrong"}).get_data(
        as_text=True
    )
    assert "Inloggningen misslyckades" in page and "Allt du har skrivit finns kvar." not in page
    client.get("/language/pl")
    page = client.post("/login", {"email": worker.email, "password": "wrong"}).get_data(
        as_text=True
    )
    assert "Nie udało się zalogować" in page


def test_a_question_required_on_one_answer_says_so_without_javascript(
    logged_in: FormClient,
) -> None:
    case_url = started_case(logged_in)
    page = logged_in.get(f"{case_url}/steps/second_meeting").get_data(as_text=True)
    for key in ("consent_data", "consent_purpose", "consent_valid_until"):
        row = page[page.rindex('<div class="field', 0, page.index(f'id="{key}"')) :]
        row = row[: row.index("</div>")]
        assert "data-required-when-shown" in row, key
        assert f'<p class="help required-when" id="{key}-required-when">{HINT}</p>' in row
        described = re.search(r'aria-describedby="([^"]*)"', row)
        assert described and f"{key}-required-when" in described.group(1).split(), key
    # A question that is always required, or never, gets no such hint.
    purpose = page[page.index('for="purpose"') :]
    assert "required-when" not in purpose[: purpose.index("</div>")]

    logged_in.get("/language/sv")
    page = logged_in.get(f"{case_url}/steps/second_meeting").get_data(as_text=True)
    assert (
        "Måste besvaras när svaret på ”Samtycker personen till att information delas?” är ”Ja”."
        in page
    )
    logged_in.get("/language/pl")
    page = logged_in.get(f"{case_url}/steps/second_meeting").get_data(as_text=True)
    assert (
        "Wymagane, gdy odpowiedź na pytanie „Czy osoba wyraża zgodę na udostępnianie informacji?”"
        " brzmi „Tak”." in page
    )
