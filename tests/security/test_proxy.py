"""Behind a proxy: with TRUSTED_PROXY_HOPS set, the rate limit, the audit rows and the session
protection see the client's address from X-Forwarded-For; without it the header is ignored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask

from service import create_app
from service.config import ConfigError
from service.extensions import db, limiter
from service.models import AuditEvent
from tests.conftest import FormClient
from tests.security.conftest import World

CLIENT = "203.0.113.7"
OTHER_CLIENT = "198.51.100.23"


@pytest.fixture
def proxied_app(database_url: str, app: Flask) -> Iterator[Flask]:
    """The app as deployed behind one proxy, on the test database."""
    application = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TRUSTED_PROXY_HOPS": "1",
            "LOGIN_ACCOUNT_LIMIT": "100 per minute",
            "LOGIN_ADDRESS_LIMIT": "2 per minute",
        }
    )
    with application.app_context():
        limiter.reset()
    yield application
    with application.app_context():
        limiter.reset()
        db.engine.dispose()


def _client(application: Flask, forwarded_for: str) -> FormClient:
    client = FormClient(application.test_client())
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client


def _login_addresses(application: Flask) -> list[str]:
    with application.app_context():
        return list(
            db.session.scalars(
                sa.select(AuditEvent.ip).where(AuditEvent.action == "login").order_by(AuditEvent.id)
            )
        )


def test_the_hops_setting_is_checked() -> None:
    for wrong in ("-1", "two", "9"):
        with pytest.raises(ConfigError, match="TRUSTED_PROXY_HOPS"):
            create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "TRUSTED_PROXY_HOPS": wrong})


def test_behind_a_trusted_proxy_the_audit_row_has_the_clients_address(
    proxied_app: Flask, world: World
) -> None:
    client = _client(proxied_app, CLIENT)
    assert client.login(world.own.emails["worker"]).status_code == 302
    assert _login_addresses(proxied_app) == [CLIENT]


def test_without_the_setting_x_forwarded_for_is_ignored(app: Flask, world: World) -> None:
    client = _client(app, CLIENT)
    assert client.login(world.own.emails["worker"]).status_code == 302
    assert _login_addresses(app) == ["127.0.0.1"]


def test_behind_a_trusted_proxy_the_address_limit_is_per_client(
    proxied_app: Flask, world: World
) -> None:
    for n in range(2):
        assert _client(proxied_app, CLIENT).login(f"x{n}@example.org", "no").status_code == 200
    assert _client(proxied_app, CLIENT).login(world.own.emails["worker"]).status_code == 429
    # Another client behind the same proxy is not held up.
    assert _client(proxied_app, OTHER_CLIENT).login(world.own.emails["worker"]).status_code == 302


def test_without_the_setting_a_forged_header_does_not_escape_the_address_limit(
    app: Flask, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "LOGIN_ADDRESS_LIMIT", "2 per minute")
    with app.app_context():
        limiter.reset()
    try:
        for n in range(2):
            forged = f"192.0.2.{n + 1}"
            assert _client(app, forged).login(f"x{n}@example.org", "no").status_code == 200
        assert _client(app, "192.0.2.99").login(world.own.emails["worker"]).status_code == 429
    finally:
        with app.app_context():
            limiter.reset()


def _fresh(client: FormClient) -> bool:
    with client.client.session_transaction() as session:
        return bool(session.get("_fresh"))


def test_behind_a_trusted_proxy_session_protection_sees_the_client(
    proxied_app: Flask, world: World
) -> None:
    client = _client(proxied_app, CLIENT)
    client.login(world.own.emails["worker"])
    assert client.get("/").status_code == 200 and _fresh(client)
    # The same cookie from another client address behind the proxy: the session is no
    # longer fresh (Flask-Login's protection of a permanent session).
    client.client.environ_base["HTTP_X_FORWARDED_FOR"] = OTHER_CLIENT
    client.get("/")
    assert not _fresh(client)


def test_without_the_setting_session_protection_ignores_the_header(
    app: Flask, world: World
) -> None:
    client = _client(app, CLIENT)
    client.login(world.own.emails["worker"])
    client.client.environ_base["HTTP_X_FORWARDED_FOR"] = OTHER_CLIENT
    assert client.get("/").status_code == 200
    assert _fresh(client)  # a forged header changes nothing
    client.client.environ_base["REMOTE_ADDR"] = "192.0.2.50"  # the connection itself moved
    client.get("/")
    assert not _fresh(client)
