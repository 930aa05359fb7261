"""A case: one person's journey with one unit and one method."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.person import SEARCH_KEY, Person
from service.models.unit import Unit
from service.models.user import User


class CaseStatus(enum.StrEnum):
    """Where a case is on the journey."""

    REFERRED = "referred"
    START_MEETING = "start_meeting"
    AGREED = "agreed"
    ASSESSED = "assessed"
    PLAN_ACTIVE = "plan_active"
    CLOSED = "closed"


class Case(Base):
    """A referral taken on by a unit, from the start meeting to closing."""

    __tablename__ = "cases"
    #: What the encrypted values are bound to (service/crypto.py).
    __row_identity__ = ("reference",)
    __table_args__ = (
        sa.CheckConstraint(
            "status IN "
            "('referred', 'start_meeting', 'agreed', 'assessed', 'plan_active', 'closed')",
            name="status",
        ),
        # the case list: newest first per unit, filtered by status, method, due date, worker
        sa.Index("ix_cases_unit_id_id", "unit_id", "id"),
        sa.Index("ix_cases_unit_status_id", "unit_id", "status", "id"),
        sa.Index("ix_cases_unit_method_id", "unit_id", "method", "id"),
        sa.Index("ix_cases_unit_due_on", "unit_id", "due_on"),
        sa.Index("ix_cases_contact_person_id", "contact_person_id"),
        sa.Index("ix_cases_created_by_id", "created_by_id"),
        sa.Index("ix_cases_referring_caseworker_id", "referring_caseworker_id"),
        # a search by identity number: a found person's cases and the unit they belong to, from
        # the index alone (no case row read to check the scope); a person's cases on a rename
        sa.Index("ix_cases_person_id_unit_id", "person_id", "unit_id"),
        # a search by name in a unit: the ids of the cases whose person's name begins so, from
        # the index alone (the person's keys are copied onto the case: see below)
        sa.Index("ix_cases_unit_person_sort_key", "unit_id", "person_sort_key", "id"),
        sa.Index("ix_cases_unit_person_given_key", "unit_id", "person_given_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Human reference printed on documents, e.g. C-2026-000007.
    reference: Mapped[str] = mapped_column(sa.String(30), unique=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("persons.id"))
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    #: Key of the method the unit works by in this case (e.g. "buss", "ipwzb").
    method: Mapped[str] = mapped_column(sa.String(50))
    #: The named contact person (support worker / assistant), set at the second meeting.
    contact_person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    #: The referring caseworker when they are a user of the service.
    referring_caseworker_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id"), default=None
    )
    #: The referring caseworker's name when they are outside the service.
    referring_caseworker_name: Mapped[str] = mapped_column(sa.String(200), default="")
    #: The assignment (uppdrag / decision) as written in the referral; encrypted at rest.
    assignment: Mapped[str] = mapped_column(EncryptedText("cases.assignment"), default="")
    status: Mapped[str] = mapped_column(sa.String(20), default=CaseStatus.REFERRED.value)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    #: The step to fill in next (its key), "" when none is, None until first worked out:
    #: for the case list, refreshed on every finalise (service/cases/planning.py).
    next_step: Mapped[str | None] = mapped_column(sa.String(50), default=None)
    #: The next meeting planned at the latest meeting held (for the case list).
    next_meeting_on: Mapped[date | None] = mapped_column(default=None)
    #: The earliest date something is due: that meeting or an open sub-goal's due date. A day
    #: before today makes the case overdue in the list.
    due_on: Mapped[date | None] = mapped_column(default=None)
    #: When the case's answers and document bytes were erased; None while they are kept.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: Raised by every change to what the case's pages show (service/page_cache.py): the key
    #: under which a rendered part of those pages is kept, never shown.
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
    #: The person's search keys (``Person.sort_key``, ``given_key``), kept on the case so that a
    #: name search reads one index of the unit's cases, not every matching person and then
    #: their cases; copied on insert and whenever the person's name changes (below).
    person_sort_key: Mapped[str] = mapped_column(SEARCH_KEY, default="", server_default="")
    person_given_key: Mapped[str] = mapped_column(SEARCH_KEY, default="", server_default="")

    person: Mapped[Person] = relationship(lazy="joined")
    unit: Mapped[Unit] = relationship(lazy="joined")
    contact_person: Mapped[User | None] = relationship(foreign_keys=[contact_person_id])
    referring_caseworker: Mapped[User | None] = relationship(foreign_keys=[referring_caseworker_id])

    @property
    def caseworker_name(self) -> str:
        """The referring caseworker's name, whether or not they use the service."""
        if self.referring_caseworker is not None:
            return self.referring_caseworker.full_name
        return self.referring_caseworker_name

    def __repr__(self) -> str:
        return f"<Case {self.id} {self.status}>"


@sa.event.listens_for(Case, "before_insert")
@sa.event.listens_for(Case, "before_update")
def _copy_person_keys(_mapper: Mapper[Case], connection: sa.Connection, target: Case) -> None:
    """A new case, or one moved to another person, takes the person's search keys.

    Read from the database in this flush (after the person's own row: a person renamed or
    added in the same flush is written first) and share-locked on PostgreSQL: a rename
    committing meanwhile either ran before, and its keys are read here, or waits for this
    transaction, and then its update of the person's cases sees this one."""
    state = sa.inspect(target)
    if state.persistent and not state.attrs.person_id.history.has_changes():
        return
    found = connection.execute(
        sa.select(Person.sort_key, Person.given_key)
        .where(Person.id == target.person_id)
        .with_for_update(read=True)
    ).first()
    if found is not None:
        target.person_sort_key, target.person_given_key = found


@sa.event.listens_for(Person, "after_update")
def _follow_the_name(_mapper: Mapper[Person], connection: sa.Connection, target: Person) -> None:
    """A renamed (or erased) person's cases take the new keys in the same flush."""
    state = sa.inspect(target)
    if not (
        state.attrs.sort_key.history.has_changes() or state.attrs.given_key.history.has_changes()
    ):
        return
    connection.execute(
        sa.update(Case)
        .where(Case.person_id == target.id)
        .values(person_sort_key=target.sort_key, person_given_key=target.given_key)
    )
