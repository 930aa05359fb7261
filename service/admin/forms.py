"""The forms of the staff administration: add, role, deactivate, reset, two-factor."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from forms.base import BaseForm, as_choices
from service.roles import role_choices


def _role_field() -> RadioField:
    return RadioField(
        _l("Role"),
        choices=[],  # filled per request from the Role enum (translated)
        validators=[DataRequired(message=_l("Choose a role."))],
    )


class NewUserForm(BaseForm):
    """A new member of staff of the admin's unit."""

    full_name = StringField(
        _l("Name"),
        validators=[DataRequired(message=_l("Give the name.")), Length(max=200)],
        description=_l("As it is printed in the signature blocks of documents."),
    )
    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(message=_l("Give the e-mail address.")),
            Length(max=254),
            Email(message=_l("Give an e-mail address such as name@example.org.")),
        ],
        description=_l("The login name. No e-mail is sent."),
    )
    title = StringField(_l("Job title"), validators=[Optional(), Length(max=100)])
    phone = StringField(_l("Work phone"), validators=[Optional(), Length(max=50)])
    role = _role_field()
    two_factor_required = BooleanField(_l("Must sign in with two-factor sign-in"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()


class RoleForm(BaseForm):
    """Another role for a member of staff."""

    role = _role_field()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()


class DeactivateForm(BaseForm):
    """Deactivating an account needs an explicit confirmation."""

    confirm = BooleanField(
        _l("Yes, end this person's access now. The account and its history are kept."),
        validators=[DataRequired(message=_l("Confirm the deactivation."))],
        id="deactivate-confirm",  # the page holds the reset's confirmation too: ids stay unique
    )


class ReactivateForm(BaseForm):
    """Giving a deactivated account its access back."""


class ResetPasswordForm(BaseForm):
    """A password reset needs an explicit confirmation: the old password stops working."""

    confirm = BooleanField(
        _l("Yes, the old password stops working and every session of this person ends."),
        validators=[DataRequired(message=_l("Confirm the reset."))],
        id="reset-confirm",
    )


class UserTwoFactorForm(BaseForm):
    """Whether a member of staff must use two-factor sign-in; resetting a lost phone."""

    required = BooleanField(_l("Must sign in with two-factor sign-in"))
    reset = BooleanField(
        _l("Reset the set-up (lost phone): the person sets up the app again at the next login")
    )


class UnitTwoFactorForm(BaseForm):
    """Whether everyone in the unit must use two-factor sign-in."""

    required = BooleanField(_l("Everyone in the unit must sign in with two-factor sign-in"))


#: The confidentiality laws a unit can work under (stored key, name).
CONFIDENTIALITY_CHOICES = [
    ("osl", _l("Swedish public authority: OSL 26 kap.")),
    ("sol", _l("Swedish private provider: SoL 15 kap. 1 §")),
    ("lss", _l("Swedish private provider under LSS: LSS 29 §")),
    ("ups", _l("Polish unit: art. 100 ustawy o pomocy społecznej")),
]


class UnitSettingsForm(BaseForm):
    """What the unit's consent prints: the controller of personal data and the secrecy law."""

    organisation = StringField(
        _l("Organisation (controller of personal data)"),
        validators=[DataRequired(message=_l("This field is required.")), Length(max=200)],
        description=_l("The company, municipality or centre responsible for the personal data."),
    )
    confidentiality = SelectField(
        _l("Confidentiality law"),
        choices=as_choices(CONFIDENTIALITY_CHOICES),
        validate_choice=True,
        description=_l(
            "Printed on the consent: which duty of confidentiality protects the person."
        ),
    )
