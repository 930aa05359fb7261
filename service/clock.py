"""The service's day: what "today" and "now" mean to the people using it.

Contacts are typed and shown in the service's timezone (``STEGVIS_TIMEZONE``, Europe/Stockholm
by default), so "today" is that zone's date, not the machine's: between 23:00 and midnight UTC
a contact recorded "now" in Stockholm already belongs to tomorrow's date, and a rhythm counted
from the machine's date would say "last contact -1 days ago".
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

DEFAULT_ZONE = "Europe/Stockholm"


def configured_zone() -> str:
    """The zone's name as configured (``STEGVIS_TIMEZONE``): the app's BABEL_DEFAULT_TIMEZONE."""
    return os.environ.get("STEGVIS_TIMEZONE") or DEFAULT_ZONE


def local_zone() -> ZoneInfo:
    """The zone contacts are entered and shown in (the app's, else as configured)."""
    name = current_app.config.get("BABEL_DEFAULT_TIMEZONE") if has_app_context() else None
    return ZoneInfo(name or configured_zone())


def local_now() -> datetime:
    """This moment in the service's timezone (aware)."""
    return datetime.now(local_zone())


def local_today() -> date:
    """Today's date in the service's timezone."""
    return local_now().date()
