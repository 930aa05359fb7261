"""The iCalendar feed: a private link shown once, meetings titled with the case number only."""

from __future__ import annotations

import re

from flask import Flask
from icalendar import Calendar

from service.clock import local_today
from service.models import User
from tests.conftest import FormClient
from tests.test_my_week import add_case


def test_the_feed_lists_my_meetings_by_case_number_never_by_name(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    add_case(app, worker, 1, contact_days_ago=None, first="Zofia", last="Wójcik")
    page = logged_in.get("/calendar").get_data(as_text=True)
    assert "Make my calendar link" in page
    page = logged_in.post("/calendar", {}).get_data(as_text=True)
    match = re.search(r'value="(http://localhost/calendar/[^"]+\.ics)"', page)
    assert match, page
    url = match.group(1).removeprefix("http://localhost")
    assert "shown only now" in page

    anonymous = app.test_client()
    response = anonymous.get(url)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert "Zofia" not in body and "Wójcik" not in body
    calendar = Calendar.from_ical(response.data)
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    # in the unit's language (the worker chose none): the planned meeting and the held ones
    assert "Möte · C-2026-000001" in summaries  # the start meeting's next meeting
    assert "Startmöte · C-2026-000001" in summaries
    assert all("C-2026-000001" in s for s in summaries)

    page = logged_in.get("/calendar").get_data(as_text=True)
    assert "You have a link" in page and url not in page  # shown once only
    assert anonymous.get(url.replace(".ics", "x.ics")).status_code == 404
    logged_in.post("/calendar/revoke", {}, form_url="/calendar")
    assert anonymous.get(url).status_code == 404


def test_a_new_link_replaces_the_old_one(logged_in: FormClient, worker: User, app: Flask) -> None:
    first = re.search(
        r'/calendar/[^"]+\.ics', logged_in.post("/calendar", {}).get_data(as_text=True)
    )
    second = re.search(
        r'/calendar/[^"]+\.ics', logged_in.post("/calendar", {}).get_data(as_text=True)
    )
    assert first and second and first.group(0) != second.group(0)
    anonymous = app.test_client()
    assert anonymous.get(first.group(0)).status_code == 404
    assert anonymous.get(second.group(0)).status_code == 200


def test_follow_ups_in_the_feed_carry_their_number_and_the_case_number(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    """ "Uppföljning 3 · C-2026-000001": the number of the follow-up held or planned, no name."""
    from datetime import timedelta

    from forms.method_registry import get_method
    from service.extensions import db
    from service.models import Submission

    case_id = add_case(app, worker, 1, contact_days_ago=None, first="Zofia", last="Wójcik")
    day = local_today()
    with app.app_context():
        for n in (1, 2):
            db.session.add(
                Submission(
                    case_id=case_id,
                    step="follow_up",
                    instance=n,
                    answers={
                        "meeting_date": (day - timedelta(days=20 - 10 * n)).isoformat(),
                        "next_meeting": (day + timedelta(days=10 * n)).isoformat(),
                    },
                    form_version=get_method("buss").version,  # type: ignore[union-attr]
                    created_by_id=worker.id,
                )
            )
        db.session.commit()
    page = logged_in.post("/calendar", {}).get_data(as_text=True)
    match = re.search(r'value="http://localhost(/calendar/[^"]+\.ics)"', page)
    assert match, page
    response = app.test_client().get(match.group(1))
    summaries = {str(e["summary"]) for e in Calendar.from_ical(response.data).walk("VEVENT")}
    for n in (1, 2, 3):  # held, held, planned at the second
        assert f"Uppföljning {n} · C-2026-000001" in summaries, summaries
    assert not any("Zofia" in s or "Wójcik" in s or "Åsa" in s for s in summaries)
