"""The factory, settings, login, CSRF and deny-by-default."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service import create_app
from service.config import ConfigError
from service.extensions import db
from service.login_required import PUBLIC_ENDPOINTS
from service.models import AuditEvent
from tests.conftest import PASSWORD, FormClient, csrf_token


def test_production_without_secret_key_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("STEGVIS_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"DATABASE_URL": "sqlite://"})


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STEGVIS_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "s3cret-from-env")
    monkeypatch.setenv("STEGVIS_DATA_KEYS", "k1:" + "A" * 43 + "=")
    monkeypatch.setenv("STEGVIS_INDEX_KEY", "i1:" + "B" * 43 + "=")
    monkeypatch.setenv("STEGVIS_VERIFY_KEY", "verification-key-from-the-environment-1")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/stegvis-env-test.sqlite3")
    monkeypatch.setenv("DEFAULT_LOCALE", "pl")
    app = create_app()
    assert app.config["SECRET_KEY"] == "s3cret-from-env"
    assert app.config["DATABASE_URL"] == "sqlite:////tmp/stegvis-env-test.sqlite3"
    assert app.config["BABEL_DEFAULT_LOCALE"] == "pl"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.debug


def test_default_database_is_sqlite_with_wal_in_the_instance_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"STEGVIS_ENV": "development"})
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert app.config["DATABASE_URL"].endswith("instance/stegvis.sqlite3")
    with app.app_context():
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_unknown_default_locale_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_LOCALE", "de")
    with pytest.raises(ConfigError, match="DEFAULT_LOCALE"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://"})


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/persons/new",
        "/persons/1",
        "/cases/1",
        "/cases/1/steps/start_meeting",
        "/documents/1/download",
        "/persons/1/cases/new",
    ],
)
def test_every_page_but_login_requires_a_login(client: FormClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_every_route_is_covered_by_the_login_rule(app: Flask, client: FormClient) -> None:
    """A route added later is protected without anyone remembering to."""
    # A valid token, so that a POST is refused for want of a login, not of a CSRF token.
    token = csrf_token(client.get("/login").get_data(as_text=True))
    public = {
        "static",
        "auth.login",
        "auth.two_factor",
        "auth.enrol",
        "auth.set_password",
        "auth.set_language",
        "documents.verify_public",
        "week.calendar_feed",  # a calendar program, with the private token (test_calendar.py)
    }
    assert public == PUBLIC_ENDPOINTS  # a new public page is a decision, stated here too
    for rule in app.url_map.iter_rules():
        if rule.endpoint in public - {"auth.two_factor", "auth.enrol"}:
            continue  # public; the set-password link checks its own token (404 when wrong)
        url = rule.build(
            {arg: 1 for arg in rule.arguments}
            | ({"step_key": "start_meeting"} if "step_key" in rule.arguments else {})
            | ({"fmt": "csv"} if "fmt" in rule.arguments else {})
        )[1]
        method = "POST" if "POST" in rule.methods and "GET" not in rule.methods else "GET"
        data = {"csrf_token": token} if method == "POST" else None
        response = client.client.open(url, method=method, data=data)
        assert response.status_code == 302, (rule, response.status_code)
        assert response.headers["Location"].startswith("/login"), rule


def test_login_and_logout(client: FormClient, worker: Any, app: Flask) -> None:
    response = client.login(worker.email)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    response = client.post("/logout", form_url="/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
    with app.app_context():
        actions = db.session.scalars(sa.select(AuditEvent.action)).all()
    assert "login" in actions and "logout" in actions


def test_wrong_password_gets_a_message_and_an_audit_row(
    client: FormClient, worker: Any, app: Flask
) -> None:
    response = client.login(worker.email, "wrong password")
    assert response.status_code == 200
    assert "Wrong e-mail or password." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302
    with app.app_context():
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "login.failed"))
    assert event is not None and event.user_id == worker.id


def test_unknown_user_gets_the_same_message(client: FormClient, worker: Any) -> None:
    response = client.login("nobody@example.org", PASSWORD)
    assert "Wrong e-mail or password." in response.get_data(as_text=True)


def test_login_page_in_swedish(client: FormClient, worker: Any) -> None:
    client.get("/language/sv")
    response = client.login(worker.email, "wrong password")
    assert "Fel e-postadress eller lösenord." in response.get_data(as_text=True)


def test_post_without_csrf_token_is_refused(client: FormClient, worker: Any) -> None:
    response = client.client.post("/login", data={"email": worker.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302  # not logged in


def test_logged_in_post_without_csrf_token_is_refused(logged_in: FormClient) -> None:
    response = logged_in.client.post(
        "/persons/new", data={"first_name": "A", "last_name": "B", "preferred_language": "sv"}
    )
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_open_redirect_after_login_is_refused(client: FormClient, worker: Any) -> None:
    page = client.get("/login?next=https://evil.example/")
    from tests.conftest import csrf_token

    token = csrf_token(page.get_data(as_text=True))
    response = client.client.post(
        "/login?next=https://evil.example/",
        data={"email": worker.email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/my-week"  # the worker's start page
