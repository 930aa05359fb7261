"""Registering persons, opening cases and saving steps: the writes and their audit events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm.exc import StaleDataError

from forms.identity import IdentityNumber
from forms.method_registry import get_method
from service import audit, integrity
from service.cases.journey import advance_status, method_of
from service.cases.record import case_record
from service.extensions import db
from service.identity_lookup import identity_indexes
from service.models import (
    Case,
    CaseStatus,
    MethodSnapshot,
    Person,
    StepDraft,
    Submission,
    SubmissionStatus,
    User,
)
from service.models._types import utcnow
from service.models.step_draft import UNIQUE_DRAFT
from service.models.submission import UNIQUE_VERSION
from service.numbering import next_number


def register_person(
    user: User,
    *,
    first_name: str,
    last_name: str,
    identity: IdentityNumber | None = None,
    date_of_birth: date | None = None,
    sex: str | None = None,
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
        sex=sex or None,
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


#: The details staff may change after registering, in the order of the form.
PERSON_DETAILS = (
    "first_name",
    "last_name",
    "identity_kind",
    "identity_number",
    "date_of_birth",
    "sex",
    "preferred_language",
    "address",
    "phone",
    "email",
)


def update_person(
    person: Person,
    user: User,
    *,
    first_name: str,
    last_name: str,
    identity: IdentityNumber | None,
    date_of_birth: date | None,
    preferred_language: str,
    address: str,
    sex: str | None = None,
    phone: str,
    email: str,
) -> list[str]:
    """Change the person's details (as registering does); return the keys that changed.

    Issued documents are not touched: each keeps the context it was rendered from. The audit
    event names the changed fields only, never their old or new values.
    """
    new = {
        "first_name": first_name.strip(),
        "last_name": last_name.strip(),
        "identity_kind": identity.kind if identity else None,
        "identity_number": identity.number if identity else None,
        "date_of_birth": date_of_birth or (identity.birth_date if identity else None),
        "sex": sex or None,
        "preferred_language": preferred_language,
        "address": address.strip(),
        "phone": phone.strip(),
        "email": email.strip(),
    }
    changed = [key for key in PERSON_DETAILS if getattr(person, key) != new[key]]
    for key in changed:
        setattr(person, key, new[key])
    if changed:
        audit.record("person.update", person_id=person.id, user_id=user.id, fields=changed)
    db.session.commit()
    return changed


def identity_taken(user: User, number: str, except_person: Person | None = None) -> bool:
    """True when the user's unit already has a person with this number (other than
    ``except_person``, the person being edited)."""
    query = sa.select(Person.id).where(
        Person.unit_id == user.unit_id, Person.identity_index.in_(identity_indexes(number))
    )
    if except_person is not None:
        query = query.where(Person.id != except_person.id)
    return db.session.scalar(query) is not None


def open_case(
    person: Person,
    user: User,
    *,
    method: str,
    caseworker: str,
    assignment: str,
    caseworker_user: User | None = None,
) -> Case:
    """Open a case for the person in the user's unit, status "referred".

    ``caseworker_user``: the referring caseworker when they use the service (they may then
    read the case); ``caseworker``: their name when they do not.
    """
    case = Case(
        referring_caseworker_id=caseworker_user.id if caseworker_user is not None else None,
        reference=next_number("C"),
        person_id=person.id,
        unit_id=user.unit_id,
        method=method,
        referring_caseworker_name="" if caseworker_user is not None else caseworker.strip(),
        assignment=assignment.strip(),
        status=CaseStatus.REFERRED.value,
        created_by_id=user.id,
    )
    db.session.add(case)
    db.session.flush()
    # Keep the method's text from the start: the case stays readable if its file goes.
    opened_with = get_method(method)
    if opened_with is not None:
        _remember_method(method, opened_with.version, opened_with.source)
    audit.record("case.create", case_id=case.id, person_id=person.id, user_id=user.id)
    db.session.commit()
    return case


def latest_submission(case: Case, step: str, instance: int | None = None) -> Submission | None:
    """The newest final version of a step (of one instance, or of the newest instance)."""
    return case_record(case).latest(step, instance)


def final_steps(case: Case) -> set[str]:
    """Keys of the steps that have at least one final version."""
    return case_record(case).final_steps()


def instances(case: Case, step: str) -> list[int]:
    """Instance numbers of a repeatable step that have a final version or a draft."""
    return case_record(case).instances(step)


def get_draft(case: Case, step: str, instance: int) -> StepDraft | None:
    """The working copy of a step, if any."""
    return case_record(case).draft(step, instance)


def edit_token(case: Case, step: str, instance: int) -> str:
    """What the editor saw: draft revision and final version. A change means someone saved."""
    return _token(get_draft(case, step, instance), latest_submission(case, step, instance))


def _token(draft: StepDraft | None, final: Submission | None) -> str:
    return f"{draft.revision if draft else 0}:{final.version if final else 0}"


class EditConflict(Exception):
    """Someone else saved the step after the editor loaded it.

    ``draft`` and ``final`` are what is stored now (both None when the draft was discarded).
    """

    def __init__(self, draft: StepDraft | None, final: Submission | None) -> None:
        super().__init__("edit conflict")
        self.draft, self.final = draft, final


def _check_token(case: Case, step: str, instance: int, token: str) -> tuple[StepDraft | None, int]:
    """Refuse a save from a page loaded before the last save.

    Returns the draft as checked and the final version the page saw. The write must use this
    very draft object: its revision is the ``WHERE revision = …`` of the write, which closes the
    gap between this check and the commit (see :func:`_saving`). Loading it again could already
    see someone else's newer revision and overwrite that.
    """
    draft, final = get_draft(case, step, instance), latest_submission(case, step, instance)
    # A page without a token was loaded before anything existed ("0:0").
    if (token or "0:0") != _token(draft, final):
        raise EditConflict(draft, final)
    return draft, (final.version if final else 0)


@contextmanager
def _saving(case: Case, step: str, instance: int) -> Iterator[None]:
    """Write and commit a save of the step; lost to a concurrent save, roll back and conflict.

    Three ways to lose a race, each refused by the database rather than overwritten: the draft
    row changed or went since it was read (its revision), another first draft was inserted, or
    another final version with the same number was inserted. Any other error is re-raised.
    """
    try:
        yield
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
    except sa.exc.IntegrityError as error:
        if not integrity.violates(error, UNIQUE_DRAFT, UNIQUE_VERSION):
            raise
        db.session.rollback()
    else:
        return
    raise EditConflict(get_draft(case, step, instance), latest_submission(case, step, instance))


def save_draft(
    case: Case, step: str, instance: int, formdata: dict[str, list[str]], user: User, token: str
) -> StepDraft:
    """Keep everything typed, valid or not; refuse to overwrite someone else's newer save."""
    draft, _seen = _check_token(case, step, instance, token)
    with _saving(case, step, instance):
        if draft is None:
            # The revision starts at 1: the version counter sets it.
            draft = StepDraft(
                case_id=case.id,
                step=step,
                instance=instance,
                formdata=formdata,
                updated_by_id=user.id,
            )
            db.session.add(draft)
        else:
            draft.formdata = formdata
            draft.updated_by_id = user.id
            draft.updated_at = utcnow()
        audit.record("step.draft", case_id=case.id, user_id=user.id, step=step, instance=instance)
    return draft


def save_step(
    case: Case,
    step: str,
    answers: dict[str, Any],
    user: User,
    *,
    form_version: str,
    change_reason: str = "",
    instance: int = 1,
    token: str | None = None,
    method_source: str = "",
) -> Submission:
    """Finalise: store the validated answers as a new final version and move the case on.

    With ``token`` (what the editor's page saw) the new version is the one after the page's:
    a concurrent Finalise from the same page state makes the same number, and the unique
    constraint lets only one of them in.
    """
    if token is not None:
        draft, seen = _check_token(case, step, instance, token)
    else:
        previous = latest_submission(case, step, instance)
        draft, seen = get_draft(case, step, instance), (previous.version if previous else 0)
    spec = method_of(case).steps[step]
    with _saving(case, step, instance):
        if step == "follow_up":  # a sub-goal set too high makes a new plan version
            from service.cases.lowering import lower_sub_goals

            lower_sub_goals(case, answers, user, instance)
        submission = Submission(
            case_id=case.id,
            step=step,
            instance=instance,
            answers=answers,
            status=SubmissionStatus.FINAL.value,
            version=seen + 1,
            form_version=form_version,
            change_reason=change_reason.strip(),
            created_by_id=user.id,
        )
        db.session.add(submission)
        if draft is not None:
            db.session.delete(draft)  # only if unchanged since read: the version counter
        _remember_method(case.method, form_version, method_source)
        advance_status(case, spec, answers)
        if step == "closing" and case.closed_at is None:
            case.closed_at = utcnow()
        from service.cases.planning import refresh_planning  # planning reads these operations

        refresh_planning(case)  # the case list's next step, meeting and due day
        audit.record(
            "step.finalise",
            case_id=case.id,
            user_id=user.id,
            step=step,
            instance=instance,
            version=submission.version,
        )
    return submission


def _remember_method(key: str, version: str, source: str) -> None:
    """Keep the method file's text for every version answers were given to.

    Two people saving at the same moment may both find it missing: the second insert then does
    nothing instead of failing on the key.
    """
    if not source or db.session.get(MethodSnapshot, (key, version)) is not None:
        return
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(
        insert(MethodSnapshot)
        .values(method=key, version=version, source=source, created_at=utcnow())
        .on_conflict_do_nothing()
    )


def discard_draft(case: Case, step: str, instance: int, user: User, *, revision: int) -> None:
    """Delete the draft the user confirmed; a save after the confirmation page is a conflict.

    A repeatable step's instance without a final version then no longer exists.
    """
    draft = get_draft(case, step, instance)
    if draft is None or draft.revision != revision:
        raise EditConflict(draft, latest_submission(case, step, instance))
    with _saving(case, step, instance):
        db.session.delete(draft)  # only this revision: the version counter
        audit.record(
            "step.draft_discard",
            case_id=case.id,
            user_id=user.id,
            step=step,
            instance=instance,
            revision=revision,
        )
