"""The contact form: a contact recorded in a few seconds, and the same form to correct one."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forms.base import BaseForm, DateField, TimeField, as_choices
from forms.fields import MultiCheckboxField
from service.clock import local_today
from service.journal.kinds import KIND_LABELS

#: Longest note: a journal note is short; the meetings have their own pages.
NOTE_MAX = 2000
REQUIRED = _l("This field is required.")


class ContactForm(BaseForm):
    """Kind, when, how long, whether it took place, who took part, a note, the sub-goals."""

    kind = RadioField(
        _l("Kind of contact"),
        choices=as_choices(KIND_LABELS.items()),
        validators=[InputRequired(message=_l("Choose the kind of contact."))],
    )
    day = DateField(
        _l("Date"),
        validators=[InputRequired(message=_l("Give the date as YYYY-MM-DD."))],
    )
    at = TimeField(
        _l("Time"),
        validators=[InputRequired(message=_l("Give the time as HH:MM."))],
    )
    duration = IntegerField(
        _l("Duration in minutes"),
        validators=[
            Optional(),
            NumberRange(min=0, max=1440, message=_l("Between 0 and 1440 minutes.")),
        ],
    )
    took_place = RadioField(
        _l("Did the contact take place?"),
        choices=as_choices(
            [
                ("yes", _l("Yes, it took place")),
                ("no", _l("No, the person did not come or did not answer")),
            ]
        ),
        default="yes",
        validators=[InputRequired(message=REQUIRED)],
    )
    person_took_part = BooleanField(_l("The person took part"), default=True)
    staff = MultiCheckboxField(_l("Staff who took part"), coerce=int, validate_choice=True)
    network = MultiCheckboxField(
        _l("Network members who took part"), coerce=int, validate_choice=True
    )
    sub_goals = MultiCheckboxField(_l("Sub-goals the contact served"), validate_choice=True)
    note = TextAreaField(
        _l("Short note"),
        description=_l("What happened, in a few sentences. Encrypted when stored."),
        validators=[Length(max=NOTE_MAX, message=_l("At most %(max)d characters."))],
    )
    #: The version a correction was started from (a newer one meanwhile is a conflict).
    version = HiddenField()

    def validate_day(self, field: Any) -> None:
        """A contact is recorded after it happened: not a day that has not come yet."""
        if isinstance(field.data, date) and field.data > local_today() + timedelta(days=1):
            from wtforms.validators import ValidationError

            raise ValidationError(_l("A contact cannot be recorded for a day still to come."))

    def local_moment(self) -> datetime:
        """The date and time given, as a naive local moment."""
        return datetime.combine(self.day.data, self.at.data or time(0, 0))


class CorrectionForm(ContactForm):
    """The contact form with the reason for the correction."""

    change_reason = TextAreaField(
        _l("Why is this corrected?"),
        validators=[
            DataRequired(message=_l("Say why the entry is corrected.")),
            Length(max=1000, message=_l("At most %(max)d characters.")),
        ],
    )


class ExtractForm(BaseForm):
    """The period of a journal extract."""

    class Meta(BaseForm.Meta):
        csrf = False  # a GET form: downloading an extract changes nothing

    date_from = DateField(
        _l("From"), validators=[InputRequired(message=_l("Give the date as YYYY-MM-DD."))]
    )
    date_to = DateField(
        _l("Until"), validators=[InputRequired(message=_l("Give the date as YYYY-MM-DD."))]
    )

    def validate_date_to(self, field: Any) -> None:
        """The period ends on or after its first day."""
        if isinstance(field.data, date) and isinstance(self.date_from.data, date):
            if field.data < self.date_from.data:
                from wtforms.validators import ValidationError

                raise ValidationError(_l("The period cannot end before it starts."))
