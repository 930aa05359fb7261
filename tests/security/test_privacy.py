"""The person's rights: export everything, erase with a reason, purge by retention, and
consent withdrawal marked on the case and in the agreement's context."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, Case, Document, Person, Submission, Unit
from tests.conftest import FormClient
from tests.security.conftest import World, add_case
from tests.security.dbsearch import rows_containing, sqlite_file_bytes
from tests.security.test_consent_withdrawal import record_second_meeting


def actions(app: Flask, **where: object) -> list[str]:
    with app.app_context():
        query = sa.select(AuditEvent.action).order_by(AuditEvent.id)
        for key, value in where.items():
            query = query.where(getattr(AuditEvent, key) == value)
        return list(db.session.scalars(query))


def test_export_holds_person_answers_documents_and_access_log(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    with app.app_context():  # a second version of the start meeting
        db.session.add(
            Submission(
                case_id=own.case_id,
                step="start_meeting",
                version=2,
                form_version="1",
                answers={"own_words": "Version två"},
                change_reason="Rättelse",
                created_by_id=own.users["worker"],
            )
        )
        db.session.commit()
    client.login(own.emails["worker"])
    client.get(f"/cases/{own.case_id}")
    response = client.post(
        f"/persons/{own.person_id}/export", {}, form_url=f"/persons/{own.person_id}"
    )
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert f"person-{own.person_id}-export.zip" in response.headers["Content-Disposition"]
    assert "Zofia" not in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = set(archive.namelist())
    assert {
        "person.json",
        "access_log.json",
        "cases/C-2026-00000a/case.json",
        "cases/C-2026-00000a/documents/AGR-2026-00000a-v1.docx",
    } <= names
    person = json.loads(archive.read("person.json"))
    assert person["first_name"] == "Zofia" and person["address"] == "Gatan 1"
    case = json.loads(archive.read("cases/C-2026-00000a/case.json"))
    versions = [(s["version"], s["answers"]["own_words"]) for s in case["submissions"]]
    assert versions == [(1, "Mening a"), (2, "Version två")]
    assert case["submissions"][1]["created_by"] == "Worker A"
    assert case["documents"][0]["sha256"]
    assert archive.read("cases/C-2026-00000a/documents/AGR-2026-00000a-v1.docx").startswith(
        b"PK-docx"
    )
    log = json.loads(archive.read("access_log.json"))
    logged = [(entry["action"], entry["user"]) for entry in log]
    assert ("case.view", "Worker A") in logged
    assert ("person.export", "Worker A") in logged  # the export lists itself
    assert actions(app, person_id=own.person_id)[-1] == "person.export"


def test_export_person_command_writes_the_zip(app: Flask, world: World, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    result = app.test_cli_runner().invoke(
        args=["export-person", str(world.own.person_id), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Zofia" not in result.output
    assert "person.json" in zipfile.ZipFile(out).namelist()
    missing = app.test_cli_runner().invoke(args=["export-person", "999999", "--out", str(out)])
    assert missing.exit_code != 0 and "No person with id 999999" in missing.output


def test_erasure_needs_the_units_admin_and_a_reason(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    client.login(own.emails["worker"])
    assert client.get(f"/persons/{own.person_id}/erase").status_code == 403
    client.post("/logout", {}, form_url="/")
    client.login(own.emails["admin"])
    page = client.post(f"/persons/{own.person_id}/erase", {"reason": "", "confirm": "y"})
    assert page.status_code == 200
    assert "Say why the person" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Person, own.person_id).first_name == "Zofia"


def test_erasure_leaves_the_name_nowhere_in_the_database(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    name, number = "Wiktoria Przybylska-Ekholm", "44051401458"
    with app.app_context():
        unit = db.session.get(Unit, own.unit_id)
        person, case, document = add_case(
            unit,
            own.users["worker"],
            first="Wiktoria",
            last="Przybylska-Ekholm",
            number=number,
            sentence=f"{name} vill ha ett eget rum",
            tag="erase1",
        )
        db.session.commit()
        person_id, case_id, document_id = person.id, case.id, document.id
    client.login(own.emails["admin"])
    assert client.get(f"/cases/{case_id}").status_code == 200
    response = client.post(
        f"/persons/{person_id}/erase", {"reason": "Begäran 2026-11-20, dnr 123", "confirm": "y"}
    )
    assert response.status_code == 302
    for needle in ("Wiktoria", "Przybylska", number, "eget rum"):
        assert rows_containing(app, needle) == [], needle
        content = sqlite_file_bytes(app)
        if content is not None:
            assert needle.encode() not in content, needle
    with app.app_context():
        person = db.session.get(Person, person_id)
        assert person.full_name == "Anonymised person" and person.identity_number is None
        assert person.erased_at is not None
        document = db.session.get(Document, document_id)
        assert document.number == "AGR-2026-erase1" and len(document.sha256) == 64
        assert db.session.get(Case, case_id).reference == "C-2026-erase1"
        event = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "person.erase")
        ).one()
        assert event.details["reason"] == "Begäran 2026-11-20, dnr 123"
        assert event.details["cases"] == [case_id] and event.user_id == own.users["admin"]
    client.get("/language/en")
    page = client.get(f"/persons/{person_id}").get_data(as_text=True)
    assert "Anonymised person" in page
    assert client.get(f"/documents/{document_id}/download").status_code == 410


def test_an_erased_person_is_named_in_the_readers_language_everywhere(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    with app.app_context():
        unit = db.session.get(Unit, own.unit_id)
        person, case, _document = add_case(
            unit,
            own.users["worker"],
            first="Wiktoria",
            last="Ekholm",
            number="44051401458",
            sentence="Wiktoria vill flytta",
            tag="erase2",
        )
        db.session.commit()
        person_id, case_id = person.id, case.id
    client.login(own.emails["admin"])
    response = client.post(f"/persons/{person_id}/erase", {"reason": "art. 17", "confirm": "y"})
    assert response.status_code == 302
    pages = (
        f"/cases/{case_id}",
        f"/cases/{case_id}/family",
        f"/cases/{case_id}/network",
        f"/persons/{person_id}",
        "/",  # newest first: the erased case heads the list
        "/persons",
    )
    for language, name, erased in (
        ("sv", "Anonymiserad person", "Ärendets uppgifter raderades enligt dataskyddsreglerna"),
        ("pl", "Osoba zanonimizowana", "Dane sprawy usunięto zgodnie z przepisami"),
    ):
        client.get(f"/language/{language}")
        for url in pages:
            page = client.get(url)
            assert page.status_code == 200, url
            text = page.get_data(as_text=True)
            if not url.endswith("/network"):  # the network page names no one
                assert name in text, (language, url)
            assert "Anonymised" not in text, (language, url)  # the stored placeholder
            if url.endswith(("/family", "/network")):
                assert erased in text, (language, url)


def _close(app: Flask, case_id: int, closed: datetime) -> None:
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.status, case.closed_at = "closed", closed
        db.session.commit()


def test_purge_dry_run_changes_nothing_and_the_real_run_erases(app: Flask, world: World) -> None:
    own, foreign = world.own, world.foreign
    _close(app, own.case_id, datetime(2020, 3, 1, tzinfo=UTC))  # 2 years kept: due
    _close(app, foreign.case_id, datetime(2025, 6, 1, tzinfo=UTC))  # within retention
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["purge", "--closed-before", "2026-01-01", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"case {own.case_id} " in dry.output and "would erase" in dry.output
    assert f"case {foreign.case_id} " not in dry.output
    assert "Zofia" not in dry.output and "C-2026" not in dry.output  # ids only
    with app.app_context():
        assert db.session.get(Case, own.case_id).erased_at is None
        assert db.session.get(Person, own.person_id).first_name == "Zofia"
    assert "case.purge" not in actions(app)
    real = runner.invoke(args=["purge", "--closed-before", "2026-01-01"])
    assert real.exit_code == 0, real.output
    assert (
        f"case {own.case_id} " in real.output
        and f"person {own.person_id}: anonymised" in real.output
    )
    with app.app_context():
        assert db.session.get(Case, own.case_id).erased_at is not None
        assert db.session.get(Case, own.case_id).assignment == ""
        assert db.session.get(Person, own.person_id).first_name == "Anonymised"
        assert db.session.get(Person, foreign.person_id).first_name == "Zofia"
        answers = db.session.scalars(
            sa.select(Submission.answers).where(Submission.case_id == own.case_id)
        ).all()
        assert answers == [{}]
    assert actions(app, case_id=own.case_id)[-1] == "case.purge"
    again = runner.invoke(args=["purge", "--closed-before", "2026-01-01"])
    assert "0 case(s)" in again.output


def test_purge_respects_the_units_retention_years(app: Flask, world: World) -> None:
    from service.privacy.purge import due_cases

    _close(app, world.own.case_id, datetime(2024, 12, 1, tzinfo=UTC))
    with app.app_context():
        assert due_cases(date(2025, 1, 1), date(2026, 11, 30)) == []
        due = due_cases(date(2025, 1, 1), date(2026, 12, 1))
        assert [item.case_id for item in due] == [world.own.case_id]


def test_consent_withdrawal_is_recorded_shown_and_in_the_context(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    record_second_meeting(app, own.case_id, own.users["worker"], "yes")
    client.login(own.emails["caseworker"])
    assert (
        client.post(
            f"/cases/{own.case_id}/consent/withdraw",
            {"withdrawn_on": "2026-11-20", "confirmed": "yes"},
            form_url=f"/cases/{own.case_id}",
        ).status_code
        == 403
    )
    client.post("/logout", {}, form_url="/")
    client.login(own.emails["worker"])
    response = client.post(
        f"/cases/{own.case_id}/consent/withdraw",
        {"withdrawn_on": "2026-11-20", "confirmed": "yes"},
        form_url=f"/cases/{own.case_id}",
    )
    assert response.status_code == 302
    page = client.get(f"/cases/{own.case_id}").get_data(as_text=True)
    assert "Consent withdrawn on" in page and "Nov 20, 2026" in page
    verification = client.get(f"/verify/{own.document_number}").get_data(as_text=True)
    assert "Consent withdrawn on Nov 20, 2026" in verification  # the agreement's check says so
    assert "consent.withdraw" in actions(app, case_id=own.case_id)
    with app.test_request_context():
        from service.documents.context import _consent_withdrawal

        case = db.session.get(Case, own.case_id)
        assert _consent_withdrawal(case, "sv") == {
            "withdrawn": True,
            "withdrawn_on": "20 november 2026",
        }
        other = db.session.get(Case, world.foreign.case_id)
        assert _consent_withdrawal(other, "sv") == {"withdrawn": False, "withdrawn_on": ""}
