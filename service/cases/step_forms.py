"""Making a step's form: from the request, a draft or the last final answers."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, FormField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from forms.base import BaseForm, DateField, as_choices
from forms.builder import build_step_form
from forms.method_schema import Method, StepSpec
from service import access
from service.cases.operations import latest_submission
from service.cases.participants import participant_choices
from service.models import Case


@lru_cache(maxsize=256)
def step_form_class(method: Method, step_key: str, changing: bool) -> type[BaseForm]:
    """The step's form class plus the edit token, and a reason when changing a final version."""
    base = build_step_form(method, method.steps[step_key])
    attrs: dict[str, Any] = {"edit_token": HiddenField()}
    if changing:
        attrs["change_reason"] = TextAreaField(
            _l("Why is this changed?"),
            validators=[
                DataRequired(message=_l("Say why the finalised answers are changed.")),
                Length(max=1000),
            ],
        )
    return type(base.__name__, (base,), attrs)


def make_form(
    method: Method,
    step: StepSpec,
    *,
    changing: bool,
    formdata: MultiDict[str, str] | None,
    answers: dict[str, Any] | None = None,
    progress: list[dict[str, str]] | None = None,
    actions: list[dict[str, str]] | None = None,
    case: Case | None = None,
) -> Any:
    """A bound form: from ``formdata`` (a post or a draft) or from stored ``answers``.

    ``progress`` and ``actions`` are the rows a new follow-up starts from (see
    ``subgoals.follow_up_start`` and ``actions.action_review_start``); ``case`` gives the final
    answers of the steps a ``not_before: step.question`` names, and who can take part.
    """
    cls = step_form_class(method, step.key, changing)
    if formdata is not None:
        form = cls(formdata=formdata)
    else:
        form = cls(formdata=None, data=answers or {})
        _restore_dates(form)
        if answers is None and progress is not None:
            _progress_rows(form, progress, "progress")
        if answers is None and actions is not None:
            _progress_rows(form, actions, "actions_review")
    _staff_choices(form, method, step, case)
    if case is not None:
        form.other_steps = _other_steps(case, step)
        _participant_choices(form, step, case)
    return form


def _other_steps(case: Case, step: StepSpec) -> dict[str, dict[str, Any]]:
    """Final answers of the other steps this step's dates may not be before."""
    named = {
        (q.not_before or "").partition(".")[0]
        for q in step.questions()
        if "." in (q.not_before or "")
    }
    found = {key: latest_submission(case, key) for key in named}
    return {key: dict(s.answers) for key, s in found.items() if s is not None}


def _staff_choices(form: Any, method: Method, step: StepSpec, case: Case | None = None) -> None:
    """The unit's staff for a ``staff`` question; the case's team for a ``team_member`` one,
    the case's current network for a ``network_member`` one and the person or the case's
    family for a ``family_member`` one, at any depth (the unit's
    staff while the team is empty or the case is not known: a read-only view)."""
    staff = None
    for question in step.questions():
        if question.type != "staff":
            continue
        staff = staff if staff is not None else access.unit_staff()
        field = form[question.key]
        field.choices = as_choices([("", _l("— choose —"))] + [(u.id, u.full_name) for u in staff])
        if field.data is None and field.raw_data is None:
            field.data = current_user.id  # most often the one filling in is the contact person
    if not any(_case_questions(step.questions())):
        return
    kinds = {question.type for question in _case_questions(step.questions())}
    form.case_choices = _case_choice_lists(case, "family_member" in kinds)
    set_case_choices(form)


def _case_questions(questions: Any) -> Any:
    """The ``team_member``, ``network_member`` and ``family_member`` questions, at any depth."""
    for question in questions:
        if question.type in ("team_member", "network_member", "family_member"):
            yield question
        yield from _case_questions(question.questions)


def _case_choice_lists(case: Case | None, with_family: bool = False) -> dict[str, list[Any]]:
    """source ("team", "network", "family") → the choices of a field asking for one of them
    (the family's only when the step asks for a member of it)."""
    from service.cases import family
    from service.cases.team import members, team_role_label
    from service.journal import network

    team = members(case) if case is not None else []
    people = (
        [(m.user_id, f"{m.user.full_name} – {team_role_label(m.team_role)}") for m in team]
        if team
        else [(u.id, u.full_name) for u in access.unit_staff()]
    )
    found = network.members(case) if case is not None else []
    return {
        "team": as_choices([("", _l("— choose —")), *people]),
        "network": as_choices(
            (m.id, f"{m.name} – {m.role or network.NETWORK_LABELS.get(m.kind, m.kind)}")
            for m in found
        ),
        "family": as_choices(
            [
                ("", _l("— choose —")),
                *([("person", case.person.full_name)] if case is not None else []),
                *(
                    (str(m.id), f"{m.full_name} – {family.role_label(m)}")
                    for m in (family.members(case) if case is not None and with_family else [])
                ),
            ]
        ),
    }


def set_case_choices(form: Any) -> None:
    """Give every team or network field of ``form`` (rows added since included) its choices."""
    lists = getattr(form, "case_choices", None)
    if lists is None:
        return
    for field in _all_fields(form):
        source = getattr(field, "choice_source", None)
        if source in lists:
            field.choices = lists[source]


def _all_fields(form: Any) -> Any:
    for field in form:
        if isinstance(field, FormField):
            yield from _all_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                if isinstance(entry, FormField):
                    yield from _all_fields(entry.form)
                else:
                    yield entry
        else:
            yield field


def _participant_choices(form: Any, step: StepSpec, case: Case) -> None:
    """Who can take part: the person, the case team, the network, the caseworker.

    Someone chosen earlier who is no longer on the case stays a choice of that answer.
    """
    choices = None
    for question in step.questions():
        if question.type == "participants":
            field = form[question.key]
            choices = choices if choices is not None else participant_choices(case, field.data)
            field.choices = as_choices(choices)


def _progress_rows(form: Any, rows: list[dict[str, str]], name: str) -> None:
    """A new follow-up lists every sub-goal of the plan, each with its latest progress (and
    every agreed action with its latest status)."""
    for field in form:
        if isinstance(field, FieldList) and field.name == name:
            while field.entries:
                field.pop_entry()
            for row in rows:
                field.append_entry(row)


def apply_row_action(form: Any, action: str) -> None:
    """ "add:<list name>" adds a row, "remove:<row name>" removes one (works without JavaScript)."""
    verb, _, name = action.partition(":")
    if verb == "add":
        field_list = _find(form, name)
        if isinstance(field_list, FieldList) and (
            field_list.max_entries is None or len(field_list.entries) < field_list.max_entries
        ):
            field_list.append_entry()
            set_case_choices(form)  # the new row's team and network questions
    elif verb == "remove":
        list_name, _, index = name.rpartition("-")
        field_list = _find(form, list_name)
        if isinstance(field_list, FieldList) and index.isdigit():
            field_list.entries = [e for e in field_list.entries if e.name != name]


def _find(form: Any, name: str) -> Any:
    """The field (at any depth) whose full name is ``name``."""
    for field in form:
        if field.name == name:
            return field
        if isinstance(field, FormField):
            found = _find(field.form, name)
        elif isinstance(field, FieldList):
            found = next((f for f in (_find_in_entry(e, name) for e in field.entries) if f), None)
        else:
            found = None
        if found is not None:
            return found
    return None


def _find_in_entry(entry: Any, name: str) -> Any:
    if entry.name == name:
        return entry
    return _find(entry.form, name) if isinstance(entry, FormField) else None


def _restore_dates(form: Any) -> None:
    """Stored answers keep dates as ISO text; date fields want dates back."""
    for field in form:
        if isinstance(field, DateField) and isinstance(field.data, str):
            field.data = _parse_date(field.data)
        elif isinstance(field, FormField):
            _restore_dates(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                if isinstance(entry, FormField):
                    _restore_dates(entry.form)


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def formdata_dict(formdata: MultiDict[str, str]) -> dict[str, list[str]]:
    """A posted form as JSON (each field's list of values), without the CSRF token."""
    return {key: formdata.getlist(key) for key in formdata if key != "csrf_token"}


def formdata_from(stored: dict[str, list[str]]) -> MultiDict[str, str]:
    """A stored draft back as form data."""
    return MultiDict([(key, value) for key, values in stored.items() for value in values])


def change_reason(form: Any) -> str:
    """The reason given for changing finalised answers ("" for a first version)."""
    field = getattr(form, "change_reason", None)
    return (field.data or "").strip() if field is not None else ""
