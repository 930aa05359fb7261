"""Field classes and validators the method builder uses."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from wtforms import Field, Form, SelectField, SelectMultipleField
from wtforms.validators import StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from forms.base import RowForm, blank_answer
from forms.identity import InvalidIdentityNumber, parse_identity_number
from forms.method_schema import Question


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _empty(data: Any) -> bool:
    return data in (None, "", []) or (isinstance(data, str) and not data.strip())


class ShownIf:
    """The question applies only when another answer has one of ``values``.

    When it does not apply, its answer is cleared, and a value posted for it anyway is
    refused (Indico's ``HiddenUnless``): the hidden answer can never reach a document.
    When it applies and ``required`` is set, it must be answered.
    """

    field_flags = {"conditional": True}

    def __init__(
        self, other: str, values: tuple[str, ...], required: bool, decider: Question | None = None
    ) -> None:
        self.other, self.values, self.required = other, values, required
        #: The deciding question's label and the labels of the answers that open this one
        #: (msgids, translated when shown), for the hint "Required when …".
        self.other_label = decider.label if decider else ""
        labels = {c.value: c.label for c in decider.choices} if decider else {}
        self.value_labels = tuple(labels.get(value, value) for value in values)

    def applies(self, form: Form) -> bool:
        other = form[self.other].data
        chosen = other if isinstance(other, list) else [other]
        return any(str(value) in self.values for value in chosen if value is not None)

    def __call__(self, form: Form, field: Field) -> None:
        if not self.applies(form):
            posted = not _empty(field.raw_data[0] if field.raw_data else None)
            field.errors[:] = []
            field.data = [] if isinstance(field.data, list) else None
            if posted:
                raise StopValidation(
                    str(_l("Leave this empty: it only applies to another answer."))
                )
            raise StopValidation()
        if self.required and _empty(field.data):
            raise StopValidation(str(_l("This field is required.")))
        if _empty(field.data):
            field.errors[:] = []
            raise StopValidation()


class RequiredInRow:
    """A question of a repeat group that every filled-in row must answer.

    A row left entirely empty is not an answer (it is dropped when saved), so it needs nothing.
    """

    field_flags = {"required": True}

    def __call__(self, form: Form, field: Field) -> None:
        if not _empty(field.data):
            return
        if blank_answer(form.data):
            field.errors[:] = []
            raise StopValidation()
        raise StopValidation(str(_l("This field is required.")))


class RowsRequired:
    """A repeat group that needs at least one filled-in row."""

    def __init__(self, item_label: str) -> None:
        self.item_label = item_label

    def __call__(self, form: Form, field: Field) -> None:
        if isinstance(form, RowForm) and blank_answer(form.data):
            return  # a group inside an empty row: the whole row is dropped
        if all(blank_answer(entry.data) for entry in field.entries):
            raise ValidationError(
                str(_l("Fill in at least one “%(item)s”.", item=_l(self.item_label)))
            )


class NotBefore:
    """A date that may not be before another date of the same form."""

    def __init__(self, other: str) -> None:
        self.other = other

    def __call__(self, form: Form, field: Field) -> None:
        other = form[self.other].data
        if field.data and other and field.data < other:
            raise ValidationError(
                str(
                    _l(
                        "This date cannot be before “%(other)s”.",
                        other=str(form[self.other].label.text),
                    )
                )
            )


class NotBeforeAnswer:
    """A date that may not be before a date answered in another step (``step.question``).

    The form carries that step's final answers as ``form.other_steps`` (step key → answers),
    set when the form is made for a case; without them (no final version yet) nothing is
    checked: the other step may still be filled in later.
    """

    def __init__(self, step: str, question: str, step_title: str, label: str) -> None:
        self.step, self.question = step, question
        self.step_title, self.label = step_title, label

    def __call__(self, form: Form, field: Field) -> None:
        answers = (getattr(form, "other_steps", None) or {}).get(self.step) or {}
        other = _iso_date(answers.get(self.question))
        if field.data and other and field.data < other:
            raise ValidationError(
                str(
                    _l(
                        "This date cannot be before “%(other)s” of the step “%(step)s” (%(day)s).",
                        other=_l(self.label),
                        step=_l(self.step_title),
                        day=format_date(other, format="long"),
                    )
                )
            )


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


class IdentityNumberCheck:
    """A Swedish personnummer/samordningsnummer or a Polish PESEL; stored as given if valid."""

    def __call__(self, form: Form, field: Field) -> None:
        value = (field.data or "").strip()
        if not value:
            return
        for country in ("se", "pl"):
            try:
                parse_identity_number(country, value)
                return
            except InvalidIdentityNumber:
                continue
        raise ValidationError(
            str(_l("This is not a valid personnummer, samordningsnummer or PESEL."))
        )


class CaseChoiceField(SelectField):
    """One member of the case's team (a ``team_member`` question at any depth); the choices
    are set when the form is made for a case (service/cases/step_forms.py). An id that is not
    offered (another case's or unit's staff) is refused beside the field."""

    choice_source = "team"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, coerce=_id_or_none, choices=[], **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.forged = bool(valuelist) and _id_or_none(valuelist[0]) is _NOT_AN_ID
        self.data = None if self.forged else _id_or_none(valuelist[0]) if valuelist else None

    def pre_validate(self, form: Form) -> None:
        offered = {choice.value for choice in self.choices or ()}
        if getattr(self, "forged", False) or (self.data is not None and self.data not in offered):
            raise ValidationError(str(_l("Choose someone from the case's team.")))


class NetworkMembersField(MultiCheckboxField):
    """Members of the case's network (a ``network_member`` question): the current members
    of this case only, set when the form is made; anything else posted is refused beside the
    field and nothing of it is kept."""

    choice_source = "network"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, coerce=int, choices=[], **kwargs)
        self.forged = False

    def process_formdata(self, valuelist: list[Any]) -> None:
        ids = [_id_or_none(value) for value in valuelist]
        self.forged = any(i is _NOT_AN_ID or i is None for i in ids)
        self.data = [i for i in ids if isinstance(i, int)]

    def pre_validate(self, form: Form) -> None:
        offered = {choice.value for choice in self.choices or ()}
        if self.forged or any(i not in offered for i in self.data or ()):
            raise ValidationError(str(_l("Choose only members of this case's network.")))


class FamilyMemberField(SelectField):
    """The person or one member of the case's family (a ``family_member`` question: whose
    task it is); stored as "person" or the member's id. The choices are set when the form is
    made for a case; anything not offered (another case's member, a removed one) is refused
    beside the field."""

    choice_source = "family"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, choices=[], **kwargs)

    def pre_validate(self, form: Form) -> None:
        offered = {str(choice.value) for choice in self.choices or ()}
        if self.data not in (None, "") and str(self.data) not in offered:
            raise ValidationError(str(_l("Choose the person or a member of the case's family.")))


#: A posted value that is no id at all (letters, a negative or huge number).
_NOT_AN_ID: Any = object()


def _id_or_none(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isascii() and text.isdigit() and len(text) < 10:
        return int(text)
    return _NOT_AN_ID
