"""Fixtures of the document tests: a case whose steps are all final, built from plain dicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask

from forms.method_registry import get_method
from service.extensions import db
from service.models import Case, CaseMember, Person, Role, Submission, TeamRole, Unit, User
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
    #: The unit's pracownik socjalny on the case team (a Polish method), who concludes the
    #: kontrakt socjalny; None in a Swedish case.
    social_worker: User | None = None


def issue_by_role(client: FormClient, world: CaseWorld, doc_type: str) -> Any:
    """Press the issue button of ``doc_type`` as the staff member the method gives it to.

    In a Polish case the pracownik socjalny concludes the kontrakt socjalny (the agreement),
    so she signs in for it and the worker signs in again afterwards; every other document is
    issued by the worker who is signed in.
    """
    url = f"/cases/{world.case_id}"
    if doc_type != "agreement" or world.social_worker is None:
        return client.post(f"{url}/documents/{doc_type}", form_url=url)
    assert client.switch_to(world.social_worker.email).status_code == 302
    response = client.post(f"{url}/documents/{doc_type}", form_url=url)
    assert client.switch_to(world.worker.email).status_code == 302
    return response


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
    """make_case(steps=[...], language="pl", method="ipwzb") → CaseWorld (steps saved final).

    A case of a Polish method has the unit's pracownik socjalny, Ewa Żak (a caseworker who
    concludes the kontrakt socjalny), on its team unless ``on_team`` is False."""

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
        on_team: bool = True,
    ) -> CaseWorld:
        unit = unit or make_unit(default_locale=language, methods=[method])
        worker = make_user(email=email, unit=unit)
        found = get_method(method)
        social = (
            make_user(
                email="ewa@example.org" if email == "worker@example.org" else f"ewa.{email}",
                unit=unit,
                role=Role.CASEWORKER,
                full_name="Ewa Żak",
            )
            if found is not None and found.country == "PL"
            else None
        )
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
            db.session.flush()
            if social is not None and on_team:
                db.session.add(
                    CaseMember(
                        case_id=case.id,
                        user_id=social.id,
                        team_role=TeamRole.SOCIAL_WORKER.value,
                        added_by_id=worker.id,
                    )
                )
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
            return CaseWorld(case_id=case.id, worker=worker, unit_id=unit.id, social_worker=social)

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
