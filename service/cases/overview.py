"""The case overview: timeline, next meeting, overdue sub-goals and self-ratings over time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from service.cases.record import case_record
from service.cases.subgoals import latest_statuses
from service.documents.document_types import label as document_label
from service.models import Case, Submission

#: The answer that dates each step's meeting (else the day it was finalised).
DATE_KEYS = ("meeting_date", "adopted_on", "closed_on")


@dataclass(frozen=True)
class Event:
    """One line of the timeline."""

    day: date
    kind: str  # "step" or "document"
    title: str
    detail: str
    #: When it was entered: orders the events of one day (then ``kind``, then the row id).
    created: datetime | None = field(default=None, compare=False)
    row_id: int = field(default=0, compare=False)

    def sort_key(self) -> tuple[date, datetime, int, int]:
        """Date, then time of entry, steps before documents entered at the same moment, id."""
        return (
            self.day,
            self.created or datetime.min.replace(tzinfo=UTC),
            KINDS.get(self.kind, len(KINDS)),
            self.row_id,
        )


#: At an identical moment of entry a meeting comes before the document made from it.
KINDS = {"step": 0, "document": 1}


def finals(case: Case) -> list[Submission]:
    """The newest final version of every step instance, oldest meeting first."""
    return sorted(case_record(case).finals(), key=meeting_day)


def meeting_day(submission: Submission) -> date:
    """The day the step's meeting took place."""
    for key in DATE_KEYS:
        value = submission.answers.get(key)
        if isinstance(value, str) and value:
            try:
                return date.fromisoformat(value)
            except ValueError:
                continue
    return submission.created_at.date()


def _numbered(title: str, instance: int, repeatable: bool) -> str:
    # "Follow-up 1", "Follow-up 2" (not "Follow-up" then "#2"); a step done once has no number.
    return f"{title} {instance}" if repeatable or instance > 1 else title


def timeline(
    case: Case,
    steps: list[Submission],
    step_titles: dict[str, str],
    repeatable: frozenset[str] = frozenset(),
) -> list[Event]:
    """Meetings (``steps``: the case's finals) and documents in date order.

    A step of ``repeatable`` is named with its number as its page is ("Follow-up 1").

    Entries of one day follow the order they were entered in: a step by its first version
    (a later change does not move the meeting), a document by the moment it was issued.
    """
    record = case_record(case)
    entered = record.first_entered()
    events = []
    for s in steps:
        created, row_id = entered.get((s.step, s.instance), (s.created_at, s.id))
        events.append(
            Event(
                meeting_day(s),
                "step",
                _numbered(step_titles.get(s.step, s.step), s.instance, s.step in repeatable),
                f"v{s.version}",
                created,
                row_id,
            )
        )
    events += [
        Event(
            d.issued_at.date(),
            "document",
            document_label(d.doc_type),
            f"{d.number} v{d.version}",
            d.issued_at,
            d.id,
        )
        for d in record.documents
    ]
    return sorted(events, key=Event.sort_key)


def next_meeting(steps: list[Submission], today: date) -> date | None:
    """The earliest planned next meeting in the finals ``steps`` that is still ahead."""
    ahead = []
    for submission in steps:
        value = submission.answers.get("next_meeting")
        if isinstance(value, str) and value and date.fromisoformat(value) >= today:
            ahead.append(date.fromisoformat(value))
    return min(ahead) if ahead else None


@dataclass(frozen=True)
class OverdueSubGoal:
    area: str
    sub_goal: str
    due: date
    status: str


def overdue_sub_goals(steps: list[Submission], today: date) -> list[OverdueSubGoal]:
    """Sub-goals of the plan past their due date and neither reached nor lowered."""
    plan = next((s for s in reversed(steps) if s.step == "plan"), None)
    if plan is None:
        return []
    status = latest_statuses(plan.answers, [s.answers for s in steps if s.step == "follow_up"])
    overdue = []
    for g, goal in enumerate(plan.answers.get("goals") or []):
        for s, sub in enumerate(goal.get("sub_goals") or []):
            due = sub.get("due_date")
            state = status.get(f"{g}.{s}", "not_started")
            if due and date.fromisoformat(due) < today and state not in ("reached", "lowered"):
                overdue.append(
                    OverdueSubGoal(
                        goal.get("area") or "",
                        sub.get("sub_goal") or "",
                        date.fromisoformat(due),
                        state,
                    )
                )
    return overdue


def sub_goals_reached(steps: list[Submission]) -> tuple[int, int] | None:
    """(reached, all) sub-goals of the plan by their latest status; None without a plan."""
    plan = next((s for s in reversed(steps) if s.step == "plan"), None)
    if plan is None:
        return None
    status = latest_statuses(plan.answers, [s.answers for s in steps if s.step == "follow_up"])
    return sum(1 for value in status.values() if value == "reached"), len(status)


def ratings(steps: list[Submission]) -> dict[str, list[tuple[date, int]]]:
    """Self-rating per life area over time: the assessment, then each follow-up."""
    series: dict[str, list[tuple[date, int]]] = {}
    for submission in steps:
        if submission.step not in ("assessment", "follow_up"):
            continue
        areas: dict[str, Any] = submission.answers.get("areas") or {}
        for area, answers in areas.items():
            value = (answers or {}).get("rating")
            if isinstance(value, int):
                series.setdefault(area, []).append((meeting_day(submission), value))
    return series
