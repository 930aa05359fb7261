"""One-time links to set a password: for new staff and after a reset (no e-mail needed)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base
from service.models._types import UTCDateTime, utcnow


class PasswordToken(Base):
    """A set-password link the admin hands over; valid 24 hours, once. Stored only hashed."""

    __tablename__ = "password_tokens"
    __table_args__ = (sa.CheckConstraint("purpose IN ('invite', 'reset')", name="purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Whose password the link sets.
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: SHA-256 (hex) of the random token in the link; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    #: "invite" for a new member of staff, "reset" when an admin reset the password.
    purpose: Mapped[str] = mapped_column(sa.String(10))
    #: The admin who made the link.
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: After this moment the link no longer works.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: When the link was used (or replaced by a newer one); a used link is refused.
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    def __repr__(self) -> str:
        return f"<PasswordToken {self.id} {self.purpose} of user {self.user_id}>"
