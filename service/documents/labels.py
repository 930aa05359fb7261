"""Names of the document types as the pages show them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

DOCUMENT_TYPE_LABELS = {
    "agreement": _l("Agreement"),
    "consent": _l("Consent to share information"),
    "plan": _l("Individual plan"),
    "follow_up": _l("Follow-up record"),
    "closing": _l("Closing summary"),
}
