"""The start meeting and the second meeting (where the agreement is made)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forms.base import BaseForm, NotBefore, RequiredIf, as_choices
from forms.catalogue import (
    ACTION_PARTIES,
    CONTACT_CHANNELS,
    INFORMATION_ITEMS,
    MEETING_RHYTHMS,
    YES_NO,
    YES_NO_UNDECIDED,
)

LONG_TEXT = 5000
#: Blank action rows shown on a new agreement; "add a row" posts back for one more.
ACTION_ROWS = 3
MAX_ACTION_ROWS = 30


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _long(label: object, required: bool = False, description: object = "") -> TextAreaField:
    validators = [DataRequired()] if required else [Optional()]
    return TextAreaField(
        label, validators=[*validators, Length(max=LONG_TEXT)], description=description
    )


class StartMeetingForm(BaseForm):
    """Startmöte / pierwsze spotkanie: information, the person's wishes, expectations."""

    meeting_date = DateField(_l("Date of the meeting"), validators=[InputRequired()])
    participants = _long(_l("Participants"), required=True)
    information_given = MultiCheckboxField(
        _l("Information given"), choices=as_choices(INFORMATION_ITEMS), validators=[Optional()]
    )
    own_words = _long(
        _l("What the person wants to change, in their own words"),
        required=True,
        description=_l("Write it as the person says it."),
    )
    expectations_person = _long(_l("The person's expectations of us"))
    expectations_team = _long(_l("Our expectations of the person"))
    wants_to_take_part = RadioField(
        _l("Does the person want to take part?"), choices=as_choices(YES_NO_UNDECIDED),
        validators=[InputRequired(message=_l("Choose an answer."))],
    )
    next_meeting = DateField(
        _l("Next meeting"),
        validators=[Optional(), NotBefore("meeting_date", _l("The next meeting cannot be before this one."))],
    )

    SECTIONS = [
        (_l("The meeting"), ["meeting_date", "participants", "information_given"]),
        (_l("The person's wishes and expectations"),
         ["own_words", "expectations_person", "expectations_team", "wants_to_take_part"]),
        (_l("Next step"), ["next_meeting"]),
    ]


class ActionForm(Form):
    """One agreed action: what, who, by when."""

    what = StringField(_l("What"), validators=[Optional(), Length(max=500)])
    who = SelectField(_l("Who"), choices=as_choices(ACTION_PARTIES), default="person")
    by_when = DateField(_l("By when"), validators=[Optional()])


class SecondMeetingForm(BaseForm):
    """The second meeting: information confirmed, contact person, consent, the agreement."""

    meeting_date = DateField(_l("Date of the meeting"), validators=[InputRequired()])
    information_repeated = MultiCheckboxField(
        _l("Information repeated and understood"), choices=as_choices(INFORMATION_ITEMS), validators=[Optional()]
    )
    expectations_confirmed = RadioField(
        _l("Expectations confirmed by both sides?"), choices=as_choices(YES_NO),
        validators=[InputRequired(message=_l("Choose an answer."))],
    )
    accepts_place = RadioField(
        _l("Does the person accept the place?"), choices=as_choices(YES_NO),
        validators=[InputRequired(message=_l("Choose an answer."))],
    )
    contact_person_id = SelectField(
        _l("Contact person"), coerce=int, validators=[InputRequired(message=_l("Choose the contact person."))]
    )
    meeting_rhythm = SelectField(_l("Meeting rhythm"), choices=as_choices(MEETING_RHYTHMS))
    contact_channels = MultiCheckboxField(
        _l("Ways of keeping in touch"), choices=as_choices(CONTACT_CHANNELS),
        validators=[DataRequired(message=_l("Choose at least one way of keeping in touch."))],
    )
    purpose = _long(_l("Purpose of the cooperation"), required=True)
    situation_causes = _long(_l("Causes of the present situation"))
    situation_possibilities = _long(_l("Possibilities and resources"))
    situation_limitations = _long(_l("Limitations and barriers"))
    actions = FieldList(FormField(ActionForm), min_entries=ACTION_ROWS, max_entries=MAX_ACTION_ROWS)
    period_from = DateField(_l("Agreement valid from"), validators=[InputRequired()])
    period_to = DateField(
        _l("Agreement valid until"),
        validators=[InputRequired(), NotBefore("period_from", _l("The end cannot be before the start."))],
    )
    consent_to_share = RadioField(
        _l("Does the person consent to sharing information?"), choices=as_choices(YES_NO),
        validators=[InputRequired(message=_l("Answer the consent question."))],
    )
    consent_parties = _long(
        _l("With whom may information be shared?"),
        description=_l("Name each party, e.g. the social services, the health centre."),
    )
    consent_data = _long(_l("Which information?"))
    consent_purpose = _long(_l("For what purpose?"))
    consent_valid_until = DateField(_l("Consent valid until"), validators=[Optional()])

    SECTIONS = [
        (_l("The meeting"),
         ["meeting_date", "information_repeated", "expectations_confirmed", "accepts_place"]),
        (_l("Contact"), ["contact_person_id", "meeting_rhythm", "contact_channels"]),
        (_l("The situation and the purpose"),
         ["purpose", "situation_causes", "situation_possibilities", "situation_limitations"]),
        (_l("Agreed actions: what, who and by when"), ["actions"]),
        (_l("Period of the agreement"), ["period_from", "period_to"]),
        (_l("Consent to share information"),
         ["consent_to_share", "consent_parties", "consent_data", "consent_purpose",
          "consent_valid_until"]),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        required = RequiredIf("consent_to_share", ("yes",))
        for name in ("consent_parties", "consent_data", "consent_purpose", "consent_valid_until"):
            self[name].validators = [required, *self[name].validators[1:]]

    def answers(self) -> dict[str, object]:
        """Answers without empty action rows; consent details dropped when consent is refused."""
        data = super().answers()
        data["actions"] = [row for row in data["actions"] if row.get("what")]
        if data.get("consent_to_share") != "yes":
            for name in ("consent_parties", "consent_data", "consent_purpose"):
                data[name] = ""
            data["consent_valid_until"] = None
        return data
