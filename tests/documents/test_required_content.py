"""A document whose content is missing names the step and question to complete instead of
printing "—": answers finalised before the content was required (stored directly here)."""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import Document, Submission
from tests.conftest import FormClient
from tests.documents.helpers import docx_text


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


def test_a_kontrakt_socjalny_without_part_one_names_what_to_complete(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    """Answers finalised before part I was required: the case page says what is missing and
    issuing is refused with the same words, in Polish; nothing with "—" is issued. Part I is
    the assessment's (the second meeting no longer asks for it)."""
    world = make_case(steps=("start_meeting", "second_meeting", "assessment"), language="pl")
    with app.app_context():
        final = db.session.scalar(sa.select(Submission).where(Submission.step == "assessment"))
        assert final is not None
        final.answers = {**final.answers, "difficulty_causes": "", "limitations": ""}
        db.session.commit()
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    # the pracownik socjalny concludes the kontrakt (ipwzb.yaml roles)
    assert world.social_worker is not None
    assert client.login(world.social_worker.email).status_code == 302
    case_url = f"/cases/{world.case_id}"
    page = client.get(case_url).get_data(as_text=True)
    blocker = re.search(r'id="agreement-blocker"> – ([^<]*)</span>', page)
    assert blocker, page
    assert "„Przyczyny trudnej sytuacji życiowej”" in blocker.group(1), blocker.group(1)
    assert "„Diagnoza”" in blocker.group(1)
    assert "Complete" not in blocker.group(1)
    response = client.post(f"{case_url}/documents/agreement", {}, form_url=case_url)
    assert response.status_code == 302
    flashed = client.get(case_url).get_data(as_text=True)
    assert blocker.group(1) in flashed.replace("&#34;", '"')
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Document.id))) == 0
        # once the step is completed, the kontrakt is issued
        final = db.session.scalar(sa.select(Submission).where(Submission.step == "assessment"))
        assert final is not None
        final.answers = {
            **final.answers,
            "difficulty_causes": "Utrata pracy",
            "limitations": "Długi",
        }
        db.session.commit()
    client.post(f"{case_url}/documents/agreement", {}, form_url=case_url)
    text = docx_text(issued(app, "agreement"))
    assert "Utrata pracy" in text and "Długi" in text


def test_a_plan_finalised_with_a_blank_goal_is_not_issued(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    world = make_case(steps=("start_meeting", "second_meeting", "assessment", "plan"))
    with app.app_context():
        final = db.session.scalar(sa.select(Submission).where(Submission.step == "plan"))
        assert final is not None
        goals = [{"area": "housing", "goal": "", "sub_goals": []}]
        final.answers = {**final.answers, "goals": goals}
        db.session.commit()
    assert client.login(world.worker.email).status_code == 302
    case_url = f"/cases/{world.case_id}"
    page = client.get(case_url).get_data(as_text=True)
    assert 'id="plan-blocker"> – Complete “Main goal” in the step “Individual plan”' in page
    client.post(f"{case_url}/documents/plan", {}, form_url=case_url)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Document.id))) == 0
