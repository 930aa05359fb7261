"""The kinds of contact with their translated names (the one registry the form, the journal
page, the extract and the reports read)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from service.models.contact_entry import CONTACT_KINDS

#: Kind → its name, in the order of CONTACT_KINDS.
KIND_LABELS = {
    "sms": _l("Text message"),
    "phone": _l("Phone call"),
    "home_visit": _l("Home visit"),
    "video": _l("Video call"),
    "centre_visit": _l("Visit to the centre"),
    "accompanying": _l("Accompanying to an authority or appointment"),
    "office": _l("Meeting at the office"),
    "outreach": _l("Outreach"),
}

assert tuple(KIND_LABELS) == CONTACT_KINDS, "every kind of contact needs its name"


def kind_label(kind: str) -> str:
    """The translated name of ``kind`` (the key itself for an unknown kind)."""
    label = KIND_LABELS.get(kind)
    return str(label) if label is not None else kind
