"""The outreach form (anonymous by design) and the forms that tie a contact to a case."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from forms.base import BaseForm, DateField, TimeField, as_choices
from forms.fields import MultiCheckboxField
from forms.identity import InvalidIdentityNumber, parse_pesel, parse_swedish
from service.clock import local_today
from service.outreach.choices import OFFER_LABELS, PLACE_LABELS, REFERRAL_LABELS

#: Runs of digits that may be an identity number: 10–12 digits, a dash, plus or spaces inside.
NUMBER_LIKE = re.compile(r"(?<![\d])\d(?:[\d \-+]{8,14})\d(?![\d])")


def _is_identity_number(candidate: str) -> bool:
    """True when ``candidate`` (digits with a dash or plus) is a valid number of either kind."""
    digits = candidate.replace("-", "").replace("+", "")
    parsers = []
    if len(digits) == 11:
        parsers.append((parse_pesel, digits))
    if len(digits) in (10, 12):
        parsers.append((parse_swedish, candidate))
    for parse, value in parsers:
        try:
            parse(value)
        except InvalidIdentityNumber:
            continue
        return True
    return False


def identity_numbers_in(text: str) -> bool:
    """True when ``text`` holds a valid PESEL, personnummer or samordningsnummer."""
    return any(
        _is_identity_number(match.group(0).replace(" ", ""))
        for match in NUMBER_LIKE.finditer(text or "")
    )


class NoIdentityNumber:
    """Refuses text holding an identity number: an outreach contact stays anonymous."""

    def __call__(self, form: Any, field: Any) -> None:
        if identity_numbers_in(field.data or ""):
            raise ValidationError(
                _l(
                    "Outreach contacts are anonymous: remove the identity number. To keep "
                    "the person's details, register the person."
                )
            )


class OutreachForm(BaseForm):
    """Where, when, how many, what was offered, referrals made, a short note — no names."""

    day = DateField(
        _l("Date"), validators=[InputRequired(message=_l("Give the date as YYYY-MM-DD."))]
    )
    at = TimeField(_l("Time"), validators=[InputRequired(message=_l("Give the time as HH:MM."))])
    duration = IntegerField(
        _l("Duration in minutes"),
        validators=[
            Optional(),
            NumberRange(min=0, max=1440, message=_l("Between 0 and 1440 minutes.")),
        ],
    )
    place_kind = RadioField(
        _l("Kind of place"),
        choices=as_choices(PLACE_LABELS.items()),
        validators=[InputRequired(message=_l("Choose the kind of place."))],
    )
    place = StringField(
        _l("The place in a few words"),
        description=_l("E.g. “the station’s waiting room”. Never the address of a person."),
        validators=[Length(max=200, message=_l("At most %(max)d characters.")), NoIdentityNumber()],
    )
    people = IntegerField(
        _l("How many people were reached"),
        default=1,
        validators=[
            InputRequired(message=_l("Give the number of people.")),
            NumberRange(min=1, max=500, message=_l("Between 1 and 500 people.")),
        ],
    )
    offered = MultiCheckboxField(
        _l("What was offered"), choices=as_choices(OFFER_LABELS.items()), validate_choice=True
    )
    referrals = MultiCheckboxField(
        _l("Referrals made"), choices=as_choices(REFERRAL_LABELS.items()), validate_choice=True
    )
    referred = IntegerField(
        _l("How many of them were referred"),
        default=0,
        validators=[
            Optional(),
            NumberRange(min=0, max=500, message=_l("Between 0 and 500 people.")),
        ],
    )
    note = TextAreaField(
        _l("Short note"),
        description=_l(
            "No names and no identity numbers: outreach contacts are anonymous. Encrypted "
            "when stored."
        ),
        validators=[
            Length(max=1000, message=_l("At most %(max)d characters.")),
            NoIdentityNumber(),
        ],
    )

    def validate_day(self, field: Any) -> None:
        """A contact is recorded after it happened: not a day that has not come yet."""
        if isinstance(field.data, date) and field.data > local_today() + timedelta(days=1):
            raise ValidationError(_l("A contact cannot be recorded for a day still to come."))

    def validate_referred(self, field: Any) -> None:
        """No more people referred than were reached; a referral needs where to."""
        count = field.data or 0
        if isinstance(self.people.data, int) and count > self.people.data:
            raise ValidationError(_l("No more people can be referred than were reached."))
        if count and not self.referrals.data:
            raise ValidationError(_l("Tick where the people were referred."))

    def local_moment(self) -> datetime:
        """The date and time given, as a naive local moment."""
        return datetime.combine(self.day.data, self.at.data or time(0, 0))

    def details(self) -> dict[str, Any]:
        """The validated answers as operations.record_outreach takes them."""
        referrals = list(self.referrals.data or [])
        return {
            "local_moment": self.local_moment(),
            "duration": self.duration.data,
            "place_kind": self.place_kind.data,
            "place": self.place.data or "",
            "people": self.people.data or 1,
            "offered": list(self.offered.data or []),
            "referrals": referrals,
            "referred": (self.referred.data or 0) if referrals else 0,
            "note": self.note.data or "",
        }


class LinkForm(BaseForm):
    """Tie the contact to the case of a person who registered since, by the case number."""

    reference = StringField(
        _l("Case number"),
        description=_l("As on the case page, e.g. C-2026-000001."),
        validators=[DataRequired(message=_l("Give the case number.")), Length(max=40)],
    )
