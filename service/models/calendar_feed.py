"""A worker's private calendar link: the hash of the token in its URL."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base
from service.models._types import UTCDateTime, utcnow


class CalendarFeed(Base):
    """One calendar link per member of staff; a new link replaces the old one."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Whose meetings the feed lists.
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), unique=True)
    #: SHA-256 (hex) of the token in the URL; the token itself is shown once and never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: When a calendar last fetched the feed (None: never).
    last_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    def __repr__(self) -> str:
        return f"<CalendarFeed {self.user_id}>"
