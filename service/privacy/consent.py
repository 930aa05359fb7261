"""Recording that a person withdrew their consent to share information."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from service import audit
from service.cases.operations import latest_submission
from service.extensions import db
from service.models import Case, ConsentWithdrawal, User


def withdraw_consent(case: Case, user: User, withdrawn_on: date) -> ConsentWithdrawal:
    """Record the withdrawal with its date and who recorded it, audited in the same commit."""
    withdrawal = ConsentWithdrawal(
        case_id=case.id, withdrawn_on=withdrawn_on, recorded_by_id=user.id
    )
    db.session.add(withdrawal)
    db.session.flush()
    audit.record(
        "consent.withdraw",
        case_id=case.id,
        person_id=case.person_id,
        user_id=user.id,
        withdrawal=withdrawal.id,
    )
    db.session.commit()
    return withdrawal


def consent_withdrawal(case: Case) -> ConsentWithdrawal | None:
    """The latest withdrawal of the case's consent, or None while consent stands."""
    return db.session.scalar(
        sa.select(ConsentWithdrawal)
        .where(ConsentWithdrawal.case_id == case.id)
        .order_by(ConsentWithdrawal.withdrawn_on.desc(), ConsentWithdrawal.id.desc())
        .limit(1)
    )


def consent_given(case: Case) -> bool:
    """True when the latest final second meeting records the consent to share information."""
    second = latest_submission(case, "second_meeting")
    return second is not None and second.answers.get("consent_to_share") == "yes"
