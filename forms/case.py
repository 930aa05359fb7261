"""Opening a case: method, referral and assignment."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forms.base import BaseForm


class CaseForm(BaseForm):
    """Method and caseworker choices are set per unit by the view (the unit's own methods and
    caseworkers)."""

    method = SelectField(
        _l("Method"), validators=[DataRequired(message=_l("This field is required."))]
    )
    referring_caseworker_id = SelectField(
        _l("Referring caseworker"),
        coerce=str,
        validators=[Optional()],
        description=_l(
            "The social worker who referred the person, if they work in this unit "
            "(socialsekreterare, biståndshandläggare or pracownik socjalny); they can then read "
            "the case."
        ),
    )
    referring_caseworker_name = StringField(
        _l("Referring caseworker outside the service"),
        validators=[Optional(), Length(max=200)],
        description=_l("Their name, when they do not use the service."),
    )
    assignment = TextAreaField(
        _l("Assignment from the referral"),
        validators=[Optional(), Length(max=5000)],
        description=_l("What the referring caseworker asks the team to do."),
    )
