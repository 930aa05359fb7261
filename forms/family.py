"""A member of the person's family on a case: names, optional identity number, address, role,
adult or child, party to the kontrakt."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from forms.base import BaseForm, as_choices
from forms.person import IDENTITY_COUNTRIES, IdentityNumberCheck
from forms.record_version import RecordVersion

#: Adult or child (as stored: "adult" → True).
AGE_CHOICES = [("adult", _l("Adult")), ("child", _l("Child (under 18)"))]


class FamilyMemberForm(IdentityNumberCheck, BaseForm):
    """Who the member is; a number is optional but checked when given (PESEL or personnummer)."""

    first_name = StringField(
        _l("First name"),
        validators=[
            DataRequired(message=_l("This field is required.")),
            Length(max=100, message=_l("At most %(max)d characters.")),
        ],
    )
    last_name = StringField(
        _l("Last name"),
        validators=[
            DataRequired(message=_l("This field is required.")),
            Length(max=100, message=_l("At most %(max)d characters.")),
        ],
    )
    family_role = RadioField(
        _l("Role in the family"),
        choices=[],
        validators=[InputRequired(message=_l("Choose the role in the family."))],
    )
    age = RadioField(
        _l("Adult or child"),
        choices=as_choices(AGE_CHOICES),
        default="adult",
        validators=[InputRequired(message=_l("Choose adult or child."))],
    )
    identity_country = SelectField(
        _l("Kind of identity number"),
        choices=as_choices(IDENTITY_COUNTRIES),
        default="",
        validate_choice=True,
    )
    identity_number = StringField(
        _l("Identity number"),
        validators=[Optional(), Length(max=20, message=_l("At most %(max)d characters."))],
        description=_l("YYYYMMDD-NNNN, YYMMDD-NNNN or 11 digits (PESEL). Leave empty if none."),
    )
    address = TextAreaField(
        _l("Address"),
        description=_l("Only when it is not the person's address."),
        validators=[Length(max=300, message=_l("At most %(max)d characters."))],
    )
    party = BooleanField(
        _l("A party to the kontrakt socjalny"),
        description=_l("An adult who is a party is printed as a party and signs the kontrakt."),
    )

    def validate_party(self, field: Any) -> None:
        """Only an adult concludes the kontrakt."""
        if field.data and self.age.data == "child":
            raise ValidationError(_l("Only an adult can be a party to the kontrakt."))

    def details(self) -> dict[str, Any]:
        """The member's stored values."""
        return {
            "first_name": (self.first_name.data or "").strip(),
            "last_name": (self.last_name.data or "").strip(),
            "identity_kind": self.identity.kind if self.identity else None,
            "identity_number": self.identity.number if self.identity else None,
            "address": (self.address.data or "").strip(),
            "family_role": self.family_role.data,
            "adult": self.age.data == "adult",
            "party": bool(self.party.data),
        }


class FamilyMemberEditForm(RecordVersion, FamilyMemberForm):
    """Changing a member's details: the form and the version the page showed."""
