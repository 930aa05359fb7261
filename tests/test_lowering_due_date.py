"""Lowering a sub-goal at a follow-up may give it a new due date (optional): the new plan
version carries it, the plan's history and the plan document show it beside the old one, and
without a new date the sub-goal keeps its due date."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from service.models import User
from tests.conftest import FormClient
from tests.documents.helpers import docx_text
from tests.documents.test_plan_responsible import _sub_goal_rows
from tests.test_follow_up_carry import _follow_up, _planned, _plans, issued

#: The plan document, per language of the case (the case page is in the worker's language).
WORDS = {
    "sv": "Söka två lägenheter i veckan (Nytt datum: 15 januari 2027)",
    "pl": "Söka två lägenheter i veckan (Nowy termin: 15 stycznia 2027)",
    "en": "Söka två lägenheter i veckan (New due date: 15 January 2027)",
}
DAY = {"sv": "15 januari 2027", "pl": "15 stycznia 2027", "en": "15 January 2027"}
HISTORY = "New due date: Jan 15, 2027 (was Dec 15, 2026)"


@pytest.mark.parametrize(("method", "language"), [("buss", "en"), ("buss", "sv"), ("ipwzb", "pl")])
def test_a_lowered_sub_goal_gets_a_new_due_date_in_the_new_plan_version(
    logged_in: FormClient, worker: User, app: Flask, method: str, language: str
) -> None:
    case = _planned(logged_in, worker, method, language)
    page = logged_in.get(f"{case}/steps/follow_up/1").get_data(as_text=True)
    assert 'name="progress-0-lowered_due" type="date"' in page
    data: dict[str, Any] = _follow_up(page, **{"progress-0-lowered_due": "2027-01-15"})
    # a date that is no date, or a new date for a sub-goal that is not lowered: refused,
    # beside the field, everything typed kept, nothing made
    for bad in (
        {"progress-0-lowered_due": "15.01.2027"},
        {"progress-0-lowered_due": "0027-01-15"},
        {"progress-1-lowered_due": "2027-01-15"},
    ):
        response = logged_in.post(f"{case}/steps/follow_up/1", {**data, **bad})
        text = response.get_data(as_text=True)
        assert response.status_code == 200, bad
        assert re.search(r'<p class="error" id="progress-\d-lowered_due-error">', text), bad
        assert 'value="Söka två lägenheter i veckan"' in text
        assert "Tio var för många" in text
        assert len(_plans(app)) == 1
    response = logged_in.post(f"{case}/steps/follow_up/1", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    plans = _plans(app)
    assert [p["version"] for p in plans] == [1, 2]
    assert plans[0]["goals"][0]["sub_goals"][0]["due_date"] == "2026-12-15"  # kept as it was
    assert plans[1]["goals"][0]["sub_goals"][0]["due_date"] == "2027-01-15"
    assert plans[1]["goals"][0]["sub_goals"][1].get("due_date") in (None, "")  # not lowered

    overview = logged_in.get(case).get_data(as_text=True)
    history = overview[overview.index('id="plan-history"') :]
    assert HISTORY in history, history[:2000]

    assert logged_in.post(f"{case}/documents/plan", {}, form_url=case).status_code == 302
    content = issued(app, "plan")
    assert WORDS[language] in docx_text(content)
    # the sub-goal's own row prints its new wording and due date
    row = _sub_goal_rows(content)["1.1"]
    assert "Söka två lägenheter i veckan" in row.values()
    assert DAY[language] in row.values(), row
    # the person's own plan shows the smaller step as the next one, with its new day
    assert logged_in.post(f"{case}/documents/my_plan", {}, form_url=case).status_code == 302
    mine = docx_text(issued(app, "my_plan"))
    assert f"Söka två lägenheter i veckan ({DAY[language]})" in mine.replace("\u00a0", " ")


def test_without_a_new_date_the_lowered_sub_goal_keeps_its_due_date(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case = _planned(logged_in, worker, "buss", "sv")
    page = logged_in.get(f"{case}/steps/follow_up/1").get_data(as_text=True)
    assert logged_in.post(f"{case}/steps/follow_up/1", _follow_up(page)).status_code == 302
    plans = _plans(app)
    assert plans[1]["goals"][0]["sub_goals"][0]["sub_goal"] == "Söka två lägenheter i veckan"
    assert plans[1]["goals"][0]["sub_goals"][0]["due_date"] == "2026-12-15"
    overview = logged_in.get(case).get_data(as_text=True)
    assert "New due date" not in overview and "Nytt datum" not in overview
