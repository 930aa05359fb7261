"""Follow-ups that carry the plan forward (issue 11, items 10–12): who took part, the worker's
assessment beside the person's own rating, the agreed actions carried from the agreement (the
kontrakt's part II) and the plan and marked done or not, a sub-goal lowered with a reason into
a new plan version, the tapering rhythm against the journal and the person's own words at the
closing; through the real forms, pages, database and Word templates (sv, pl, en)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.clock import local_today
from service.extensions import db
from service.models import Submission, User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second
from tests.test_journey_content import CLOSING, docx_text, issued
from tests.test_lifecycle import assessment

HOSTILE = "Å & <b>ö</b> {{ x }} {% if %}"
NETWORK = {
    "kind": "probation_officer",
    "name": "Łucja Żółw",
    "role": "kurator",
    "contact_details": "tel. 58 123 45 67",
    "may_contact": "y",
}
#: Per document language: the words the follow-up, plan and closing documents print.
WORDS = {
    "sv": {
        "done": "Genomförd",
        "partly": "Delvis genomförd",
        "lowered_h": "Delmål som sänkts vid uppföljningar",
        "own_words": "Med personens egna ord",
        "participants": "Deltagare",
        "actions_h": "Överenskomna åtgärder",
        "person": "(personen)",
    },
    "pl": {
        "done": "Wykonane",
        "partly": "Wykonane częściowo",
        "lowered_h": "obniżone podczas",
        "own_words": "Słowami osoby",
        "participants": "Uczestnicy spotkania",
        "actions_h": "Uzgodnione działania",
        "person": "(osoba)",
    },
    "en": {
        "done": "Carried out",
        "partly": "Partly carried out",
        "lowered_h": "Sub-goals lowered at follow-ups",
        "own_words": "In the person's own words",
        "participants": "Participants",
        "actions_h": "Agreed actions",
        "person": "(the person)",
    },
}


def _plan(phase_from: date | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "action": "finalise",
        "participation": "Valde själv",
        "adopted_on": "2026-11-20",
        "follow_up_every": "weekly",
        "goals-0-area": "housing",
        "goals-0-goal": "Bo kvar",
        "goals-0-sub_goals-0-sub_goal": "Söka tio lägenheter i veckan",
        "goals-0-sub_goals-0-person_actions": "Ringer hyresvärdar",
        "goals-0-sub_goals-0-due_date": "2026-12-15",
        "goals-0-sub_goals-1-sub_goal": "Betala hyran i tid",
    }
    if phase_from is not None:
        data.update(
            {
                "phase_out-0-from_date": (phase_from - timedelta(days=30)).isoformat(),
                "phase_out-0-every": "weekly",
                "phase_out-1-from_date": phase_from.isoformat(),
                "phase_out-1-every": "fortnightly",
                "phase_out-2-from_date": (phase_from + timedelta(days=60)).isoformat(),
                "phase_out-2-every": "monthly",
            }
        )
    return data


def _planned(client: FormClient, worker: User, method: str, language: str, **plan: Any) -> str:
    person = register(client, preferred_language=language)
    case = open_case(client, person, method=method)
    assert client.post(f"{case}/steps/start_meeting", START).status_code == 302
    response = client.post(f"{case}/steps/second_meeting", second(worker.id))
    assert response.status_code == 302, response.get_data(as_text=True)
    data = assessment()
    if method == "ipwzb":
        data = {
            "action": "finalise",
            "meeting_date": "2026-11-16",
            "values": "Rodzina",
            "difficulty_causes": "Utrata pracy",
            "possibilities": "Kwalifikacje",
            "limitations": "Długi",
            "homelessness_reasons": "Eksmisja",
            **{f"areas-{a}-strengths": "Siła" for a in ("housing", "work", "health")},
            **{f"areas-{a}-rating": "4" for a in ("housing", "work", "health", "finances")},
            "areas-finances-strengths": "Siła",
            "areas-family-strengths": "Siła",
            "areas-family-rating": "4",
        }
    response = client.post(f"{case}/steps/assessment", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    response = client.post(f"{case}/steps/plan", _plan(**plan))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert client.post(f"{case}/network", NETWORK).status_code == 302
    return case


def _follow_up(page: str, **extra: Any) -> dict[str, Any]:
    """Follow-up 1 as a worker fills it in: everyone took part, the actions marked, the
    first sub-goal lowered."""
    participants = re.findall(r'name="participants" type="checkbox" value="([^"]+)"', page)
    data: dict[str, Any] = {
        "action": "finalise",
        "meeting_date": "2026-11-27",
        "since_last_time": "Har ringt två hyresvärdar",
        "participants": participants,
        "progress-0-status": "in_progress",
        "progress-0-lowered_to": "Söka två lägenheter i veckan",
        "progress-0-lower_reason": f"Tio var för många {HOSTILE}",
        "progress-1-status": "reached",
        "actions_review-0-status": "done",
        "actions_review-1-status": "partly",
        "actions_review-1-comment": "Två av fem",
        "actions_review-2-status": "not_done",
        "engagement": "high",
        "worker_observations": "Tar egna initiativ, ringer själv",
        "areas-housing-rating": "6",
        "areas-housing-worker_rating": "5",
    }
    data.update(extra)
    return data


def _plans(app: Flask) -> list[dict[str, Any]]:
    with app.app_context():
        rows = db.session.scalars(
            sa.select(Submission).where(Submission.step == "plan").order_by(Submission.version)
        ).all()
        return [{"version": s.version, **s.answers} for s in rows]


@pytest.mark.parametrize(
    ("method", "language"), [("buss", "sv"), ("buss", "en"), ("ipwzb", "pl"), ("ipwzb", "sv")]
)
def test_a_follow_up_carries_the_plan_forward_and_lowers_a_sub_goal(
    logged_in: FormClient,
    worker: User,
    app: Flask,
    method: str,
    language: str,
    artifacts_dir: Path,
) -> None:
    case = _planned(logged_in, worker, method, language)
    page = logged_in.get(f"{case}/steps/follow_up/1").get_data(as_text=True)
    # who can take part: the person, the contact person, the network, the caseworker
    for name in ("Zofia Wójcik-Łęcka", worker.full_name, "Łucja Żółw", "Ewa Żak"):
        assert name in page
    # the agreed actions carried from the agreement (kontrakt part II) and from the plan
    for what in ("Złożyć wniosek o lokal socjalny", "Szukać ofert pracy", "Ringer hyresvärdar"):
        assert f'value="{what}"' in page, what
    # lowering without a reason is refused and says why; nothing is made
    refused = logged_in.post(
        f"{case}/steps/follow_up/1", _follow_up(page, **{"progress-0-lower_reason": ""})
    )
    assert refused.status_code == 200
    assert "Say why the sub-goal is lowered." in refused.get_data(as_text=True)
    assert len(_plans(app)) == 1

    response = logged_in.post(f"{case}/steps/follow_up/1", _follow_up(page))
    assert response.status_code == 302, response.get_data(as_text=True)

    # a new plan version holds the lowered sub-goal; the first one is kept as it was
    plans = _plans(app)
    assert [p["version"] for p in plans] == [1, 2]
    assert plans[0]["goals"][0]["sub_goals"][0]["sub_goal"] == "Söka tio lägenheter i veckan"
    assert plans[1]["goals"][0]["sub_goals"][0]["sub_goal"] == "Söka två lägenheter i veckan"
    # the case page shows it in the plan's history, with the reason
    overview = logged_in.get(case).get_data(as_text=True)
    history = overview[overview.index('id="plan-history"') :]
    assert "Version 2" in history
    assert "“Söka tio lägenheter i veckan” → “Söka två lägenheter i veckan”" in history
    assert "Tio var för många Å &amp; &lt;b&gt;ö&lt;/b&gt; {{ x }}" in history

    # the next follow-up starts from what this one found: nothing is typed again
    page = logged_in.get(f"{case}/steps/follow_up/2").get_data(as_text=True)
    assert 'value="Söka två lägenheter i veckan"' in page
    assert re.search(r'actions_review-0-status"[^>]*>.*?<option selected value="done"', page, re.S)
    assert re.search(
        r'actions_review-1-status"[^>]*>.*?<option selected value="partly"', page, re.S
    )
    assert re.search(r'progress-0-status"[^>]*>.*?<option selected value="lowered"', page, re.S)

    # the follow-up document, the next plan document and the closing document say it
    words = WORDS[language]
    assert logged_in.post(f"{case}/documents/follow_up", {}, form_url=case).status_code == 302
    content = issued(app, "follow_up")
    (artifacts_dir / f"follow-up-carried-{method}-{language}.docx").write_bytes(content)
    text = docx_text(content)
    assert words["participants"] in text and words["actions_h"] in text
    assert "Zofia Wójcik-Łęcka " + words["person"] in text and "Łucja Żółw" in text
    assert f"Złożyć wniosek o lokal socjalny | {words['done']}" not in text  # who between
    assert re.search(r"Złożyć wniosek o lokal socjalny \|[^|]+\|[^|]+\| " + words["done"], text)
    assert re.search(
        r"Szukać ofert pracy \|[^|]+\|[^|]+\| " + words["partly"] + " | Två av fem", text
    )
    assert re.search(r"\| 4 \| 6 \| 5$", text, re.M), text  # before, now, the worker's
    assert "Tar egna initiativ, ringer själv" in text
    assert "Söka två lägenheter i veckan" in text and "Tio var för många Å & <b>ö</b>" in text

    assert logged_in.post(f"{case}/documents/plan", {}, form_url=case).status_code == 302
    content = issued(app, "plan")
    (artifacts_dir / f"plan-lowered-{method}-{language}.docx").write_bytes(content)
    text = docx_text(content)
    assert words["lowered_h"] in text
    assert re.search(
        r"1\.1 \| [^|]+ \| Söka tio lägenheter i veckan \| Söka två lägenheter i veckan \| "
        r"Tio var för många Å & <b>ö</b> \{\{ x \}\}",
        text,
    ), text

    closing = {**CLOSING, "own_words": f"Jag känner att jag är färdig nu {HOSTILE}"}
    assert logged_in.post(f"{case}/steps/closing", closing).status_code == 302
    assert logged_in.post(f"{case}/documents/closing", {}, form_url=case).status_code == 302
    content = issued(app, "closing")
    (artifacts_dir / f"closing-own-words-{method}-{language}.docx").write_bytes(content)
    text = docx_text(content)
    assert words["own_words"] in text
    assert f"Jag känner att jag är färdig nu {HOSTILE}" in text


def test_a_sub_goal_changed_since_is_not_lowered_twice(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    """Changing the follow-up after it lowered a sub-goal makes no third plan version and
    keeps the history."""
    case = _planned(logged_in, worker, "buss", "sv")
    page = logged_in.get(f"{case}/steps/follow_up/1").get_data(as_text=True)
    assert logged_in.post(f"{case}/steps/follow_up/1", _follow_up(page)).status_code == 302
    again = {**_follow_up(page), "change_reason": "Rättat datum", "meeting_date": "2026-11-28"}
    response = logged_in.post(f"{case}/steps/follow_up/1", again)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert [p["version"] for p in _plans(app)] == [1, 2]
    overview = logged_in.get(case).get_data(as_text=True)
    assert "“Söka tio lägenheter i veckan” → “Söka två lägenheter i veckan”" in overview


def test_the_tapering_rhythm_is_shown_against_the_journal(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    today = local_today()
    case = _planned(logged_in, worker, "buss", "sv", phase_from=today - timedelta(days=3))
    overview = logged_in.get(case).get_data(as_text=True)
    contact = re.search(r'data-rhythm="contact">(.*?)</p>', overview, re.S)
    assert contact is not None
    assert "Every second week – phasing out since" in contact.group(1)
    assert "overdue" not in contact.group(1)  # 3 days into a fortnightly phase
    # the plan document prints the tapering phases with their dates
    assert logged_in.post(f"{case}/documents/plan", {}, form_url=case).status_code == 302
    text = docx_text(issued(app, "plan"))
    assert "Nedtrappning av kontakterna" in text
    assert re.search(r"Från \d+ \w+ \d{4}: varannan vecka", text, re.I), text


def test_another_units_staff_or_network_cannot_be_posted_as_participants(
    logged_in: FormClient, worker: User, app: Flask, make_unit: Any, make_user: Any
) -> None:
    case = _planned(logged_in, worker, "buss", "sv")
    other = make_user(email="other@example.org", unit=make_unit(name="Annan enhet"))
    page = logged_in.get(f"{case}/steps/follow_up/1").get_data(as_text=True)
    for value in (f"staff:{other.id}", "network:999999", "staff:x", "{{ 7*7 }}"):
        response = logged_in.post(
            f"{case}/steps/follow_up/1", _follow_up(page, participants=["person", value])
        )
        assert response.status_code == 200, value
        assert "not a valid choice" in response.get_data(as_text=True), value
    with app.app_context():
        stored = db.session.scalars(sa.select(Submission).where(Submission.step == "follow_up"))
        assert list(stored) == []
    assert [p["version"] for p in _plans(app)] == [1]  # nothing lowered either
