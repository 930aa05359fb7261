"""One-time recovery codes: a way in when the phone with the authenticator app is lost."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base
from service.models._types import UTCDateTime, utcnow


class RecoveryCode(Base):
    """One of the ten codes shown once at enrolment; only its argon2 hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Whose code it is.
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: argon2id hash of the code; never the code itself.
    code_hash: Mapped[str] = mapped_column(sa.String(200))
    #: When the code was used to sign in; a used code is refused.
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<RecoveryCode {self.id} of user {self.user_id}>"
