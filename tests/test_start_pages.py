"""The caseworker's page (referred cases, records new since the last visit) and the head of
unit's page (caseload and overdue counts per worker), each with a fixed number of queries."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import Case, Document, Role, User
from tests.conftest import FormClient
from tests.test_my_week import add_case, counted


def _refer(app: Flask, case_id: int, caseworker: User) -> None:
    with app.app_context():
        db.session.get(Case, case_id).referring_caseworker_id = caseworker.id
        db.session.commit()


def _record(app: Flask, case_id: int, number: str, issued: datetime, author: User) -> None:
    with app.app_context():
        content = b"docx"
        db.session.add(
            Document(
                case_id=case_id,
                doc_type="follow_up",
                number=number,
                version=1,
                language="sv",
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                context={},
                template="x",
                issued_by_id=author.id,
                issued_at=issued,
            )
        )
        db.session.commit()


def test_the_caseworker_sees_what_is_new_since_the_last_visit(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    worker = make_user(unit=unit)
    caseworker = make_user(email="erik@example.org", unit=unit, role=Role.CASEWORKER)
    case_id = add_case(app, worker, 1, contact_days_ago=1)
    add_case(app, worker, 2, contact_days_ago=1)  # not referred by Erik
    _refer(app, case_id, caseworker)
    _record(app, case_id, "FUP-OLD", datetime.now(UTC) - timedelta(days=3), worker)
    client.login(caseworker.email)
    page = client.get("/referrals").get_data(as_text=True)
    assert "C-2026-000001" in page and "C-2026-000002" not in page
    assert "FUP-OLD" in page and "2 records so far." in page  # FUP-1 of add_case and FUP-OLD
    page = client.get("/referrals").get_data(as_text=True)
    assert "0 new records since your last visit" in page and "FUP-OLD" not in page
    _record(app, case_id, "FUP-NEW", datetime.now(UTC) + timedelta(seconds=1), worker)
    page = client.get("/referrals").get_data(as_text=True)
    assert "1 new record since your last visit" in page and "FUP-NEW" in page


def test_the_caseworker_page_makes_a_fixed_number_of_queries(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    worker = make_user(unit=unit)
    caseworker = make_user(email="erik@example.org", unit=unit, role=Role.CASEWORKER)
    for n in range(2):
        _refer(app, add_case(app, worker, n + 1, contact_days_ago=1), caseworker)
    client.login(caseworker.email)
    client.get("/referrals")
    with counted(app) as few:
        client.get("/referrals")
    for n in range(2, 10):
        _refer(app, add_case(app, worker, n + 1, contact_days_ago=1), caseworker)
    with counted(app) as many:
        assert "C-2026-000010" in client.get("/referrals").get_data(as_text=True)
    assert len(many) == len(few), "\n".join(many)


def test_the_team_page_counts_per_worker_in_fixed_queries(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    anna = make_user(unit=unit, full_name="Anna Berg")
    kim = make_user(email="kim@example.org", unit=unit, full_name="Kim Lund")
    admin = make_user(email="chef@example.org", unit=unit, role=Role.ADMIN, full_name="Chef")
    late = [{"what": "Ringa", "who": "person", "by_when": "2020-01-01"}]
    add_case(app, anna, 1, contact_days_ago=9, actions=late)  # weekly rhythm: overdue
    add_case(app, anna, 2, contact_days_ago=1)
    add_case(app, kim, 3, contact_days_ago=1)
    client.login(anna.email)
    assert client.get("/team").status_code == 403
    client.post("/logout", {}, form_url="/")
    client.login(admin.email)
    client.get("/team")
    with counted(app) as few:
        page = client.get("/team").get_data(as_text=True)
    row = page.split(f'data-worker="{anna.id}"')[1].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[1:6]]
    assert cells == ["2", "1", "2", "2", "1"], cells  # caseload, contact, follow-up, sub-goals,
    # agreed actions late
    assert f'data-worker="{kim.id}"' in page
    for n in range(4, 12):
        add_case(app, kim, n, contact_days_ago=1)
    with counted(app) as many:
        client.get("/team")
    assert len(many) == len(few), "\n".join(many)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Case)) == 11


def test_each_role_lands_on_its_start_page_unless_headed_elsewhere(
    client: FormClient, make_user: Any, make_unit: Any
) -> None:
    unit = make_unit()
    users = {
        "/my-week": make_user(unit=unit),
        "/referrals": make_user(email="soc@example.org", unit=unit, role=Role.CASEWORKER),
        "/team": make_user(email="chef@example.org", unit=unit, role=Role.MANAGER),
    }
    admin = make_user(email="admin@example.org", unit=unit, role=Role.ADMIN)
    for landing, user in [*users.items(), ("/team", admin)]:
        response = client.switch_to(user.email)
        assert response.status_code == 302 and response.headers["Location"] == landing
        assert client.get(landing).status_code == 200
    client.post("/logout", {}, form_url="/")
    page = client.get("/login?next=/persons/new")
    from tests.conftest import PASSWORD, csrf_token

    response = client.client.post(
        "/login?next=/persons/new",
        data={
            "email": users["/my-week"].email,
            "password": PASSWORD,
            "csrf_token": csrf_token(page.get_data(as_text=True)),
        },
    )
    assert response.headers["Location"] == "/persons/new"
