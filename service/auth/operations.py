"""Signing in and out (password, then the second factor), passwords and creating staff:
the writes and their audit events."""

from __future__ import annotations

import enum
import functools
import time
from typing import Any

import sqlalchemy as sa
from flask import current_app, session
from flask_login import login_user, logout_user

from service import audit, page_cache
from service.auth import two_factor
from service.auth.passwords import hash_password, verify_password
from service.extensions import db
from service.i18n import SESSION_KEY as LANGUAGE_KEY
from service.models import Role, Unit, User
from service.models._types import utcnow

#: Session key of a sign-in whose password was right and whose second factor is still due:
#: {"user": id, "version": auth_version, "at": epoch seconds, "next": path, "enrol": bool}.
#: Nothing but the second-step pages accept it: the user is not logged in until it is done.
PENDING = "_signin_pending"


class Outcome(enum.Enum):
    """What a right or wrong password leads to."""

    FAILED = "failed"
    LOGGED_IN = "logged_in"
    CODE = "code"  # the code of the app (or a recovery code) is asked for next
    ENROL = "enrol"  # two-factor sign-in is required and must be set up first


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the active user whose id *and* auth version match the session.

    A password change, a reset or a deactivation raises the version, so every older session
    (and remember-me cookie) of that user loads nobody and is sent to the login page.
    """
    row_id, _sep, version = user_id.partition(".")
    if not row_id.isdigit() or not version.isdigit():
        return None
    # the shared page revision comes along (service/page_cache.py): one query, not two
    row = db.session.execute(_signed_in_user(), {"user_id": int(row_id)}).first()
    if row is None or row[0].auth_version != int(version):
        return None
    page_cache.note_shared_revision(row[1])
    return row[0]  # type: ignore[no-any-return]


@functools.cache
def _signed_in_user() -> sa.Select[User, int]:
    """The statement of :func:`load_user`, built once (it runs on every request)."""
    return sa.select(User, page_cache.shared_revision_column()).where(
        User.id == sa.bindparam("user_id")
    )


def find_user(email: str) -> User | None:
    """The user with this login name (case-insensitive)."""
    return db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def attempt_login(email: str, password: str, next_url: str | None = None) -> Outcome:
    """Check the password; log in, or ask for the second factor; audit a failure."""
    user = find_user(email)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        audit.record("login.failed", user_id=user.id if user else None)
        db.session.commit()
        return Outcome.FAILED
    if user.two_factor_enabled or user.must_use_two_factor:
        session[PENDING] = {
            "user": user.id,
            "version": user.auth_version,
            "at": int(time.time()),
            "next": next_url or "",
            "enrol": not user.two_factor_enabled,
        }
        return Outcome.CODE if user.two_factor_enabled else Outcome.ENROL
    _log_in(user)
    audit.record("login", user_id=user.id)
    db.session.commit()
    return Outcome.LOGGED_IN


def pending_user() -> User | None:
    """The user whose password was right a moment ago and who still owes the second step."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict):
        return None
    setting = "ENROLMENT_STEP_LIFETIME" if pending.get("enrol") else "TWO_FACTOR_STEP_LIFETIME"
    lifetime = current_app.config[setting].total_seconds()
    if time.time() - float(pending.get("at", 0)) > lifetime:
        session.pop(PENDING, None)
        return None
    user = db.session.get(User, int(pending.get("user", 0)))
    if user is None or not user.active or user.auth_version != pending.get("version"):
        session.pop(PENDING, None)
        return None
    return user


def pending_next() -> str:
    """Where the user was headed before signing in."""
    pending = session.get(PENDING)
    return str(pending.get("next") or "") if isinstance(pending, dict) else ""


def check_second_factor(user: User, code: str) -> bool:
    """Log the pending user in when ``code`` is a fresh app code or an unused recovery code."""
    typed = "".join(code.split())
    recovery = not typed.isdigit()
    ok = (
        two_factor.use_recovery_code(user, typed)
        if recovery
        else two_factor.accept_code(user, typed)
    )
    if not ok:
        audit.record("login.code_failed", user_id=user.id)
        db.session.commit()
        return False
    _log_in(user)
    if recovery:
        audit.record("login.recovery", user_id=user.id)
    else:
        audit.record("login", user_id=user.id)
    db.session.commit()
    return True


def start_enrolment(user: User) -> str:
    """The user's not yet confirmed TOTP secret, made now if there is none (caller commits)."""
    if user.totp_secret is None or user.totp_enabled_at is not None:
        user.totp_secret = two_factor.new_secret()
        user.totp_enabled_at = None
        user.totp_last_step = None
        db.session.flush()
    return user.totp_secret


def confirm_enrolment(user: User, code: str, *, log_in: bool) -> list[str] | None:
    """Turn two-factor sign-in on when ``code`` matches; the ten recovery codes, or None."""
    if user.totp_secret is None or not two_factor.accept_code(user, code):
        return None
    user.totp_enabled_at = utcnow()
    codes = two_factor.new_recovery_codes(user)
    audit.record("two_factor.enrol", user_id=user.id)
    if log_in:
        _log_in(user)
        audit.record("login", user_id=user.id)
    db.session.commit()
    return codes


def renew_recovery_codes(user: User, code: str) -> list[str] | None:
    """Ten new recovery codes (the old ones stop working) when ``code`` is a fresh app code."""
    if not two_factor.accept_code(user, code):
        audit.record("login.code_failed", user_id=user.id)
        db.session.commit()
        return None
    codes = two_factor.new_recovery_codes(user)
    audit.record("two_factor.recovery_codes", user_id=user.id)
    db.session.commit()
    return codes


def end_every_session(user: User) -> None:
    """Every session of ``user`` ends at its next request (caller commits)."""
    user.auth_version = (user.auth_version or 0) + 1


def change_password(user: User, current: str, new: str) -> bool:
    """The user's own password; every other session ends, this one goes on."""
    if not verify_password(user.password_hash, current):
        audit.record("password.change_failed", user_id=user.id)
        db.session.commit()
        return False
    user.password_hash = hash_password(new)
    end_every_session(user)
    audit.record("password.change", user_id=user.id)
    db.session.commit()
    # This browser carries the new version, so only the other sessions end.
    session["_user_id"] = user.get_id()
    return True


def set_password(user: User, new: str, *, purpose: str) -> None:
    """A password set through a one-time link; ends every session of the user (caller commits)."""
    user.password_hash = hash_password(new)
    end_every_session(user)
    audit.record("password.set", user_id=user.id, purpose=purpose)


def logout(user: User) -> None:
    """End the session and audit it: nothing of it but the chosen language outlives it, so a
    form token seen before the logout does not post after the next login."""
    audit.record("logout", user_id=user.id)
    db.session.commit()
    language = session.get(LANGUAGE_KEY)
    session.clear()
    logout_user()  # after the clear: it marks a remember-me cookie to be deleted
    if language:
        session[LANGUAGE_KEY] = language


def _log_in(user: User) -> None:
    """Open the session (the caller audits how the user signed in)."""
    session.pop(PENDING, None)
    login_user(user)


def create_user(
    *,
    email: str,
    full_name: str,
    password: str,
    unit: Unit,
    role: Role = Role.WORKER,
    title: str = "",
    phone: str = "",
    **extra: Any,
) -> User:
    """Add a member of staff with an argon2 password hash (caller commits)."""
    user = User(
        email=email.strip().lower(),
        full_name=full_name,
        password_hash=hash_password(password),
        unit_id=unit.id,
        role=role.value,
        title=title,
        phone=phone,
        **extra,
    )
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", user_id=None, target_user_id=user.id)
    return user
