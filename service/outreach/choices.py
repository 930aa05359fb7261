"""The outreach form's lists with their translated names (the form, the pages and the report
read them from here)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from service.models.outreach_contact import OFFERS, PLACE_KINDS, REFERRALS

#: Kind of place → its name, in the order of PLACE_KINDS.
PLACE_LABELS = {
    "station": _l("Railway or bus station"),
    "allotments": _l("Allotment gardens"),
    "street": _l("Street or square"),
    "park": _l("Park or woods"),
    "empty_building": _l("Empty building or stairwell"),
    "camp": _l("Camp or shack"),
    "shop": _l("Near a shop or a soup kitchen"),
    "other": _l("Other place"),
}
#: What was offered → its name, in the order of OFFERS.
OFFER_LABELS = {
    "conversation": _l("Conversation and support"),
    "hot_meal": _l("Hot meal or drink"),
    "clothes": _l("Clothes, sleeping bag or blanket"),
    "hygiene": _l("Hygiene products"),
    "first_aid": _l("First aid"),
    "information": _l("Information about help on offer"),
    "shelter_place": _l("A place in a shelter"),
    "transport": _l("Transport to a shelter or to care"),
}
#: Where people were referred → its name, in the order of REFERRALS.
REFERRAL_LABELS = {
    "shelter": _l("Shelter"),
    "night_shelter": _l("Night shelter or warming centre"),
    "social_worker": _l("Social worker"),
    "health_care": _l("Health care"),
    "addiction": _l("Addiction treatment"),
    "soup_kitchen": _l("Soup kitchen or food bank"),
    "ngo": _l("Non-governmental organisation"),
    "other": _l("Other"),
}
assert tuple(PLACE_LABELS) == PLACE_KINDS, "every kind of place needs its name"
assert tuple(OFFER_LABELS) == OFFERS, "every offer needs its name"
assert tuple(REFERRAL_LABELS) == REFERRALS, "every referral needs its name"


def labels(names: dict[str, object], keys: list[str]) -> list[str]:
    """The translated names of ``keys`` (an unknown key as itself)."""
    return [str(names.get(key, key)) for key in keys]
