"""Registering persons, opening cases and saving steps: the writes and their audit events."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from forms.identity import IdentityNumber
from service import audit
from service.extensions import db
from service.models import Case, CaseStatus, Person, Submission, SubmissionStatus, User
from service.numbering import next_number


def register_person(
    user: User,
    *,
    first_name: str,
    last_name: str,
    identity: IdentityNumber | None = None,
    date_of_birth: date | None = None,
    preferred_language: str,
    address: str = "",
    phone: str = "",
    email: str = "",
) -> Person:
    """Register a person in the user's unit; the birth date falls back to the number's."""
    person = Person(
        unit_id=user.unit_id,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        identity_kind=identity.kind if identity else None,
        identity_number=identity.number if identity else None,
        date_of_birth=date_of_birth or (identity.birth_date if identity else None),
        preferred_language=preferred_language,
        address=address.strip(),
        phone=phone.strip(),
        email=email.strip(),
        created_by_id=user.id,
    )
    db.session.add(person)
    db.session.flush()
    audit.record("person.create", person_id=person.id, user_id=user.id)
    db.session.commit()
    return person


def identity_taken(user: User, number: str) -> bool:
    """True when the user's unit already has a person with this number."""
    found = db.session.scalar(
        sa.select(Person.id).where(Person.unit_id == user.unit_id, Person.identity_number == number)
    )
    return found is not None


def open_case(person: Person, user: User, *, method: str, caseworker: str, assignment: str) -> Case:
    """Open a case for the person in the user's unit, status "referred"."""
    case = Case(
        reference=next_number("C"),
        person_id=person.id,
        unit_id=user.unit_id,
        method=method,
        referring_caseworker_name=caseworker.strip(),
        assignment=assignment.strip(),
        status=CaseStatus.REFERRED.value,
        created_by_id=user.id,
    )
    db.session.add(case)
    db.session.flush()
    audit.record("case.create", case_id=case.id, person_id=person.id, user_id=user.id)
    db.session.commit()
    return case


def latest_submission(case: Case, step: str) -> Submission | None:
    """The newest saved version of a step, or None."""
    return db.session.scalar(
        sa.select(Submission)
        .where(Submission.case_id == case.id, Submission.step == step)
        .order_by(Submission.version.desc())
        .limit(1)
    )


def save_step(
    case: Case, step: str, answers: dict[str, Any], user: User, *, form_version: str,
    change_reason: str = "",
) -> Submission:
    """Store the answers as a new final version and move the case forward."""
    previous = latest_submission(case, step)
    submission = Submission(
        case_id=case.id,
        step=step,
        answers=answers,
        status=SubmissionStatus.FINAL.value,
        version=(previous.version + 1) if previous else 1,
        form_version=form_version,
        change_reason=change_reason.strip(),
        created_by_id=user.id,
    )
    db.session.add(submission)
    _advance(case, step, answers)
    db.session.flush()
    audit.record(
        "step.save", case_id=case.id, user_id=user.id, step=step, version=submission.version
    )
    db.session.commit()
    return submission


def _advance(case: Case, step: str, answers: dict[str, Any]) -> None:
    """Status follows the meetings; it never moves backwards."""
    if step == "start_meeting" and case.status == CaseStatus.REFERRED.value:
        case.status = CaseStatus.START_MEETING.value
    if step == "second_meeting":
        case.contact_person_id = answers.get("contact_person_id")
        if answers.get("accepts_place") == "yes" and case.status in (
            CaseStatus.REFERRED.value, CaseStatus.START_MEETING.value,
        ):
            case.status = CaseStatus.AGREED.value
