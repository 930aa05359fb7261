"""Labels as documents print them: staff roles and lists of chosen labels."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

#: A staff member's role as a document prints it in a language other than the unit's (the
#: job title is free text in the unit's language: no "Boendestödjare" inside Polish text).
ROLE_LABELS = {
    "worker": _l("Worker"),
    "caseworker": _l("Caseworker"),
    "manager": _l("Head of unit"),
    "admin": _l("Administrator"),
}


def _is_acronym(word: str) -> bool:
    """ "SMS", "PUP", "E-mail"? Only the first: every letter of it is a capital."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def _lowered(label: str) -> str:
    """``label`` with its first letter in lower case, unless it starts with an acronym."""
    first_word = label.split(" ", 1)[0]
    if not label or _is_acronym(first_word):
        return label
    return label[0].lower() + label[1:]


def label_list(labels: Iterable[str]) -> str:
    """Chosen labels as one list inside a sentence: "SMS, rozmowa telefoniczna, wizyta domowa".

    Swedish, Polish and English write common nouns in a list in lower case; the first label
    keeps its capital (it starts the value), acronyms (SMS) keep theirs everywhere.
    """
    chosen = [str(label) for label in labels if label]
    return ", ".join(chosen[:1] + [_lowered(label) for label in chosen[1:]])
