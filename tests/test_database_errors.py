"""A database error shows the translated error page, never Flask's bare one: 503 with
Retry-After when the database cannot be reached, 500 otherwise, one log line without a
traceback or personal data, and the next request on the same thread works."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from service import create_app
from service.cases import case_list
from service.extensions import db
from service.models import User
from tests.conftest import PASSWORD, FormClient, csrf_token

#: Databases nobody can reach: a refused port, a SQLite file in a folder that does not exist.
UNREACHABLE_URLS = {
    "postgresql": "postgresql+psycopg://postgres@127.0.0.1:1/x_test",
    "sqlite": "sqlite:////nonexistent-stegvis-folder/x_test.sqlite3",
}
UNAVAILABLE = {
    "sv": ("Tjänsten är tillfälligt otillgänglig", "Databasen går inte att nå just nu."),
    "pl": ("Usługa jest chwilowo niedostępna", "Baza danych jest w tej chwili niedostępna."),
    "en": ("The service is unavailable for a moment", "The database cannot be reached just now."),
}
SOMETHING_WRONG = {"sv": "Något gick fel", "pl": "Coś poszło nie tak", "en": "Something went wrong"}


def _records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "service.errors"]


def _assert_clean_log(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    """No traceback and no personal data or SQL anywhere in what was logged."""
    for record in caplog.records:
        assert record.exc_info is None, record.getMessage()
        message = record.getMessage()
        assert "Traceback" not in message and "[SQL" not in message and "parameters" not in message
        for secret in secrets:
            assert secret not in message


@pytest.fixture
def other_app(database_url: str) -> Iterator[Any]:
    """make(url, **config): a fresh app on another database URL, disposed afterwards."""
    made: list[Flask] = []

    def _make(url: str = database_url, **config: Any) -> Flask:
        application = create_app({"TESTING": True, "DATABASE_URL": url, **config})
        made.append(application)
        return application

    yield _make
    for application in made:
        with application.app_context():
            db.engine.dispose()


def _session_cookie_of(client: FormClient, email: str) -> str:
    """Log in on the test database and return the session cookie (valid on any test app)."""
    assert client.login(email).status_code == 302
    cookie = client.client.get_cookie("session")
    assert cookie is not None
    return cookie.value


@pytest.mark.parametrize("language", ["sv", "pl"])
@pytest.mark.parametrize("dialect", sorted(UNREACHABLE_URLS))
def test_an_unreachable_database_answers_503_with_the_translated_page(
    client: FormClient,
    worker: Any,
    other_app: Any,
    caplog: pytest.LogCaptureFixture,
    dialect: str,
    language: str,
) -> None:
    cookie = _session_cookie_of(client, worker.email)
    broken = other_app(UNREACHABLE_URLS[dialect])
    caplog.set_level(logging.INFO)

    anonymous: FlaskClient = broken.test_client()
    anonymous.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    login_page = anonymous.get("/login")
    assert login_page.status_code == 200  # the form itself needs no database
    attempt = anonymous.post(
        "/login",
        data={
            "csrf_token": csrf_token(login_page.get_data(as_text=True)),
            "email": worker.email,
            "password": PASSWORD,
        },
    )

    known: FlaskClient = broken.test_client()
    known.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    known.set_cookie("session", cookie)
    page = known.get("/")

    title, text = UNAVAILABLE[language]
    for response in (attempt, page):
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
        assert response.headers["Cache-Control"] == "no-store"
        html = response.get_data(as_text=True)
        assert title in html and text in html
        assert f'<html lang="{language}">' in html
        assert "Internal Server Error" not in html
    # The header cannot show who is logged in without the database: it is the anonymous one.
    assert worker.full_name not in page.get_data(as_text=True)

    # Two failing requests of one kind: one line, naming the kind, no traceback, no e-mail.
    lines = [r.getMessage() for r in _records(caplog)]
    assert len(lines) == 1, lines
    assert lines[0].startswith("database unreachable: OperationalError (")
    _assert_clean_log(caplog, worker.email, PASSWORD)

    # After the interval the next line says how many requests it stands for.
    broken.extensions["stegvis.failures"].interval = 0
    assert known.get("/").status_code == 503
    lines = [r.getMessage() for r in _records(caplog)]
    assert len(lines) == 2 and lines[1].endswith("(and 1 more since the last report)"), lines


def _flush_a_duplicate_user(real: Any) -> Any:
    """A query helper (the case list's statement, looked up on every request) that first flushes
    a user whose e-mail is taken: a real IntegrityError."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        taken = db.session.scalars(sa.select(User)).first()
        assert taken is not None
        db.session.add(
            User(
                email=taken.email,
                full_name="Dup",
                password_hash="x",
                unit_id=taken.unit_id,
                role=taken.role,
            )
        )
        db.session.flush()
        return real(*args, **kwargs)

    return failing


def test_a_failed_flush_shows_the_500_page_and_the_next_request_works(
    logged_in: FormClient,
    worker: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = case_list._page_statement
    monkeypatch.setattr(case_list, "_page_statement", _flush_a_duplicate_user(real))
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    failed = logged_in.get("/")
    assert failed.status_code == 500
    html = failed.get_data(as_text=True)
    assert SOMETHING_WRONG["pl"] in html
    # The session was rolled back, so the header could load the user (PendingRollbackError
    # before): the page is the logged-in one.
    assert worker.full_name in html and "Wyloguj" in html
    lines = [r.getMessage() for r in _records(caplog)]
    assert len(lines) == 1 and lines[0].startswith("database error: IntegrityError ("), lines
    assert " at tests/test_database_errors.py:" in lines[0]
    _assert_clean_log(caplog, worker.email)

    monkeypatch.setattr(case_list, "_page_statement", real)
    again = logged_in.get("/")
    assert again.status_code == 200
    assert worker.full_name in again.get_data(as_text=True)


def test_a_connection_lost_mid_request_answers_503_and_the_next_request_works(
    app: Flask,
    logged_in: FormClient,
    worker: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL only: a SQLite file cannot drop the connection")
    real = case_list._page_statement

    def lose_the_connection(*args: Any, **kwargs: Any) -> Any:
        db.session.execute(sa.text("SELECT pg_terminate_backend(pg_backend_pid())"))
        return real(*args, **kwargs)

    monkeypatch.setattr(case_list, "_page_statement", lose_the_connection)
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sv"
    failed = logged_in.get("/")
    assert failed.status_code == 503 and failed.headers["Retry-After"] == "30"
    assert UNAVAILABLE["sv"][0] in failed.get_data(as_text=True)
    lines = [r.getMessage() for r in _records(caplog)]
    assert len(lines) == 1 and lines[0].startswith("database unreachable: OperationalError")
    _assert_clean_log(caplog, worker.email)

    monkeypatch.setattr(case_list, "_page_statement", real)
    assert logged_in.get("/").status_code == 200


def test_an_unhandled_exception_renders_the_translated_500_page(
    client: FormClient,
    worker: Any,
    other_app: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cookie = _session_cookie_of(client, worker.email)
    # As in production: the exception is not passed on to the test, Flask handles it.
    served = other_app(PROPAGATE_EXCEPTIONS=False)
    browser: FlaskClient = served.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sv"
    browser.set_cookie("session", cookie)

    real = case_list._page_statement

    def broken(*args: Any, **kwargs: Any) -> Any:
        # A bug that swallows a failed flush and raises something else: the session is left
        # needing a rollback when the error page reads the user.
        try:
            _flush_a_duplicate_user(real)(*args, **kwargs)
        except sa.exc.IntegrityError as error:
            raise RuntimeError("a bug") from error

    monkeypatch.setattr(case_list, "_page_statement", broken)
    response = browser.get("/")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert SOMETHING_WRONG["sv"] in html and "Internal Server Error" not in html
    assert '<html lang="sv">' in html and worker.full_name in html
    monkeypatch.undo()
    assert browser.get("/").status_code == 200
