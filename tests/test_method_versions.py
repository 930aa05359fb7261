"""Answers stay with the method version they were given to, when the file changes or goes."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.method_registry import EXTENSION, METHODS_DIR, load_methods
from service.clock import local_today
from service.extensions import db
from service.models import Document, MethodSnapshot, Submission, User
from tests.conftest import FormClient
from tests.test_journey import START, docx_text, open_case, register, second
from tests.test_lifecycle import assessment, plan

OLD_QUESTION = "Our expectations of the person"
NEW_QUESTION = "What the team hopes for"
OLD_RHYTHM = "Once a week"
NEW_RHYTHM = "Every seven days"
OLD_BUSS_QUESTION = "What the person most wants to change first"
NEW_BUSS_QUESTION = "The first change the person wants"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


def _changed_methods(tmp_path: Path) -> Path:
    """A copy of the method files with a question and a choice relabelled."""
    directory = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, directory)
    _edit(directory / "_shared.yaml", f"label: {OLD_QUESTION}", f"label: {NEW_QUESTION}")
    _edit(directory / "_shared.yaml", f"label: {OLD_RHYTHM}", f"label: {NEW_RHYTHM}")
    _edit(directory / "buss.yaml", f"label: {OLD_BUSS_QUESTION}", f"label: {NEW_BUSS_QUESTION}")
    return directory


def _run_with(app: Flask, monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
    """The service as restarted with the method files of ``directory``."""
    monkeypatch.setitem(app.extensions, EXTENSION, load_methods(directory))


def _page(client: FormClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _newest_document_text(client: FormClient, app: Flask, doc_type: str) -> str:
    with app.app_context():
        document_id = db.session.scalar(
            sa.select(Document.id)
            .where(Document.doc_type == doc_type)
            .order_by(Document.id.desc())
            .limit(1)
        )
    response = client.get(f"/documents/{document_id}/download")
    assert response.status_code == 200
    return docx_text(response.data)


@pytest.fixture
def english_buss_case(logged_in: FormClient, worker: User) -> str:
    """A BUSS case of an English-speaking person with both meetings finalised."""
    person = register(
        logged_in,
        first_name="Leo",
        last_name="Haddad",
        identity_country="se",
        identity_number="850709-9805",
        preferred_language="en",
    )
    case_url = open_case(logged_in, person, method="buss")
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    response = logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id))
    assert response.status_code == 302, response.get_data(as_text=True)
    return case_url


def test_a_changed_method_file_leaves_old_answers_with_their_questions(
    logged_in: FormClient,
    english_buss_case: str,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    case_url = english_buss_case
    with app.app_context():
        given_to = set(db.session.scalars(sa.select(Submission.form_version)))
    _run_with(app, monkeypatch, _changed_methods(tmp_path))

    start = _page(logged_in, f"{case_url}/steps/start_meeting")
    assert OLD_QUESTION in start and NEW_QUESTION not in start
    second_page = _page(logged_in, f"{case_url}/steps/second_meeting")
    assert OLD_RHYTHM in second_page and NEW_RHYTHM not in second_page
    # a step not yet answered is filled in with the case's version, not today's file
    assessment_page = _page(logged_in, f"{case_url}/steps/assessment")
    assert OLD_BUSS_QUESTION in assessment_page and NEW_BUSS_QUESTION not in assessment_page

    assert logged_in.post(f"{case_url}/agreement", form_url=case_url).status_code == 302
    text = _newest_document_text(logged_in, app, "agreement")
    assert OLD_RHYTHM in text and NEW_RHYTHM not in text

    # changing a finalised step keeps its version; a new step of the case uses it too
    changed = {**START, "own_words": "I want a room of my own.", "change_reason": "Typo"}
    assert logged_in.post(f"{case_url}/steps/start_meeting", changed).status_code == 302
    response = logged_in.post(f"{case_url}/steps/assessment", assessment())
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert set(db.session.scalars(sa.select(Submission.form_version))) == given_to

    # a case opened after the change works by today's file
    person = register(logged_in, first_name="Åsa", last_name="Öberg", identity_number="")
    new_case = open_case(logged_in, person, method="buss")
    page = _page(logged_in, f"{new_case}/steps/start_meeting")
    assert NEW_QUESTION in page and OLD_QUESTION not in page


def test_a_case_whose_method_file_is_gone_still_shows_its_labels(
    logged_in: FormClient,
    english_buss_case: str,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    case_url = english_buss_case
    response = logged_in.post(f"{case_url}/steps/assessment", assessment())
    assert response.status_code == 302, response.get_data(as_text=True)
    response = logged_in.post(f"{case_url}/steps/plan", plan(local_today() + timedelta(days=30)))
    assert response.status_code == 302, response.get_data(as_text=True)
    person = register(logged_in, first_name="Åsa", last_name="Öberg", identity_number="")
    untouched = open_case(logged_in, person, method="buss")  # opened, nothing answered yet

    directory = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, directory)
    (directory / "buss.yaml").unlink()
    _run_with(app, monkeypatch, directory)

    for url in (case_url, untouched, "/"):
        page = _page(logged_in, url)
        assert "BUSS – housing, education, occupation, social community" in page, url
        assert "<dd>buss</dd>" not in page and "<td>buss</td>" not in page, url
    start = _page(logged_in, f"{case_url}/steps/start_meeting")
    assert OLD_QUESTION in start and "I want" not in start
    assert "Date of the meeting" in _page(logged_in, f"{untouched}/steps/start_meeting")
    assert OLD_BUSS_QUESTION in _page(logged_in, f"{case_url}/steps/assessment")

    response = logged_in.post(f"{case_url}/documents/plan", form_url=case_url)
    assert response.status_code == 302
    text = _newest_document_text(logged_in, app, "plan")
    assert "Housing" in text and "Behålla lägenheten" in text
    assert "\nhousing\n" not in text and "housing:" not in text

    closing = {
        "action": "finalise",
        "closed_on": local_today().isoformat(),  # after every meeting of the case
        "reason": "goals_reached",
        "final_evaluation": "Klarar sig själv",
        "outcomes": ["kept_housing"],
    }
    response = logged_in.post(f"{case_url}/steps/closing", closing)
    assert response.status_code == 302, response.get_data(as_text=True)
    table = _page(logged_in, f"/reports/outcomes?year={local_today().year}")
    assert "<h2>BUSS – housing, education, occupation, social community</h2>" in table
    assert '<td>Kept their housing</td><td class="num">1</td>' in table


def test_every_opened_case_keeps_its_method_text(
    logged_in: FormClient, app: Flask, worker: User
) -> None:
    open_case(logged_in, register(logged_in), method="ipwzb")
    with app.app_context():
        kept: Any = db.session.scalar(sa.select(MethodSnapshot))
        assert kept is not None and kept.method == "ipwzb"
        assert kept.version == load_methods()["ipwzb"].version


def test_two_saves_keeping_the_same_method_text_at_once_both_succeed(app: Flask) -> None:
    """Opening or finalising keeps the method's text; two at once must not fail on its key."""
    import threading

    from service.cases.operations import _remember_method

    errors: list[BaseException] = []
    rounds = 12
    for n in range(rounds):
        barrier = threading.Barrier(2)

        def keep(version: str = f"race{n:04d}", barrier: threading.Barrier = barrier) -> None:
            with app.app_context():
                try:
                    barrier.wait(timeout=10)
                    _remember_method("buss", version, "the text")
                    db.session.commit()
                except Exception as error:  # noqa: BLE001  (collected, asserted below)
                    errors.append(error)
                finally:
                    db.session.remove()

        threads = [threading.Thread(target=keep) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    with app.app_context():
        kept = db.session.scalar(sa.select(sa.func.count()).select_from(MethodSnapshot))
        assert kept == rounds
