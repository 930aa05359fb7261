"""One builder: a method step → a WTForms class (FieldList/FormField for repeat groups)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    Field,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from forms.base import BaseForm, DateField, RowForm, as_choices
from forms.fields import (
    CaseChoiceField,
    FamilyMemberField,
    IdentityNumberCheck,
    MultiCheckboxField,
    NetworkMembersField,
    NotBefore,
    NotBeforeAnswer,
    RequiredInRow,
    RowsRequired,
    ShownIf,
)
from forms.method_schema import Method, Question, StepSpec

#: Question types whose answer is typed text.
TEXT_TYPES = ("text", "long_text", "identity_number")
#: Choice lists this long or longer are drop-downs; shorter ones are radio buttons.
SELECT_FROM = 6
PROGRESS = [
    ("not_started", _l("Not started")),
    ("in_progress", _l("In progress")),
    ("reached", _l("Reached")),
    ("lowered", _l("Lowered – set too high, made smaller")),
]


def build_step_form(method: Method, step: StepSpec) -> type[BaseForm]:
    """The form class of ``step``: one field per question, per-area sections under ``areas``."""
    attrs: dict[str, Any] = {"STEP": step, "METHOD": method}
    area_questions: list[Question] = []
    # A condition names a question of the same form (the step, an area, a row).
    step_questions = {q.key: q for s in step.sections if not s.per_area for q in s.questions}
    for section in step.sections:
        if section.per_area:
            area_questions.extend(section.questions)
            continue
        for question in section.questions:
            attrs[question.key] = _field(method, question, scope=step_questions)
    if area_questions:
        in_area = {q.key: q for q in area_questions}
        per_area = type(
            "AreaForm",
            (RowForm,),
            {q.key: _field(method, q, scope=in_area) for q in area_questions},
        )
        areas = type(  # a container of rows: the same base as every row form
            "AreasForm",
            (RowForm,),
            {area.value: FormField(per_area, label=_l(area.label)) for area in method.areas},
        )
        attrs["areas"] = FormField(areas)
    return type(f"{method.key}_{step.key}_form", (BaseForm,), attrs)


def _field(
    method: Method,
    question: Question,
    in_row: bool = False,
    scope: dict[str, Question] | None = None,
) -> Field:
    """The field for one question, with its validators; ``scope``: the questions of its form."""
    label = _l(question.label)
    description = _l(question.help) if question.help else ""
    validators: list[Any] = []
    if question.show_if:
        validators.append(
            ShownIf(
                question.show_if.question,
                question.show_if.values,
                question.required,
                decider=(scope or {}).get(question.show_if.question),
            )
        )
    elif question.required and in_row:
        validators.append(RequiredInRow())  # an empty row needs nothing: it is dropped
    elif question.required and question.type in TEXT_TYPES:
        # Answers are stored stripped: a text of spaces only is no answer.
        validators.append(DataRequired(message=_l("This field is required.")))
    elif question.required and question.type != "repeat":
        validators.append(InputRequired(message=_l("This field is required.")))
    else:
        validators.append(Optional())
    if question.max_length:
        validators.append(Length(max=question.max_length))
    if question.min is not None or question.max is not None:
        validators.append(NumberRange(min=question.min, max=question.max))
    if question.not_before and "." in question.not_before:
        step_key, _, key = question.not_before.partition(".")
        step = method.steps[step_key]
        other = next(q for q in step.questions() if q.key == key)  # the parser checked it
        validators.append(NotBeforeAnswer(step_key, key, step.title, other.label))
    elif question.not_before:
        validators.append(NotBefore(question.not_before))
    kwargs: dict[str, Any] = {"label": label, "validators": validators, "description": description}
    kind = question.type
    if kind == "text":
        return StringField(**kwargs)
    if kind == "long_text":
        return TextAreaField(**kwargs)
    if kind == "identity_number":
        return StringField(**{**kwargs, "validators": [*validators, IdentityNumberCheck()]})
    if kind == "date":
        return DateField(**kwargs)
    if kind == "number":
        return IntegerField(**kwargs)
    if kind == "scale":
        low, high = int(question.min or 0), int(question.max or 10)
        return RadioField(
            choices=as_choices((n, str(n)) for n in range(low, high + 1)), coerce=int, **kwargs
        )
    if kind in ("yes_no", "choice"):
        pairs = [(c.value, _l(c.label)) for c in question.choices]
        if len(pairs) >= SELECT_FROM or in_row:  # radio lists do not fit in a table row
            return SelectField(choices=as_choices([("", _l("— choose —")), *pairs]), **kwargs)
        return RadioField(choices=as_choices(pairs), **kwargs)
    if kind == "multi_choice":
        return MultiCheckboxField(
            choices=as_choices((c.value, _l(c.label)) for c in question.choices), **kwargs
        )
    if kind == "outcomes":
        return MultiCheckboxField(
            choices=as_choices((c.value, _l(c.label)) for c in method.outcomes), **kwargs
        )
    if kind == "area":
        return SelectField(
            choices=as_choices((a.value, _l(a.label)) for a in method.areas), **kwargs
        )
    if kind == "staff":
        # Choices are the unit's staff, set when the form is made.
        return SelectField(coerce=_int_or_none, choices=[], **kwargs)
    if kind == "team_member":  # the case's team, set when the form is made
        return CaseChoiceField(**kwargs)
    if kind == "network_member":  # the case's current network, set when the form is made
        return NetworkMembersField(**kwargs)
    if kind == "family_member":  # the person or the case's family, set when the form is made
        return FamilyMemberField(**kwargs)
    if kind == "repeat":
        row = type(
            f"{question.key}_row",
            (RowForm,),
            {
                q.key: _field(method, q, in_row=True, scope={r.key: r for r in question.questions})
                for q in question.questions
            },
        )
        field_list = FieldList(
            FormField(row),
            label=label,
            description=description,
            min_entries=question.min_rows,
            max_entries=question.max_rows,
            validators=[RowsRequired(question.item_label or question.label)]
            if question.required
            else [],
        )
        field_list.kwargs["render_kw"] = {"data-item-label": question.item_label or question.label}
        return field_list
    if kind == "subgoal_progress":
        return FieldList(FormField(ProgressRow), label=label, description=description)
    if kind == "participants":
        # Choices are the case's people, set when the form is made (service/cases/step_forms).
        return MultiCheckboxField(choices=[], **kwargs)
    if kind == "action_review":
        return FieldList(FormField(ActionRow), label=label, description=description)
    raise ValueError(f"unknown question type {kind!r}")  # the schema check makes this unreachable


def _int_or_none(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


class ProgressRow(RowForm):
    """Progress of one sub-goal of the plan (the rows come from the plan, not the user)."""

    ref = HiddenField()
    sub_goal = HiddenField()
    status = SelectField(_l("Progress"), choices=as_choices(PROGRESS), default="not_started")
    comment = StringField(_l("Comment"), validators=[Optional(), Length(max=500)])
    #: Lowering a sub-goal set too high: its smaller wording and why. Finalising the follow-up
    #: makes a new version of the plan with it (service/cases/lowering.py). No Optional():
    #: it would stop the checks below when the field is empty.
    lowered_to = StringField(_l("Lower it to"), validators=[Length(max=500)])
    lower_reason = StringField(_l("Why it is lowered"), validators=[Length(max=500)])
    #: A new due date for the lowered sub-goal (optional; without it the old one stays).
    lowered_due = DateField(_l("New due date (optional)"), validators=[Optional()])

    def validate_lower_reason(self, field: Any) -> None:
        """A lowered sub-goal says why; a reason alone lowers nothing."""
        lowered = (self.lowered_to.data or "").strip()
        if lowered and not (field.data or "").strip():
            raise ValidationError(_l("Say why the sub-goal is lowered."))
        if (field.data or "").strip() and not lowered:
            raise ValidationError(_l("Write the lowered sub-goal, or leave the reason empty."))

    def validate_lowered_due(self, field: Any) -> None:
        """A new due date belongs to a lowered sub-goal."""
        if field.data and not (self.lowered_to.data or "").strip():
            raise ValidationError(
                _l("Write the lowered sub-goal, or leave the new due date empty.")
            )

    def validate_lowered_to(self, field: Any) -> None:
        if (field.data or "").strip() == (self.sub_goal.data or "").strip() and field.data:
            raise ValidationError(_l("The lowered sub-goal must differ from the present one."))


#: How an agreed action went, as a follow-up marks it.
ACTION_STATUS = [
    ("open", _l("Not due yet")),
    ("done", _l("Carried out")),
    ("partly", _l("Partly carried out")),
    ("not_done", _l("Not carried out")),
]


class ActionRow(RowForm):
    """One agreed action under review (the rows come from the agreement and the plan)."""

    ref = HiddenField()
    what = HiddenField()
    who = HiddenField()
    by_when = HiddenField()
    status = SelectField(_l("How it went"), choices=as_choices(ACTION_STATUS), default="open")
    comment = StringField(_l("Comment"), validators=[Optional(), Length(max=500)])
