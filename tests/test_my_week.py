"""My week: a worker's cases with what is next and what is late, in a fixed number of queries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.method_registry import get_method
from service.clock import local_today
from service.extensions import db
from service.models import (
    Case,
    ContactEntry,
    Document,
    DocumentFiling,
    Person,
    StepDraft,
    Submission,
    User,
)
from tests.conftest import FormClient

TODAY = local_today()


def _iso(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def add_case(
    app: Flask,
    worker: User,
    n: int,
    *,
    contact_days_ago: int | None,
    method: str = "buss",
    language: str = "sv",
    first: str = "Åsa",
    last: str = "Öberg",
    draft: bool = True,
    actions: list[dict[str, str]] | None = None,
) -> int:
    """A BUSS case of ``worker`` with a plan, a weekly rhythm and one of everything My week
    lists: an overdue sub-goal, a consent running out, an unsigned document, a draft."""
    with app.app_context():
        version = get_method(method).version  # type: ignore[union-attr]
        person = Person(
            unit_id=worker.unit_id,
            first_name=first,
            last_name=f"{last}{n}",
            preferred_language=language,
            created_by_id=worker.id,
        )
        db.session.add(person)
        db.session.flush()
        case = Case(
            reference=f"C-2026-{n:06d}",
            person_id=person.id,
            unit_id=worker.unit_id,
            method=method,
            status="plan_active",
            contact_person_id=worker.id,
            created_by_id=worker.id,
        )
        db.session.add(case)
        db.session.flush()
        for step, answers in (
            ("start_meeting", {"meeting_date": _iso(40), "next_meeting": _iso(-3)}),
            (
                "second_meeting",
                {
                    "meeting_date": _iso(35),
                    "meeting_rhythm": "weekly",
                    "consent_to_share": "yes",
                    "consent_valid_until": _iso(-10),
                    "actions": actions or [],
                },
            ),
            ("assessment", {"meeting_date": _iso(33)}),
            (
                "plan",
                {
                    "adopted_on": _iso(30),
                    "follow_up_every": "fortnightly",
                    "goals": [
                        {
                            "area": "housing",
                            "goal": "Bo kvar",
                            "sub_goals": [
                                {"sub_goal": f"Betala hyran {n}", "due_date": _iso(2)},
                            ],
                        }
                    ],
                },
            ),
        ):
            db.session.add(
                Submission(
                    case_id=case.id,
                    step=step,
                    answers=answers,
                    form_version=version,
                    created_by_id=worker.id,
                )
            )
        if contact_days_ago is not None:
            db.session.add(
                ContactEntry(
                    case_id=case.id,
                    entry_no=1,
                    kind="sms",
                    occurred_at=datetime.now(UTC) - timedelta(days=contact_days_ago),
                    participants={"person": True},
                    sub_goals=[],
                    note="Sms",
                    created_by_id=worker.id,
                )
            )
        content = b"docx"
        for number, doc_type in ((f"AGR-{n}", "agreement"), (f"FUP-{n}", "follow_up")):
            document = Document(
                case_id=case.id,
                doc_type=doc_type,
                number=number,
                version=1,
                language="sv",
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                context={},
                template="x",
                issued_by_id=worker.id,
            )
            db.session.add(document)
            db.session.flush()
            if doc_type == "follow_up":
                db.session.add(DocumentFiling(document_id=document.id, filed_by_id=worker.id))
        if draft:
            db.session.add(
                StepDraft(
                    case_id=case.id,
                    step="follow_up",
                    instance=1,
                    formdata={},
                    updated_by_id=worker.id,
                )
            )
        db.session.commit()
        return case.id


@contextmanager
def counted(app: Flask) -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    statements: list[str] = []

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", listen)


def test_my_week_shows_what_is_next_and_what_is_late(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    add_case(app, worker, 1, contact_days_ago=9)
    add_case(app, worker, 2, contact_days_ago=2)
    page = logged_in.get("/my-week").get_data(as_text=True)
    assert "You work on 2 cases." in page and "2 of them need attention." in page
    first = page.split('data-case="C-2026-000001"')[1].split("</tr>")[0]
    assert "Once a week" in first and "last contact 9 days ago" in first and "overdue" in first
    assert "Every second week" in first  # the plan's follow-up rhythm, 30 days without one
    assert "Follow-up 1" in first and "(draft)" in first  # next step: the open follow-up
    assert "Betala hyran 1" in first  # the overdue sub-goal
    second = page.split('data-case="C-2026-000002"')[1].split("</tr>")[0]
    assert "last contact 2 days ago" in second
    assert "AGR-1" in page and "not signed, not filed" in page and "FUP-1" not in page
    assert "valid until" in page and "10 days left" in page
    assert "Drafts left open" in page and page.count("saved ") >= 2


def test_my_week_lists_the_overdue_agreed_actions(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    """The agreement's actions (the kontrakt's part II) past their day and not carried out."""
    actions = [
        {"what": "Ringa hyresvärden", "who": "person", "by_when": _iso(5)},
        {"what": "Söka bostadsbidrag", "who": "worker", "by_when": _iso(4)},
        {"what": "Boka läkartid", "who": "person", "by_when": _iso(-5)},
        {"what": "Öppna ett bankkonto", "who": "both", "by_when": _iso(3)},
    ]
    case_id = add_case(app, worker, 1, contact_days_ago=1, actions=actions)
    with app.app_context():
        db.session.add(
            Submission(
                case_id=case_id,
                step="follow_up",
                instance=1,
                answers={
                    "meeting_date": _iso(1),
                    "actions_review": [
                        {"ref": "agreement.1", "what": "Söka bostadsbidrag", "status": "done"},
                        {"ref": "agreement.3", "what": "Öppna ett bankkonto", "status": "partly"},
                    ],
                },
                form_version=get_method("buss").version,  # type: ignore[union-attr]
                created_by_id=worker.id,
            )
        )
        db.session.commit()
    page = logged_in.get("/my-week").get_data(as_text=True)
    row = page.split('data-case="C-2026-000001"')[1].split("</tr>")[0]
    assert "Ringa hyresvärden" in row and "Öppna ett bankkonto" in row
    assert "Söka bostadsbidrag" not in row  # carried out
    assert "Boka läkartid" not in row  # not due yet
    assert row.count('class="overdue-mark agreed-action"') == 2


def test_my_week_lists_only_my_cases_in_my_unit(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    me = make_user(unit=unit)
    colleague = make_user(email="kollega@example.org", unit=unit, full_name="Kim Kollega")
    add_case(app, me, 1, contact_days_ago=1)
    add_case(app, colleague, 2, contact_days_ago=1)
    client.login(me.email)
    page = client.get("/my-week").get_data(as_text=True)
    assert "C-2026-000001" in page and "C-2026-000002" not in page
    assert "You work on 1 case." in page


@pytest.mark.parametrize("extra", [0])
def test_my_week_makes_a_fixed_number_of_queries(
    logged_in: FormClient, worker: User, app: Flask, extra: int
) -> None:
    """Two cases or twelve: the same number of queries."""
    late = [{"what": "Ringa", "who": "person", "by_when": _iso(5)}]
    for n in range(2):
        add_case(app, worker, n + 1, contact_days_ago=3, actions=late)
    logged_in.get("/my-week")  # warm: the login's first page loads what it caches
    with counted(app) as few:
        assert logged_in.get("/my-week").status_code == 200
    for n in range(2, 12):
        add_case(app, worker, n + 1, contact_days_ago=3 if n % 2 else None, actions=late)
    with counted(app) as many:
        page = logged_in.get("/my-week").get_data(as_text=True)
    assert "You work on 12 cases." in page
    assert page.count('class="overdue-mark agreed-action"') == 12
    assert len(many) == len(few), "\n".join(many)
    assert len(few) <= 12, "\n".join(few)


def test_a_contact_is_recorded_from_my_week(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_id = add_case(app, worker, 1, contact_days_ago=9)
    response = logged_in.post(
        "/my-week/contact",
        {
            "case_id": "",
            "kind": "sms",
            "day": TODAY.isoformat(),
            "at": "09:15",
            "took_place": "yes",
            "note": "Svarade på sms",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Choose the case." in page and "Svarade på sms" in page
    response = logged_in.post(
        "/my-week/contact",
        {
            "case_id": str(case_id),
            "kind": "sms",
            "day": TODAY.isoformat(),
            "at": "09:15",
            "took_place": "yes",
            "person_took_part": "y",
            "note": "Svarade på sms",
        },
    )
    assert response.status_code == 302
    page = logged_in.get("/my-week").get_data(as_text=True)
    assert "The contact is recorded in C-2026-000001 (entry 2)." in page
    assert "last contact today" in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ContactEntry)) == 2


def test_another_units_case_cannot_be_recorded_from_my_week(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    mine, theirs = make_unit(), make_unit()
    me = make_user(unit=mine)
    other = make_user(email="annan@example.org", unit=theirs)
    add_case(app, me, 1, contact_days_ago=1)
    foreign = add_case(app, other, 2, contact_days_ago=1)
    client.login(me.email)
    response = client.post(
        "/my-week/contact",
        {
            "case_id": str(foreign),
            "kind": "sms",
            "day": TODAY.isoformat(),
            "at": "09:15",
            "took_place": "yes",
        },
        form_url="/my-week",
    )
    assert response.status_code == 200  # not one of the choices: refused beside the field
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count())
                .select_from(ContactEntry)
                .where(ContactEntry.case_id == foreign)
            )
            == 1
        )
