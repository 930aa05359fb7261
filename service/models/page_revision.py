"""What every page shows beyond one case (staff, units) has a revision of its own."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base

#: The one row: raised when staff or a unit change (service/page_cache.py).
SHARED = "shared"


class PageRevision(Base):
    """A named revision under which rendered parts of pages are kept (never shown)."""

    __tablename__ = "page_revisions"

    name: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
