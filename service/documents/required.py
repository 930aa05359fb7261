"""What a document cannot be printed without, and which step and question to complete first.

A document is made from final answers. Finalising checks what the method marks ``required``,
but answers finalised before a question became required (or under another version of the
method) may lack it, and a document would print "—" where its content belongs (the three
items of part I of a kontrakt socjalny, say). This names the step and the question instead, so
the case page says what to complete and issuing is refused with that reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l

from forms.method_schema import Question, StepSpec
from service.cases.journey import method_of
from service.cases.operations import latest_submission
from service.models import Case

#: Per document type and step: the answers the document prints and cannot do without
#: ("group.question": in every filled-in row of a repeat group; a repeat group's own key: at
#: least one row). A key the case's method does not ask is not needed.
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "agreement": {
        "start_meeting": ("meeting_date", "participants", "own_words"),
        "second_meeting": (
            "meeting_date",
            "purpose",
            # part I of the kontrakt socjalny; "the present situation" of the överenskommelse
            "situation_causes",
            "situation_possibilities",
            "situation_limitations",
            "meeting_rhythm",
            "contact_channels",
            "period_from",
            "period_to",
        ),
        # part I when the method takes it from the assessment (ipwzb.yaml)
        "assessment": ("difficulty_causes", "possibilities", "limitations"),
    },
    "consent": {
        "second_meeting": (
            "meeting_date",
            # the recipients (consent_recipients) or, in an earlier consent, consent_parties
            "consent_data",
            "consent_purpose",
            "consent_valid_until",
        ),
    },
    "plan": {
        "plan": (
            "goals",
            "goals.goal",
            "goals.sub_goals.sub_goal",
            "participation",
            "adopted_on",
        ),
    },
    "my_plan": {"plan": ("goals", "goals.goal")},
    "follow_up": {"follow_up": ("meeting_date", "since_last_time")},
    "closing": {"closing": ("closed_on", "reason", "final_evaluation")},
}


def missing_content(case: Case, doc_type: str) -> object | None:
    """Why ``doc_type`` cannot be printed (the step and question to complete), or None.

    Steps without a final version are left to the other blockers ("not filled in yet").
    """
    for step_key, extra in NEEDS.get(doc_type, {}).items():
        final = latest_submission(case, step_key)
        if final is None:
            continue
        # the questions as they were asked: the version this step's answers were given to
        spec = method_of(case, step_key).steps.get(step_key)
        if spec is None:
            continue
        question = _first_missing(_top_level(spec), final.answers, set(extra), "")
        if question is not None:
            return _l(
                "Complete “%(question)s” in the step “%(step)s” first: the document needs it.",
                question=_l(question.label),
                step=_l(spec.title),
            )
    return None


def _top_level(step: StepSpec) -> list[Question]:
    """The step's questions outside per-area sections (those are asked once per life area)."""
    return [q for section in step.sections if not section.per_area for q in section.questions]


def _first_missing(
    questions: Sequence[Question], answers: Mapping[str, Any], extra: set[str], prefix: str
) -> Question | None:
    for question in questions:
        path = prefix + question.key
        if question.show_if and not _applies(question, answers):
            continue
        needed = path in extra
        value = answers.get(question.key)
        if question.type == "repeat":
            rows = [row for row in value or [] if isinstance(row, Mapping)]
            if needed and not rows:
                return question
            for row in rows:
                found = _first_missing(question.questions, row, extra, path + ".")
                if found is not None:
                    return found
        elif needed and _empty(value):
            return question
    return None


def _applies(question: Question, answers: Mapping[str, Any]) -> bool:
    assert question.show_if is not None
    other = answers.get(question.show_if.question)
    chosen = other if isinstance(other, list) else [other]
    return any(str(v) in question.show_if.values for v in chosen if v is not None)


def _empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())
