"""What the IPWzB (art. 49 u.p.s.) prints beyond the common plan: the analysis of the person's
situation, the actions of the person and of the pracownik socjalny, every form of help (środki
pomocy) with who is responsible for it (art. 49 ust. 5), the meeting dates and the rhythm of
the assessment of progress the team set.

Rows with nothing to say are left out. Plans answered before the forms of help and the dated
meetings were asked keep their typed "meeting_dates" text. Call inside ``force_locale``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext, ngettext

from forms.method_schema import Method
from service.documents.answers import (
    SHARED_ASSESSMENT_KEYS,
    extra_answers,
    step_question,
    text,
)
from service.documents.context import format_day
from service.documents.plan_context import follow_up_rhythm_text

Answers = Mapping[str, Any]

#: The analysis the programme is drawn up from, in the order the IPWzB prints it: (row key,
#: the assessment's questions it joins). The row labels are the template's words.
ANALYSIS = (
    ("family", ("family_situation",)),
    ("financial", ("financial_situation",)),
    ("education", ("education",)),
    ("employability", ("employability",)),
    ("health", ("health_addictions",)),
    ("homelessness", ("homelessness_reasons",)),
    ("causes", ("difficulty_causes",)),
    ("possibilities", ("possibilities",)),
    ("limitations", ("limitations",)),
)
#: The assessment's questions the IPWzB prints in its analysis (not again among the extras).
ANALYSIS_KEYS = frozenset({key for _row, keys in ANALYSIS for key in keys} | {"homelessness_years"})


def _choice(method: Method | None, step: str, key: str, value: Any) -> str:
    question = step_question(method.steps.get(step) if method else None, key)
    for choice in question.choices if question else ():
        if choice.value == value:
            return gettext(choice.label)
    return text(value)


def _years(value: Any) -> str:
    """ "okres bezdomności: 3 lata" (the locale's plural form)."""
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return ""
    return ngettext(
        "length of homelessness: %(num)d year", "length of homelessness: %(num)d years", number
    )


def analysis(assessment: Answers, method: Method | None) -> list[dict[str, str]]:
    """The analysis rows that have something to say: ``key`` (which label) and ``text``."""
    rows = []
    for row, keys in ANALYSIS:
        parts = []
        for key in keys:
            value = assessment.get(key)
            if key == "employability":
                parts.append(_choice(method, "assessment", key, value) if value else "")
            else:
                parts.append(text(value).strip())
        if row == "homelessness" and assessment.get("homelessness_years") not in (None, ""):
            parts.append(_years(assessment.get("homelessness_years")))
        joined = "; ".join(part for part in parts if part)
        if joined:
            rows.append({"key": row, "text": joined})
    return rows


def _actions(plan: Answers, field: str) -> list[dict[str, str]]:
    """Every sub-goal's ``field`` (the person's or the worker's actions) with its sub-goal."""
    rows = []
    for g, goal in enumerate(plan.get("goals") or [], start=1):
        for s, sub in enumerate(goal.get("sub_goals") or [], start=1):
            action = text(sub.get(field)).strip()
            if action:
                rows.append(
                    {"ref": f"{g}.{s}", "action": action, "sub_goal": text(sub.get("sub_goal"))}
                )
    return rows


def _period(row: Answers, language: str) -> str:
    start = format_day(row.get("from_date"), language)
    end = format_day(row.get("to_date"), language)
    if start and end:
        return f"{start} – {end}"
    return start or end


def help_measures(plan: Answers, method: Method | None, language: str) -> list[dict[str, str]]:
    """Every form of help with who is responsible for it and when (rows without a form or a
    description are left out)."""
    rows: list[dict[str, str]] = []
    for row in plan.get("help_measures") or []:
        measure = row.get("measure")
        label = _choice_in_repeat(method, measure)
        details = text(row.get("details")).strip()
        if not (measure or details):
            continue
        if measure == "other" and details:
            label, details = details, ""
        rows.append(
            {
                "no": str(len(rows) + 1),
                "measure": label or details,
                "details": details if label else "",
                "responsible": text(row.get("responsible")).strip(),
                "period": _period(row, language),
            }
        )
    return rows


def _choice_in_repeat(method: Method | None, value: Any) -> str:
    if not value:
        return ""
    group = step_question(method.steps.get("plan") if method else None, "help_measures")
    inner = next((q for q in group.questions if q.key == "measure"), None) if group else None
    for choice in inner.choices if inner else ():
        if choice.value == value:
            return gettext(choice.label)
    return text(value)


def meetings(plan: Answers, language: str) -> list[dict[str, str]]:
    """The dated meetings in date order (rows without a date are left out)."""
    rows = [
        row for row in plan.get("meetings") or [] if isinstance(row, Mapping) and row.get("date")
    ]
    rows.sort(key=lambda row: str(row.get("date")))
    return [
        {"day": format_day(row.get("date"), language), "stage": text(row.get("stage")).strip()}
        for row in rows
    ]


def ipwzb_part(
    plan: Answers,
    assessment: Answers,
    assessed: Mapping[str, Any],
    method: Method | None,
    language: str,
) -> dict[str, Any]:
    """Everything the IPWzB prints beyond the common plan; ``assessed`` is the plan's
    assessment part (plan_context.assessment_part) whose life areas it prints."""
    step = method.steps.get("assessment") if method else None
    return {
        "analysis": analysis(assessment, method),
        # the life areas with something written (an empty row says nothing)
        "areas": [
            area
            for area in assessed.get("areas") or []
            if any(area.get(k) for k in ("strengths", "situation", "causes", "barriers"))
        ],
        # the method's other assessment questions that were answered
        "extras": [
            row
            for row in extra_answers(
                step, assessment, SHARED_ASSESSMENT_KEYS | ANALYSIS_KEYS, language
            )
            if row["value"]
        ],
        "person_actions": _actions(plan, "person_actions"),
        "worker_actions": _actions(plan, "worker_actions"),
        "help": help_measures(plan, method, language),
        "meetings": meetings(plan, language),
        "meeting_dates": text(plan.get("meeting_dates")).strip(),  # plans before dated meetings
        "rhythm": follow_up_rhythm_text(plan, method) if plan else "",
        "how": text(plan.get("follow_up_how")).strip(),
    }
