""" "My plan": the person's own one-page summary of the plan, in easy-read words.

Each goal with its picture (the life area), its next small steps (sub-goals not yet reached,
at most three), who helps; the next meeting and the contact person's name and phone. It is
not a statutory document: every method has it, in the case's document language.
"""

from __future__ import annotations

from collections.abc import Callable
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
#: A sub-goal reached is done; one lowered at a follow-up is not: the plan holds its smaller
#: wording since (lowering.py), and that is the person's next step.
DONE = ("reached",)
#: The most characters a goal, the next step and the helpers print (at a word, with "…"), and
#: the characters of one line of a later step ("Then: …", its day included): however long the
#: plan's texts are, a goal takes two lines, its next step two and each later step one, so the
#: easy-read page holds four goals of three steps (the plan itself carries the texts whole).
#: Measured through LibreOffice at 14 pt (tests/documents/test_my_plan.py).
GOAL_CHARS, STEP_CHARS, HELPER_CHARS, LINE_CHARS = 70, 60, 50, 46


def shorten(value: str, limit: int) -> str:
    """``value`` on one line, cut at the last word that fits in ``limit`` characters, "…"
    added; a short text stays as it is."""
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"


def _day(value: Any, language: str, with_weekday: bool = False) -> str:
    """A day as the person reads it ("tisdag 8 december 2026"), or ""."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    pattern = "EEEE d MMMM y" if with_weekday else "d MMMM y"
    written = format_date(day, format=pattern, locale="en_GB" if language == "en" else language)
    return written.replace(" ", "\u00a0")  # a date is never broken over two lines


def _responsible_names(case: Case, plan: dict[str, Any]) -> Callable[[Any], list[str]]:
    """A function giving the names of who is responsible for a sub-goal row: the member of
    staff and the chosen network members still on the case's network (no role: easy-read)."""
    from service.documents.implementation import add_sub_goal_responsibles

    part: dict[str, Any] = {
        "goals": [
            {"sub_goals": [{"others_responsible": ""} for _ in goal.get("sub_goals") or []]}
            for goal in plan.get("goals") or []
        ]
    }
    add_sub_goal_responsibles(case, plan, part)
    found = {
        id(row): [
            *([printed["responsible"]["name"]] if printed["responsible"]["name"] else []),
            *(person["name"] for person in printed["network"]),
        ]
        for goal, printed_goal in zip(plan.get("goals") or [], part["goals"], strict=True)
        for row, printed in zip(goal.get("sub_goals") or [], printed_goal["sub_goals"], strict=True)
    }
    return lambda row: found.get(id(row), [])


def my_plan_part(
    case: Case, method: Method | None, language: str, today: date, helper: str
) -> dict[str, Any]:
    """What "My plan" prints; ``helper`` is the contact person's name (who helps by default)."""
    submission = latest_submission(case, "plan")
    plan = dict(submission.answers) if submission is not None else {}
    statuses = latest_statuses(plan, final_follow_ups(case))
    labels = area_labels(method)
    names = _responsible_names(case, plan)
    goals = []
    for g, goal in enumerate(plan.get("goals") or []):
        rows = goal.get("sub_goals") or []
        open_rows = [
            row
            for s, row in enumerate(rows)
            if statuses.get(f"{g}.{s}") not in DONE and text(row.get("sub_goal"))
        ]
        steps = []
        for n, row in enumerate(open_rows[:STEPS_PER_GOAL]):
            when = shorten(
                _day(row.get("due_date"), language) or text(row.get("expected_time")), 24
            )
            room = STEP_CHARS if n == 0 else max(LINE_CHARS - len(when), 20)
            steps.append({"text": shorten(text(row.get("sub_goal")), room), "when": when})
        helpers = [helper] if helper else []
        for row in open_rows[:STEPS_PER_GOAL]:
            # who is responsible for the step: staff, the network, anyone else in words
            for other in [*names(row), text(row.get("others_responsible")).strip()]:
                if other and other not in helpers:
                    helpers.append(other)
        area = goal.get("area") or ""
        goals.append(
            {
                "area": labels.get(area, text(area)),
                "picture": area if area in PICTURES else DEFAULT_PICTURE,
                "goal": shorten(text(goal.get("goal")), GOAL_CHARS),
                "steps": steps,
                "done": bool(rows) and not open_rows,
                "helpers": shorten(", ".join(helpers), HELPER_CHARS),
            }
        )
    meeting = next_meeting(finals(case), today)
    return {
        "goals": goals,
        "next_meeting": _day(meeting, language, with_weekday=True),
    }
