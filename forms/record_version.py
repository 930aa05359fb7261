"""The version of a record an edit form was filled from (a person, a network or family member):
sent back with the form, so that a save over someone else's newer one is seen as a conflict
(service/record_versions.py)."""

from __future__ import annotations

import re
from typing import Any

from wtforms import HiddenField

#: A version as the page writes it: a positive number of at most nine digits.
_VERSION = re.compile(r"[1-9][0-9]{0,8}")


class RecordVersion:
    """Mixin for the edit form of a versioned record: the version the page showed."""

    #: The record's version when the page was filled; anything else posted counts as unknown.
    version = HiddenField()

    def seen_version(self) -> int | None:
        """The version the page showed; None when it is missing or not a version at all."""
        text = str(self.version.data or "").strip()
        return int(text) if _VERSION.fullmatch(text) else None

    def show_version(self, record: Any) -> None:
        """Fill the page with the record's stored version: saving it next replaces that one."""
        self.version.data = str(record.version)
