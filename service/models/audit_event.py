"""The audit trail: who did what to which case, when and from where."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from service.db import Base
from service.models._types import JSONType, UTCDateTime, utcnow


class AuditEvent(Base):
    """One audited action. Rows are only ever inserted; details hold ids, never personal data."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    #: Who acted; None for a failed login with an unknown name.
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    #: What happened, e.g. "case.view", "document.issue", "login.failed".
    action: Mapped[str] = mapped_column(sa.String(50), index=True)
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"), default=None, index=True)
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("persons.id"), default=None, index=True
    )
    #: Remote address of the request.
    ip: Mapped[str] = mapped_column(sa.String(64), default="")
    #: Ids and keys that say what exactly (document number, step, version).
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action}>"


class AuditRowImmutable(RuntimeError):
    """Audit rows are insert-only; nothing may change or delete one."""


@sa.event.listens_for(AuditEvent, "before_update")
@sa.event.listens_for(AuditEvent, "before_delete")
def _refuse_change(
    _mapper: Mapper[AuditEvent], _connection: sa.Connection, target: AuditEvent
) -> None:
    """The ORM guard; on PostgreSQL a trigger (migration 0004) refuses UPDATE/DELETE too."""
    raise AuditRowImmutable(f"Audit event {target.id} cannot be changed or deleted.")
