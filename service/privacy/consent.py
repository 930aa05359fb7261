"""The consent to share information: per recipient, valid until a date, withdrawn in part or
as a whole.

The second meeting names each recipient and whether the person consents to it
(``consent_recipients``: kind, name, yes/no); earlier answers named the parties in free text
(``consent_parties``), which is read as one recipient the person consented to. A withdrawal is
for one recipient (its kind and name) or for the whole consent. :func:`expiry` is the one rule
of when a consent runs out: the case page, My week and the network all ask it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.cases.operations import latest_submission
from service.clock import local_today
from service.extensions import db
from service.models import Case, ConsentWithdrawal, User

#: How many days before it runs out a consent is shown as ending.
WARNING_DAYS = 30

#: Recipient kind → its name (the kinds of a network member; the method file offers the same).
RECIPIENT_LABELS = {
    "social_services": _l("Social services"),
    "habilitation": _l("Habilitation"),
    "probation_officer": _l("Probation officer (kurator)"),
    "health_care": _l("Health care"),
    "school": _l("School"),
    "labour_office": _l("Employment service"),
    "court": _l("Court"),
    "ngo": _l("Non-governmental organisation"),
    "landlord": _l("Landlord"),
    "relative": _l("Relative or friend"),
    "other": _l("Other"),
}


def expiry(valid_until: date | None, today: date) -> str:
    """``"active"``, ``"ending"`` (within :data:`WARNING_DAYS` days) or ``"expired"``."""
    if valid_until is None:
        return "active"
    if valid_until < today:
        return "expired"
    if valid_until <= today + timedelta(days=WARNING_DAYS):
        return "ending"
    return "active"


def parse_day(value: object) -> date | None:
    """An ISO date answer as a date (None when missing or not a date)."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass
class Recipient:
    """One recipient of the consent and whether the person consents to it."""

    index: int  #: position in the list (the withdrawal form names it)
    kind: str  #: a network kind (RECIPIENT_LABELS)
    name: str  #: as typed (may be "")
    consents: bool
    legacy: bool = False  #: named in the free text of an earlier consent
    withdrawal: ConsentWithdrawal | None = None

    @property
    def label(self) -> str:
        """The kind's name in the current language."""
        return str(RECIPIENT_LABELS.get(self.kind, RECIPIENT_LABELS["other"]))

    @property
    def holds(self) -> bool:
        """The person consented to this recipient and did not withdraw it."""
        return self.consents and self.withdrawal is None

    def covers(self, kind: str, name: str) -> bool:
        """Whether this recipient is the network member of ``kind`` named ``name``."""
        if self.legacy:
            return True  # a consent in free text named its parties as a whole
        if kind != self.kind:
            return False
        if not self.name.strip() or not name.strip():
            return True
        mine, theirs = self.name.casefold(), name.casefold()
        return mine in theirs or theirs in mine


@dataclass
class ConsentState:
    """The case's consent as the latest final second meeting and the withdrawals record it."""

    given: bool = False
    given_on: date | None = None
    valid_until: date | None = None
    #: ``none``, ``active``, ``ending``, ``expired`` or ``withdrawn``
    status: str = "none"
    days_left: int | None = None
    recipients: list[Recipient] = field(default_factory=list)
    #: the withdrawal of the whole consent, if any
    withdrawal: ConsentWithdrawal | None = None
    data: str = ""
    purpose: str = ""

    @property
    def active(self) -> bool:
        """Information may be shared (with the recipients that hold)."""
        return self.status in ("active", "ending")

    def may_share_with(self, kind: str, name: str) -> bool:
        """Information may go to the network member of ``kind`` named ``name``."""
        return self.active and any(r.holds and r.covers(kind, name) for r in self.recipients)

    def recipient(self, index: int) -> Recipient | None:
        """The recipient at ``index`` of the list, if any."""
        return next((r for r in self.recipients if r.index == index), None)


def recipients_of(answers: dict[str, Any], withdrawals: list[ConsentWithdrawal]) -> list[Recipient]:
    """The recipients the second meeting names, each with its latest withdrawal."""
    rows: list[Recipient] = []
    for row in answers.get("consent_recipients") or []:
        if not isinstance(row, dict):
            continue
        kind = row.get("who") if row.get("who") in RECIPIENT_LABELS else "other"
        rows.append(
            Recipient(
                len(rows), str(kind), str(row.get("name") or ""), row.get("consents") == "yes"
            )
        )
    legacy = str(answers.get("consent_parties") or "").strip()
    if legacy:
        rows.append(Recipient(len(rows), "other", legacy, True, legacy=True))
    for recipient in rows:
        for withdrawal in withdrawals:  # newest first
            if withdrawal.recipient_kind == recipient.kind and _same(
                withdrawal.recipient_name or "", recipient.name
            ):
                recipient.withdrawal = withdrawal
                break
    return rows


def _withdrawals(case: Case) -> list[ConsentWithdrawal]:
    return list(
        db.session.scalars(
            sa.select(ConsentWithdrawal)
            .where(ConsentWithdrawal.case_id == case.id)
            .order_by(ConsentWithdrawal.withdrawn_on.desc(), ConsentWithdrawal.id.desc())
        )
    )


def state_of(
    answers: dict[str, Any] | None, withdrawals: list[ConsentWithdrawal], today: date
) -> ConsentState:
    """The consent of a second meeting's answers and the case's withdrawals (newest first)."""
    if answers is None or answers.get("consent_to_share") != "yes":
        return ConsentState()
    whole = next((w for w in withdrawals if w.recipient_kind is None), None)
    valid_until = parse_day(answers.get("consent_valid_until"))
    state = ConsentState(
        given=True,
        given_on=parse_day(answers.get("meeting_date")),
        valid_until=valid_until,
        recipients=recipients_of(answers, [w for w in withdrawals if w.recipient_kind]),
        withdrawal=whole,
        data=str(answers.get("consent_data") or ""),
        purpose=str(answers.get("consent_purpose") or ""),
    )
    if whole is not None:
        state.status = "withdrawn"
    else:
        state.status = expiry(valid_until, today)
        if (
            state.status == "active"
            and state.recipients
            and not any(r.holds for r in state.recipients)
        ):
            state.status = "withdrawn"  # every recipient withdrawn or refused
    if valid_until is not None:
        state.days_left = (valid_until - today).days
    return state


def consent_state(case: Case, today: date | None = None) -> ConsentState:
    """The case's consent today (or on ``today``)."""
    second = latest_submission(case, "second_meeting")
    return state_of(
        second.answers if second is not None else None, _withdrawals(case), today or local_today()
    )


def withdraw_consent(
    case: Case, user: User, withdrawn_on: date, recipient: Recipient | None = None
) -> ConsentWithdrawal:
    """Record the withdrawal (of one recipient, or of the whole consent) with its date and who
    recorded it, audited in the same commit (the recipient's kind, never its name)."""
    withdrawal = ConsentWithdrawal(
        case_id=case.id,
        withdrawn_on=withdrawn_on,
        recorded_by_id=user.id,
        recipient_kind=recipient.kind if recipient else None,
        recipient_name=recipient.name if recipient else None,
    )
    db.session.add(withdrawal)
    db.session.flush()
    details: dict[str, Any] = {"withdrawal": withdrawal.id}
    if recipient is not None:
        details["recipient"] = recipient.kind
    audit.record(
        "consent.withdraw_recipient" if recipient else "consent.withdraw",
        case_id=case.id,
        person_id=case.person_id,
        user_id=user.id,
        **details,
    )
    db.session.commit()
    return withdrawal


def consent_withdrawal(case: Case) -> ConsentWithdrawal | None:
    """The latest withdrawal of the whole consent, or None while consent stands."""
    return db.session.scalar(
        sa.select(ConsentWithdrawal)
        .where(ConsentWithdrawal.case_id == case.id, ConsentWithdrawal.recipient_kind.is_(None))
        .order_by(ConsentWithdrawal.withdrawn_on.desc(), ConsentWithdrawal.id.desc())
        .limit(1)
    )


def consent_given(case: Case) -> bool:
    """True when the latest final second meeting records the consent to share information."""
    second = latest_submission(case, "second_meeting")
    return second is not None and second.answers.get("consent_to_share") == "yes"
