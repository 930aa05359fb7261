"""Registering a person: names, optional identity number, language and contact."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from forms.base import BaseForm, DateField, as_choices
from forms.catalogue import LANGUAGES
from forms.identity import IdentityNumber, InvalidIdentityNumber, parse_identity_number
from forms.record_version import RecordVersion

IDENTITY_COUNTRIES = [
    ("", _l("No identity number")),
    ("se", _l("Swedish personnummer or samordningsnummer")),
    ("pl", _l("Polish PESEL")),
]
#: The kinds of legal representative (stored key, name).
LEGAL_REP_KINDS = [
    ("", _l("None")),
    ("god_man", _l("God man (trustee, Sweden)")),
    ("forvaltare", _l("Förvaltare (administrator, Sweden)")),
    ("opiekun_prawny", _l("Opiekun prawny (legal guardian, Poland)")),
    ("kurator", _l("Kurator (curator, Poland)")),
]
#: The person's sex, optional: only the yearly report counts it.
SEX_CHOICES = [
    ("", _l("Not given")),
    ("female", _l("Woman")),
    ("male", _l("Man")),
    ("other", _l("Other")),
]
#: The form's kind of number for each stored kind (a reserve number cannot be typed in).
IDENTITY_COUNTRY = {"personnummer": "se", "samordningsnummer": "se", "pesel": "pl"}


class IdentityNumberCheck:
    """The check of a form's ``identity_number`` against its ``identity_country`` (the person
    and a member of their family): optional, but a given number needs a kind and must be valid."""

    identity_country: Any
    #: Set by validation when a number was given and is valid.
    identity: IdentityNumber | None = None

    def validate_identity_number(self, field: Any) -> None:
        """Check the number against the chosen kind; a number needs a kind."""
        self.identity = None
        value = (field.data or "").strip()
        country = self.identity_country.data
        if not value:
            return
        if not country:
            raise ValidationError(_l("Choose the kind of identity number."))
        try:
            self.identity = parse_identity_number(country, value)
        except InvalidIdentityNumber:
            if country == "se":
                raise ValidationError(
                    _l("This is not a valid Swedish personnummer or samordningsnummer.")
                ) from None
            raise ValidationError(_l("This is not a valid PESEL number.")) from None


class PersonForm(IdentityNumberCheck, BaseForm):
    """The person's details; an identity number is optional but checked when given."""

    first_name = StringField(
        _l("First name"),
        validators=[DataRequired(message=_l("This field is required.")), Length(max=100)],
    )
    last_name = StringField(
        _l("Last name"),
        validators=[DataRequired(message=_l("This field is required.")), Length(max=100)],
    )
    identity_country = SelectField(
        _l("Kind of identity number"),
        choices=as_choices(IDENTITY_COUNTRIES),
        default="",
        validate_choice=True,
    )
    identity_number = StringField(
        _l("Identity number"),
        validators=[Optional(), Length(max=20)],
        description=_l("YYYYMMDD-NNNN, YYMMDD-NNNN or 11 digits (PESEL). Leave empty if none."),
    )
    date_of_birth = DateField(_l("Date of birth"), validators=[Optional()])
    sex = SelectField(
        _l("Sex (optional)"),
        choices=as_choices(SEX_CHOICES),
        default="",
        validate_choice=True,
        description=_l("Only counted in the yearly report. Leave it empty if the person prefers."),
    )
    preferred_language = SelectField(
        _l("Language of the person's documents"), choices=as_choices(LANGUAGES.items())
    )
    address = TextAreaField(_l("Address"), validators=[Optional(), Length(max=300)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=50)])
    email = EmailField(
        _l("E-mail"),
        validators=[
            Optional(),
            Email(message=_l("Write the whole e-mail address, such as name@example.org.")),
            Length(max=254),
        ],
    )

    legal_rep_kind = SelectField(
        _l("Legal representative"),
        choices=as_choices(LEGAL_REP_KINDS),
        default="",
        validate_choice=True,
        description=_l("A god man or förvaltare (Sweden), an opiekun prawny or kurator (Poland)."),
    )
    legal_rep_name = StringField(
        _l("Name of the legal representative"), validators=[Optional(), Length(max=200)]
    )
    legal_rep_contact = StringField(
        _l("Contact details of the legal representative"),
        validators=[Optional(), Length(max=300)],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        """The checks of every field, then: a legal representative needs a name and a kind."""
        valid = super().validate(extra_validators)
        name = (self.legal_rep_name.data or "").strip()
        if self.legal_rep_kind.data and not name:
            self.legal_rep_name.errors = [
                *self.legal_rep_name.errors,
                str(_l("Give the name of the legal representative.")),
            ]
            return False
        if name and not self.legal_rep_kind.data:
            self.legal_rep_kind.errors = [
                *self.legal_rep_kind.errors,
                str(_l("Choose the kind of legal representative.")),
            ]
            return False
        return valid

    def validate_date_of_birth(self, field: Any) -> None:
        """A date of birth given next to a number must match the number."""
        if self.identity_number.errors or not field.data:
            return
        # Runs after validate_identity_number (field order), so self.identity is current.
        if self.identity and self.identity.birth_date and field.data != self.identity.birth_date:
            raise ValidationError(_l("The date of birth does not match the identity number."))


class PersonEditForm(RecordVersion, PersonForm):
    """Changing a registered person's details: the form and the version the page showed."""
