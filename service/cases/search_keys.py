"""Search keys of persons' names: what the case and person lists compare a typed name with.

A key is the name case-folded, without accents and with single spaces, so that "lecka",
"Łęcka" and "ŁĘCKA" find the same person and the search needs no function of the column (an
ordinary index answers it on SQLite and PostgreSQL). Names are plain text, not encrypted; the
keys are derived from them and kept beside them (service/models/person.py).
"""

from __future__ import annotations

import unicodedata

#: Letters that do not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th"})

#: The longest key kept (a name is at most 100 + 100 characters).
KEY_LENGTH = 200


def name_key(text: str) -> str:
    """``text`` as the lists compare it: "Wójcik-Łęcka  Zofia" → "wojcik-lecka zofia"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c)).translate(_LETTERS)
    return " ".join(plain.split())[:KEY_LENGTH]


def prefix_range(prefix: str) -> tuple[str, str]:
    """(low, high) such that exactly the keys starting with ``prefix`` are >= low and < high
    (in a binary / "C" collation, which the key columns use)."""
    return prefix, prefix + "\U0010ffff"
