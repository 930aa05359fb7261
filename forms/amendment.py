"""An amendment (aneks) of the kontrakt socjalny: the day both parties agreed and the change."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from forms.base import BaseForm, DateField


class AmendmentForm(BaseForm):
    """A dated change of the kontrakt; the next version of the kontrakt prints it."""

    agreed_on = DateField(
        _l("Agreed on"),
        default=date.today,
        validators=[InputRequired(message=_l("Give the day both parties agreed to the change."))],
    )
    text = TextAreaField(
        _l("What is changed"),
        validators=[
            DataRequired(message=_l("Write what is changed in the kontrakt.")),
            Length(max=3000),
        ],
        description=_l(
            "E.g. a new action, a later deadline, a longer period. Both parties sign it."
        ),
    )
