"""The plan's history on the case page: every version, who made it and why, and the
sub-goals lowered at follow-ups (``lowering.py``) under the version they made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from service.cases.lowering import Lowering, case_lowerings
from service.cases.record import case_record
from service.extensions import db
from service.models import Case, Submission, User


@dataclass
class PlanVersion:
    """One version of the plan as its history lists it."""

    version: int
    created_at: datetime
    by: str
    reason: str
    lowered: list[Lowering] = field(default_factory=list)


def plan_history(case: Case) -> list[PlanVersion]:
    """The plan's versions, newest first; empty while the plan has only its first version
    (nothing to tell). One query, only when there is a history."""
    record = case_record(case)
    if sum(1 for row in record.versions if row.step == "plan") < 2:
        return []
    rows = db.session.execute(
        sa.select(
            Submission.version, Submission.created_at, Submission.change_reason, User.full_name
        )
        .join(User, User.id == Submission.created_by_id, isouter=True)
        .where(Submission.case_id == case.id, Submission.step == "plan")
        .order_by(Submission.instance, Submission.version)
    ).all()
    versions = {
        version: PlanVersion(version, created_at, name or "", reason or "")
        for version, created_at, reason, name in rows
    }
    for lowered in case_lowerings(case):
        if lowered.plan_version in versions:
            versions[lowered.plan_version].lowered.append(lowered)
    return sorted(versions.values(), key=lambda v: -v.version)
