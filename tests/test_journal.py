"""The contact journal: recording in a few fields, corrections as versions, audit, the extract,
the person's export and erasure."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from docx import Document as Docx
from flask import Flask

from service.clock import local_today
from service.extensions import db
from service.models import AuditEvent, ContactEntry, NetworkMember, Role, User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second
from tests.test_lifecycle import assessment, plan

NOTE = "Ringde om hyran & <b>{{ x }}</b> – Zofia mår bättre"


def contact(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "phone",
        "day": (local_today() - timedelta(days=1)).isoformat(),
        "at": "14:30",
        "duration": "15",
        "took_place": "yes",
        "person_took_part": "y",
        "note": NOTE,
    }
    data.update(overrides)
    return data


def buss_plan_case(client: FormClient, worker: User) -> str:
    """A BUSS case with its plan (sub-goals to serve)."""
    person = register(
        client,
        first_name="Johan",
        last_name="Ekström",
        identity_country="",
        identity_number="",
        preferred_language="sv",
    )
    case_url = open_case(client, person, method="buss")
    assert client.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert client.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    assert client.post(f"{case_url}/steps/assessment", assessment()).status_code == 302
    response = client.post(f"{case_url}/steps/plan", plan(local_today() + timedelta(days=20)))
    assert response.status_code == 302, response.get_data(as_text=True)
    return case_url


def test_a_contact_is_recorded_and_listed(logged_in: FormClient, worker: User, app: Flask) -> None:
    case_url = buss_plan_case(logged_in, worker)
    page = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Record a contact" in page and "Betala hyran i tid" in page  # sub-goals offered
    response = logged_in.post(
        f"{case_url}/journal", contact(sub_goals=["0.0"], staff=[str(worker.id)])
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    page = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Phone call" in page and "15 minutes" in page
    assert "Ringde om hyran &amp; &lt;b&gt;{{ x }}&lt;/b&gt;" in page  # literal, escaped
    assert "Sub-goals: Betala hyran i tid" in page
    with app.app_context():
        entry = db.session.scalar(sa.select(ContactEntry))
        assert entry is not None and entry.entry_no == 1 and entry.took_place
        assert entry.participants == {"person": True, "staff": [worker.id], "network": []}
        raw = db.session.execute(sa.text("SELECT note FROM contact_entries")).scalar_one()
        assert b"hyran" not in bytes(raw)  # encrypted at rest
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "contact.record")
        )
        assert event is not None and event.details == {
            "entry": 1,
            "kind": "phone",
            "took_place": "yes",
        }


def test_bad_input_is_explained_and_kept(logged_in: FormClient, worker: User) -> None:
    case_url = buss_plan_case(logged_in, worker)
    future = (local_today() + timedelta(days=5)).isoformat()
    response = logged_in.post(
        f"{case_url}/journal",
        contact(kind="", day=future, duration="-4", note="x" * 2001 + "\x00"),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Choose the kind of contact." in page
    assert "A contact cannot be recorded for a day still to come." in page
    assert "Between 0 and 1440 minutes." in page
    assert "At most 2000 characters." in page
    assert "x" * 2001 in page and future in page  # nothing typed is lost
    response = logged_in.post(f"{case_url}/journal", contact(day="31.13.2026", at="25:99"))
    page = response.get_data(as_text=True)
    assert 'id="day-error"' in page and 'id="at-error"' in page
    assert "31.13.2026" in page and "25:99" in page


def test_a_missed_visit_and_a_correction_make_versions(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = buss_plan_case(logged_in, worker)
    logged_in.post(
        f"{case_url}/journal", contact(kind="home_visit", took_place="no", note="Ingen öppnade")
    )
    page = logged_in.get(f"{case_url}/journal").get_data(as_text=True)
    assert "Did not take place" in page
    correct = f"{case_url}/journal/1/correct"
    page = logged_in.get(correct).get_data(as_text=True)
    assert "Ingen öppnade" in page  # the form starts from the newest version
    response = logged_in.post(
        correct, contact(kind="home_visit", took_place="no", note="Ingen öppnade, lapp lämnad")
    )
    assert "Say why the entry is corrected." in response.get_data(as_text=True)
    response = logged_in.post(
        correct,
        contact(
            kind="home_visit",
            took_place="no",
            note="Ingen öppnade, lapp lämnad",
            change_reason="Lappen glömdes",
        ),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    history = logged_in.get(f"{case_url}/journal/1").get_data(as_text=True)
    assert "Ingen öppnade, lapp lämnad" in history and "Ingen öppnade</td>" in history
    assert "Ingen öppnade" in history and "Version 2: Lappen glömdes" in history
    with app.app_context():
        rows = db.session.scalars(sa.select(ContactEntry).order_by(ContactEntry.version)).all()
        assert [(r.entry_no, r.version) for r in rows] == [(1, 1), (1, 2)]
        assert rows[0].note == "Ingen öppnade"  # never overwritten
        assert (
            db.session.scalar(
                sa.select(sa.func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "contact.correct")
            )
            == 1
        )


def test_a_stale_correction_is_a_conflict(logged_in: FormClient, worker: User) -> None:
    case_url = buss_plan_case(logged_in, worker)
    logged_in.post(f"{case_url}/journal", contact())
    correct = f"{case_url}/journal/1/correct"
    first = contact(note="Första rättelsen", change_reason="Fel", version="1")
    assert logged_in.post(correct, first).status_code == 302
    stale = contact(note="Min rättelse", change_reason="Också fel", version="1")
    response = logged_in.client.post(
        correct, data={**stale, "csrf_token": _token(logged_in, correct)}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Someone else corrected this entry meanwhile" in page
    assert "Min rättelse" in page  # kept
    response = logged_in.client.post(
        correct, data={**stale, "version": "2", "csrf_token": _token(logged_in, correct)}
    )
    assert response.status_code == 302


def _token(client: FormClient, url: str) -> str:
    from tests.conftest import csrf_token

    return csrf_token(client.get(url).get_data(as_text=True))


def test_the_extract_is_a_word_document_in_the_document_language(
    logged_in: FormClient, worker: User, app: Flask, artifacts_dir: Any
) -> None:
    case_url = buss_plan_case(logged_in, worker)
    logged_in.post(f"{case_url}/journal", contact(sub_goals=["0.0"]))
    logged_in.post(
        f"{case_url}/journal", contact(kind="home_visit", took_place="no", note="Kom inte")
    )
    first, last = local_today() - timedelta(days=7), local_today()
    response = logged_in.get(
        f"{case_url}/journal/extract?date_from={first.isoformat()}&date_to={last.isoformat()}"
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Ekstr" not in response.headers["Content-Disposition"]
    (artifacts_dir / "journal_extract_sv.docx").write_bytes(response.data)
    document = Docx(io.BytesIO(response.data))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "Journalutdrag" in text and "Telefonsamtal" in text and "Hembesök" in text
    assert "Ägde inte rum" in text and NOTE in text and "Delmål: Betala hyran i tid" in text
    assert "Johan Ekström" in text
    response = logged_in.get(f"{case_url}/journal/extract?date_from={last}&date_to={first}")
    assert response.status_code == 200
    assert "The period cannot end before it starts." in response.get_data(as_text=True)


def test_export_and_erasure_cover_the_journal(
    client: FormClient, make_user: Any, make_unit: Any, app: Flask
) -> None:
    unit = make_unit()
    worker = make_user(unit=unit)
    admin = make_user(email="admin@example.org", unit=unit, role=Role.ADMIN)
    client.login(worker.email)
    case_url = buss_plan_case(client, worker)
    client.post(f"{case_url}/journal", contact(note="Hemligt om missbruket"))
    client.post(
        f"{case_url}/network",
        {"kind": "relative", "name": "Syster Hemlig", "role": "syster", "contact_details": "070"},
    )
    person_id = _person_id(app)
    response = client.post(f"/persons/{person_id}/export", {}, form_url=f"/persons/{person_id}")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    case_json = next(n for n in archive.namelist() if n.endswith("case.json"))
    exported = archive.read(case_json).decode()
    assert "Hemligt om missbruket" in exported and "Syster Hemlig" in exported
    client.post("/logout", {}, form_url="/")
    client.login(admin.email)
    response = client.post(f"/persons/{person_id}/erase", {"reason": "Begäran", "confirm": "y"})
    assert response.status_code == 302
    from tests.security.dbsearch import rows_containing

    assert rows_containing(app, "Hemligt") == []  # raw: the ciphertext is gone too
    with app.app_context():  # decrypted: the note is empty, the entry's number and kind stay
        entry = db.session.scalar(sa.select(ContactEntry))
        assert entry is not None and entry.note == "" and entry.kind == "phone"
        member = db.session.scalar(sa.select(NetworkMember))
        assert member is not None and member.name == "" and member.kind == "relative"


def _person_id(app: Flask) -> int:
    from service.models import Person

    with app.app_context():
        return int(db.session.scalar(sa.select(Person.id)))


def test_the_case_file_holds_every_version_of_the_journal(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = buss_plan_case(logged_in, worker)
    logged_in.post(f"{case_url}/journal", contact(note="Första"))
    logged_in.post(f"{case_url}/journal", contact(note='=HYPERLINK("http://x")'))
    logged_in.post(f"{case_url}/journal/1/correct", contact(note="Rättad", change_reason="Stavfel"))
    response = logged_in.get(f"{case_url}/case-file.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    journal = archive.read("journal.csv").decode()
    assert "Första" in journal and "Rättad" in journal and "Stavfel" in journal
    assert "'=HYPERLINK" in journal  # shown as text by a spreadsheet, never run
    index = archive.read("index.csv").decode()
    assert "journal.csv,journal,journal,Kontaktjournal" in index  # in the document language
