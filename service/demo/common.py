"""Helpers shared by the demo cases: answers as finalising a step in the browser stores them, and
issuing, signing and filing documents through the service's own operations."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from service.cases.journey import method_of
from service.cases.operations import save_step
from service.demo.pictures import scan_pdf, signature_data_url
from service.documents.case_file import mark_filed
from service.documents.operations import issue_document
from service.documents.signing import decode_drawing, sign_with_drawing, sign_with_scan
from service.models import Case, Document, User


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


def assessment_answers(
    day: date,
    participants: str,
    areas: dict[str, tuple[str, str, int]],
    values: str,
    **fields: Any,
) -> dict[str, Any]:
    """The assessment: per life area (strengths, the situation now, the person's own rating)."""
    answers: dict[str, Any] = {
        "meeting_date": iso(day),
        "participants": participants,
        "areas": {
            area: {
                "strengths": strengths,
                "situation": situation,
                "causes": "",
                "barriers": "",
                "rating": rating,
            }
            for area, (strengths, situation, rating) in areas.items()
        },
        "earlier_interventions": [],
        "values": values,
        "feels_safe": "",
        "interests": "",
        "network": "",
    }
    answers.update(fields)
    return answers


def sub_goal(
    text: str, person: str, worker: str, due: date | None, sign: str, expected: str = ""
) -> dict[str, Any]:
    """One sub-goal of a plan: what the person and the worker do, by when, how it shows."""
    return {
        "sub_goal": text,
        "person_actions": person,
        "worker_actions": worker,
        "others_responsible": "",
        "due_date": iso(due) if due else None,
        "expected_time": expected,
        "progress_sign": sign,
    }


def plan_answers(
    day: date, goals: list[dict[str, Any]], participation: str, rhythm: str, **fields: Any
) -> dict[str, Any]:
    """The individual plan adopted on ``day``; ``rhythm`` is how often it is followed up, as
    the team says it ("Co dwa tygodnie"), stored as the plan's choice."""
    from service.journal.rhythm import FOLLOW_UP_GAPS, free_text_gap

    every = {days: key for key, days in FOLLOW_UP_GAPS.items()}.get(
        free_text_gap(rhythm) or 0, "monthly"
    )
    answers: dict[str, Any] = {
        "goals": goals,
        "participation": participation,
        "other_participants": "",
        "adopted_on": iso(day),
        "follow_up_every": every,
        "follow_up_rhythm": "",
        "follow_up_how": "",
    }
    answers.update(fields)
    return answers


def progress(goals: list[dict[str, Any]], statuses: list[list[str]]) -> list[dict[str, Any]]:
    """Follow-up rows for every sub-goal of ``goals``; ``statuses[g][s]`` of each sub-goal."""
    return [
        {"ref": f"{g}.{s}", "sub_goal": row["sub_goal"], "status": statuses[g][s], "comment": ""}
        for g, goal in enumerate(goals)
        for s, row in enumerate(goal["sub_goals"])
    ]


def follow_up_answers(
    day: date,
    since_last_time: str,
    rows: list[dict[str, Any]],
    ratings: dict[str, int],
    **fields: Any,
) -> dict[str, Any]:
    """One follow-up meeting: what happened, progress per sub-goal and the person's ratings."""
    answers: dict[str, Any] = {
        "meeting_date": iso(day),
        "since_last_time": since_last_time,
        "successes": "",
        "setbacks": "",
        "progress": rows,
        "areas": {area: {"rating": rating} for area, rating in ratings.items()},
        "plan_changes": "",
        "next_meeting": iso(day + timedelta(days=14)),
    }
    answers.update(fields)
    return answers


def closing_answers(day: date, reason: str, evaluation: str, outcomes: list[str]) -> dict[str, Any]:
    """Closing the case on ``day``."""
    return {
        "closed_on": iso(day),
        "reason": reason,
        "reason_other": None,
        "final_evaluation": evaluation,
        "outcomes": outcomes,
    }


def issue(case: Case, user: User, day: date, *doc_types: str) -> list[Document]:
    """Issue each document type on ``day`` through the service, as the Issue buttons do; with
    the plan the person gets "My plan", their own one-page summary of it."""
    documents = [issue_document(case, user, doc_type, today=day) for doc_type in doc_types]
    if "plan" in doc_types:
        issue_document(case, user, "my_plan", today=day)
    return documents


def sign_by_scan(document: Document, user: User, lines: list[str]) -> None:
    """Record the scan of the signed paper (a PDF made in code) against ``document``."""
    sign_with_scan(document, user, scan_pdf(lines))


def sign_by_drawing(document: Document, user: User, seed: int) -> None:
    """Sign on the tablet: the canvas's data URL goes through the signing page's own decoding."""
    sign_with_drawing(document, user, decode_drawing(signature_data_url(seed)))


def file(document: Document, caseworker: User) -> None:
    """The caseworker marks the document version as filed in the case file."""
    mark_filed(document, caseworker)
