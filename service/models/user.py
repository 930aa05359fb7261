"""Staff who log in: support workers, caseworkers, heads of unit and administrators."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.unit import Unit


class Role(enum.StrEnum):
    """What a member of staff may do."""

    WORKER = "worker"
    CASEWORKER = "caseworker"
    #: Head of the unit (kierownik ośrodka, enhetschef): reads the unit's cases and approves
    #: the documents the method says need approval (the IPWzB, art. 49 ust. 2 u.p.s.).
    MANAGER = "manager"
    ADMIN = "admin"


class User(UserMixin, Base):
    """A member of staff; clients never log in."""

    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("role IN ('worker', 'caseworker', 'manager', 'admin')", name="role"),
        sa.CheckConstraint("locale IS NULL OR locale IN ('sv', 'pl', 'en')", name="locale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the encrypted columns are bound to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    #: Login name, stored lower-case.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    #: Name printed in signature blocks.
    full_name: Mapped[str] = mapped_column(sa.String(200))
    #: Job title printed under the name (e.g. "boendestödjare").
    title: Mapped[str] = mapped_column(sa.String(100), default="")
    #: Work phone printed on documents.
    phone: Mapped[str] = mapped_column(sa.String(50), default="")
    role: Mapped[str] = mapped_column(sa.String(20), default=Role.WORKER.value)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    #: argon2id hash; never the password itself.
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    #: Preferred interface language; None follows the browser and the unit.
    locale: Mapped[str | None] = mapped_column(sa.String(5), default=None)
    active: Mapped[bool] = mapped_column(default=True)
    #: Raised by a password change or reset, a deactivation or a two-factor reset: every
    #: session carries the value it was opened with, and one with an older value is ended.
    auth_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: The TOTP secret (base32), encrypted; set at enrolment, None without two-factor sign-in.
    #: Read (and decrypted) only when a code is checked, never with the signed-in user.
    totp_secret: Mapped[str | None] = mapped_column(
        EncryptedText("users.totp_secret"), default=None, deferred=True
    )
    #: When the enrolment was confirmed with a first code; None while not (yet) enrolled.
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: The TOTP time step of the last code accepted: a code of that step or earlier is refused.
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    #: An admin requires two-factor sign-in of this user (the unit may require it of everyone).
    two_factor_required: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        """Flask-Login refuses sessions of deactivated staff."""
        return self.active

    def get_id(self) -> str:
        """The session's user id: the row id and the auth version ("12.3").

        A password change, a reset or a deactivation raises ``auth_version``, so every session
        (and remember-me cookie) opened before no longer loads a user.
        """
        return f"{self.id}.{self.auth_version}"

    @property
    def two_factor_enabled(self) -> bool:
        """The user signs in with a code from an authenticator app."""
        return self.totp_enabled_at is not None and self.totp_secret is not None

    @property
    def must_use_two_factor(self) -> bool:
        """Two-factor sign-in is required of this user (by the admin or for the whole unit)."""
        return self.two_factor_required or bool(self.unit and self.unit.two_factor_required)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
