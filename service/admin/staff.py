"""The unit's staff, managed by its admin: the writes and their audit events.

An admin acts only on the staff of their own unit (:func:`unit_member` answers 404 for
anyone else), never changes their own role and never deactivates themselves. Nobody is ever
deleted: audit rows keep pointing at them.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from flask import abort, url_for
from sqlalchemy.exc import IntegrityError

from service import audit
from service.auth import links, two_factor
from service.auth.operations import create_user, end_every_session
from service.auth.passwords import hash_password
from service.documents.stamp import public_base_url
from service.extensions import db
from service.models import PasswordToken, Role, Unit, User
from service.models._types import utcnow


class NotAllowed(ValueError):
    """The admin may not do this to this account (the message says why, translated)."""


class EmailTaken(ValueError):
    """Someone else logs in with this e-mail address (added a moment ago by another admin)."""


def unit_member(admin: User, user_id: int) -> User:
    """A member of the admin's unit, or 404 (another unit's staff are not found)."""
    user = db.session.scalar(
        sa.select(User).where(User.id == user_id, User.unit_id == admin.unit_id)
    )
    if user is None:
        abort(404)
    return user


def unit_staff(unit_id: int) -> list[User]:
    """Everyone of the unit, active and deactivated, by name."""
    return list(
        db.session.scalars(
            sa.select(User).where(User.unit_id == unit_id).order_by(User.full_name, User.id)
        )
    )


def email_taken(email: str) -> bool:
    """True when any unit already has this login name."""
    found = db.session.scalar(sa.select(User.id).where(User.email == email.strip().lower()))
    return found is not None


def link_url(token: str) -> str:
    """The absolute set-password link the admin hands over."""
    return public_base_url() + url_for("auth.set_password", token=token)


def add_member(
    admin: User,
    *,
    full_name: str,
    email: str,
    title: str,
    phone: str,
    role: str,
    two_factor_required: bool,
) -> tuple[User, str]:
    """A new member of the admin's unit with no usable password, and their one-time link."""
    unit = db.session.get(Unit, admin.unit_id)
    assert unit is not None
    try:
        user = create_user(
            email=email,
            full_name=full_name,
            # Nobody knows this password: the person chooses theirs through the link.
            password=secrets.token_urlsafe(32),
            unit=unit,
            role=Role(role),
            title=title,
            phone=phone,
            two_factor_required=two_factor_required,
        )
        token = links.make_link_token(user, "invite", admin)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if email_taken(email):  # two admins adding the same address at once: one wins
            raise EmailTaken(email) from None
        raise
    return user, token


def change_role(admin: User, user: User, role: str) -> None:
    """Give ``user`` another role; an admin's own role is not theirs to change."""
    if user.id == admin.id:
        raise NotAllowed("own_role")
    new = Role(role).value
    if new == user.role:
        return
    audit.record("user.role", target_user_id=user.id, role_from=user.role, role_to=new)
    user.role = new
    db.session.commit()


def deactivate(admin: User, user: User) -> None:
    """End the person's access: every session and every unused link end; nothing is deleted."""
    if user.id == admin.id:
        raise NotAllowed("own_account")
    if not user.active:
        return
    user.active = False
    end_every_session(user)
    _end_links(user)
    audit.record("user.deactivate", target_user_id=user.id)
    db.session.commit()


def reactivate(admin: User, user: User) -> None:
    """Give a deactivated account its access back (with the password it had)."""
    if user.active:
        return
    user.active = True
    audit.record("user.reactivate", target_user_id=user.id)
    db.session.commit()


def reset_password(admin: User, user: User) -> str:
    """The old password stops working, every session ends; a new one-time link is returned."""
    if user.id == admin.id:
        raise NotAllowed("own_password")
    if not user.active:
        raise NotAllowed("inactive")
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    end_every_session(user)
    token = links.make_link_token(user, "reset", admin)
    audit.record("user.password_reset", target_user_id=user.id)
    db.session.commit()
    return token


def set_two_factor(admin: User, user: User, *, required: bool, reset: bool) -> None:
    """Require (or stop requiring) two-factor sign-in of ``user``; reset a lost set-up."""
    if reset and user.id == admin.id:
        raise NotAllowed("own_two_factor")
    if required != user.two_factor_required:
        user.two_factor_required = required
        audit.record(
            "user.two_factor_required" if required else "user.two_factor_optional",
            target_user_id=user.id,
        )
    if reset and user.totp_secret is not None:
        two_factor.clear(user)
        end_every_session(user)
        audit.record("user.two_factor_reset", target_user_id=user.id)
    db.session.commit()


def set_unit_two_factor(admin: User, *, required: bool) -> None:
    """Require (or stop requiring) two-factor sign-in of everyone in the admin's unit."""
    unit = db.session.get(Unit, admin.unit_id)
    assert unit is not None
    if unit.two_factor_required == required:
        return
    unit.two_factor_required = required
    audit.record("unit.two_factor_required" if required else "unit.two_factor_optional")
    db.session.commit()


def _end_links(user: User) -> None:
    db.session.execute(
        sa.update(PasswordToken)
        .where(PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
