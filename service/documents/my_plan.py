""" "My plan": the person's own one-page summary of the plan, in easy-read words.

Each goal with its picture (the life area), its next small steps (sub-goals not yet reached,
at most three), who helps; the next meeting and the contact person's name and phone. It is
not a statutory document: every method has it, in the case's document language.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date

from forms.method_schema import Method
from service.cases.operations import latest_submission
from service.cases.overview import finals, next_meeting
from service.cases.subgoals import final_follow_ups, latest_statuses
from service.documents.answers import area_labels, text
from service.documents.pictograms import DEFAULT_PICTURE, PICTURES
from service.models import Case

#: Steps shown per goal: the page holds four goals with three steps each.
STEPS_PER_GOAL = 3
DONE = ("reached", "lowered")


def _day(value: Any, language: str, with_weekday: bool = False) -> str:
    """A day as the person reads it ("tisdag 8 december 2026"), or ""."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    pattern = "EEEE d MMMM y" if with_weekday else "d MMMM y"
    written = format_date(day, format=pattern, locale="en_GB" if language == "en" else language)
    return written.replace(" ", "\u00a0")  # a date is never broken over two lines


def my_plan_part(
    case: Case, method: Method | None, language: str, today: date, helper: str
) -> dict[str, Any]:
    """What "My plan" prints; ``helper`` is the contact person's name (who helps by default)."""
    submission = latest_submission(case, "plan")
    plan = dict(submission.answers) if submission is not None else {}
    statuses = latest_statuses(plan, final_follow_ups(case))
    labels = area_labels(method)
    goals = []
    for g, goal in enumerate(plan.get("goals") or []):
        rows = goal.get("sub_goals") or []
        open_rows = [
            row
            for s, row in enumerate(rows)
            if statuses.get(f"{g}.{s}") not in DONE and text(row.get("sub_goal"))
        ]
        steps = [
            {
                "text": text(row.get("sub_goal")),
                "when": _day(row.get("due_date"), language) or text(row.get("expected_time")),
            }
            for row in open_rows[:STEPS_PER_GOAL]
        ]
        helpers = [helper] if helper else []
        for row in open_rows[:STEPS_PER_GOAL]:
            other = text(row.get("others_responsible")).strip()
            if other and other not in helpers:
                helpers.append(other)
        area = goal.get("area") or ""
        goals.append(
            {
                "area": labels.get(area, text(area)),
                "picture": area if area in PICTURES else DEFAULT_PICTURE,
                "goal": text(goal.get("goal")),
                "steps": steps,
                "done": bool(rows) and not open_rows,
                "helpers": ", ".join(helpers),
            }
        )
    meeting = next_meeting(finals(case), today)
    return {
        "goals": goals,
        "next_meeting": _day(meeting, language, with_weekday=True),
    }
