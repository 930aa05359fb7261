"""Filters and globals every page template may use."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Flask, request
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l

from forms.catalogue import METHODS
from forms.identity import format_identity
from service.i18n import LANGUAGE_NAMES

STATUS_LABELS = {
    "referred": _l("Referred"),
    "start_meeting": _l("Start meeting held"),
    "agreed": _l("Agreed"),
    "assessed": _l("Assessed"),
    "plan_active": _l("Plan active"),
    "closed": _l("Closed"),
}

DOCUMENT_LABELS = {"agreement": _l("Agreement")}


def _day(value: date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date(value, format="medium")


def _moment(value: datetime | None) -> str:
    return format_datetime(value, format="short") if value else ""


def register_template_helpers(app: Flask) -> None:
    """Attach the filters and globals to ``app``'s Jinja environment."""
    app.jinja_env.filters.update(
        day=_day,
        moment=_moment,
        identity=lambda person: format_identity(person.identity_kind, person.identity_number),
    )

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "LANGUAGE_NAMES": LANGUAGE_NAMES,
            "METHODS": METHODS,
            "STATUS_LABELS": STATUS_LABELS,
            "DOCUMENT_LABELS": DOCUMENT_LABELS,
            "current_locale": str(get_locale() or "sv"),
            "current_path": request.full_path.rstrip("?") if request else "/",
        }
