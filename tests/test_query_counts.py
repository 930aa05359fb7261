"""Pages make a fixed number of queries whatever the size of the case or the unit.

The case page, a step page and the case list are loaded for a small case and for a large one
(12 follow-ups, some changed twice, drafts, 10 issued documents); every SQL statement sent is
counted with an engine event. The counts must be equal, and stay under a ceiling that says
when a page starts asking per row again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service import page_cache
from service.extensions import db
from service.models import Case, Document, Person, StepDraft, Submission, User
from tests.conftest import FormClient
from tests.documents.answers import ASSESSMENT, FOLLOW_UP, PLAN
from tests.documents.conftest import START, second_meeting

#: The most statements each page may send (login check, case, its record, documents card …).
#: The case page also reads the case team, approvals and the contact journal (one query each);
#: the case's person is read apart from the case, when the page is rendered (a kept page reads
#: the case row alone).
CEILING = {"case": 17, "step": 11, "list": 8}
#: A case page whose body is kept (service/page_cache.py): the user (with the shared revision),
#: the case, and the audit row of the view.
KEPT_CEILING = 3


@contextmanager
def counted(app: Flask) -> Iterator[list[str]]:
    """Every statement sent to the database inside the block."""
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def _case(worker: User, n: int, *, follow_ups: int, documents: int) -> int:
    """A case with every step up to the plan, ``follow_ups`` follow-ups and ``documents``."""
    person = Person(
        unit_id=worker.unit_id,
        first_name="Zofia",
        last_name=f"Wójcik {n}",
        preferred_language="pl",
        created_by_id=worker.id,
    )
    db.session.add(person)
    db.session.flush()
    case = Case(
        reference=f"C-2026-{900000 + n}",
        person_id=person.id,
        unit_id=worker.unit_id,
        method="ipwzb",
        assignment="Program",
        contact_person_id=worker.id,
        created_by_id=worker.id,
        status="plan_active",
    )
    db.session.add(case)
    db.session.flush()

    def final(step: str, answers: dict[str, Any], instance: int = 1, version: int = 1) -> None:
        db.session.add(
            Submission(
                case_id=case.id,
                step=step,
                instance=instance,
                version=version,
                answers=answers,
                created_by_id=worker.id,
            )
        )

    final("start_meeting", START)
    final("second_meeting", second_meeting(worker.id))
    final("assessment", ASSESSMENT)
    final("plan", PLAN)
    for i in range(1, follow_ups + 1):
        final("follow_up", FOLLOW_UP, instance=i)
        if i % 3 == 0:  # changed afterwards: a second version
            final("follow_up", FOLLOW_UP, instance=i, version=2)
    if follow_ups > 1:  # a changed draft of a final step and a new follow-up not yet final
        for step, instance in (("plan", 1), ("follow_up", follow_ups + 1)):
            db.session.add(
                StepDraft(
                    case_id=case.id,
                    step=step,
                    instance=instance,
                    formdata={"since_last_time": ["Utkast"]},
                    updated_by_id=worker.id,
                )
            )
    for d in range(documents):
        content = f"document {n}.{d}".encode()
        db.session.add(
            Document(
                case_id=case.id,
                doc_type=("agreement", "consent", "plan", "follow_up")[d % 4],
                number=f"DOC-2026-{n:03d}{d:03d}",
                version=1 + d // 4,
                language="pl",
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                context={},
                template="agreement_pl",
                issued_by_id=worker.id,
            )
        )
    db.session.commit()
    return case.id


@pytest.fixture
def cases(app: Flask, logged_in: FormClient, worker: User) -> dict[str, int]:
    """A small and a large case of the logged-in worker's unit."""
    with app.app_context():
        return {
            "small": _case(worker, 1, follow_ups=1, documents=1),
            "large": _case(worker, 2, follow_ups=12, documents=10),
        }


def _statements(app: Flask, client: FormClient, url: str, *, kept: bool = False) -> list[str]:
    client.get(url)  # warm: the first request of a process compiles templates, loads methods
    if not kept:  # the page read and rendered, not its part kept by the first request
        with app.app_context():
            page_cache.store().clear()
    with counted(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return statements


@pytest.mark.parametrize(
    "page,path",
    [
        ("case", "/cases/{id}"),
        ("step", "/cases/{id}/steps/follow_up/1"),
        ("step", "/cases/{id}/steps/plan"),
        ("step", "/cases/{id}/steps/second_meeting"),
    ],
)
def test_a_page_asks_as_often_for_a_large_case_as_for_a_small_one(
    app: Flask, logged_in: FormClient, cases: dict[str, int], page: str, path: str
) -> None:
    small = _statements(app, logged_in, path.format(id=cases["small"]))
    large = _statements(app, logged_in, path.format(id=cases["large"]))
    assert len(large) == len(small), "\n".join(large)
    assert len(large) <= CEILING[page], "\n".join(large)


@pytest.mark.parametrize("path", ["/cases/{id}", "/cases/{id}/steps/plan"])
def test_a_kept_page_reads_only_the_case_and_its_revisions(
    app: Flask, logged_in: FormClient, cases: dict[str, int], path: str
) -> None:
    statements = _statements(app, logged_in, path.format(id=cases["large"]), kept=True)
    assert len(statements) <= KEPT_CEILING, "\n".join(statements)
    assert any(s.lstrip().upper().startswith("INSERT INTO AUDIT_EVENTS") for s in statements)
    # the person's encrypted details are neither read nor decrypted for a kept page, nor is
    # the signed-in user's two-factor secret
    assert not any("persons" in s for s in statements), "\n".join(statements)
    # (its first bytes, the header that ties it to its row, are read: no key opens them)
    secret = re.compile(r"(?<!substr\()users\.totp_secret\b")
    assert not any(secret.search(s) for s in statements), "\n".join(statements)


def test_the_case_list_asks_as_often_for_many_cases_as_for_few(
    app: Flask, logged_in: FormClient, worker: User
) -> None:
    with app.app_context():
        _case(worker, 1, follow_ups=1, documents=0)
    few = _statements(app, logged_in, "/")
    with app.app_context():
        for n in range(2, 40):
            _case(worker, n, follow_ups=n % 3, documents=0)
    many = _statements(app, logged_in, "/")
    assert len(many) == len(few), "\n".join(many)
    assert len(many) <= CEILING["list"], "\n".join(many)


def test_a_page_view_is_logged_before_the_page_is_sent(
    app: Flask, logged_in: FormClient, cases: dict[str, int]
) -> None:
    """The view's audit row is committed by the time the client has the page."""
    from service.models import AuditEvent

    assert logged_in.get(f"/cases/{cases['large']}").status_code == 200
    assert logged_in.get(f"/cases/{cases['large']}/steps/plan").status_code == 200
    with app.app_context():
        actions = db.session.scalars(
            sa.select(AuditEvent.action).where(AuditEvent.case_id == cases["large"])
        ).all()
    assert actions.count("case.view") == 1 and actions.count("step.view") == 1
