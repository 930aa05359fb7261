"""The whole journey of a BUSS case: guards, statuses, follow-ups, closing, overview, outcomes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from markupsafe import escape

from service.clock import local_today
from service.extensions import db
from service.models import Case, MethodSnapshot, StepDraft, Submission, User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second

AREAS = ("housing", "education", "occupation", "social")


def assessment(ratings: dict[str, int] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "action": "finalise",
        "meeting_date": "2026-11-16",
        "values": "Min hund och min bror",
        "feels_safe": "Att veta vem som kommer",
        "interests": "Fiske",
        "earlier_interventions-0-intervention": "Boendestöd 2022",
        "earlier_interventions-0-when": "2022",
        "earlier_interventions-0-result": "Avbröts",
        "change_wanted": "Få ordning på posten",
    }
    for area in AREAS:
        data[f"areas-{area}-strengths"] = f"Styrkor i {area}"
        data[f"areas-{area}-rating"] = str((ratings or {}).get(area, 4))
    return data


def plan(due: date) -> dict[str, Any]:
    return {
        "action": "finalise",
        "goals-0-area": "housing",
        "goals-0-goal": "Behålla lägenheten",
        "goals-0-sub_goals-0-sub_goal": "Betala hyran i tid",
        "goals-0-sub_goals-0-due_date": due.isoformat(),
        "goals-0-sub_goals-0-person_actions": "Betalar",
        "goals-0-sub_goals-0-worker_actions": "Påminner",
        "goals-0-sub_goals-1-sub_goal": "Öppna posten varje vecka",
        "goals-0-sub_goals-1-due_date": (due + timedelta(days=400)).isoformat(),
        "participation": "Johan valde själv målen",
        "adopted_on": "2026-11-20",
        "follow_up_every": "weekly",
    }


def follow_up(day: str, status: str, ratings: dict[str, int]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "action": "finalise",
        "meeting_date": day,
        "since_last_time": "Hyran betald",
        "progress-0-status": status,
        "progress-1-status": "in_progress",
    }
    for area, value in ratings.items():
        data[f"areas-{area}-rating"] = str(value)
    return data


@pytest.fixture
def buss_case(logged_in: FormClient, worker: User) -> str:
    person = register(
        logged_in,
        first_name="Johan",
        last_name="Ekström",
        identity_country="se",
        identity_number="850709-9805",
        preferred_language="sv",
    )
    return open_case(logged_in, person, method="buss")


def status(app: Flask) -> str:
    with app.app_context():
        return db.session.scalar(sa.select(Case.status))  # type: ignore[return-value]


def test_guards_say_why_a_step_is_not_yet_possible(logged_in: FormClient, buss_case: str) -> None:
    response = logged_in.get(f"{buss_case}/steps/plan")
    assert response.status_code == 302
    page = logged_in.get(buss_case).get_data(as_text=True)
    assert "First finalise the step “Assessment”." in page
    assert "First finalise the step “Start meeting”." in page


def test_a_whole_buss_case(logged_in: FormClient, buss_case: str, worker: User, app: Flask) -> None:
    assert status(app) == "referred"
    assert logged_in.post(f"{buss_case}/steps/start_meeting", START).status_code == 302
    assert status(app) == "start_meeting"
    assert logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id)).status_code == 302
    assert status(app) == "agreed"
    response = logged_in.post(f"{buss_case}/steps/assessment", assessment({"housing": 3}))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert status(app) == "assessed"
    due = local_today() - timedelta(days=3)
    response = logged_in.post(f"{buss_case}/steps/plan", plan(due))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert status(app) == "plan_active"

    # the follow-up lists the plan's sub-goals
    page = logged_in.get(f"{buss_case}/steps/follow_up/1").get_data(as_text=True)
    assert "Betala hyran i tid" in page and "Öppna posten varje vecka" in page
    overview = logged_in.get(buss_case).get_data(as_text=True)
    assert "Overdue sub-goals" in overview and "Betala hyran i tid" in overview

    response = logged_in.post(
        f"{buss_case}/steps/follow_up/1",
        follow_up("2026-11-27", "lowered", {"housing": 6, "social": 5}),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    logged_in.post(
        f"{buss_case}/steps/follow_up/2",
        follow_up("2026-12-04", "reached", {"housing": 8, "social": 6}),
    )
    overview = logged_in.get(buss_case).get_data(as_text=True)
    assert "Overdue sub-goals" not in overview  # lowered, then reached: not failed
    assert '<svg class="chart' in overview and "Housing: 8 (Dec 4, 2026)" in overview
    assert "Housing: 3 (Nov 16, 2026)" in overview  # the assessment's rating is the first point

    response = logged_in.post(
        f"{buss_case}/steps/closing",
        {
            "action": "finalise",
            "closed_on": f"{local_today().year}-12-20",
            "reason": "goals_reached",
            "final_evaluation": "Johan klarar sig själv",
            "outcomes": ["kept_housing", "budget"],
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert status(app) == "closed"
    assert logged_in.get(f"{buss_case}/steps/follow_up/3").status_code == 302  # closed
    table = logged_in.get(f"/reports/outcomes?year={local_today().year}").get_data(as_text=True)
    assert "1 case closed" in table
    assert '<td>Kept their housing</td><td class="num">1</td>' in table
    assert '<td>Got a lease of their own</td><td class="num">0</td>' in table
    with app.app_context():
        versions = set(db.session.scalars(sa.select(Submission.form_version)))
        snapshots = db.session.scalars(sa.select(MethodSnapshot)).all()
        assert len(versions) == 1 and [s.version for s in snapshots] == list(versions)
        assert "BUSS" in snapshots[0].source


def test_errors_keep_a_draft_and_going_back_shows_it(
    logged_in: FormClient, buss_case: str, worker: User, app: Flask
) -> None:
    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id))
    data = assessment()
    data["areas-housing-strengths"] = ""
    data["areas-social-rating"] = "11"  # out of the scale
    response = logged_in.post(f"{buss_case}/steps/assessment", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "This field is required." in page
    assert "Styrkor i social" in page
    # go elsewhere, come back: everything typed is there
    logged_in.get(buss_case)
    page = logged_in.get(f"{buss_case}/steps/assessment").get_data(as_text=True)
    assert "Styrkor i education" in page and "Min hund och min bror" in page
    # save and continue later
    response = logged_in.post(f"{buss_case}/steps/assessment", {**data, "action": "draft"})
    assert response.status_code == 302
    assert "Draft saved" in logged_in.get(buss_case).get_data(as_text=True)
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count(Submission.id)).where(Submission.step == "assessment")
            )
            == 0
        )


def test_two_people_saving_the_same_step_get_a_conflict(
    logged_in: FormClient,
    buss_case: str,
    worker: User,
    make_user: Any,
    app: Flask,
    client: FormClient,
) -> None:
    colleague = make_user(
        email="colleague@example.org", full_name="Erik Lund", unit=_unit_of(app, worker)
    )
    other = FormClient(app.test_client())
    other.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    other.login(colleague.email)
    url = f"{buss_case}/steps/start_meeting"
    from tests.conftest import hidden_inputs

    mine = hidden_inputs(logged_in.get(url).get_data(as_text=True))
    theirs = hidden_inputs(other.get(url).get_data(as_text=True))
    assert (
        other.client.post(
            url, data={**theirs, **START, "action": "draft", "own_words": "Erik skrev detta"}
        ).status_code
        == 302
    )
    response = logged_in.client.post(url, data={**mine, **START, "own_words": "Anna skrev detta"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Someone else saved this step while you were editing" in page
    assert "Erik skrev detta" in page and "Anna skrev detta" in page  # both versions visible
    with app.app_context():
        draft = db.session.scalar(sa.select(StepDraft))
        assert draft.formdata["own_words"] == ["Erik skrev detta"]  # not overwritten
        assert db.session.scalar(sa.select(sa.func.count(Submission.id))) == 0
    # saving again from the conflict page keeps Anna's answers, knowingly
    again = logged_in.post(url, {**START, "own_words": "Anna skrev detta"}, form_url=None)
    assert again.status_code == 302


def _unit_of(app: Flask, user: User) -> Any:
    from service.models import Unit

    with app.app_context():
        unit = db.session.get(Unit, user.unit_id)
        db.session.expunge(unit)
        return unit


def test_a_hidden_question_is_cleared_and_a_posted_value_refused(
    logged_in: FormClient, buss_case: str, worker: User, app: Flask
) -> None:
    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id))
    closing = {
        "action": "finalise",
        "closed_on": "2026-12-01",
        "reason": "moved",
        "reason_other": "Sneaked in",
        "final_evaluation": "Flyttade",
    }
    page = logged_in.post(f"{buss_case}/steps/closing", closing).get_data(as_text=True)
    assert "Leave this empty: it only applies to another answer." in page
    response = logged_in.post(f"{buss_case}/steps/closing", {**closing, "reason_other": ""})
    assert response.status_code == 302
    missing = logged_in.post(
        f"{buss_case}/steps/closing",
        {**closing, "reason": "other", "reason_other": "", "change_reason": "Fel orsak"},
    )
    assert "This field is required." in missing.get_data(as_text=True)
    with app.app_context():
        answers = db.session.scalar(
            sa.select(Submission.answers).where(Submission.step == "closing")
        )
        assert answers["reason_other"] is None


def test_changing_or_removing_a_method_file_does_not_break_old_cases(
    logged_in: FormClient,
    buss_case: str,
    worker: User,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    import shutil

    from forms.method_registry import METHODS_DIR, load_methods

    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id))
    changed = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, changed)
    shared = changed / "_shared.yaml"
    shared.write_text(
        shared.read_text("utf-8").replace(
            "{key: expectations_team, type: long_text, label: Our expectations of the person}",
            "{key: first_impression, type: text, label: First impression, required: true}",
        ),
        "utf-8",
    )
    new_methods = load_methods(changed)
    monkeypatch.setattr("service.cases.journey.get_method", new_methods.get)
    for url in (buss_case, f"{buss_case}/steps/start_meeting", f"{buss_case}/steps/assessment"):
        assert logged_in.get(url).status_code == 200, url
    assert logged_in.post(f"{buss_case}/agreement", form_url=buss_case).status_code == 302
    # the file is gone altogether: the version kept with the answers still shows the case
    monkeypatch.setattr("service.cases.journey.get_method", lambda key: None)
    page = logged_in.get(f"{buss_case}/steps/start_meeting").get_data(as_text=True)
    assert "Chcę mieć własny pokój." in page and "Our expectations of the person" in page
    with app.app_context():
        versions = set(db.session.scalars(sa.select(Submission.form_version)))
        assert versions == {load_methods()["buss"].version}


def test_a_caseworker_reads_steps_but_is_offered_no_changes(
    logged_in: FormClient, buss_case: str, worker: User, make_user: Any, app: Flask
) -> None:
    from service.models import Role

    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    caseworker = make_user(
        email="sekreterare@example.org",
        unit=_unit_of(app, worker),
        role=Role.CASEWORKER,
        full_name="Erik Lund",
    )
    reader = FormClient(app.test_client())
    reader.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    reader.login(caseworker.email)
    page = reader.get(f"{buss_case}/steps/start_meeting").get_data(as_text=True)
    assert "Chcę mieć własny pokój." in page
    assert '<fieldset class="plain" disabled>' in page and 'value="finalise"' not in page
    case_page = reader.get(buss_case).get_data(as_text=True)
    assert 'class="button' not in case_page.split("<h2>Steps</h2>")[1].split("</ol>")[1]
    with app.app_context():
        person_id = db.session.scalar(sa.select(Case.person_id))
    assert "Open a case" not in reader.get(f"/persons/{person_id}").get_data(as_text=True)


HOSTILE_TEXTS = [
    "<script>alert(1)</script> & \"quotes\" 'single'",
    "{{ 7*7 }} {% if True %}x{% endif %} </w:t><w:p>",
    "Zażółć gęślą jaźń – Åsa Öberg ‏مرحبا‎ 😀",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_in_the_plan_stays_literal_on_the_page_and_in_the_document(
    logged_in: FormClient, buss_case: str, worker: User, app: Flask, text: str
) -> None:
    from tests.test_journey import docx_text

    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id))
    logged_in.post(f"{buss_case}/steps/assessment", assessment())
    data = plan(local_today() + timedelta(days=30))
    data["goals-0-goal"] = text
    long_tail = " långt" * 40
    data["goals-0-sub_goals-0-sub_goal"] = text + "\x0b\x00" + long_tail  # XML-forbidden chars
    assert logged_in.post(f"{buss_case}/steps/plan", data).status_code == 302
    page = logged_in.get(f"{buss_case}/steps/plan").get_data(as_text=True)
    assert "<script>alert(1)" not in page and str(escape(text)) in page
    with app.app_context():
        answers = db.session.scalar(sa.select(Submission.answers).where(Submission.step == "plan"))
        assert answers["goals"][0]["sub_goals"][0]["sub_goal"] == text + long_tail  # cleaned
    logged_in.post(f"{buss_case}/documents/plan", form_url=buss_case)
    with app.app_context():
        from service.models import Document

        document = db.session.scalar(sa.select(Document).where(Document.doc_type == "plan"))
        assert document is not None
        assert text in docx_text(document.content)
