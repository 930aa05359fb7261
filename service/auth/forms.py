"""The sign-in forms: password, two-factor code, enrolment, setting and changing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from forms.base import BaseForm


class LoginForm(BaseForm):
    """E-mail and password."""

    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(message=_l("This field is required.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("This field is required.")), Length(max=200)],
    )


#: The shortest password accepted.
MIN_PASSWORD_LENGTH = 12


class CodeForm(BaseForm):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(message=_l("Type the code.")), Length(max=40)],
        description=_l(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "none",
            "spellcheck": "false",
        },
    )


class EnrolForm(BaseForm):
    """Confirming the enrolment with the first code of the app."""

    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(message=_l("Type the six digits the app shows.")), Length(max=20)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Choose a password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("Use %(min)d to %(max)d characters."),
            ),
        ],
        description=_l(
            "At least %(n)d characters; a few unrelated words are easy to remember.",
            n=MIN_PASSWORD_LENGTH,
        ),
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(message=_l("Type the password again.")),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    return password, repeat


class SetPasswordForm(BaseForm):
    """A new password through a one-time link."""

    password, repeat = _new_password_fields()


class ChangePasswordForm(BaseForm):
    """The signed-in user's own password: the current one, then the new one twice."""

    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Type your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password, repeat = _new_password_fields()


class RecoveryCodesForm(BaseForm):
    """New recovery codes, confirmed with a current code of the app."""

    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(message=_l("Type the six digits the app shows.")), Length(max=20)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )
