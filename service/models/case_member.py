"""A member of a case's team: a member of staff and the part they play in the case."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class TeamRole(enum.StrEnum):
    """The part a member of staff plays in one case (translated in service/cases/team.py)."""

    CONTACT_PERSON = "contact_person"
    SECOND_CONTACT = "second_contact"
    ASSISTANT = "assistant"
    SOCIAL_WORKER = "social_worker"
    PSYCHOLOGIST = "psychologist"
    PEER_SUPPORTER = "peer_supporter"
    FACT_COORDINATOR = "fact_coordinator"
    SUPPORT_EDUCATOR = "support_educator"
    STREETWORKER = "streetworker"


TEAM_ROLE_VALUES = tuple(role.value for role in TeamRole)


class CaseMember(Base):
    """One member of staff on one case's team, with their team role.

    The team decides, next to the unit, who may see and act on a case (service/access.py) and
    whose cases are "mine" (service/cases/mine.py). A member of staff holds one team role per case.
    """

    __tablename__ = "case_members"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "user_id", name="uq_case_members_case_user"),
        sa.CheckConstraint(
            "team_role IN (" + ", ".join(f"'{v}'" for v in TEAM_ROLE_VALUES) + ")",
            name="team_role",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The case whose team this is.
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: The member of staff.
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    #: Their part in the case (:class:`TeamRole`).
    team_role: Mapped[str] = mapped_column(sa.String(30))
    #: Who put them on the team, and when.
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")

    def __repr__(self) -> str:
        return f"<CaseMember {self.case_id} {self.user_id} {self.team_role}>"
