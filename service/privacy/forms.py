"""The forms of the person's rights: erasure with a reason, consent withdrawal with a date."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from forms.base import BaseForm, DateField


class ErasureForm(BaseForm):
    """Why the person is erased, and an explicit confirmation."""

    reason = TextAreaField(
        _l("Reason for the erasure"),
        validators=[
            DataRequired(message=_l("Say why the person's data is erased.")),
            Length(max=500),
        ],
        description=_l(
            "E.g. the person's request of a date, or a decision number. "
            "Do not write the person's name: the reason is kept in the audit log."
        ),
    )
    confirm = BooleanField(
        _l("I understand that the names, numbers, answers and documents are removed for good."),
        validators=[DataRequired(message=_l("Confirm the erasure."))],
    )


class WithdrawConsentForm(BaseForm):
    """The day the person withdrew their consent to share information."""

    withdrawn_on = DateField(
        _l("Consent withdrawn on"),
        default=date.today,
        validators=[InputRequired(message=_l("Give the date of the withdrawal."))],
    )
    #: "yes" once the confirmation page was shown: only then is the withdrawal recorded.
    confirmed = HiddenField()
    #: The recipient's position in the consent's list; empty: the whole consent.
    recipient = HiddenField()
