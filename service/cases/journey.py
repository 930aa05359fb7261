"""The journey's rules: which step may be filled in when, and what finalising does to a case."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from forms.method_parser import method_from_snapshot
from forms.method_registry import get_method
from forms.method_schema import Method, StepSpec
from service.extensions import db
from service.models import Case, CaseStatus, MethodSnapshot

#: The order of statuses; a case only moves forwards.
STATUS_ORDER = [s.value for s in CaseStatus]
#: The order steps are shown in.
STEP_ORDER = ("start_meeting", "second_meeting", "assessment", "plan", "follow_up", "closing")


class UnknownMethod(LookupError):
    """The case's method file is gone; its answers are still stored."""


def method_of(case: Case) -> Method:
    """The method the case works by; if its file is gone, the newest version kept with answers."""
    method = get_method(case.method)
    if method is not None:
        return method
    snapshot = db.session.scalar(
        sa.select(MethodSnapshot)
        .where(MethodSnapshot.method == case.method)
        .order_by(MethodSnapshot.created_at.desc())
        .limit(1)
    )
    if snapshot is None:
        raise UnknownMethod(case.method)
    return method_from_snapshot(case.method, snapshot.source)


def step_blocker(case: Case, step: StepSpec, finals: set[str]) -> object | None:
    """Why ``step`` cannot be filled in yet (a translated reason), or None.

    ``finals`` holds the keys of the steps that have a final version.
    """
    if case.status == CaseStatus.CLOSED.value and step.key != "closing":
        return _l("The case is closed.")
    if step.requires and step.requires not in finals:
        title = method_of(case).steps[step.requires].title
        return _l("First finalise the step “%(step)s”.", step=_l(title))
    return None


def advance_status(case: Case, step: StepSpec, answers: dict[str, object]) -> None:
    """Move the case forward as the finalised step says; never backwards."""
    target = step.sets_status
    if step.key == "second_meeting" and answers.get("accepts_place") != "yes":
        target = None  # the person did not accept the place: no agreement yet
    if target and STATUS_ORDER.index(target) > STATUS_ORDER.index(case.status):
        case.status = target
    if step.key == "second_meeting" and answers.get("contact_person_id"):
        case.contact_person_id = int(str(answers["contact_person_id"]))
