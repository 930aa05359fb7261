"""The `stegvis` commands: init-db, demo, create-user, export-case."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from service.clock import local_today
from service.demo import DEMO_PASSWORD, UNITS
from service.extensions import db
from service.models import Case, Document, Person, Unit, User
from tests.conftest import FormClient
from tests.test_journey import docx_text


def test_demo_creates_every_practice_and_runs_twice(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "anna@tamira.example" in result.output and DEMO_PASSWORD in result.output
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0 and "already there" in again.output
    with app.app_context():
        units = {u.name: u for u in db.session.scalars(sa.select(Unit))}
        assert set(units) == {spec["name"] for spec in UNITS}
        assert units["MOPS Sopot – Asystent osoby bezdomnej"].default_locale == "pl"
        for unit in units.values():
            staff = db.session.scalar(
                sa.select(sa.func.count(User.id)).where(User.unit_id == unit.id)
            )
            assert staff >= 1, unit.name
        statuses = set(db.session.scalars(sa.select(Case.status)))
        assert {"referred", "start_meeting", "agreed", "plan_active", "closed"} <= statuses
        languages = set(db.session.scalars(sa.select(Document.language)))
        assert {"sv", "pl"} <= languages
        polish = db.session.scalar(
            sa.select(Document)
            .where(Document.language == "pl", Document.doc_type == "agreement")
            .order_by(Document.id)
            .limit(1)
        )
        assert "KONTRAKT SOCJALNY" in docx_text(polish.content)


def test_demo_login_works(app: Flask, client: FormClient) -> None:
    app.test_cli_runner().invoke(args=["demo"])
    assert client.login("anna@tamira.example", DEMO_PASSWORD).status_code == 302
    assert "Johan" in client.get("/").get_data(as_text=True)


def test_create_user(app: Flask, make_unit: object, client: FormClient) -> None:
    unit = make_unit(name="Nytida – Kliv ut")  # type: ignore[operator]
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "--email",
            "New@Example.org",
            "--name",
            "Nina Ny",
            "--unit",
            unit.name,
            "--role",
            "caseworker",
            "--password",
            "a long pass phrase",
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
        assert user is not None and user.role == "caseworker"
        assert user.password_hash.startswith("$argon2id$")
    assert client.login("new@example.org", "a long pass phrase").status_code == 302


def test_create_user_for_unknown_unit_fails_clearly(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--unit",
            "Nowhere",
            "--password",
            "pw",
        ]
    )
    assert result.exit_code != 0 and "No unit named 'Nowhere'" in result.output


def test_export_case_writes_documents_and_index(app: Flask, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    runner.invoke(args=["demo"])
    with app.app_context():
        case = db.session.scalar(
            sa.select(Case).join(Person).where(Person.last_name == "Wójcik-Łęcka")
        )
        case_id, reference = case.id, case.reference
        documents = db.session.scalar(
            sa.select(sa.func.count(Document.id)).where(Document.case_id == case_id)
        )
    result = runner.invoke(args=["export-case", str(case_id), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    rows = [d for d in index["documents"] if d["type"] != "journal"]  # the journal: its own row
    assert index["case"] == reference and len(rows) == documents
    assert "Wspólna wizyta w PUP" in (tmp_path / "out" / "journal.csv").read_text("utf-8")
    entry = next(d for d in index["documents"] if d["type"] == "agreement")
    content = (tmp_path / "out" / entry["file"]).read_bytes()
    assert hashlib.sha256(content).hexdigest() == entry["sha256"]
    assert entry["number"].startswith("AGR-") and entry["language"] == "pl"
    assert "Wójcik" not in entry["file"]


def test_export_unknown_case_fails_clearly(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(args=["export-case", "999", "--out", str(tmp_path)])
    assert result.exit_code != 0 and "No case with id 999" in result.output


def test_init_db_is_repeatable(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    assert runner.invoke(args=["init-db"]).exit_code == 0


def test_demo_outcome_table_and_chart(app: Flask, client: FormClient) -> None:

    app.test_cli_runner().invoke(args=["demo"])
    client.login("wojciech@mops-sopot.example", DEMO_PASSWORD)
    page = client.get(f"/reports/outcomes?year={local_today().year}").get_data(as_text=True)
    assert "1 case closed" in page
    assert '<td>Left the shelter for good and rents a room</td><td class="num">1</td>' in page
    assert '<td>Got social housing</td><td class="num">0</td>' in page
    assert "No case was closed in 2001." in client.get("/reports/outcomes?year=2001").get_data(
        as_text=True
    )
    client.post("/logout", form_url="/")
    client.login("anna@tamira.example", DEMO_PASSWORD)
    with app.app_context():
        case_id = db.session.scalar(
            sa.select(Case.id).join(Person).where(Person.first_name == "Johan")
        )
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert '<svg class="chart' in page and "Housing: 6" in page


def test_export_of_an_erased_case_lists_numbers_without_files(app: Flask, tmp_path: Path) -> None:
    from service.privacy.erasure import erase_person

    runner = app.test_cli_runner()
    runner.invoke(args=["demo"])
    with app.app_context():
        person = db.session.scalar(sa.select(Person).where(Person.last_name == "Wójcik-Łęcka"))
        case_id = db.session.scalar(sa.select(Case.id).where(Case.person_id == person.id))
        erase_person(person, reason="Begäran från personen", actor=None)
        db.session.commit()
    result = runner.invoke(args=["export-case", str(case_id), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    assert index["documents"]
    assert all(d["kind"].startswith("erased ") and d["file"] == "" for d in index["documents"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.csv", "index.json"]
