"""Building a step's form: pre-filled from the last version, with a reason when changing."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from flask_babel import lazy_gettext as _l
from wtforms import DateField, FieldList, FormField, TextAreaField
from wtforms.validators import DataRequired, Length

from forms.base import BaseForm, as_choices
from forms.meetings import MAX_ACTION_ROWS
from service import access
from service.cases.steps import Step
from service.models import Case, Submission


class _ChangeReason:
    change_reason = TextAreaField(
        _l("Why is this changed?"),
        validators=[DataRequired(message=_l("Say why the saved answers are changed.")), Length(max=1000)],
    )


def build_step_form(step: Step, previous: Submission | None, case: Case) -> Any:
    """The step's form: from the request on POST, else from the last saved answers."""
    form_cls: type[BaseForm] = step.form
    if previous is not None:
        form_cls = type(form_cls.__name__, (form_cls,), {"change_reason": _ChangeReason.change_reason})
    if request.method == "POST":
        form = form_cls()
    else:
        form = form_cls(formdata=None, data=previous.answers if previous else None)
        _restore_dates(form)
        if hasattr(form, "change_reason"):
            form.change_reason.data = ""
    if hasattr(form, "contact_person_id"):
        form.contact_person_id.choices = as_choices(
            (u.id, u.full_name) for u in access.unit_staff()
        )
    return form


def change_reason(form: Any) -> str:
    """The reason given for changing saved answers ("" for a first version)."""
    field = getattr(form, "change_reason", None)
    return (field.data or "").strip() if field is not None else ""


def add_row(form: Any) -> None:
    """One more blank action row (the no-JavaScript "add a row" button)."""
    actions: FieldList | None = getattr(form, "actions", None)
    if actions is not None and len(actions.entries) < MAX_ACTION_ROWS:
        actions.append_entry()


def _restore_dates(form: Any) -> None:
    """Stored answers keep dates as ISO text; date fields want dates back."""
    for field in form:
        if isinstance(field, DateField) and isinstance(field.data, str):
            field.data = _parse_date(field.data)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                if isinstance(entry, FormField):
                    _restore_dates(entry.form)


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
