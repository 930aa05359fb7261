"""The agreed rhythm: structured answers, earlier free text kept, and the case overview's
"agreed: once a week · last contact 9 days ago · overdue"."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import Flask

from service.clock import local_today
from service.journal.rhythm import check, contact_gap, follow_up_gap, free_text_gap
from service.models import User
from tests.conftest import FormClient
from tests.test_journal import buss_plan_case, contact
from tests.test_journey import START, open_case, register, second


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Varje vecka", 7),
        ("varannan vecka, första gången 4 december", 14),
        ("Co dwa tygodnie", 14),
        ("raz w tygodniu", 7),
        ("Every second week", 14),
        ("en gång i månaden", 31),
        ("codziennie", 1),
        ("när det behövs", None),
        ("", None),
    ],
)
def test_earlier_free_text_rhythms_are_read_when_they_name_a_usual_one(
    text: str, days: int | None
) -> None:
    assert free_text_gap(text) == days
    assert follow_up_gap({"follow_up_rhythm": text}) == days


def test_structured_rhythms_give_the_longest_gap() -> None:
    assert contact_gap({"meeting_rhythm": "weekly"}) == 7
    assert contact_gap({"meeting_rhythm": "daily"}) == 1
    assert contact_gap({"meeting_rhythm": "few_messages_month"}) == 15
    assert (
        contact_gap({"meeting_rhythm": "other", "rhythm_contacts": 3, "rhythm_period": "week"}) == 3
    )
    assert (
        contact_gap({"meeting_rhythm": "other", "rhythm_contacts": 4, "rhythm_period": "month"})
        == 8
    )
    assert contact_gap({"meeting_rhythm": "other"}) is None
    assert follow_up_gap({"follow_up_every": "fortnightly", "follow_up_rhythm": "weekly"}) == 14
    today = date(2026, 12, 2)
    late = check("Once a week", 7, today - timedelta(days=9), None, today)
    assert late.overdue and late.days == 9
    assert not check("Once a week", 7, today - timedelta(days=7), None, today).overdue
    assert check("Once a week", 7, None, today - timedelta(days=8), today).overdue
    assert not check("Written", None, None, today - timedelta(days=80), today).overdue


def test_the_overview_flags_an_overdue_contact_rhythm(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = buss_plan_case(logged_in, worker)
    nine_days = (local_today() - timedelta(days=9)).isoformat()
    logged_in.post(f"{case_url}/journal", contact(day=nine_days))
    page = logged_in.get(case_url).get_data(as_text=True)
    line = page.split('data-rhythm="contact"')[1].split("</p>")[0]
    assert "Once a week" in line and "last contact 9 days ago" in line and "overdue" in line
    follow = page.split('data-rhythm="follow_up"')[1].split("</p>")[0]
    assert "Every week" in follow
    logged_in.post(f"{case_url}/journal", contact(day=local_today().isoformat(), at="00:01"))
    page = logged_in.get(case_url).get_data(as_text=True)
    line = page.split('data-rhythm="contact"')[1].split("</p>")[0]
    assert "last contact today" in line and "overdue" not in line
    # a missed visit is not a contact
    logged_in.post(f"{case_url}/journal", contact(took_place="no"))
    assert "last contact today" in logged_in.get(case_url).get_data(as_text=True)


def test_another_number_of_contacts_is_asked_and_shown(logged_in: FormClient, worker: User) -> None:
    case_url = open_case(logged_in, register(logged_in), method="ipwzb")
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    response = logged_in.post(
        f"{case_url}/steps/second_meeting", second(worker.id, meeting_rhythm="other")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="rhythm_contacts-error"' in page
    response = logged_in.post(
        f"{case_url}/steps/second_meeting",
        second(worker.id, meeting_rhythm="other", rhythm_contacts="3", rhythm_period="month"),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    page = logged_in.get(case_url).get_data(as_text=True)
    line = page.split('data-rhythm="contact"')[1].split("</p>")[0]
    assert "3 contacts a month" in line and "no contact recorded in the" in line


def test_today_is_the_services_day_not_the_machines(
    logged_in: FormClient, worker: User, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Late in the evening UTC, Stockholm is already on tomorrow: a contact recorded "now" is
    today's, never "-1 days ago". A zone whose date differs from the machine's makes every hour
    of the day such an evening."""
    machine = date.today()
    zone = next(
        name
        for name in ("Etc/GMT+12", "Etc/GMT-14")
        if datetime.now(ZoneInfo(name)).date() != machine
    )
    monkeypatch.setitem(app.config, "BABEL_DEFAULT_TIMEZONE", zone)
    case_url = buss_plan_case(logged_in, worker)
    with app.app_context():
        today = local_today()
    assert today != machine
    form = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert f'value="{today.isoformat()}"' in form  # the form offers the service's day
    response = logged_in.post(f"{case_url}/journal", contact(day=today.isoformat(), at="00:01"))
    assert response.status_code == 302
    line = logged_in.get(case_url).get_data(as_text=True)
    line = line.split('data-rhythm="contact"')[1].split("</p>")[0]
    assert "last contact today" in line and "-1" not in line
    week = logged_in.get("/my-week").get_data(as_text=True)
    assert "last contact today" in week and "-1 days" not in week
