"""One-time set-password links: for new staff and after a reset, valid for a day, once.

The link carries a random token (256 bits); only its SHA-256 is stored, so a copy of the
database gives no working link. Making a new link for a user ends the older unused ones.
"""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa
from flask import current_app

from service.extensions import db
from service.models import PasswordToken, User
from service.models._types import utcnow


def token_hash(token: str) -> str:
    """What is stored of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def make_link_token(user: User, purpose: str, created_by: User | None) -> str:
    """A new token for ``user`` (caller commits); older unused tokens of the user end now."""
    now = utcnow()
    db.session.execute(
        sa.update(PasswordToken)
        .where(PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    token = secrets.token_urlsafe(32)
    db.session.add(
        PasswordToken(
            user_id=user.id,
            token_hash=token_hash(token),
            purpose=purpose,
            created_by_id=created_by.id if created_by else None,
            created_at=now,
            expires_at=now + current_app.config["PASSWORD_LINK_LIFETIME"],
        )
    )
    db.session.flush()
    return token


def valid_token(token: str) -> PasswordToken | None:
    """The unused, unexpired token row of an active user, or None."""
    if not token or len(token) > 100:
        return None
    row = db.session.scalar(
        sa.select(PasswordToken).where(PasswordToken.token_hash == token_hash(token))
    )
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return row


def use_token(row: PasswordToken) -> bool:
    """Mark the token used; False when another request used it first."""
    result = db.session.execute(
        sa.update(PasswordToken)
        .where(PasswordToken.id == row.id, PasswordToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]
