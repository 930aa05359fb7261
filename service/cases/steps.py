"""The steps of the journey implemented so far, their forms and their order."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from forms.base import BaseForm
from forms.meetings import SecondMeetingForm, StartMeetingForm


@dataclass(frozen=True)
class Step:
    """A step of a case: its key, its title, its form and what must be done before it."""

    key: str
    title: object
    form: type[BaseForm]
    requires: str | None = None
    #: Bumped when the questions change, stored with every answer set.
    form_version: str = "1"


STEPS: dict[str, Step] = {
    "start_meeting": Step("start_meeting", _l("Start meeting"), StartMeetingForm),
    "second_meeting": Step(
        "second_meeting", _l("Second meeting and agreement"), SecondMeetingForm,
        requires="start_meeting",
    ),
}
