"""Logging in and out, and creating staff: the writes and their audit events."""

from __future__ import annotations

import sqlalchemy as sa
from flask_login import login_user, logout_user

from service import audit
from service.auth.passwords import hash_password, verify_password
from service.extensions import db
from service.models import Role, Unit, User


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the active user with this id."""
    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


def find_user(email: str) -> User | None:
    """The user with this login name (case-insensitive)."""
    return db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def attempt_login(email: str, password: str) -> User | None:
    """Log the user in when the password matches; audit success and failure alike."""
    user = find_user(email)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        audit.record("login.failed", user_id=user.id if user else None)
        db.session.commit()
        return None
    login_user(user)
    audit.record("login", user_id=user.id)
    db.session.commit()
    return user


def logout(user: User) -> None:
    """End the session and audit it."""
    audit.record("logout", user_id=user.id)
    db.session.commit()
    logout_user()


def create_user(
    *,
    email: str,
    full_name: str,
    password: str,
    unit: Unit,
    role: Role = Role.WORKER,
    title: str = "",
    phone: str = "",
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
    )
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", user_id=None, target_user_id=user.id)
    return user
