"""The methods units work by and the choice lists shared by the meeting forms.

Keys are stored in the database; labels are msgids translated at display time.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: Method key → label.
METHODS = {
    "buss": _l("BUSS – housing, education, occupation, social community"),
    "kliv_ut": _l("Kliv ut – reaching people isolated at home"),
    "goal_work": _l("Goal work – goals and sub-goals (SoL team)"),
    "ipwzb": _l("IPWzB – individual programme for leaving homelessness"),
    "family_plan": _l("Family work plan – family assistant"),
}

#: Short method names printed on documents.
METHOD_SHORT = {
    "buss": "BUSS",
    "kliv_ut": "Kliv ut",
    "goal_work": _l("Goal work"),
    "ipwzb": "IPWzB",
    "family_plan": _l("Family work plan"),
}

LANGUAGES = {"sv": _l("Swedish"), "pl": _l("Polish"), "en": _l("English")}

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]
YES_NO_UNDECIDED = [("yes", _l("Yes")), ("no", _l("No")), ("undecided", _l("Not decided yet"))]

MEETING_RHYTHMS = [
    ("daily", _l("Daily")),
    ("twice_weekly", _l("Twice a week")),
    ("weekly", _l("Once a week")),
    ("fortnightly", _l("Every second week")),
    ("monthly", _l("Once a month")),
    ("few_messages_month", _l("A few text messages a month")),
]

CONTACT_CHANNELS = [
    ("sms", _l("Text message")),
    ("phone", _l("Phone call")),
    ("home_visit", _l("Home visit")),
    ("office", _l("Visit at our office")),
    ("video", _l("Video call")),
    ("email", _l("E-mail")),
]

ACTION_PARTIES = [
    ("person", _l("The person")),
    ("worker", _l("The worker")),
    ("both", _l("Together")),
    ("caseworker", _l("The caseworker")),
    ("other", _l("Someone else")),
]

#: The information given at the start meeting and repeated at the second meeting.
INFORMATION_ITEMS = [
    ("method", _l("How we work (the method)")),
    ("voluntary", _l("Taking part is voluntary and can be ended at any time")),
    ("personal_data", _l("How personal data is handled")),
    ("contact_details", _l("Contact details and how to reach us")),
]
