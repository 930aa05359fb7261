"""What the case list shows of each case without opening it: the next step, the next meeting
and the day something is due (``Case.next_step``, ``next_meeting_on``, ``due_on``).

They are worked out from the final answers whenever a step is finalised (in the same
transaction, see ``operations.save_step``), so the list reads three plain columns instead of
decrypting the answers of every case it shows, and "overdue" is an indexed comparison.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from service.cases.journey import method_of, step_blocker
from service.cases.overview import meeting_day
from service.cases.record import case_record
from service.cases.subgoals import latest_statuses
from service.extensions import db
from service.models import Case, CaseStatus

#: Sub-goal statuses that are no longer due.
SETTLED = ("reached", "lowered")


def _date(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def refresh_planning(case: Case) -> None:
    """Set the case's next step, next meeting and due day from its final answers."""
    record = case_record(case)
    if case.status == CaseStatus.CLOSED.value:
        case.next_step, case.next_meeting_on, case.due_on = "", None, None
        return
    method = method_of(case)
    finals = record.final_steps()
    single = [s for s in method.steps.values() if not s.repeatable and s.key != "closing"]
    repeatable = [s for s in method.steps.values() if s.repeatable]
    upcoming = [s for s in single if s.key not in finals] + repeatable
    case.next_step = next((s.key for s in upcoming if step_blocker(case, s, finals) is None), "")
    held = sorted(record.finals(), key=meeting_day)
    planned = next(
        (
            _date(s.answers.get("next_meeting"))
            for s in reversed(held)
            if s.answers.get("next_meeting")
        ),
        None,
    )
    case.next_meeting_on = planned
    due = [planned] if planned else []
    plan = record.latest("plan")
    if plan is not None:
        status = latest_statuses(plan.answers, record.follow_ups())
        for g, goal in enumerate(plan.answers.get("goals") or []):
            for s, sub in enumerate(goal.get("sub_goals") or []):
                day = _date(sub.get("due_date"))
                if day is not None and status.get(f"{g}.{s}") not in SETTLED:
                    due.append(day)
    case.due_on = min(due) if due else None


def backfill(batch: int = 500) -> int:
    """Work out the list columns of every case that has none yet (after migration 0010)."""
    done = 0
    while True:
        cases = db.session.scalars(
            sa.select(Case).where(Case.next_step.is_(None)).order_by(Case.id).limit(batch)
        ).all()
        if not cases:
            return done
        for case in cases:
            refresh_planning(case)  # sets next_step to a key or ""
        db.session.commit()
        done += len(cases)
