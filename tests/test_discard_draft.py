"""Discarding a draft: asked for, audited, only by staff who may edit, never someone's newer save."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.clock import local_today
from service.extensions import db
from service.models import AuditEvent, Role, StepDraft, Submission, Unit, User
from tests.conftest import FormClient, hidden_inputs
from tests.test_journey import START, second
from tests.test_lifecycle import assessment, buss_case, follow_up, plan  # noqa: F401  (fixture)


def discard_link(page: str) -> str:
    """The "Discard draft" link of a step page."""
    match = re.search(r'href="([^"]+/discard)"[^>]*>Discard draft<', page)
    assert match, "no Discard draft link on the page"
    return match.group(1)


def drafts(app: Flask) -> list[tuple[str, int]]:
    with app.app_context():
        rows = db.session.execute(sa.select(StepDraft.step, StepDraft.instance))
        return sorted((step, instance) for step, instance in rows)


@pytest.fixture
def followed_up(logged_in: FormClient, buss_case: str, worker: User) -> str:  # noqa: F811
    """A BUSS case with its plan and a first follow-up final."""
    for step, data in (
        ("start_meeting", START),
        ("second_meeting", second(worker.id)),
        ("assessment", assessment()),
        ("plan", plan(local_today() + timedelta(days=30))),
        ("follow_up/1", follow_up("2026-11-27", "in_progress", {"housing": 5})),
    ):
        response = logged_in.post(f"{buss_case}/steps/{step}", data)
        assert response.status_code == 302, (step, response.get_data(as_text=True))
    return buss_case


def test_a_refused_new_follow_up_can_be_discarded_and_disappears(
    logged_in: FormClient, followed_up: str, app: Flask
) -> None:
    url = f"{followed_up}/steps/follow_up/2"
    refused = logged_in.post(url, {**follow_up("", "in_progress", {}), "since_last_time": "X"})
    assert refused.status_code == 200 and "This field is required." in refused.get_data(
        as_text=True
    )
    assert "Follow-up 2 (draft)" in logged_in.get(followed_up).get_data(as_text=True)

    link = discard_link(logged_in.get(url).get_data(as_text=True))
    confirm = logged_in.get(link).get_data(as_text=True)
    assert "Discard the draft of “Follow-up 2”?" in confirm
    assert "has no finalised version, so it disappears from the case" in confirm
    assert drafts(app) == [("follow_up", 2)]  # asking deletes nothing

    response = logged_in.post(link)
    assert response.status_code == 302 and response.headers["Location"] == followed_up
    case_page = logged_in.get(followed_up).get_data(as_text=True)
    assert "The draft of “Follow-up 2” is discarded." in case_page
    case_page = logged_in.get(followed_up).get_data(as_text=True)  # the message shown once
    assert "Follow-up 2" not in case_page and "Follow-up 1" in case_page
    assert drafts(app) == []
    with app.app_context():
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "step.draft_discard")
        )
        assert event is not None and event.case_id is not None and event.user_id is not None
        assert event.details == {"step": "follow_up", "instance": 2, "revision": 1}  # ids only
        finals = db.session.scalars(
            sa.select(Submission.instance).where(Submission.step == "follow_up")
        )
        assert list(finals) == [1]


def test_discarding_a_change_keeps_the_final_version(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    app: Flask,
) -> None:
    url = f"{buss_case}/steps/start_meeting"
    assert logged_in.post(url, START).status_code == 302
    changed = {**START, "action": "draft", "own_words": "Ändrat men inte klart"}
    assert logged_in.post(url, changed).status_code == 302
    link = discard_link(logged_in.get(url).get_data(as_text=True))
    assert "The finalised version 1 stays as it is." in logged_in.get(link).get_data(as_text=True)
    assert logged_in.post(link).status_code == 302
    page = logged_in.get(url).get_data(as_text=True)
    assert "Ändrat men inte klart" not in page and START["own_words"].split(".")[0] in page
    assert "Discard draft" not in page  # no draft any more
    assert drafts(app) == []
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Submission.id))) == 1


def test_a_save_after_the_confirmation_page_is_not_discarded(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    app: Flask,
) -> None:
    url = f"{buss_case}/steps/start_meeting"
    assert logged_in.post(url, {**START, "action": "draft"}).status_code == 302
    link = discard_link(logged_in.get(url).get_data(as_text=True))
    seen = hidden_inputs(logged_in.get(link).get_data(as_text=True))
    # meanwhile the draft is saved again (in another tab, or by a colleague)
    newer = {**START, "action": "draft", "own_words": "Nyare utkast"}
    assert logged_in.post(url, newer).status_code == 302
    response = logged_in.client.post(link, data=seen)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "saved this draft again" in page and "Nyare utkast" in page
    with app.app_context():
        draft = db.session.scalar(sa.select(StepDraft))
        assert draft is not None and draft.formdata["own_words"] == ["Nyare utkast"]
    # confirming again, having seen it, discards it
    assert logged_in.post(link).status_code == 302
    assert drafts(app) == []


def test_only_staff_who_may_edit_can_discard(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    worker: User,
    make_user: Any,
    app: Flask,
) -> None:
    url = f"{buss_case}/steps/start_meeting"
    assert logged_in.post(url, {**START, "action": "draft"}).status_code == 302
    link = discard_link(logged_in.get(url).get_data(as_text=True))
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        db.session.expunge(unit)
    caseworker = make_user(email="cw@example.org", unit=unit, role=Role.CASEWORKER)
    other = FormClient(app.test_client())
    other.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    other.login(caseworker.email)
    assert "Discard draft" not in other.get(url).get_data(as_text=True)
    assert other.get(link).status_code == 403
    assert other.post(link, form_url=url).status_code == 403
    assert drafts(app) == [("start_meeting", 1)]


def test_without_a_draft_there_is_nothing_to_discard(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
) -> None:
    response = logged_in.get(f"{buss_case}/steps/start_meeting/1/discard")
    assert response.status_code == 302
    page = logged_in.get(buss_case).get_data(as_text=True)
    assert "“Start meeting” has no draft to discard." in page
    assert logged_in.get(f"{buss_case}/steps/start_meeting/2/discard").status_code == 404


@pytest.mark.parametrize(
    ("language", "title", "button"),
    [("sv", "Kasta utkastet till", "Kasta utkastet"), ("pl", "Odrzucić wersję roboczą", "Odrzuć")],
)
def test_the_confirmation_is_translated(
    logged_in: FormClient,
    buss_case: str,  # noqa: F811
    language: str,
    title: str,
    button: str,
) -> None:
    url = f"{buss_case}/steps/start_meeting"
    assert logged_in.post(url, {**START, "action": "draft"}).status_code == 302
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    page = logged_in.get(f"{url}/1/discard").get_data(as_text=True)
    assert title in page and button in page
