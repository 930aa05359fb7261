"""Hardening: headers and CSP, no inline script or style, cookies, rate limits, CSRF, session
lifetime and idle timeout, request size limits, debug only in development."""

from __future__ import annotations

import base64
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from service import create_app
from service.config import ConfigError
from service.extensions import db, limiter
from service.models import AuditEvent
from service.security import CSP, LOGIN_AT, SEEN_AT
from tests.conftest import FormClient
from tests.security.conftest import World

SERVICE = Path(__file__).resolve().parents[2] / "service"


def _production_app(monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("STEGVIS_DATA_KEYS", "p1:" + base64.b64encode(os.urandom(32)).decode())
    monkeypatch.setenv("STEGVIS_INDEX_KEY", "i1:" + base64.b64encode(os.urandom(32)).decode())
    monkeypatch.setenv("STEGVIS_VERIFY_KEY", "v" * 43)
    return create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})


def test_security_headers_on_every_page(client: FormClient, logged_in: FormClient) -> None:
    for url in ("/login", "/", "/static/style.css"):
        response = logged_in.get(url)
        response.close()
        headers = response.headers
        assert headers["Content-Security-Policy"] == CSP
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "Strict-Transport-Security" not in headers  # only behind TLS in production
    assert logged_in.get("/").headers["Cache-Control"] == "no-store"
    with logged_in.get("/static/style.css") as static:
        assert "no-store" not in static.headers.get("Cache-Control", "")


def test_production_adds_hsts_and_secure_cookies(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _production_app(monkeypatch)
    assert app.config["SESSION_COOKIE_SECURE"] and not app.debug
    response = app.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_debug_is_refused_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="Debug mode"):
        create_app({"TESTING": True, "DEBUG": True, "DATABASE_URL": "sqlite://"})
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="Debug mode"):
        _production_app(monkeypatch)


def test_templates_have_no_inline_script_style_or_handlers() -> None:
    offences = []
    for path in SERVICE.rglob("*.html"):
        text = path.read_text("utf-8")
        for pattern in (
            r"<script(?![^>]*\bsrc=)[^>]*>",
            r"<style\b",
            r"\sstyle=",
            r"\son[a-z]+=",
            r"javascript:",
        ):
            offences += [
                f"{path.relative_to(SERVICE)}: {m.group(0)}" for m in re.finditer(pattern, text)
            ]
    assert not offences, offences


def test_session_cookie_flags_and_the_idle_warning_data(
    client: FormClient,
    world: World,
) -> None:
    response = client.login(world.own.emails["worker"])
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie
    page = client.get("/").get_data(as_text=True)
    assert 'data-idle-seconds="1800"' in page and 'data-warning-seconds="120"' in page
    assert 'src="/static/session.js"' in page and 'id="session-warning"' in page
    with client.get("/static/session.js") as script:
        assert script.status_code == 200


def _age_session(client: FormClient, **ages: int) -> None:
    with client.client.session_transaction() as session:
        now = int(time.time())
        for key, seconds in ages.items():
            session[key] = now - seconds


@pytest.mark.parametrize(
    "key, seconds, message",
    [
        (SEEN_AT, 31 * 60, "logged out after 30 minutes without activity"),
        (LOGIN_AT, 8 * 3600 + 60, "Your session has ended"),
    ],
)
def test_idle_or_old_sessions_end(
    app: Flask,
    client: FormClient,
    world: World,
    key: str,
    seconds: int,
    message: str,
) -> None:
    client.login(world.own.emails["worker"])
    _age_session(client, **{SEEN_AT: 29 * 60})
    assert client.get("/").status_code == 200  # 29 minutes idle is still fine
    _age_session(client, **{key: seconds})
    response = client.get(f"/cases/{world.own.case_id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert message in client.get("/login").get_data(as_text=True)
    with app.app_context():
        action = db.session.scalars(
            sa.select(AuditEvent.action).order_by(AuditEvent.id.desc())
        ).first()
    assert action == "session.expired"


def test_ping_keeps_the_session_alive(client: FormClient, world: World) -> None:
    client.login(world.own.emails["worker"])
    _age_session(client, **{SEEN_AT: 25 * 60})
    assert client.post("/session/ping", {}, form_url="/").status_code == 204
    with client.client.session_transaction() as session:
        assert int(time.time()) - session[SEEN_AT] < 5


@pytest.fixture
def strict_login_limit(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(app.config, "LOGIN_ACCOUNT_LIMIT", "10 per minute")
    monkeypatch.setitem(app.config, "LOGIN_ADDRESS_LIMIT", "10 per minute")
    with app.app_context():
        limiter.reset()
    yield
    with app.app_context():
        limiter.reset()


def test_login_is_rate_limited_per_address(
    client: FormClient,
    world: World,
    strict_login_limit: None,
) -> None:
    for n in range(10):
        assert client.login(f"guess{n}@example.org", "wrong").status_code == 200
    response = client.login(world.own.emails["worker"])  # even the right password waits
    assert response.status_code == 429
    assert "Too many failed login attempts. Wait a minute and try again." in response.get_data(
        as_text=True
    )


def test_login_is_rate_limited_per_email(
    client: FormClient,
    world: World,
    strict_login_limit: None,
) -> None:
    email = world.own.emails["worker"]
    for n in range(10):
        client.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n + 1}"
        assert client.login(email, "wrong").status_code == 200
    client.client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    assert client.login(email).status_code == 429
    assert client.login(world.own.emails["admin"]).status_code == 302  # other e-mails go on


@pytest.mark.parametrize(
    "url",
    [
        "/persons/{person}/export",
        "/persons/{person}/erase",
        "/cases/{case}/consent/withdraw",
        "/session/ping",
        "/logout",
    ],
)
def test_posts_without_csrf_token_are_refused(client: FormClient, world: World, url: str) -> None:
    client.login(world.own.emails["admin"])
    response = client.client.post(
        url.format(person=world.own.person_id, case=world.own.case_id),
        data={"reason": "x", "confirm": "y", "withdrawn_on": "2026-11-20"},
    )
    assert response.status_code == 400
    assert "The form had expired" in response.get_data(as_text=True)


def test_request_size_is_limited(app: Flask, logged_in: FormClient) -> None:
    big = logged_in.client.post("/persons/new", data={"first_name": "x" * (3 * 1024 * 1024)})
    assert big.status_code == 413
    parts = {f"field{n}": "x" for n in range(app.config["MAX_FORM_PARTS"] + 10)}
    response = logged_in.client.post("/persons/new", data=parts, content_type="multipart/form-data")
    assert response.status_code == 413
