"""Turning stored answers into printable text in the document's language, with the labels of
the method file (English msgids, translated through the catalogs)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import gettext

from forms.method_schema import Choice, Method, Question, StepSpec
from service.documents.context import format_day

#: Questions of the assessment step that the plan prints in their own places.
SHARED_ASSESSMENT_KEYS = frozenset(
    {"areas", "earlier_interventions", "values", "feels_safe", "interests", "network"}
)
#: Questions of the follow-up step that the follow-up record prints in their own places.
SHARED_FOLLOW_UP_KEYS = frozenset(
    {
        "meeting_date",
        "since_last_time",
        "successes",
        "setbacks",
        "progress",
        "areas",
        "plan_changes",
        "next_meeting",
        "participants",
        "actions_review",
        "engagement",
        "worker_observations",
    }
)


def text(value: Any) -> str:
    """A stored answer as plain text; ``None`` and missing answers become ""."""
    if value is None:
        return ""
    return str(value)


def choice_label(choices: Iterable[Choice], value: Any) -> str:
    """The translated label of ``value`` among ``choices`` (the value itself when unknown)."""
    for choice in choices:
        if choice.value == value:
            return gettext(choice.label)
    return text(value)


def area_labels(method: Method | None) -> dict[str, str]:
    """Area key → translated label, in the method's order."""
    if method is None:
        return {}
    return {area.value: gettext(area.label) for area in method.areas}


def format_answer(question: Question, value: Any, language: str) -> str:
    """One answer of any question type as text (choices by label, dates in full, rows as lines)."""
    if value is None or value == "" or value == []:
        return ""
    if question.type == "date":
        return format_day(value, language)
    if question.type in ("choice", "yes_no") and question.choices:
        return choice_label(question.choices, value)
    if question.type == "multi_choice" and isinstance(value, list):
        return ", ".join(choice_label(question.choices, item) for item in value)
    if question.type == "repeat" and isinstance(value, list):
        lines = []
        for row in value:
            if isinstance(row, Mapping):
                parts = [
                    format_answer(sub, row.get(sub.key), language) for sub in question.questions
                ]
                if any(parts):
                    lines.append(", ".join(part for part in parts if part))
        return "\n".join(lines)
    return text(value)


def extra_answers(
    step: StepSpec | None, answers: Mapping[str, Any], shared: frozenset[str], language: str
) -> list[dict[str, str]]:
    """The method's own questions of a step (not the shared ones), as label/value rows."""
    if step is None:
        return []
    rows = []
    for section in step.sections:
        if section.per_area:
            continue
        for question in section.questions:
            if question.key in shared:
                continue
            rows.append(
                {
                    "label": gettext(question.label),
                    "value": format_answer(question, answers.get(question.key), language),
                }
            )
    return rows


def step_question(step: StepSpec | None, key: str) -> Question | None:
    """The top-level question ``key`` of ``step``, if the method has it."""
    if step is None:
        return None
    return next((q for q in step.questions() if q.key == key), None)
