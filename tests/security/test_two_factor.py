"""Two-factor sign-in: enrolment right after the password (nothing else answers until it is
done), codes from the app with replay refused, recovery codes used once, the secret
encrypted at rest, the unit's and the user's requirement, audit rows."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, RecoveryCode, Unit, User
from tests.conftest import FormClient
from tests.security.conftest import World

SECRET_TEXT = re.compile(r'<code class="secret">([A-Z2-7 ]+)</code>')
CODES = re.compile(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>")


def _require_for_unit(app: Flask, unit_id: int) -> None:
    with app.app_context():
        db.session.get(Unit, unit_id).two_factor_required = True
        db.session.commit()


def _user(app: Flask, user_id: int) -> User:
    with app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
        return user


def _actions(app: Flask, user_id: int) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(AuditEvent.action)
                .where(AuditEvent.user_id == user_id)
                .order_by(AuditEvent.id)
            )
        )


class Clock:
    """time.time() held still (codes do not roll over while a slow test runs), moved by hand."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = (int(time.time()) // 30) * 30 + 1.0
        monkeypatch.setattr(time, "time", lambda: self.now)

    def code(self, secret: str) -> str:
        return pyotp.TOTP(secret).at(self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def enrol(client: FormClient, email: str) -> tuple[str, list[str]]:
    """Log in with the password, scan (read) the secret, confirm: the secret and the codes."""
    response = client.login(email)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login/setup")
    page = client.get("/login/setup").get_data(as_text=True)
    assert "<svg" in page and 'class="qr"' in page  # the QR code, inline
    secret = SECRET_TEXT.search(page).group(1).replace(" ", "")
    now = time.time()
    response = client.post("/login/setup", {"code": pyotp.TOTP(secret).at(now)})
    assert response.status_code == 200
    codes = CODES.findall(response.get_data(as_text=True))
    return secret, codes


def test_a_unit_that_requires_it_sends_staff_to_enrolment_and_nothing_else_answers(
    app: Flask, client: FormClient, world: World, clock: Clock
) -> None:
    _require_for_unit(app, world.own.unit_id)
    response = client.login(world.own.emails["worker"])
    assert response.headers["Location"].endswith("/login/setup")
    # Password right, second factor not set up: every other page is the login page.
    for url in ("/", f"/cases/{world.own.case_id}", f"/persons/{world.own.person_id}", "/account"):
        answer = client.get(url)
        assert answer.status_code == 302 and "/login" in answer.headers["Location"], url
    page = client.get("/login/setup").get_data(as_text=True)
    assert "Your unit signs in with a second factor" in page
    assert "https://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]  # nothing fetched
    secret = SECRET_TEXT.search(page).group(1).replace(" ", "")
    wrong = client.post(
        "/login/setup", {"code": "000000" if clock.code(secret) != "000000" else "111111"}
    )
    assert "This code is not right" in wrong.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still not in

    done = client.post("/login/setup", {"code": clock.code(secret)})
    codes = CODES.findall(done.get_data(as_text=True))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/").status_code == 200  # in now
    assert _actions(app, world.own.users["worker"])[-2:] == ["two_factor.enrol", "login"]


def test_the_secret_is_encrypted_and_the_recovery_codes_hashed(
    app: Flask, client: FormClient, world: World
) -> None:
    _require_for_unit(app, world.own.unit_id)
    secret, codes = enrol(client, world.own.emails["worker"])
    with app.app_context():
        raw = db.session.execute(
            sa.text("SELECT totp_secret FROM users WHERE id = :id"),
            {"id": world.own.users["worker"]},
        ).scalar_one()
        assert secret.encode() not in bytes(raw)
        hashes = db.session.scalars(sa.select(RecoveryCode.code_hash)).all()
        assert len(hashes) == 10
        assert all(h.startswith("$argon2id$") for h in hashes)
        assert not any(code.replace("-", "") in h for h in hashes for code in codes)


def test_an_enrolled_user_gives_a_code_after_the_password_and_a_replay_is_refused(
    app: Flask, client: FormClient, world: World, clock: Clock
) -> None:
    email = world.own.emails["worker"]
    _require_for_unit(app, world.own.unit_id)
    secret, _codes = enrol(client, email)
    client.post("/logout", {}, form_url="/")

    # The code accepted at enrolment cannot be used again (same 30-second window).
    used = clock.code(secret)
    response = client.login(email)
    assert response.headers["Location"].endswith("/login/code")
    assert client.get("/").status_code == 302  # not logged in between the two steps
    again = client.post("/login/code", {"code": used})
    assert again.status_code == 200
    assert "was used already" in again.get_data(as_text=True)

    # The next window's code works once, and only once.
    clock.advance(30)
    fresh = clock.code(secret)
    assert client.post("/login/code", {"code": fresh}).status_code == 302
    assert client.get("/").status_code == 200
    client.post("/logout", {}, form_url="/")
    client.login(email)
    assert client.post("/login/code", {"code": fresh}).status_code == 200  # replay refused
    assert client.get("/").status_code == 302
    actions = _actions(app, world.own.users["worker"])
    assert actions.count("login.code_failed") == 2


def test_a_recovery_code_works_once(app: Flask, client: FormClient, world: World) -> None:
    email = world.own.emails["worker"]
    _require_for_unit(app, world.own.unit_id)
    _secret, codes = enrol(client, email)
    client.post("/logout", {}, form_url="/")
    client.login(email)
    assert client.post("/login/code", {"code": codes[3].upper()}).status_code == 302
    assert client.get("/").status_code == 200
    client.post("/logout", {}, form_url="/")
    client.login(email)
    assert client.post("/login/code", {"code": codes[3]}).status_code == 200
    assert client.get("/").status_code == 302
    assert "login.recovery" in _actions(app, world.own.users["worker"])
    with app.app_context():
        assert (
            db.session.scalar(sa.select(sa.func.count()).where(RecoveryCode.used_at.is_not(None)))
            == 1
        )


def test_the_code_step_expires_and_cannot_be_skipped(
    app: Flask, client: FormClient, world: World, clock: Clock
) -> None:
    email = world.own.emails["worker"]
    _require_for_unit(app, world.own.unit_id)
    secret, _codes = enrol(client, email)
    client.post("/logout", {}, form_url="/")
    client.login(email)
    clock.advance(10 * 60)  # longer than the step may take
    assert client.get("/login/code").headers["Location"].endswith("/login")
    response = client.post("/login/code", {"code": clock.code(secret)}, form_url="/login")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert client.get("/").status_code == 302


def test_required_of_one_user_only(app: Flask, client: FormClient, world: World) -> None:
    with app.app_context():
        db.session.get(User, world.own.users["caseworker"]).two_factor_required = True
        db.session.commit()
    assert client.login(world.own.emails["worker"]).headers["Location"] == "/my-week"
    client.post("/logout", {}, form_url="/")
    assert client.login(world.own.emails["caseworker"]).headers["Location"].endswith("/setup")


def test_a_requirement_set_while_logged_in_takes_the_user_to_enrolment(
    app: Flask, client: FormClient, world: World
) -> None:
    client.login(world.own.emails["worker"])
    assert client.get("/").status_code == 200
    _require_for_unit(app, world.own.unit_id)
    response = client.get(f"/cases/{world.own.case_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login/setup")
    assert client.get("/login/setup").status_code == 200


def test_voluntary_enrolment_and_new_recovery_codes_from_the_account_page(
    app: Flask, client: FormClient, world: World, clock: Clock
) -> None:
    client.login(world.own.emails["worker"])
    assert "Off: you log in with your password only." in client.get("/account").get_data(
        as_text=True
    )
    page = client.get("/login/setup").get_data(as_text=True)
    secret = SECRET_TEXT.search(page).group(1).replace(" ", "")
    first = CODES.findall(
        client.post("/login/setup", {"code": clock.code(secret)}).get_data(as_text=True)
    )
    assert "10 unused recovery codes left." in client.get("/account").get_data(as_text=True)
    clock.advance(30)
    response = client.post("/account/recovery-codes", {"code": clock.code(secret)})
    second = CODES.findall(response.get_data(as_text=True))
    assert len(second) == 10 and not set(first) & set(second)
    assert "two_factor.recovery_codes" in _actions(app, world.own.users["worker"])


@pytest.mark.parametrize(
    "language, words",
    [
        ("sv", ["Tvåstegsinloggning", "Logga in"]),
        ("pl", ["Logowanie dwuetapowe", "Zaloguj"]),
    ],
)
def test_the_pages_are_translated(
    app: Flask, client: FormClient, world: World, language: str, words: list[str]
) -> None:
    _require_for_unit(app, world.own.unit_id)
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    client.login(world.own.emails["worker"])
    page = client.get("/login/setup").get_data(as_text=True)
    assert words[0].lower() in page.lower()
    assert "Set up two-factor sign-in" not in page


def test_hostile_codes_answer_with_the_form(app: Flask, client: FormClient, world: World) -> None:
    _require_for_unit(app, world.own.unit_id)
    enrol(client, world.own.emails["worker"])
    client.post("/logout", {}, form_url="/")
    for typed in ("{{ 7*7 }}", "<script>", "\x00\x01", "ł" * 39, "12345678901234567890" * 3, " "):
        client.login(world.own.emails["worker"])
        response = client.post("/login/code", {"code": typed})
        assert response.status_code == 200, typed
        assert "<script>" not in response.get_data(as_text=True)
