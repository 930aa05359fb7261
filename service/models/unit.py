"""A team or office that works with clients: the unit of access and of statistics."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base
from service.models._types import JSONType, UTCDateTime, utcnow


class Unit(Base):
    """A unit (e.g. "Tamira – BUSS", "MOPS Sopot – asystent osoby bezdomnej")."""

    __tablename__ = "units"
    __table_args__ = (
        sa.CheckConstraint("default_locale IN ('sv', 'pl', 'en')", name="default_locale"),
        sa.CheckConstraint("retention_years > 0", name="retention_years"),
        sa.CheckConstraint(
            "confidentiality IN ('osl', 'sol', 'lss', 'ups')", name="confidentiality"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Name shown in the header of every document.
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    #: The organisation the unit belongs to (company, municipality, centre).
    organisation: Mapped[str] = mapped_column(sa.String(200), default="")
    #: Postal address printed on documents.
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    #: Phone number printed on documents.
    phone: Mapped[str] = mapped_column(sa.String(50), default="")
    #: Town used as the place of signing on documents.
    place: Mapped[str] = mapped_column(sa.String(100), default="")
    #: Language of the unit's documents when a person has none of their own.
    default_locale: Mapped[str] = mapped_column(sa.String(5), default="sv")
    #: Keys of the methods the unit works with (see the method files in forms/methods/).
    methods: Mapped[list[str]] = mapped_column(JSONType, default=list)
    #: The confidentiality law the unit works under, printed on the consent: ``osl`` a Swedish
    #: public authority (OSL 26 kap.), ``sol`` / ``lss`` a private provider (SoL 15 kap. 1 §,
    #: LSS 29 §), ``ups`` a Polish unit (art. 100 ustawy o pomocy społecznej).
    confidentiality: Mapped[str] = mapped_column(sa.String(10), default="osl", server_default="osl")
    #: Years a closed case is kept before it may be purged.
    retention_years: Mapped[int] = mapped_column(default=5)
    #: Every member of staff must sign in with a second factor (a code from an app).
    two_factor_required: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Unit {self.id}>"
