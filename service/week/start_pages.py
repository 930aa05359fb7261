"""The caseworker's page (the cases they referred, with the records new since their last
visit) and the manager's page (caseload and what is late, per worker). Each in a fixed
number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import defer

from service.access import case_scope
from service.cases.actions import overdue_actions
from service.cases.overview import overdue_sub_goals
from service.extensions import db
from service.journal.operations import as_local, last_contacts
from service.journal.rhythm import case_rhythms
from service.models import AuditEvent, Case, CaseStatus, Document, Role, User
from service.week.overview import _finals, _method

#: The records a caseworker receives after the plan.
RECORD_TYPES = ("follow_up", "closing")
#: Roles that see the team page (the head of unit's role joins when it exists).
TEAM_ROLES = frozenset({Role.ADMIN.value, "manager"})


@dataclass
class ReferredCase:
    case: Case
    new_records: list[Document] = field(default_factory=list)


@dataclass
class Referrals:
    rows: list[ReferredCase]
    since: datetime | None

    @property
    def new_count(self) -> int:
        return sum(len(r.new_records) for r in self.rows)


def last_visit(user: User, action: str) -> datetime | None:
    """When ``user`` last opened the page that writes ``action`` to the audit log."""
    return db.session.scalar(
        sa.select(sa.func.max(AuditEvent.at)).where(
            AuditEvent.user_id == user.id, AuditEvent.action == action
        )
    )


def load_referrals(user: User) -> Referrals:
    """The cases ``user`` referred (in their scope), with follow-up records and closing
    summaries issued since their last visit (all of them on a first visit)."""
    since = last_visit(user, "referrals.view")
    cases = list(
        db.session.scalars(
            sa.select(Case)
            .where(case_scope(user), Case.referring_caseworker_id == user.id)
            .order_by(Case.status == CaseStatus.CLOSED.value, Case.reference)
        )
    )
    rows = {case.id: ReferredCase(case) for case in cases}
    if rows:
        query = (
            sa.select(Document)
            .options(defer(Document.content), defer(Document.context))
            .where(Document.case_id.in_(list(rows)), Document.doc_type.in_(RECORD_TYPES))
            .order_by(Document.issued_at)
        )
        if since is not None:
            query = query.where(Document.issued_at > since)
        for document in db.session.scalars(query):
            rows[document.case_id].new_records.append(document)
    return Referrals(list(rows.values()), since)


@dataclass
class WorkerLoad:
    """One worker's caseload and what is late in it."""

    user: User
    caseload: int = 0
    contact_overdue: int = 0
    follow_up_overdue: int = 0
    sub_goals_overdue: int = 0
    actions_overdue: int = 0

    @property
    def attention(self) -> int:
        return (
            self.contact_overdue
            + self.follow_up_overdue
            + self.sub_goals_overdue
            + self.actions_overdue
        )


def load_team(user: User, today: date) -> list[WorkerLoad]:
    """Every active member of staff of the unit with the open cases they are contact person of
    (or opened, when no contact person is named yet)."""
    staff = list(
        db.session.scalars(
            sa.select(User)
            .where(User.unit_id == user.unit_id, User.active.is_(True))
            .order_by(User.full_name)
        )
    )
    loads = {member.id: WorkerLoad(member) for member in staff}
    cases = list(
        db.session.scalars(
            sa.select(Case).where(
                case_scope(user),
                Case.unit_id == user.unit_id,
                Case.status != CaseStatus.CLOSED.value,
                Case.erased_at.is_(None),
            )
        )
    )
    if cases:
        finals, pinned = _finals([c.id for c in cases])
        contacts = last_contacts([c.id for c in cases])
        versions: dict[tuple[str, str | None], object] = {}
        by_worker: dict[int, list[Case]] = defaultdict(list)
        for case in cases:
            owner = case.contact_person_id or case.created_by_id
            if owner in loads:
                by_worker[owner].append(case)
        for owner, owned in by_worker.items():
            load = loads[owner]
            for case in owned:
                load.caseload += 1
                steps = finals.get(case.id, [])
                key = (case.method, pinned.get(case.id))
                if key not in versions:
                    versions[key] = _method(case, key[1])
                method = versions[key]
                if method is not None:
                    last = contacts.get(case.id)
                    contact, follow_up = case_rhythms(
                        case.status,
                        steps,
                        method,  # type: ignore[arg-type]
                        as_local(last).date() if last else None,
                        today,
                    )
                    load.contact_overdue += bool(contact and contact.overdue)
                    load.follow_up_overdue += bool(follow_up and follow_up.overdue)
                load.sub_goals_overdue += len(overdue_sub_goals(steps, today))
                load.actions_overdue += len(overdue_actions(steps, today))
    return [load for load in loads.values() if load.caseload or load.user.role == "worker"]
