"""Fixtures of the document tests: a case whose steps are all final, built from plain dicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask

from service.extensions import db
from service.models import Case, Person, Submission, Unit, User
from tests.conftest import FormClient

from .answers import ASSESSMENT, CLOSING, FOLLOW_UP, PLAN

START = {
    "meeting_date": "2026-11-02",
    "participants": "Zofia, Łukasz",
    "own_words": "Pokój",
    "expectations_person": "",
    "expectations_team": "",
    "wants_to_take_part": "yes",
}


def second_meeting(contact_id: int, consent: str = "yes") -> dict[str, Any]:
    """Final answers of the second meeting."""
    return {
        "meeting_date": "2026-11-09",
        "accepts_place": "yes",
        "expectations_confirmed": "yes",
        "contact_person_id": contact_id,
        "meeting_rhythm": "weekly",
        "contact_channels": ["sms"],
        "purpose": "Wyjście z bezdomności",
        "situation_causes": "Utrata pracy",
        "situation_possibilities": "Kwalifikacje krawcowej",
        "situation_limitations": "Długi",
        "actions": [],
        "period_from": "2026-11-09",
        "period_to": "2027-05-09",
        "consent_to_share": consent,
        "consent_parties": "MOPS Sopot, PUP" if consent == "yes" else "",
        "consent_data": "Sytuacja mieszkaniowa" if consent == "yes" else "",
        "consent_purpose": "Poszukiwanie mieszkania" if consent == "yes" else "",
        "consent_valid_until": "2027-11-09" if consent == "yes" else None,
    }


@dataclass
class CaseWorld:
    """Ids of the case and its staff."""

    case_id: int
    worker: User
    unit_id: int


def add_answers(
    case_id: int, user_id: int, step: str, answers: dict[str, Any], **fields: Any
) -> None:
    """Store a final version of a step directly."""
    db.session.add(
        Submission(case_id=case_id, step=step, answers=answers, created_by_id=user_id, **fields)
    )
    db.session.commit()


@pytest.fixture
def make_case(app: Flask, make_unit: Any, make_user: Any) -> Any:
    """make_case(steps=[...], language="pl", method="ipwzb") → CaseWorld (steps saved final)."""

    def _make(
        steps: tuple[str, ...] = (
            "start_meeting",
            "second_meeting",
            "assessment",
            "plan",
            "follow_up",
            "closing",
        ),
        language: str = "pl",
        method: str = "ipwzb",
        consent: str = "yes",
        email: str = "worker@example.org",
        unit: Unit | None = None,
    ) -> CaseWorld:
        unit = unit or make_unit(default_locale=language, methods=[method])
        worker = make_user(email=email, unit=unit)
        with app.app_context():
            person = Person(
                unit_id=unit.id,
                first_name="Zofia",
                last_name="Wójcik-Łęcka",
                identity_kind="pesel",
                identity_number="44051401458",
                preferred_language=language,
                created_by_id=worker.id,
            )
            db.session.add(person)
            db.session.flush()
            case = Case(
                reference=f"C-2026-{person.id:06d}",
                person_id=person.id,
                unit_id=unit.id,
                method=method,
                referring_caseworker_name="Ewa Żak",
                assignment="Program wychodzenia z bezdomności",
                contact_person_id=worker.id,
                created_by_id=worker.id,
            )
            db.session.add(case)
            db.session.commit()
            answers = {
                "start_meeting": START,
                "second_meeting": second_meeting(worker.id, consent),
                "assessment": ASSESSMENT,
                "plan": PLAN,
                "follow_up": FOLLOW_UP,
                "closing": CLOSING,
            }
            for step in steps:
                add_answers(case.id, worker.id, step, answers[step])
            return CaseWorld(case_id=case.id, worker=worker, unit_id=unit.id)

    return _make


@pytest.fixture
def full_case(make_case: Any) -> CaseWorld:
    """A Polish IPWzB case with every step final."""
    return make_case()


@pytest.fixture
def staff(client: FormClient, full_case: CaseWorld) -> FormClient:
    """The client, logged in as the case's worker."""
    assert client.login(full_case.worker.email).status_code == 302
    return client
