"""A worker's meetings as an iCalendar feed behind a private link.

The link carries a random token; only its SHA-256 is stored, so the link is shown once when it
is made (a lost link is replaced by a new one). Events are the meetings of the worker's open
cases: those held (a step's meeting date) and those planned (a step's next meeting). Titles
and descriptions carry the case number and the step, never a name.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, gettext
from icalendar import Calendar, Event

from forms.method_schema import Method
from service import audit
from service.cases.journey import UnknownMethod, method_version
from service.cases.overview import meeting_day
from service.extensions import db
from service.models import CalendarFeed, Submission, User
from service.models._types import utcnow
from service.week.overview import _finals, my_cases


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_feed(user: User) -> str:
    """A new private link token for ``user`` (the old link stops working); audited."""
    token = secrets.token_urlsafe(32)
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None:
        feed = CalendarFeed(user_id=user.id, token_hash=_hash(token))
        db.session.add(feed)
    else:
        feed.token_hash, feed.created_at, feed.last_fetched_at = _hash(token), utcnow(), None
    audit.record("calendar.create", user_id=user.id)
    return token


def revoke_feed(user: User) -> bool:
    """Stop ``user``'s link; False when there was none."""
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None:
        return False
    db.session.delete(feed)
    audit.record("calendar.revoke", user_id=user.id)
    return True


def feed_of(user: User) -> CalendarFeed | None:
    return db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def user_for_token(token: str) -> User | None:
    """The active member of staff whose link carries ``token``, or None."""
    if not token or len(token) > 100:
        return None
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    if feed is None:
        return None
    user = db.session.get(User, feed.user_id)
    if user is None or not user.active:
        return None
    feed.last_fetched_at = utcnow()
    return user


def _title(method: Method, step: str, instance: int, reference: str) -> str:
    """A meeting's title: the step (a follow-up with its number) and the case number, never a
    name, e.g. "Uppföljning 3 · B-2026-0012"."""
    spec = method.steps.get(step)
    title = gettext(spec.title) if spec is not None else step
    if spec is not None and spec.repeatable:
        title = f"{title} {instance}"
    return f"{title} · {reference}"


def _events(method: Method, submission: Submission, reference: str) -> list[tuple[date, str]]:
    """The meeting a step's answers record, and the next one they plan: after the plan the first
    follow-up, after a follow-up the following one, otherwise a meeting."""
    days = [
        (meeting_day(submission), _title(method, submission.step, submission.instance, reference))
    ]
    planned = submission.answers.get("next_meeting")
    if not isinstance(planned, str) or not planned:
        return days
    try:
        day = date.fromisoformat(planned)
    except ValueError:
        return days
    if submission.step == "plan" and "follow_up" in method.steps:
        days.append((day, _title(method, "follow_up", 1, reference)))
    elif submission.step == "follow_up":
        days.append((day, _title(method, "follow_up", submission.instance + 1, reference)))
    else:
        days.append((day, f"{gettext('Meeting')} · {reference}"))
    return days


def feed_ics(user: User, today: date) -> bytes:
    """The calendar of ``user``'s meetings, in their language."""
    cases = my_cases(user)
    finals, pinned = _finals([c.id for c in cases]) if cases else ({}, {})
    language = user.locale or user.unit.default_locale or "sv"
    calendar = Calendar()
    calendar.add("prodid", "-//Stegvis//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    seen: set[tuple[int, date]] = set()
    with force_locale(language):
        calendar.add("x-wr-calname", gettext("Stegvis – my meetings"))
        for case in cases:
            try:
                method = method_version(case.method, pinned.get(case.id))
            except UnknownMethod:
                continue
            for submission in finals.get(case.id, []):
                days = _events(method, submission, case.reference)
                for day, summary in days:
                    if (case.id, day) in seen:
                        continue
                    seen.add((case.id, day))
                    event = Event()
                    event.add("uid", f"{case.reference}-{day.isoformat()}@stegvis")
                    event.add("dtstamp", utcnow())
                    event.add("dtstart", day)
                    event.add("dtend", day + timedelta(days=1))
                    event.add("summary", summary)
                    event.add("url", url_for("cases.case", case_id=case.id, _external=True))
                    calendar.add_component(event)
    return bytes(calendar.to_ical())
