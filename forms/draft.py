"""Discarding the draft of a step: the confirmation, pinned to the draft the user saw."""

from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import InputRequired, Regexp

from forms.base import BaseForm


class DiscardDraftForm(BaseForm):
    """Only a button; ``revision`` says which draft was shown, so a newer save is not lost."""

    revision = HiddenField(validators=[InputRequired(), Regexp(r"^[0-9]{1,9}$")])
