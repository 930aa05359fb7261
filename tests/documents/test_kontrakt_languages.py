"""The kontrakt socjalny's parties (issue 10 item 5) and its part I from the assessment with the
plan's goals (item 6), read from the issued document in Polish, Swedish and English words."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask

from service.documents.operations import issue_document
from service.extensions import db
from service.models import Case, User
from templates_docx.build.texts_kontrakt import KONTRAKT

from .answers import FOLLOW_UP
from .conftest import CaseWorld, add_answers
from .helpers import docx_text
from .test_kontrakt import FAMILY, _kontrakt

WORDS = {
    "pl": {
        "parties": ["Nazwisko", "Imię", "Adres zamieszkania/pobytu", "PESEL"],
        "social_worker": "a pracownikiem socjalnym:",
        "phone": "Nr telefonu kontaktowego",
        "causes": "1. Przyczyny trudnej sytuacji życiowej\nUtrata mieszkania po śmierci męża",
        "possibilities": "Emerytura",
        "main": "Cel główny\nHuvudmål för housing",
        "specific": "Cele szczegółowe\n1. Delmål 1.1",
        "family": "Członek rodziny",
    },
    "sv": {
        "parties": ["Efternamn", "Förnamn", "Adress där personen bor eller vistas", "PESEL"],
        "social_worker": "och socialarbetaren:",
        "phone": "Telefon",
        "causes": "1. Orsaker till den svåra livssituationen\nUtrata mieszkania po śmierci męża",
        "possibilities": "Emerytura",
        "main": "Huvudmål\nHuvudmål för housing",
        "specific": "Delmål\n1. Delmål 1.1",
        "family": "córka",
    },
    "en": {
        "parties": ["Surname", "First name", "Address of residence or stay", "PESEL"],
        "social_worker": "and the social worker:",
        "phone": "Contact phone",
        "causes": "1. Causes of the difficult life situation\nUtrata mieszkania po śmierci męża",
        "possibilities": "Emerytura",
        "main": "Main goal\nHuvudmål för housing",
        "specific": "Specific goals\n1. Delmål 1.1",
        "family": "córka",
    },
}


@pytest.fixture
def with_social_worker(make_case: Any, make_user: Any, app: Flask) -> Any:
    def _make(language: str) -> CaseWorld:
        world: CaseWorld = make_case(language=language)
        assert world.social_worker is not None  # Ewa Żak, on the case team
        return world

    return _make


@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_the_parties_are_every_family_member_and_the_social_worker_with_phone(
    app: Flask, with_social_worker: Any, language: str
) -> None:
    words = WORDS[language]
    text = _kontrakt(app, with_social_worker(language), language, family_parties=FAMILY)
    for header in words["parties"]:
        assert header in text, header
    # the person and the daughter: surname, first name, address and PESEL each
    for value in ("Wójcik-Łęcka", "Zofia", "44051401458", "Wójcik", "Anna", "02270803628"):
        assert value in text, value
    assert "ul. Morska 3, 81-300 Gdynia (córka)" in text
    social = text[text.index(words["social_worker"]) :]
    assert "Ewa Żak" in social and words["phone"] in social and "070-111 22 33" in social
    signatures = text[text.rindex("Anna Wójcik") - 200 :]
    assert "Ewa Żak" in signatures


@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_part_one_is_the_final_assessment_and_the_goals_are_the_plans(
    app: Flask, with_social_worker: Any, language: str
) -> None:
    words = WORDS[language]
    text = _kontrakt(
        app, with_social_worker(language), language, situation_causes="TYPED IN THE MEETING"
    )
    assert words["causes"] in text
    assert words["possibilities"] in text
    assert "TYPED IN THE MEETING" not in text
    assert words["main"] in text and words["specific"] in text


# --- part I is not asked a second time (item 6) -------------------------------------------------


def test_the_second_meeting_no_longer_asks_for_part_one(
    client: Any, make_case: Any, app: Flask
) -> None:
    world = make_case(steps=("start_meeting",))
    assert client.login(world.worker.email).status_code == 302
    page = client.get(f"/cases/{world.case_id}/steps/second_meeting").get_data(as_text=True)
    assert 'name="purpose"' in page
    for key in ("situation_causes", "situation_possibilities", "situation_limitations"):
        assert f'name="{key}"' not in page, key


def test_the_kontrakt_waits_for_the_assessment_its_part_one_comes_from(
    client: Any, make_case: Any, app: Flask
) -> None:
    world = make_case(steps=("start_meeting", "second_meeting"))
    assert world.social_worker is not None  # who concludes the kontrakt
    assert client.login(world.social_worker.email).status_code == 302
    url = f"/cases/{world.case_id}"
    page = client.get(url).get_data(as_text=True)
    assert "Part I of the kontrakt socjalny is taken from the assessment" in page
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code in (302, 409)
    with app.app_context():
        from service.models import Document

        assert db.session.query(Document).count() == 0


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        ("[purpose]", "'purpose' cannot be left out"),
        ("[situation_causes, situation_causes_x]", "cannot be left out"),
    ],
)
def test_a_method_may_leave_out_only_what_the_assessment_asks_instead(
    tmp_path: Any, drop: str, message: str
) -> None:
    from forms.method_parser import load_method_file
    from forms.method_registry import METHODS_DIR
    from forms.method_schema import MethodError

    for name in ("_shared.yaml", "ipwzb.yaml"):
        (tmp_path / name).write_text((METHODS_DIR / name).read_text("utf-8"), "utf-8")
    path = tmp_path / "ipwzb.yaml"
    text = path.read_text("utf-8").replace(
        "drop_questions: [situation_causes, situation_possibilities, situation_limitations]",
        f"drop_questions: {drop}",
    )
    path.write_text(text, "utf-8")
    with pytest.raises(MethodError) as error:
        load_method_file(path)
    assert message in str(error.value)


# --- item 7: the ocena realizacji from the follow-ups' review of the agreed actions ----------

ACTIONS = [
    {"what": "Złożyć wniosek o lokal socjalny", "who": "person", "by_when": "2026-12-15"},
    {"what": "Umówić wizytę w PUP & <CV>", "who": "caseworker", "by_when": "2026-12-31"},
    {"what": "Zapisać się na terapię", "who": "person", "by_when": "2027-01-31"},
]


def _review(statuses: list[tuple[int, str, str]]) -> list[dict[str, str]]:
    """A follow-up's review of the agreed actions: (action index, status, comment)."""
    return [
        {
            "ref": f"agreement.{n}",
            "what": ACTIONS[n]["what"],
            "who": ACTIONS[n]["who"],
            "by_when": ACTIONS[n]["by_when"],
            "status": status,
            "comment": comment,
        }
        for n, status, comment in statuses
    ]


EVALUATION = {
    "pl": {
        "as_of": "Realizacja działań uzgodnionych w części II według spotkania monitorującego "
        "z dnia 18 grudnia 2026:",
        "header": "Stan realizacji\nUwagi",
        "done": "Wykonane",
        "partly": "Wykonane częściowo",
        "open": "Termin jeszcze nie minął (4 grudnia 2026)",
        "none": "Ocenę sporządza się na podstawie monitoringu; spotkanie monitorujące jeszcze "
        "się nie odbyło.",
    },
    "sv": {
        "as_of": "Hur de överenskomna åtgärderna i del II har genomförts enligt "
        "uppföljningsmötet den 18 december 2026:",
        "header": "Hur det gick\nKommentar",
        "done": "Genomförd",
        "partly": "Delvis genomförd",
        "open": "Inte dags än (4 december 2026)",
        "none": "Bedömningen görs utifrån uppföljningen; inget uppföljningsmöte har hållits ännu.",
    },
    "en": {
        "as_of": "How the actions agreed in part II were carried out, as found at the follow-up "
        "meeting of 18 December 2026:",
        "header": "Status\nComment",
        "done": "Carried out",
        "partly": "Partly carried out",
        "open": "Not due yet (4 December 2026)",
        "none": "The evaluation is made from the follow-ups; no follow-up meeting has been held "
        "yet.",
    },
}


@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_the_evaluation_prints_each_action_as_the_newest_follow_up_found_it(
    app: Flask, make_case: Any, language: str
) -> None:
    words = EVALUATION[language]
    steps = ("start_meeting", "second_meeting", "assessment", "plan")
    world: CaseWorld = make_case(language=language, steps=steps)
    # no follow-up yet: the blank lines to fill in by hand, no status
    text = _kontrakt(app, world, language, actions=ACTIONS)
    evaluation = text[text.index(KONTRAKT[language]["h_evaluation"]) :]
    assert words["none"] in evaluation and words["as_of"] not in evaluation
    assert words["done"] not in evaluation
    with app.app_context():
        for instance, day, review in (
            (1, "2026-12-04", _review([(0, "partly", "Wniosek napisany"), (2, "open", "")])),
            (
                2,
                "2026-12-18",
                _review([(0, "done", "Złożony 15.12 {{ 7*7 }}"), (1, "partly", "Termin 8.01")]),
            ),
        ):
            answers = {**FOLLOW_UP, "meeting_date": day, "actions_review": review}
            add_answers(world.case_id, world.worker.id, "follow_up", answers, instance=instance)
    with app.app_context():
        case, user = db.session.get(Case, world.case_id), db.session.get(User, world.worker.id)
        assert case is not None and user is not None
        text = docx_text(issue_document(case, user, "agreement", today=date(2026, 12, 20)).content)
    evaluation = text[text.index(KONTRAKT[language]["h_evaluation"]) :]
    assert words["none"] not in evaluation
    table = evaluation[evaluation.index(words["as_of"]) :]
    assert table.startswith(f"{words['as_of']}\n{KONTRAKT[language]['no']}\n")
    assert words["header"] in table
    # the newest follow-up's status and comment, numbered as part II numbers the actions
    assert f"1\n{ACTIONS[0]['what']}\n{words['done']}\nZłożony 15.12 {{{{ 7*7 }}}}\n" in table
    assert f"2\n{ACTIONS[1]['what']}\n{words['partly']}\nTermin 8.01\n" in table
    # an action the newest follow-up did not review keeps the earlier finding, with its date
    assert f"3\n{ACTIONS[2]['what']}\n{words['open']}\n" in table
    assert "Wniosek napisany" not in table
