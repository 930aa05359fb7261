"""Staff who log in: support workers, caseworkers, heads of unit and administrators."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        """Flask-Login refuses sessions of deactivated staff."""
        return self.active

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
