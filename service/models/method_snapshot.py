"""The text of every method file version answers were given to, so old cases stay readable."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base
from service.models._types import UTCDateTime, utcnow


class MethodSnapshot(Base):
    """A method file (with its base) as it was when a step was first finalised with it."""

    __tablename__ = "method_snapshots"

    method: Mapped[str] = mapped_column(sa.String(50), primary_key=True)
    #: The short hash answers are pinned to (Submission.form_version).
    version: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    #: The YAML text of the method and its base.
    source: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
