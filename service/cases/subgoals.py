"""How each sub-goal of the plan stands: the latest status any final follow-up gave it.

A follow-up lists every sub-goal of the plan (its ``progress`` rows: ``ref`` "goal.sub" counted
from zero, the sub-goal's text and a status). A new follow-up starts from these statuses, and
the case overview and the closing summary count them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from service.cases.operations import latest_submission
from service.cases.record import case_record
from service.models import Case

NOT_STARTED = "not_started"


def plan_sub_goals(plan: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(ref, text) of every sub-goal of the plan's answers, in plan order."""
    return [
        (f"{g}.{s}", str(sub.get("sub_goal") or ""))
        for g, goal in enumerate(plan.get("goals") or [])
        for s, sub in enumerate(goal.get("sub_goals") or [])
    ]


def latest_statuses(
    plan: Mapping[str, Any], follow_ups: Iterable[Mapping[str, Any]]
) -> dict[str, str]:
    """Ref → the latest status of every sub-goal of ``plan`` ("not_started" if never given).

    ``follow_ups`` are final follow-up answers, oldest first. A row counts for a sub-goal when
    its ref and text both match; if the plan was changed since (rows moved), a row with the
    same text counts instead, so a status never sticks to another sub-goal.
    """
    subs = plan_sub_goals(plan)
    by_text = {text: ref for ref, text in reversed(subs)}  # the first sub-goal with that text
    texts = dict(subs)
    status = {ref: NOT_STARTED for ref, _ in subs}
    for answers in follow_ups:
        for row in answers.get("progress") or []:
            # a sub-goal lowered at that follow-up has its smaller wording in the plan since
            ref = str(row.get("ref"))
            text = str(row.get("lowered_to") or row.get("sub_goal") or "")
            value = row.get("status")
            if not isinstance(value, str) or not value:
                continue
            if texts.get(ref) == text:
                status[ref] = value
            elif text in by_text:
                status[by_text[text]] = value
    return status


def final_follow_ups(case: Case, before_instance: int | None = None) -> list[dict[str, Any]]:
    """The newest final version of every follow-up of the case, oldest meeting first.

    ``before_instance`` leaves out that follow-up (and the later-numbered ones): what a
    follow-up being filled in starts from.
    """
    return case_record(case).follow_ups(before_instance)


def follow_up_start(case: Case, instance: int) -> list[dict[str, str]]:
    """The progress rows a new follow-up starts from: every sub-goal of the final plan with the
    latest status the earlier follow-ups gave it (the comment is this meeting's, so empty)."""
    plan = latest_submission(case, "plan")
    if plan is None:
        return []
    statuses = latest_statuses(plan.answers, final_follow_ups(case, before_instance=instance))
    return [
        {"ref": ref, "sub_goal": text, "status": statuses[ref], "comment": ""}
        for ref, text in plan_sub_goals(plan.answers)
    ]
