"""The login limit counts failed attempts only: per account, and higher per address. A team
behind one office address is not locked out by its own logins; with Redis as the storage,
several processes share the count."""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from service.extensions import db, limiter
from service.models import Unit, User
from tests.conftest import PASSWORD, FormClient, csrf_token
from tests.security.conftest import World, _password_hash
from tests.security.serve_app import instances

REDIS_URL = "redis://127.0.0.1:6379/2"  # this work's own Redis database
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def limits(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """3 failures per account, 6 per address, a minute each; fresh counters."""
    monkeypatch.setitem(app.config, "LOGIN_ACCOUNT_LIMIT", "3 per minute")
    monkeypatch.setitem(app.config, "LOGIN_ADDRESS_LIMIT", "6 per minute")
    with app.app_context():
        limiter.reset()
    yield
    with app.app_context():
        limiter.reset()


def _team(app: Flask, unit_id: int, size: int) -> list[str]:
    """``size`` more workers of the unit; their e-mails."""
    emails = []
    with app.app_context():
        for n in range(size):
            email = f"team{n}@example.org"
            db.session.add(
                User(
                    email=email,
                    full_name=f"Team {n}",
                    password_hash=_password_hash(),
                    unit_id=unit_id,
                    role="worker",
                )
            )
            emails.append(email)
        db.session.commit()
    return emails


def test_a_team_behind_one_address_is_not_locked_out_by_its_own_logins(
    app: Flask, client: FormClient, world: World, limits: None
) -> None:
    emails = _team(app, world.own.unit_id, 12)
    for email in emails + emails:  # 24 logins from one address, far above both limits
        assert client.login(email).status_code == 302, email
        client.post("/logout", {}, form_url="/")
    # The limits still hold for failures.
    for _ in range(3):
        assert client.login(emails[0], "wrong").status_code == 200
    assert client.login(emails[0]).status_code == 429


def test_failed_attempts_are_limited_per_account(
    client: FormClient, world: World, limits: None
) -> None:
    email = world.own.emails["worker"]
    for n in range(3):
        client.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n + 1}"
        assert client.login(email, "wrong").status_code == 200
    client.client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    response = client.login(email)  # even the right password waits now
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.get_data(as_text=True)
    assert client.login(world.own.emails["admin"]).status_code == 302  # others go on


def test_failed_attempts_are_limited_per_address_with_a_higher_limit(
    client: FormClient, world: World, limits: None
) -> None:
    for n in range(6):  # six accounts guessed from one address, two failures each at most
        assert client.login(f"guess{n}@example.org", "wrong").status_code == 200
    assert client.login(world.own.emails["worker"]).status_code == 429
    client.client.environ_base["REMOTE_ADDR"] = "10.9.9.9"
    assert client.login(world.own.emails["worker"]).status_code == 302


def test_wrong_two_factor_codes_are_limited_per_user(
    app: Flask, client: FormClient, world: World, limits: None
) -> None:
    with app.app_context():
        db.session.get(Unit, world.own.unit_id).two_factor_required = True
        user = db.session.get(User, world.own.users["worker"])
        user.totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        from service.models._types import utcnow

        user.totp_enabled_at = utcnow()
        db.session.commit()
    client.login(world.own.emails["worker"])
    for _ in range(3):
        assert client.post("/login/code", {"code": "000000"}).status_code == 200
    response = client.post("/login/code", {"code": "000000"})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.get_data(as_text=True)


# --- two real server processes sharing the count through Redis ----------------------------


def _redis_or_skip() -> object:
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return connection


class Browser:
    """A cookie-keeping HTTP client of a real server (urllib, no redirects followed)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect()
        )

    def request(self, url: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Accept-Language": "en"}
        try:
            request = urllib.request.Request(url, body, headers)  # noqa: S310 - loopback http
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def login(self, base: str, email: str, password: str) -> int:
        _status, page = self.request(f"{base}/login")
        token = csrf_token(page)
        status, _page = self.request(
            f"{base}/login", {"csrf_token": token, "email": email, "password": password}
        )
        return status


@pytest.fixture
def two_servers(database_url: str) -> Iterator[list[str]]:
    """Two server processes on the test database, counting in Redis db 2 (own key prefix)."""
    connection = _redis_or_skip()
    prefix = f"stegvis-test-{uuid.uuid4().hex[:12]}"
    config = {
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": prefix,
        "LOGIN_ACCOUNT_LIMIT": "4 per minute",
        "LOGIN_ADDRESS_LIMIT": "8 per minute",
    }
    try:
        with instances(config) as bases:
            yield bases
    finally:
        for key in connection.scan_iter(match=f"*{prefix}*"):  # type: ignore[attr-defined]
            connection.delete(key)  # type: ignore[attr-defined]


def test_two_processes_share_the_failed_attempts_through_redis(
    app: Flask, world: World, two_servers: list[str]
) -> None:
    first, second = two_servers
    email = world.own.emails["worker"]
    browser = Browser()
    # Successful logins on both processes do not count ...
    for _round in range(3):
        for base in (first, second):
            assert Browser().login(base, email, PASSWORD) == 302
    # ... failures do, wherever they happen: 2 on one process and 2 on the other reach 4.
    for base in (first, first, second, second):
        assert browser.login(base, email, "wrong") == 200
    assert Browser().login(first, email, PASSWORD) == 429
    assert Browser().login(second, email, PASSWORD) == 429
    # Another account of the same address still logs in (the address limit is higher).
    assert Browser().login(second, world.own.emails["admin"], PASSWORD) == 302
