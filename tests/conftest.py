"""Fixtures: the app on a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL), clean
tables for every test, a client that sends forms with their CSRF token, and factories."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, sync_playwright
from werkzeug.serving import make_server
from werkzeug.test import TestResponse

from service import create_app, page_cache
from service.auth.operations import create_user
from service.db import Base
from service.extensions import db
from service.migrate import upgrade
from service.models import Role, Unit, User

PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'type="hidden" name="csrf_token" value="([^"]+)"|'
    r'name="csrf_token" value="([^"]+)"'
)
HIDDEN_INPUT = re.compile(r'<input[^>]*type="hidden"[^>]*>')
ATTR = re.compile(r'(\w+)="([^"]*)"')


TEST_DATABASE_VARIABLE = "TEST_DATABASE_URL"


def checked_test_database_url(url: str) -> str:
    """``url`` if it names a throw-away test database, else a refusal.

    The suite drops the schema and truncates every table, so it reads its own variable (never
    ``DATABASE_URL``, which production uses) and only touches a database whose name ends in
    ``_test``.
    """
    name = sa.engine.make_url(url).database or ""
    if not Path(name).stem.endswith("_test") and not name.endswith("_test"):
        raise pytest.UsageError(
            f"{TEST_DATABASE_VARIABLE} names the database {name!r}: the tests empty every table, "
            "so they only run on a database whose name ends in '_test'."
        )
    return url


def pytest_configure(config: pytest.Config) -> None:
    """Refuse a wrong TEST_DATABASE_URL before any test connects to it."""
    url = os.environ.get(TEST_DATABASE_VARIABLE)
    if url:
        checked_test_database_url(url)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """PostgreSQL when TEST_DATABASE_URL says so, else a fresh SQLite file."""
    url = os.environ.get(TEST_DATABASE_VARIABLE)
    if url:
        return checked_test_database_url(url)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'stegvis_test.sqlite3'}"


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    """One app for the session; the schema comes from the Alembic migrations."""
    application = create_app({"TESTING": True, "DATABASE_URL": database_url})
    with application.app_context():
        engine = db.engine
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(app: Flask) -> Iterator[None]:
    """Every test starts from empty tables.

    PostgreSQL: one TRUNCATE (audit rows are insert-only there: a trigger refuses DELETE, not
    TRUNCATE). SQLite: Core deletes, which the ORM's audit guard does not see.
    """
    yield
    with app.app_context():
        db.session.remove()
        # the tables are emptied behind the ORM's back (ids start again): so is the page cache
        page_cache.store().clear()
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(t.name for t in Base.metadata.sorted_tables)
                conn.execute(sa.text(f"TRUNCATE {names}"))
                return
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def app_ctx(app: Flask) -> Iterator[None]:
    """An application context for tests that use the models directly."""
    with app.app_context():
        yield


class FormClient:
    """A test client that reads the CSRF token from the page before posting, like a browser."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def get(self, url: str, **kwargs: Any) -> TestResponse:
        return self.client.get(url, **kwargs)

    def post(
        self,
        url: str,
        data: dict[str, Any] | None = None,
        *,
        form_url: str | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """POST ``data`` plus the CSRF token found on ``form_url`` (default: ``url``)."""
        page = self.client.get(form_url or url).get_data(as_text=True)
        hidden = hidden_inputs(page) if form_url is None else {}
        hidden["csrf_token"] = csrf_token(page)
        return self.client.post(url, data={**hidden, **(data or {})}, **kwargs)

    def login(self, email: str, password: str = PASSWORD) -> TestResponse:
        return self.post("/login", {"email": email, "password": password})

    def switch_to(self, email: str) -> TestResponse:
        """Sign out whoever is signed in, then sign in as ``email``."""
        if self.client.get("/login").status_code == 302:  # the login page sends staff home
            self.post("/logout", {}, form_url="/")
        return self.login(email)


def hidden_inputs(html: str) -> dict[str, str]:
    """The hidden inputs of a page (a browser sends them back with the form)."""
    found = {}
    for tag in HIDDEN_INPUT.findall(html):
        attrs = dict(ATTR.findall(tag))
        if "name" in attrs:
            found[attrs["name"]] = (
                attrs.get("value", "").replace("&#34;", '"').replace("&amp;", "&")
            )
    return found


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on the page."""
    match = CSRF_FIELD.search(html)
    assert match, "no CSRF token on the page"
    return next(group for group in match.groups() if group)


@pytest.fixture
def client(app: Flask) -> FormClient:
    test_client = app.test_client()
    # English unless a test picks another language, so assertions read the msgids.
    test_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return FormClient(test_client)


@pytest.fixture
def make_unit(app: Flask) -> Any:
    """Create a unit: make_unit(name="…", default_locale="pl", methods=[…])."""
    counter = iter(range(1, 10_000))

    def _make(**fields: Any) -> Unit:
        with app.app_context():
            n = next(counter)
            spec: dict[str, Any] = {
                "name": f"Unit {n}",
                "organisation": "Org",
                "place": "Göteborg",
                "default_locale": "sv",
                "methods": ["buss", "ipwzb"],
            }
            spec.update(fields)
            unit = Unit(**spec)
            db.session.add(unit)
            db.session.commit()
            db.session.refresh(unit)
            db.session.expunge(unit)
            return unit

    return _make


@pytest.fixture
def make_user(app: Flask, make_unit: Any) -> Any:
    """Create staff: make_user(email=…, unit=…, role=Role.CASEWORKER)."""

    def _make(
        email: str = "worker@example.org",
        unit: Unit | None = None,
        role: Role = Role.WORKER,
        full_name: str = "Anna Berg",
    ) -> User:
        unit = unit or make_unit()
        with app.app_context():
            user = create_user(
                email=email,
                full_name=full_name,
                password=PASSWORD,
                unit=db.session.get(Unit, unit.id),
                role=role,
                title="Boendestödjare",
                phone="070-111 22 33",
            )
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return _make


@pytest.fixture
def worker(make_user: Any) -> User:
    return make_user()


@pytest.fixture
def social_worker(worker: User, make_user: Any, app: Flask) -> User:
    """The worker's unit's pracownik socjalny (a caseworker), who concludes the kontrakt
    socjalny of the Polish methods (their ``roles:``)."""
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
    return make_user(  # type: ignore[no-any-return]
        email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak"
    )


@pytest.fixture
def logged_in(client: FormClient, worker: User) -> FormClient:
    response = client.login(worker.email)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def colleague(app: Flask, make_user: Any, worker: User) -> FormClient:
    """Erik Lund, a second member of staff of the worker's unit, logged in with his own client
    (two people at work on the same case)."""
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        db.session.expunge(unit)
    user = make_user(email="colleague@example.org", full_name="Erik Lund", unit=unit)
    other = FormClient(app.test_client())
    other.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert other.login(user.email).status_code == 302
    return other


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots and documents for people to look at."""
    path = Path(__file__).resolve().parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


# --- headless Chromium (Debian's package, launched by path: a browser download cannot work here)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium, installed by `make test` (a browser download cannot work here)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: `make test` installs Debian's chromium package."
    return path


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """The app served on a free loopback port in a thread, on the test database."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
