"""The context of each document type, from the case's final step answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale

from forms.method_registry import get_method
from forms.method_schema import Method
from service.cases.family import member_tasks
from service.cases.journey import method_of
from service.cases.lowering import case_lowerings
from service.cases.operations import latest_submission
from service.cases.participants import participant_names
from service.cases.subgoals import final_follow_ups, latest_statuses
from service.documents.context import base_context, build_agreement_context, build_consent_context
from service.documents.implementation import add_sub_goal_responsibles, implementation_part
from service.documents.ipwzb import ipwzb_part
from service.documents.kontrakt import kontrakt_part
from service.documents.my_plan import my_plan_part
from service.documents.plan_context import (
    assessment_part,
    closing_part,
    follow_up_part,
    plan_part,
)
from service.extensions import db
from service.models import Case, Document, Submission, User


def answers(case: Case, step: str) -> dict[str, Any]:
    """The final answers of ``step`` (empty when the step has none yet)."""
    submission = latest_submission(case, step)
    return dict(submission.answers) if submission is not None else {}


def _previous_follow_up(case: Case) -> dict[str, Any] | None:
    """The newest version of the follow-up meeting before the newest one, if any."""
    current = latest_submission(case, "follow_up")
    if current is None:
        return None
    for submission in db.session.scalars(
        sa.select(Submission)
        .where(Submission.case_id == case.id, Submission.step == "follow_up")
        .order_by(Submission.id.desc())
    ):
        if (getattr(submission, "instance", 1), submission.answers.get("meeting_date")) != (
            getattr(current, "instance", 1),
            current.answers.get("meeting_date"),
        ):
            return dict(submission.answers)
    return None


def _plan_number(case: Case) -> str:
    number = db.session.scalar(
        sa.select(Document.number)
        .where(Document.case_id == case.id, Document.doc_type == "plan")
        .order_by(Document.id.desc())
        .limit(1)
    )
    return number or ""


def build_context(
    case: Case, doc_type: str, *, number: str, version: int, language: str, today: date
) -> dict[str, Any]:
    """Everything the ``doc_type`` template prints, from stored data only."""
    contact = case.contact_person
    if doc_type == "agreement":
        second = answers(case, "second_meeting")
        agreement_contact = db.session.get(User, second.get("contact_person_id") or 0) or contact
        context = build_agreement_context(
            case,
            answers(case, "start_meeting"),
            second,
            number=number,
            version=version,
            language=language,
            issued_on=today,
            contact=agreement_contact,
        )
        if method_of(case).country == "PL":  # the kontrakt socjalny after its pattern
            with force_locale(language):
                context["kontrakt"] = kontrakt_part(case, second, language)
        return context
    if doc_type == "consent":
        return build_consent_context(
            case,
            answers(case, "second_meeting"),
            number=number,
            version=version,
            language=language,
            issued_on=today,
            contact=contact,
        )
    context = base_context(
        case,
        number=number,
        version=version,
        language=language,
        issued_on=today,
        contact=contact,
        doc_type=doc_type,
    )
    # plan, follow_up and closing print their own step: the version its answers were given to
    method = method_of(case, "plan" if doc_type == "my_plan" else doc_type)
    with force_locale(language):
        if doc_type == "my_plan":  # the person's own summary of the plan
            helper = contact.full_name if contact else ""
            context["my_plan"] = my_plan_part(case, method, language, today, helper)
            return context
        if doc_type == "plan":
            context["plan"] = plan_part(
                answers(case, "plan"), method, language, case_lowerings(case)
            )
            context["plan"].update(implementation_part(case, answers(case, "plan"), language))
            add_sub_goal_responsibles(case, answers(case, "plan"), context["plan"])
            context["plan"]["member_tasks"] = member_tasks(case, answers(case, "plan"), language)
            context["assessment"] = assessment_part(answers(case, "assessment"), method, language)
            if template_name("plan", method, language).startswith("plan_ipwzb_"):
                context["ipwzb"] = ipwzb_part(
                    answers(case, "plan"),
                    answers(case, "assessment"),
                    context["assessment"],
                    method,
                    language,
                )
        elif doc_type == "follow_up":
            current = answers(case, "follow_up")
            previous = _previous_follow_up(case) or answers(case, "assessment")
            context["follow_up"] = follow_up_part(
                current,
                previous,
                method,
                language,
                _plan_number(case),
                participant_names(case, current.get("participants") or []),
            )
        elif doc_type == "closing":
            plan = answers(case, "plan")
            context["closing"] = closing_part(
                answers(case, "closing"),
                plan,
                answers(case, "assessment"),
                answers(case, "follow_up") or None,
                method,
                language,
                answers(case, "start_meeting").get("meeting_date"),
                latest_statuses(plan, final_follow_ups(case)),
            )
        else:
            raise ValueError(f"Unknown document type {doc_type!r}")
    return context


#: The legal form of each document type per country of the method (its law), e.g. the
#: Swedish överenskommelse and handlingsplan, the Polish kontrakt socjalny and IPWzB.
FORMS: dict[str, dict[str, str]] = {
    "agreement": {"SE": "agreement_se", "PL": "agreement_pl"},
    "consent": {"SE": "consent_se", "PL": "consent_pl"},
    "plan": {"SE": "plan_se", "PL": "plan_ipwzb"},
    "follow_up": {"SE": "follow_up_se", "PL": "follow_up_pl"},
    "closing": {"SE": "closing_se", "PL": "closing_pl"},
    "my_plan": {"SE": "my_plan", "PL": "my_plan"},  # the person's own: one form for all
}
#: Methods whose plan has a form of its own: the asystent rodziny works under the family
#: support act (plan pracy z rodziną), not under art. 49 u.p.s. (IPWzB).
PLAN_FORMS = {"family_plan": "plan_family"}
LANGUAGES = ("sv", "pl", "en")


def template_name(doc_type: str, method: Method | str, language: str) -> str:
    """The template of ``doc_type`` for a case of ``method`` written in ``language``.

    The method's country (its law) chooses the form; the language only translates it: a BUSS
    agreement in Polish is the Swedish överenskommelse in Polish words, an IPWzB case in
    Swedish gets the kontrakt socjalny and the IPWzB in Swedish words. ``method`` is the
    case's method (the version its answers were given to) or a method key.
    """
    if doc_type not in FORMS:
        raise ValueError(f"Unknown document type {doc_type!r}")
    key = method if isinstance(method, str) else method.key
    country = ("" if isinstance(method, str) else method.country) or _current_country(key)
    form = FORMS[doc_type][country]
    if doc_type == "plan" and country == "PL":
        form = PLAN_FORMS.get(key, form)
    return f"{form}_{language if language in LANGUAGES else 'en'}"


def _current_country(key: str) -> str:
    """The country of the method file today (for a snapshot written before the key existed)."""
    current = get_method(key)
    return current.country if current is not None and current.country else "SE"
