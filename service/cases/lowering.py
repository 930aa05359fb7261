"""Lowering a sub-goal set too high ("för högt satt kan vi backa"): from a follow-up.

A follow-up row with a smaller wording (``lowered_to``) and its reason (``lower_reason``)
makes a new version of the plan in which that sub-goal has the smaller wording; the row keeps
the old wording, the reason and the plan version it made (``plan_version``), so the plan's
history on the case page and the next plan document say what was lowered, when and why.
The plan version and the follow-up are written in one transaction (``operations.save_step``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext

from service import audit
from service.cases.record import case_record
from service.extensions import db
from service.models import Case, Submission, SubmissionStatus, User

LOWERED = "lowered"


def _position(ref: Any) -> tuple[int, int] | None:
    try:
        goal, sub = (int(part) for part in str(ref).split("."))
    except ValueError:
        return None
    return goal, sub


def _iso_day(value: Any) -> str | None:
    """An ISO day as stored (``lowered_due``), or None for nothing or anything else."""
    try:
        return date.fromisoformat(str(value)).isoformat() if value else None
    except ValueError:
        return None


def lower_sub_goals(case: Case, answers: dict[str, Any], user: User, instance: int) -> int | None:
    """Make the plan version the follow-up's lowered sub-goals ask for; mark the rows.

    Returns the new plan version, or None when nothing is lowered. A row whose sub-goal
    already has the smaller wording (the follow-up is changed after it lowered it) makes no
    new version and keeps the plan version it made.
    """
    rows = [r for r in answers.get("progress") or [] if str(r.get("lowered_to") or "").strip()]
    if not rows:
        return None
    record = case_record(case)
    plan = record.latest("plan")
    if plan is None:
        return None
    earlier = record.latest("follow_up", instance)
    made = {
        str(r.get("ref")): r.get("plan_version")
        for r in ((earlier.answers if earlier else {}).get("progress") or [])
        if r.get("plan_version")
    }
    new_answers = copy.deepcopy(dict(plan.answers))
    changed = []
    for row in rows:
        row["status"] = LOWERED
        where = _position(row.get("ref"))
        goals = new_answers.get("goals") or []
        if where is None or where[0] >= len(goals):
            continue
        subs = goals[where[0]].get("sub_goals") or []
        if where[1] >= len(subs):
            continue
        now = str(subs[where[1]].get("sub_goal") or "")
        if now == row["lowered_to"] and made.get(str(row.get("ref"))):
            row["plan_version"] = made[str(row.get("ref"))]
        elif now == str(row.get("sub_goal") or ""):
            subs[where[1]]["sub_goal"] = row["lowered_to"]
            if _iso_day(row.get("lowered_due")):  # a new due date, if the worker set one
                row["due_before"] = subs[where[1]].get("due_date")
                subs[where[1]]["due_date"] = _iso_day(row.get("lowered_due"))
            changed.append(row)
    if not changed:
        return None
    version = plan.version + 1
    db.session.add(
        Submission(
            case_id=case.id,
            step="plan",
            instance=plan.instance,
            answers=new_answers,
            status=SubmissionStatus.FINAL.value,
            version=version,
            form_version=plan.form_version,
            # i18n: stored with the plan version; the reason itself stays in the follow-up.
            change_reason=gettext("Sub-goal lowered at follow-up %(n)d", n=instance),
            created_by_id=user.id,
        )
    )
    for row in changed:
        row["plan_version"] = version
    audit.record(
        "plan.lower_sub_goal",
        case_id=case.id,
        user_id=user.id,
        instance=instance,
        version=version,
        sub_goals=len(changed),
    )
    return version


@dataclass(frozen=True)
class Lowering:
    """One sub-goal lowered at a follow-up."""

    #: "1.2": goal and sub-goal counted from one, as documents and the case page number them.
    ref: str
    before: str
    after: str
    reason: str
    #: The follow-up's instance and meeting day (ISO).
    follow_up: int
    on: str
    #: The plan version the lowering made.
    plan_version: int
    #: The new due date set with the lowering and the one it replaced (ISO; "" for none).
    due: str = ""
    due_before: str = ""


def lowerings(follow_ups: list[tuple[int, Mapping[str, Any]]]) -> list[Lowering]:
    """Every sub-goal lowered by the (instance, final answers) follow-ups, oldest first."""
    found = []
    for instance, answers in follow_ups:
        for row in answers.get("progress") or []:
            if not row.get("plan_version") or not row.get("lowered_to"):
                continue
            where = _position(row.get("ref"))
            found.append(
                Lowering(
                    ref=f"{where[0] + 1}.{where[1] + 1}" if where else str(row.get("ref")),
                    before=str(row.get("sub_goal") or ""),
                    after=str(row.get("lowered_to") or ""),
                    reason=str(row.get("lower_reason") or ""),
                    follow_up=instance,
                    on=str(answers.get("meeting_date") or ""),
                    plan_version=int(row["plan_version"]),
                    due=_iso_day(row.get("lowered_due")) or "",
                    due_before=_iso_day(row.get("due_before")) or "",
                )
            )
    return sorted(found, key=lambda x: (x.plan_version, x.ref))


def case_lowerings(case: Case) -> list[Lowering]:
    """Every sub-goal the case's final follow-ups lowered."""
    record = case_record(case)
    return lowerings(
        [(n, s.answers) for (step, n), s in sorted(record.newest.items()) if step == "follow_up"]
    )
