"""The kontrakt socjalny's parties (issue 10 item 5) and its part I from the assessment with the
plan's goals (item 6), read from the issued document in Polish, Swedish and English words."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from service.extensions import db
from service.models import CaseMember, Role, User

from .conftest import CaseWorld
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
        with app.app_context():
            unit = db.session.get(User, world.worker.id).unit  # type: ignore[union-attr]
        ewa = make_user(
            email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak"
        )
        with app.app_context():
            db.session.add(
                CaseMember(case_id=world.case_id, user_id=ewa.id, team_role="social_worker")
            )
            db.session.commit()
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
    assert client.login(world.worker.email).status_code == 302
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
