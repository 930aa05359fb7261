"""The audit trail: a row for every action, rows that cannot change, an admin page to read them."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_babel import force_locale, gettext

from service.extensions import db
from service.models import AuditEvent
from service.models.audit_event import AuditRowImmutable
from tests.conftest import FormClient
from tests.security.conftest import World
from tests.security.test_consent_withdrawal import record_second_meeting
from tests.security.test_encryption import open_case_through_the_forms, type_into_start_meeting


def rows(app: Flask) -> list[AuditEvent]:
    with app.app_context():
        found = list(db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)))
        db.session.expunge_all()
        return found


def last(app: Flask) -> AuditEvent:
    return rows(app)[-1]


def test_every_action_leaves_a_row_with_who_what_which_and_where(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    own = world.own
    worker = own.users["worker"]
    client.login(own.emails["worker"], "wrong password")
    assert (last(app).action, last(app).user_id) == ("login.failed", worker)
    client.login("nobody@example.org", "wrong")
    assert (last(app).action, last(app).user_id) == ("login.failed", None)
    client.login(own.emails["worker"])
    event = last(app)
    assert (event.action, event.user_id, event.ip) == ("login", worker, "127.0.0.1")
    record_second_meeting(app, own.case_id, worker, "yes")  # a consent that can be withdrawn
    checks = [
        (lambda: client.get(f"/persons/{own.person_id}"), "person.view", None, own.person_id),
        (lambda: client.get(f"/cases/{own.case_id}"), "case.view", own.case_id, None),
        (
            lambda: client.get(f"/documents/{own.document_id}/download"),
            "document.download",
            own.case_id,
            None,
        ),
        (
            lambda: client.post(f"/persons/{own.person_id}/export", {}, form_url="/"),
            "person.export",
            None,
            own.person_id,
        ),
        (
            lambda: client.post(
                f"/cases/{own.case_id}/consent/withdraw",
                {"withdrawn_on": "2026-11-20", "confirmed": "yes"},
                form_url="/",
            ),
            "consent.withdraw",
            own.case_id,
            own.person_id,
        ),
    ]
    for act, action, case_id, person_id in checks:
        response = act()
        assert response.status_code in (200, 302), action
        event = last(app)
        assert event.action == action and event.user_id == worker
        assert event.at > datetime.now(UTC) - timedelta(minutes=1)
        if case_id:
            assert event.case_id == case_id, action
        if person_id:
            assert event.person_id == person_id, action
    _person, case_url = open_case_through_the_forms(client, first="Audit", last="Person")
    assert last(app).action == "case.create"
    type_into_start_meeting(client, case_url, "Text")
    saved = {event.action for event in rows(app)}
    assert {"step.view", "step.draft"} <= saved and saved & {"step.save", "step.finalise"}
    client.post("/logout", {}, form_url="/")
    assert (last(app).action, last(app).user_id) == ("logout", worker)
    for event in rows(app):  # details hold ids and keys, never what was typed
        assert "Text" not in str(event.details) and "Zofia" not in str(event.details)


def test_audit_rows_cannot_be_changed_or_deleted(app: Flask, world: World) -> None:
    _add_events(app, world, 1)
    with app.app_context():
        event = db.session.scalars(sa.select(AuditEvent)).first()
        assert event is not None
        event_id = event.id
        event.action = "forged"
        with pytest.raises(AuditRowImmutable):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.get(AuditEvent, event_id))
        with pytest.raises(AuditRowImmutable):
            db.session.commit()
        db.session.rollback()
        if db.engine.dialect.name == "postgresql":  # the trigger of migration 0004
            for statement in (
                "UPDATE audit_events SET action = 'forged'",
                "DELETE FROM audit_events",
            ):
                with pytest.raises(sa.exc.DBAPIError, match="insert-only"):
                    with db.engine.begin() as conn:
                        conn.execute(sa.text(statement))
        db.session.remove()
        assert db.session.get(AuditEvent, event_id).action != "forged"


def _add_events(app: Flask, world: World, count: int) -> None:
    with app.app_context():
        start = datetime(2026, 1, 1, 12, tzinfo=UTC)
        for n in range(count):
            db.session.add(
                AuditEvent(
                    action="case.view",
                    case_id=world.own.case_id,
                    user_id=world.own.users["worker"],
                    ip="10.0.0.1",
                    at=start + timedelta(days=n),
                    details={},
                )
            )
        db.session.add(
            AuditEvent(
                action="case.view",
                case_id=world.foreign.case_id,
                user_id=world.foreign.users["worker"],
                ip="10.0.0.2",
                at=start,
                details={},
            )
        )
        db.session.commit()


@pytest.mark.parametrize("role", ["worker", "caseworker"])
def test_audit_page_is_for_admins_only(client: FormClient, world: World, role: str) -> None:
    client.login(world.own.emails[role])
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/users").status_code == 403


def test_admin_filters_and_pages_the_units_audit_log(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    _add_events(app, world, 60)
    client.login(world.own.emails["admin"])
    page = client.get("/admin/audit?action=case.view").get_data(as_text=True)
    assert page.count('class="audit-row"') == 50
    assert "10.0.0.2" not in page  # the other unit's rows stay out
    assert "page=2" in page
    second = client.get("/admin/audit?action=case.view&page=2").get_data(as_text=True)
    assert second.count('class="audit-row"') == 10
    dated = client.get("/admin/audit?from=2026-01-01&to=2026-01-05&action=case.view")
    assert dated.get_data(as_text=True).count('class="audit-row"') == 5
    by_case = client.get("/admin/audit?case=C-2026-00000a&from=2026-01-01&to=2026-01-02")
    assert by_case.get_data(as_text=True).count('class="audit-row"') == 2
    by_user = client.get(f"/admin/audit?user={world.own.users['admin']}").get_data(as_text=True)
    assert by_user.count('class="audit-row"') >= 1 and "10.0.0.1" not in by_user
    # (an e-mail may break after its @ on a narrow screen: <wbr>)
    staff = client.get("/admin/users").get_data(as_text=True).replace("<wbr>", "")
    assert "worker-a@example.org" in staff and "worker-b@example.org" not in staff


ACTION_WRITTEN = re.compile(r"\brecord(?:_view)?\(\s*\"([a-z_]+(?:\.[a-z_]+)*)\"")


def written_actions() -> set[str]:
    """Every action the code writes: the first argument of each ``record("…"`` or ``record_view("…"`` call."""
    found: set[str] = set()
    for path in (Path(__file__).resolve().parents[2] / "service").rglob("*.py"):
        found |= set(ACTION_WRITTEN.findall(path.read_text("utf-8")))
    return found


def test_every_audit_action_written_in_the_code_has_a_phrase(app: Flask) -> None:
    from service.audit import ACTIONS

    written = written_actions()
    assert {"case.view", "step.finalise", "document.issue", "login"} <= written  # the grep works
    assert sorted(written - set(ACTIONS)) == []
    with app.test_request_context():
        for action in ACTIONS.values():
            for text in (action.name, action.phrase):
                if text is None:
                    continue
                with force_locale("en"):
                    english = str(text)
                assert english and english != action.key, action.key
                for language in ("sv", "pl"):  # translated, not the English msgid
                    with force_locale(language):
                        assert str(text) not in ("", english), (action.key, language)


def _visible(page: str) -> str:
    """The page's text as a reader sees it (no tags, attributes or character references)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_audit_log_shows_translated_phrases_not_action_keys(
    app: Flask, client: FormClient, world: World, language: str
) -> None:
    own = world.own
    client.login(own.emails["worker"])
    client.get(f"/cases/{own.case_id}")
    client.get(f"/cases/{own.case_id}/steps/start_meeting")
    client.post(
        f"/cases/{own.case_id}/steps/start_meeting", {"own_words": "Text", "action": "draft"}
    )
    client.get(f"/documents/{own.document_id}/download")
    edited = {
        "first_name": "Zofia",
        "last_name": "Testa",
        "identity_country": "",
        "identity_number": "",
        "date_of_birth": "",
        "preferred_language": "sv",
        "address": "Gatan 1",
        "phone": "070-999 99 99",
        "email": "",  # (an address needs the email-validator package, added by another change)
    }
    assert client.post(f"/persons/{own.person_id}/edit", edited).status_code == 302
    client.post("/logout", {}, form_url="/")
    client.login(own.emails["admin"])
    client.get(f"/language/{language}")
    page = client.get("/admin/audit").get_data(as_text=True)
    text = _visible(page)
    with app.test_request_context(), force_locale(language):
        step = gettext("Start meeting")
        expected = [
            gettext("Viewed the case"),
            gettext("Opened a step: %(step)s", step=step),
            gettext("Saved a draft: %(step)s", step=step),
            gettext(
                "Downloaded a document: %(number)s, version %(version)s (%(format)s)",
                number=own.document_number,
                version=1,
                format="Word",
            ),
            gettext(
                "Changed a person's details: %(fields)s",
                fields=f"{gettext('Phone')}, {gettext('E-mail')}",
            ),
            gettext("Logged in"),
            gettext("Logged out"),
            gettext("Read the audit log"),
        ]
    if language == "en":
        # A step done once is named without a number, as its page is titled.
        assert "Opened a step: Start meeting" in expected
        assert "Start meeting, 1" not in text
    for phrase in expected:
        assert phrase in text, phrase
    for raw in ("case.view", "step.view", "document.download", "person.update", "phone", "step="):
        assert raw not in text, raw
    assert "instance=" not in text and "start_meeting" not in text
    assert '<option value="case.view"' in page  # the filter still filters by the stored key


def test_a_step_is_named_in_the_audit_log_as_its_page_is_titled(
    app: Flask, client: FormClient, world: World
) -> None:
    """A follow-up carries its number ("Follow-up 2"); a step done once carries none."""
    own = world.own
    with app.app_context():
        for details in (
            {"step": "follow_up", "instance": 2},
            {"step": "start_meeting", "instance": 1},
            {"step": "plan", "instance": 1, "version": 3},
        ):
            action = "step.finalise" if "version" in details else "step.draft"
            db.session.add(
                AuditEvent(action=action, case_id=own.case_id, ip="cli", details=details)
            )
        db.session.commit()
    client.login(own.emails["admin"])
    text = _visible(client.get("/admin/audit").get_data(as_text=True))
    assert "Saved a draft: Follow-up 2" in text
    assert "Saved a draft: Start meeting" in text and "Start meeting, 1" not in text
    assert "Saved a step: Individual plan, version 3" in text
    client.get("/language/pl")
    text = _visible(client.get("/admin/audit").get_data(as_text=True))
    assert "Zapisano wersję roboczą: Monitoring 2" in text
