"""The agreed actions a follow-up reviews, carried from the agreement and the plan.

The actions are the second meeting's agreed actions (what, who, by when: in a Polish case the
kontrakt socjalny's part II) and what the person and the worker do for each sub-goal of the
plan, with its due date. A follow-up lists all of them, each with the status the last
follow-up gave it, so nothing is typed again; it marks each done, partly done or not done.

Refs: ``agreement.<n>`` (the n-th agreed action, from zero) and ``plan.<goal>.<sub>.person``
or ``plan.<goal>.<sub>.worker``. A status carries over when ref and text both match, so an
edited agreement or plan never moves a status onto another action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from service.cases.record import case_record
from service.models import Case

OPEN = "open"
#: Who does an agreed action (the agreement's ``who`` choices; the plan's person or worker).
PARTY_LABELS = {
    "person": _l("The person"),
    "worker": _l("The worker"),
    "both": _l("Together"),
    "caseworker": _l("The caseworker"),
    "other": _l("Someone else"),
}


@dataclass(frozen=True)
class OverdueAction:
    """An agreed action past its day: what, who (a party key), by when, its last status."""

    what: str
    who: str
    due: date
    status: str


def agreed_actions(
    second: Mapping[str, Any] | None, plan: Mapping[str, Any] | None
) -> list[dict[str, str]]:
    """Every agreed action: ref, what, who (a party key) and by when (ISO date or "")."""
    rows = []
    for n, action in enumerate((second or {}).get("actions") or []):
        what = str(action.get("what") or "").strip()
        if what:
            rows.append(
                {
                    "ref": f"agreement.{n}",
                    "what": what,
                    "who": str(action.get("who") or ""),
                    "by_when": str(action.get("by_when") or ""),
                }
            )
    for g, goal in enumerate((plan or {}).get("goals") or []):
        for s, sub in enumerate(goal.get("sub_goals") or []):
            for who in ("person", "worker"):
                what = str(sub.get(f"{who}_actions") or "").strip()
                if what:
                    rows.append(
                        {
                            "ref": f"plan.{g}.{s}.{who}",
                            "what": what,
                            "who": who,
                            "by_when": str(sub.get("due_date") or ""),
                        }
                    )
    return rows


def latest_action_statuses(
    actions: list[dict[str, str]], follow_ups: Iterable[Mapping[str, Any]]
) -> dict[str, str]:
    """Ref → the latest status of each action (``open`` when no follow-up marked it)."""
    texts = {row["ref"]: row["what"] for row in actions}
    status = {ref: OPEN for ref in texts}
    for answers in follow_ups:
        for row in answers.get("actions_review") or []:
            ref = str(row.get("ref"))
            value = row.get("status")
            if texts.get(ref) == str(row.get("what") or "") and isinstance(value, str) and value:
                status[ref] = value
    return status


def action_review_start(case: Case, instance: int) -> list[dict[str, str]]:
    """The rows a new follow-up's review of the agreed actions starts from."""
    record = case_record(case)
    second, plan = record.latest("second_meeting"), record.latest("plan")
    actions = agreed_actions(second.answers if second else None, plan.answers if plan else None)
    statuses = latest_action_statuses(actions, record.follow_ups(before_instance=instance))
    return [{**row, "status": statuses[row["ref"]], "comment": ""} for row in actions]


def overdue_actions(steps: Iterable[Any], today: date) -> list[OverdueAction]:
    """The agreement's actions (the kontrakt socjalny's part II) past their day and not
    marked carried out by the latest follow-up. ``steps`` are the case's final answers,
    oldest meeting first (no query: My week reads them for all cases at once). The plan's
    own actions share their sub-goal's due date, which My week lists already."""
    steps = list(steps)
    second = next((s for s in reversed(steps) if s.step == "second_meeting"), None)
    if second is None:
        return []
    actions = agreed_actions(second.answers, None)
    follow_ups = sorted((s for s in steps if s.step == "follow_up"), key=lambda s: s.instance)
    status = latest_action_statuses(actions, [s.answers for s in follow_ups])
    late = []
    for row in actions:
        try:
            due = date.fromisoformat(row["by_when"])
        except ValueError:
            continue
        if due < today and status[row["ref"]] != "done":
            late.append(OverdueAction(row["what"], row["who"], due, status[row["ref"]]))
    return late
