"""Helpers shared by the demo cases: answers as finalising a step in the browser stores them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from service.cases.journey import method_of
from service.cases.operations import save_step
from service.models import Case, User


def finalise(case: Case, step: str, answers: dict[str, Any], user: User, instance: int = 1) -> None:
    """Store answers as a final version, as finalising the step in the browser does."""
    method = method_of(case)
    save_step(
        case,
        step,
        answers,
        user,
        form_version=method.version,
        method_source=method.source,
        instance=instance,
    )


def iso(day: date) -> str:
    return day.isoformat()


def start_answers(
    day: date, participants: str, own_words: str, person_exp: str, team_exp: str
) -> dict[str, Any]:
    return {
        "meeting_date": iso(day),
        "participants": participants,
        "information_given": ["method", "voluntary", "personal_data", "contact_details"],
        "own_words": own_words,
        "expectations_person": person_exp,
        "expectations_team": team_exp,
        "wants_to_take_part": "yes",
        "next_meeting": iso(day + timedelta(days=7)),
    }


def second_answers(day: date, contact: User, **fields: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "meeting_date": iso(day),
        "information_repeated": ["method", "voluntary", "personal_data", "contact_details"],
        "expectations_confirmed": "yes",
        "accepts_place": "yes",
        "contact_person_id": contact.id,
        "meeting_rhythm": "weekly",
        "contact_channels": ["sms", "home_visit"],
        "situation_causes": "",
        "situation_possibilities": "",
        "situation_limitations": "",
        "actions": [],
        "period_from": iso(day),
        "period_to": iso(day + timedelta(days=180)),
        "consent_to_share": "yes",
        "consent_parties": "",
        "consent_data": "",
        "consent_purpose": "",
        "consent_valid_until": iso(day + timedelta(days=365)),
    }
    answers.update(fields)
    return answers
