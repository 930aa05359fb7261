"""The plan, follow-up and closing parts of a document context, from the final answers of the
``assessment``, ``plan``, ``follow_up`` and ``closing`` steps (plain dicts) and the method file.

Call these inside ``force_locale(language)``: labels are translated with ``gettext``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from forms.builder import ACTION_STATUS as _ACTION_CHOICES
from forms.method_schema import Method
from service.cases.actions import PARTY_LABELS
from service.documents.answers import (
    SHARED_ASSESSMENT_KEYS,
    SHARED_FOLLOW_UP_KEYS,
    area_labels,
    choice_label,
    extra_answers,
    step_question,
    text,
)
from service.documents.context import format_day

Answers = Mapping[str, Any]
#: How an agreed action went (the follow-up's choices).
ACTION_STATUS = dict(_ACTION_CHOICES)

#: How a sub-goal stands at a follow-up (a goal set too high is lowered, not failed).
PROGRESS_STATUS = {
    "not_started": _l("Not started"),
    "in_progress": _l("In progress"),
    "reached": _l("Reached"),
    "lowered": _l("Lowered – it was set too high"),
}


def plan_part(
    plan: Answers, method: Method | None, language: str, lowered: Sequence[Any] = ()
) -> dict[str, Any]:
    """``plan``: goals with numbered sub-goals, participation, adoption and follow-up; the
    sub-goals ``lowered`` at follow-ups (``lowering.Lowering``) and the tapering rhythm."""
    labels = area_labels(method)
    goals = []
    for g, goal in enumerate(plan.get("goals") or [], start=1):
        sub_goals = [
            {
                "ref": f"{g}.{s}",
                "sub_goal": text(row.get("sub_goal")),
                "person_actions": text(row.get("person_actions")),
                "worker_actions": text(row.get("worker_actions")),
                "others_responsible": text(row.get("others_responsible")),
                # who is responsible, named (implementation.add_sub_goal_responsibles): the
                # member of staff, the network members, then the free text
                "responsible": {"name": "", "role": ""},
                "network": [],
                "responsible_text": text(row.get("others_responsible")),
                "when": format_day(row.get("due_date"), language) or text(row.get("expected_time")),
                "progress_sign": text(row.get("progress_sign")),
            }
            for s, row in enumerate(goal.get("sub_goals") or [], start=1)
        ]
        goals.append(
            {
                "no": g,
                "area": labels.get(goal.get("area") or "", text(goal.get("area"))),
                "goal": text(goal.get("goal")),
                "from_assignment": text(goal.get("from_assignment")),
                "sub_goals": sub_goals,
            }
        )
    return {
        "goals": goals,
        "participation": text(plan.get("participation")),
        "other_participants": text(plan.get("other_participants")),
        "adopted_on": format_day(plan.get("adopted_on"), language),
        "follow_up_rhythm": follow_up_rhythm_text(plan, method),
        "follow_up_how": text(plan.get("follow_up_how")),
        "meeting_dates": text(plan.get("meeting_dates")),
        "head_of_centre": text(plan.get("head_of_centre")),
        "lowered": [
            {
                "ref": x.ref,
                "before": x.before,
                "after": x.after,
                "reason": x.reason,
                "on": format_day(x.on, language),
                "version": x.plan_version,
                "due": format_day(getattr(x, "due", ""), language),
            }
            for x in lowered
        ],
        "phase_out": phase_out_text(plan, method, language),
    }


def phase_out_text(plan: Answers, method: Method | None, language: str) -> str:
    """The tapering rhythm as lines: "From 2 March 2027: every second week"."""
    step = method.steps.get("plan") if method else None
    question = step_question(step, "phase_out")
    every = next((q for q in question.questions if q.key == "every"), None) if question else None
    lines = []
    for row in plan.get("phase_out") or []:
        label = choice_label(every.choices if every else (), row.get("every"))
        day = format_day(row.get("from_date"), language)
        if label or day:
            lines.append(
                gettext("From %(day)s: %(rhythm)s", day=day, rhythm=label) if day else label
            )
    return "\n".join(lines)


def assessment_part(assessment: Answers, method: Method | None, language: str) -> dict[str, Any]:
    """``assessment``: each life area (method order), earlier help, what matters, method extras."""
    answered = assessment.get("areas") or {}
    keys = list(area_labels(method)) + [key for key in answered if key not in area_labels(method)]
    labels = area_labels(method)
    areas = []
    for key in keys:
        area = answered.get(key) or {}
        areas.append(
            {
                "label": labels.get(key, key),
                "strengths": text(area.get("strengths")),
                "situation": text(area.get("situation")),
                "causes": text(area.get("causes")),
                "barriers": text(area.get("barriers")),
                "rating": text(area.get("rating")),
            }
        )
    earlier = [
        {
            "intervention": text(row.get("intervention")),
            "when": text(row.get("when")),
            "result": text(row.get("result")),
        }
        for row in assessment.get("earlier_interventions") or []
        if any(row.get(k) for k in ("intervention", "when", "result"))
    ]
    step = method.steps.get("assessment") if method else None
    return {
        "areas": areas,
        "earlier_interventions": earlier,
        "what_they_value": text(assessment.get("values")),  # not "values": dict.values
        "feels_safe": text(assessment.get("feels_safe")),
        "interests": text(assessment.get("interests")),
        "network": text(assessment.get("network")),
        "extras": extra_answers(step, assessment, SHARED_ASSESSMENT_KEYS, language),
    }


def _ratings(answers: Answers | None, key: str = "rating") -> dict[str, Any]:
    areas = (answers or {}).get("areas") or {}
    return {area: (value or {}).get(key) for area, value in areas.items()}


def _iso_or_none(value: Any) -> str | None:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return None


def _progress_comment(row: Answers) -> str:
    """The row's comment; for a lowered sub-goal also what it became and why."""
    comment = text(row.get("comment"))
    lowered = text(row.get("lowered_to"))
    if not lowered:
        return comment
    note = gettext(
        "Lowered to “%(after)s”. Why: %(reason)s",
        after=lowered,
        reason=text(row.get("lower_reason")),
    )
    return f"{comment}\n{note}" if comment else note


def _progress_ref(ref: Any) -> str:
    """Follow-up refs count from zero (``"0.1"``); documents count from one (``"1.2"``)."""
    try:
        goal, sub = (int(part) for part in str(ref).split("."))
    except ValueError:
        return text(ref)
    return f"{goal + 1}.{sub + 1}"


def follow_up_part(
    follow_up: Answers,
    previous: Answers | None,
    method: Method | None,
    language: str,
    plan_number: str = "",
    participants: Sequence[str] = (),
) -> dict[str, Any]:
    """``follow_up``: one meeting; ratings now against the previous follow-up (or assessment)."""
    labels = area_labels(method)
    before, now = _ratings(previous), _ratings(follow_up)
    keys = list(labels) + [key for key in now if key not in labels]
    step = method.steps.get("follow_up") if method else None
    engagement = step_question(step, "engagement")
    worker_now = _ratings(follow_up, "worker_rating")
    return {
        "meeting_date": format_day(follow_up.get("meeting_date"), language),
        "participants": ", ".join(participants or []),
        "engagement": choice_label(engagement.choices, follow_up.get("engagement"))
        if engagement and follow_up.get("engagement")
        else "",
        "worker_observations": text(follow_up.get("worker_observations")),
        "actions": [
            {
                "no": n,
                "what": text(row.get("what")),
                "who": str(PARTY_LABELS.get(str(row.get("who") or ""), text(row.get("who")))),
                "by_when": format_day(_iso_or_none(row.get("by_when")), language),
                "status": str(ACTION_STATUS.get(str(row.get("status") or ""), ""))
                or text(row.get("status")),
                "comment": text(row.get("comment")),
            }
            for n, row in enumerate(follow_up.get("actions_review") or [], start=1)
        ],
        "since_last_time": text(follow_up.get("since_last_time")),
        "successes": text(follow_up.get("successes")),
        "setbacks": text(follow_up.get("setbacks")),
        "progress": [
            {
                "ref": _progress_ref(row.get("ref")),
                "sub_goal": text(row.get("sub_goal")),
                "status": str(PROGRESS_STATUS.get(row.get("status") or "", ""))
                or text(row.get("status")),
                "comment": _progress_comment(row),
            }
            for row in follow_up.get("progress") or []
        ],
        "ratings": [
            {
                "label": labels.get(key, key),
                "before": text(before.get(key)),
                "now": text(now.get(key)),
                "worker": text(worker_now.get(key)),
            }
            for key in keys
            if before.get(key) is not None
            or now.get(key) is not None
            or worker_now.get(key) is not None
        ],
        "plan_changes": text(follow_up.get("plan_changes")),
        "next_meeting": format_day(follow_up.get("next_meeting"), language),
        "plan_number": plan_number,
        "extras": extra_answers(step, follow_up, SHARED_FOLLOW_UP_KEYS, language),
    }


def closing_part(
    closing: Answers,
    plan: Answers | None,
    assessment: Answers | None,
    last_follow_up: Answers | None,
    method: Method | None,
    language: str,
    started_on: date | str | None,
    statuses: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """``closing``: reason, evaluation, outcomes, goals reached and ratings from start to end.

    ``started_on`` is the day of the start meeting (``opened_on`` in the template: the day the
    work with the person began, not the day the referral was registered). ``statuses`` (ref
    "goal.sub" from zero → status) is the latest status of every sub-goal over all follow-ups;
    without it the last follow-up's rows are counted.
    """
    step = method.steps.get("closing") if method else None
    reason_question = step_question(step, "reason")
    reason = closing.get("reason")
    reason_text = (
        text(closing.get("reason_other"))
        if reason == "other" and closing.get("reason_other")
        else choice_label(reason_question.choices if reason_question else (), reason)
    )
    if statuses is None:
        statuses = {
            str(row.get("ref")): str(row.get("status"))
            for row in (last_follow_up or {}).get("progress") or []
        }
    labels = area_labels(method)
    goals = []
    for g, goal in enumerate((plan or {}).get("goals") or []):
        subs = goal.get("sub_goals") or []
        reached = sum(1 for s in range(len(subs)) if statuses.get(f"{g}.{s}") == "reached")
        goals.append(
            {
                "area": labels.get(goal.get("area") or "", text(goal.get("area"))),
                "goal": text(goal.get("goal")),
                "reached": f"{reached} / {len(subs)}",
            }
        )
    start, end = _ratings(assessment), _ratings(last_follow_up)
    keys = list(labels) + [key for key in start if key not in labels]
    outcomes: Sequence[Any] = closing.get("outcomes") or []
    return {
        "opened_on": format_day(started_on, language),
        "closed_on": format_day(closing.get("closed_on"), language),
        "reason": reason_text,
        "final_evaluation": text(closing.get("final_evaluation")),
        "own_words": text(closing.get("own_words")),
        "outcomes": [choice_label(method.outcomes if method else (), o) for o in outcomes],
        "goals": goals,
        "ratings": [
            {
                "label": labels.get(key, key),
                "start": text(start.get(key)),
                "end": text(end.get(key)),
            }
            for key in keys
            if start.get(key) is not None or end.get(key) is not None
        ],
    }


def follow_up_rhythm_text(plan: Answers, method: Method | None) -> str:
    """How often and when the plan is followed up, in the document's language (the locale):
    the choice ("Every second week") and what was written beside it; earlier plans hold only
    the written text."""
    from service.journal.rhythm import follow_up_label

    if method is None:
        return text(plan.get("follow_up_rhythm"))
    return follow_up_label(plan, method)
