"""Choice lists that belong to no method: the languages documents are issued in."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

LANGUAGES = {"sv": _l("Swedish"), "pl": _l("Polish"), "en": _l("English")}
