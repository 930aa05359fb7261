"""Through the real forms: sub-goal progress carried from follow-up to follow-up and counted at
the closing, required content of plans and documents, the start date and order of the case."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from docx import Document as WordDocument
from flask import Flask

from forms.method_registry import METHODS_DIR, load_methods
from forms.method_schema import MethodError
from service.clock import local_today
from service.extensions import db
from service.models import Case, Document, Submission, User
from tests.conftest import FormClient
from tests.test_journey import START, second
from tests.test_lifecycle import assessment, buss_case  # noqa: F401  (fixture)

SELECTED = re.compile(r'<select[^>]*name="(progress-\d+-status)"[^>]*>(.*?)</select>', re.DOTALL)
OPTION = re.compile(r'<option([^>]*)value="([^"]*)"')


def plan_of(goals: int, subs: int, due: date | None = None) -> dict[str, Any]:
    """A plan with ``goals`` main goals of ``subs`` sub-goals each."""
    data: dict[str, Any] = {
        "action": "finalise",
        "participation": "Johan valde själv målen",
        "adopted_on": "2026-11-20",
        "follow_up_every": "weekly",
    }
    areas = ("housing", "education", "occupation", "social")
    for g in range(goals):
        data[f"goals-{g}-area"] = areas[g % len(areas)]
        data[f"goals-{g}-goal"] = f"Huvudmål {g + 1}"
        for s in range(subs):
            data[f"goals-{g}-sub_goals-{s}-sub_goal"] = f"Delmål {g + 1}.{s + 1}"
            if due:
                data[f"goals-{g}-sub_goals-{s}-due_date"] = due.isoformat()
    return data


def progress_shown(page: str) -> list[str]:
    """The pre-selected status of every sub-goal row of a follow-up page."""
    shown = []
    for _, options in SELECTED.findall(page):
        chosen = [value for attrs, value in OPTION.findall(options) if "selected" in attrs]
        shown.append(chosen[0] if chosen else "")
    return shown


def follow_up(day: str, statuses: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"action": "finalise", "meeting_date": day, "since_last_time": "Bra"}
    data.update({f"progress-{i}-status": status for i, status in enumerate(statuses)})
    return data


def planned_case(client: FormClient, case_url: str, worker: User, goals: int, subs: int) -> None:
    assert client.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert client.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    assert client.post(f"{case_url}/steps/assessment", assessment()).status_code == 302
    response = client.post(f"{case_url}/steps/plan", plan_of(goals, subs))
    assert response.status_code == 302, response.get_data(as_text=True)


def docx_text(content: bytes) -> str:
    word = WordDocument(io.BytesIO(content))
    lines = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def issued(app: Flask, doc_type: str) -> bytes:
    """The bytes of the newest issued ``doc_type`` document."""
    with app.app_context():
        content = db.session.scalar(
            sa.select(Document.content)
            .where(Document.doc_type == doc_type)
            .order_by(Document.id.desc())
            .limit(1)
        )
        assert content is not None, f"no {doc_type} issued"
        return content


CLOSING = {
    "action": "finalise",
    "closed_on": "2026-12-20",
    "reason": "goals_reached",
    "final_evaluation": "Johan klarar sig själv",
}


# --- item 6: sub-goal progress is carried to the next follow-up and counted at the closing


def test_a_follow_up_starts_from_the_latest_status_and_the_closing_counts_it(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
    app: Flask,
) -> None:
    planned_case(logged_in, buss_case, worker, goals=4, subs=3)
    first = logged_in.get(f"{buss_case}/steps/follow_up/1").get_data(as_text=True)
    assert progress_shown(first) == ["not_started"] * 12
    marked = ["reached"] * 11 + ["lowered"]
    response = logged_in.post(f"{buss_case}/steps/follow_up/1", follow_up("2026-11-27", marked))
    assert response.status_code == 302, response.get_data(as_text=True)

    page = logged_in.get(f"{buss_case}/steps/follow_up/2").get_data(as_text=True)
    assert progress_shown(page) == marked  # not 12 × "not started"

    # follow-up 2 as shown, with one sub-goal set back to "in progress"
    again = [*marked[:-2], "in_progress", "lowered"]
    response = logged_in.post(f"{buss_case}/steps/follow_up/2", follow_up("2026-12-04", again))
    assert response.status_code == 302, response.get_data(as_text=True)
    third = logged_in.get(f"{buss_case}/steps/follow_up/3").get_data(as_text=True)
    assert progress_shown(third) == again
    overview = logged_in.get(buss_case).get_data(as_text=True)
    assert re.search(r"Sub-goals reached:</strong>\s*10 of 12", overview)

    assert logged_in.post(f"{buss_case}/steps/closing", CLOSING).status_code == 302
    response = logged_in.post(f"{buss_case}/documents/closing", {}, form_url=buss_case)
    assert response.status_code == 302
    text = docx_text(issued(app, "closing"))
    reached = re.findall(r"(\d+) / (\d+)", text)
    assert reached == [("3", "3"), ("3", "3"), ("3", "3"), ("1", "3")], text


def test_a_follow_up_being_changed_keeps_its_own_statuses(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
) -> None:
    planned_case(logged_in, buss_case, worker, goals=1, subs=2)
    logged_in.post(
        f"{buss_case}/steps/follow_up/1", follow_up("2026-11-27", ["reached", "lowered"])
    )
    logged_in.post(
        f"{buss_case}/steps/follow_up/2", follow_up("2026-12-04", ["reached", "reached"])
    )
    page = logged_in.get(f"{buss_case}/steps/follow_up/1").get_data(as_text=True)
    assert progress_shown(page) == ["reached", "lowered"]  # its own final answers


# --- item 16: the closing summary starts at the start meeting; no closing before it


def test_the_closing_summary_starts_at_the_start_meeting(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
    app: Flask,
) -> None:
    planned_case(logged_in, buss_case, worker, goals=1, subs=1)
    with app.app_context():  # registered long before the first meeting
        case = db.session.scalar(sa.select(Case))
        assert case is not None
        case.opened_at = case.opened_at.replace(year=2025, month=6, day=1)
        db.session.commit()
    assert logged_in.post(f"{buss_case}/steps/closing", CLOSING).status_code == 302
    logged_in.post(f"{buss_case}/documents/closing", {}, form_url=buss_case)
    text = docx_text(issued(app, "closing"))
    assert "2 november 2026" in text  # START's meeting date, in Swedish
    assert "2025" not in text


def test_a_closing_date_before_the_start_meeting_is_refused(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
    app: Flask,
) -> None:
    assert logged_in.post(f"{buss_case}/steps/start_meeting", START).status_code == 302
    response = logged_in.post(f"{buss_case}/steps/closing", {**CLOSING, "closed_on": "2026-10-30"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    error = re.search(r'<p class="error" id="closed_on-error">([^<]*)</p>', page)
    assert error, page
    assert "Start meeting" in error.group(1) and "Date of the meeting" in error.group(1)
    with app.app_context():
        assert (
            db.session.scalar(sa.select(sa.func.count()).where(Submission.step == "closing")) == 0
        )
    # the same day is fine
    response = logged_in.post(f"{buss_case}/steps/closing", {**CLOSING, "closed_on": "2026-11-02"})
    assert response.status_code == 302


def test_the_closing_date_error_is_translated(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
) -> None:
    logged_in.post(f"{buss_case}/steps/start_meeting", START)
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    response = logged_in.post(f"{buss_case}/steps/closing", {**CLOSING, "closed_on": "2026-10-30"})
    error = re.search(
        r'<p class="error" id="closed_on-error">([^<]*)</p>', response.get_data(as_text=True)
    )
    assert error, response.get_data(as_text=True)
    message = error.group(1)
    assert "Pierwsze spotkanie" in message and "2 listopada 2026" in message
    assert "This date" not in message


# --- item 13: entries of one day in the order they were entered


def test_same_day_timeline_entries_follow_the_order_they_were_entered(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
) -> None:
    day = local_today().isoformat()  # the day the agreement is issued, too
    start = {**START, "meeting_date": day, "next_meeting": ""}
    assert logged_in.post(f"{buss_case}/steps/start_meeting", start).status_code == 302
    response = logged_in.post(
        f"{buss_case}/steps/second_meeting",
        second(
            worker.id,
            meeting_date=day,
            period_from=day,
            period_to=(local_today() + timedelta(days=180)).isoformat(),
        ),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    logged_in.post(f"{buss_case}/documents/agreement", {}, form_url=buss_case)
    assessed = {**assessment(), "meeting_date": day}
    assert logged_in.post(f"{buss_case}/steps/assessment", assessed).status_code == 302
    # a later change of the start meeting does not move it behind the others
    changed = {**start, "participants": "Johan, Anna", "change_reason": "Anna var med"}
    assert logged_in.post(f"{buss_case}/steps/start_meeting", changed).status_code == 302

    page = logged_in.get(buss_case).get_data(as_text=True)
    timeline = page[page.index('<ol class="timeline">') :]
    timeline = timeline[: timeline.index("</ol>")]
    order = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", timeline, re.DOTALL)
    ]
    assert len(order) == 4, order
    assert "Start meeting" in order[0] and "v2" in order[0]
    assert "Second meeting" in order[1]
    assert "AGR-" in order[2]
    assert "Assessment" in order[3]


# --- item 10: empty content is not finalised, and a document does not print "—" for it


def field_error(page: str, field_id: str) -> str:
    """The error shown beside the field ``field_id`` ("" if none)."""
    found = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">([^<]*)</p>', page)
    return found.group(1) if found else ""


def test_a_plan_with_a_blank_main_goal_and_sub_goal_is_refused(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
    app: Flask,
) -> None:
    assert logged_in.post(f"{buss_case}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{buss_case}/steps/second_meeting", second(worker.id)).status_code == 302
    assert logged_in.post(f"{buss_case}/steps/assessment", assessment()).status_code == 302
    blank = plan_of(1, 1)
    blank["goals-0-goal"] = ""
    blank["goals-0-sub_goals-0-sub_goal"] = ""
    response = logged_in.post(f"{buss_case}/steps/plan", blank)
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "goals-0-goal") == "This field is required."

    # every main goal row removed: the group itself says what is missing
    no_goals = {k: v for k, v in plan_of(1, 1).items() if not k.startswith("goals-")}
    page = logged_in.post(f"{buss_case}/steps/plan", no_goals).get_data(as_text=True)
    assert '<p class="error">Fill in at least one “Main goal”.</p>' in page

    # a sub-goal with what the person does but no sub-goal text
    partial = plan_of(1, 2)
    partial["goals-0-sub_goals-1-sub_goal"] = ""
    partial["goals-0-sub_goals-1-person_actions"] = "Ringer"
    page = logged_in.post(f"{buss_case}/steps/plan", partial).get_data(as_text=True)
    assert field_error(page, "goals-0-sub_goals-1-sub_goal") == "This field is required."
    assert field_error(page, "goals-0-sub_goals-0-sub_goal") == ""
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Submission.step == "plan")) == 0

    # an extra sub-goal row left entirely empty is no answer: it is dropped, not refused
    extra = plan_of(1, 1)
    extra["goals-0-sub_goals-1-sub_goal"] = ""
    response = logged_in.post(f"{buss_case}/steps/plan", extra)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        plan = db.session.scalar(sa.select(Submission).where(Submission.step == "plan"))
        assert plan is not None
        assert [s["sub_goal"] for s in plan.answers["goals"][0]["sub_goals"]] == ["Delmål 1.1"]


def test_the_present_situation_of_the_agreement_is_required(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
) -> None:
    assert logged_in.post(f"{buss_case}/steps/start_meeting", START).status_code == 302
    data = second(worker.id, situation_causes="", situation_limitations=" ")
    page = logged_in.post(f"{buss_case}/steps/second_meeting", data).get_data(as_text=True)
    assert field_error(page, "situation_causes") == "This field is required."
    assert field_error(page, "situation_limitations") == "This field is required."
    assert field_error(page, "situation_possibilities") == ""


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("start_meeting.participants", "which is not a date question of the step 'start_meeting'"),
        ("start_meeting.nothing", "which is not a date question of the step 'start_meeting'"),
        ("nowhere.meeting_date", "must be 'step.question' with a known step"),
        ("closing.closed_on", "not_before names its own step"),
    ],
)
def test_a_wrong_reference_to_another_steps_date_is_named(
    tmp_path: Path, reference: str, message: str
) -> None:
    directory = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, directory)
    shared = directory / "_shared.yaml"
    text = shared.read_text("utf-8")
    assert "not_before: start_meeting.meeting_date" in text
    shared.write_text(text.replace("start_meeting.meeting_date", reference), "utf-8")
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert message in str(caught.value) and "closed_on" in str(caught.value)


def test_the_case_page_numbers_follow_ups_alike_and_counts_only_the_held_ones(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
) -> None:
    """The timeline says "Follow-up 1", "Follow-up 2" (not "Follow-up" and "#2"), and a
    follow-up that is only a draft is not counted as held."""
    planned_case(logged_in, buss_case, worker, goals=1, subs=1)
    for n, day in ((1, "2026-11-27"), (2, "2026-12-04")):
        response = logged_in.post(f"{buss_case}/steps/follow_up/{n}", follow_up(day, ["reached"]))
        assert response.status_code == 302, response.get_data(as_text=True)
    draft = {"action": "draft", "since_last_time": "Inte klart än"}
    assert logged_in.post(f"{buss_case}/steps/follow_up/3", draft).status_code == 302

    page = logged_in.get(buss_case).get_data(as_text=True)
    timeline = page[page.index('<ol class="timeline">') :]
    timeline = timeline[: timeline.index("</ol>")]
    items = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", timeline, re.DOTALL)
    ]
    follow_ups = [item for item in items if "Follow-up" in item]
    assert [item.split(" – ", 1)[1] for item in follow_ups] == ["Follow-up 1 v1", "Follow-up 2 v1"]
    assert not any("#" in item for item in items), items
    assert "Start meeting v1" in items[0]  # a step done once has no number
    assert "2 held" in page and "3 held" not in page
