"""Everything My week shows, for all of a worker's cases at once.

One query per kind of row (cases, final answers, drafts, last contacts, documents, consent
withdrawals), whatever the number of cases: the page's query count is fixed (a test counts
it). Each case's parts are then worked out in Python from what was read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from forms.method_schema import Method
from service.access import case_scope
from service.cases.actions import OverdueAction, overdue_actions
from service.cases.journey import UnknownMethod, method_version
from service.cases.mine import my_case_filter
from service.cases.overview import OverdueSubGoal, meeting_day, next_meeting, overdue_sub_goals
from service.extensions import db
from service.journal.operations import as_local, last_contacts
from service.journal.rhythm import RhythmCheck, case_rhythms
from service.models import (
    Case,
    CaseStatus,
    ConsentWithdrawal,
    Document,
    DocumentFiling,
    DocumentSignature,
    StepDraft,
    Submission,
    User,
)
from service.privacy.consent import WARNING_DAYS, expiry, parse_day

#: Document types the person signs (the others are records that are only filed).
SIGNED_TYPES = frozenset({"agreement", "consent", "plan"})
#: How far ahead a consent running out is shown (the case page's rule).
CONSENT_WARNING_DAYS = WARNING_DAYS


@dataclass
class NextStep:
    """The step to do next: its key, instance and translated-when-shown title."""

    key: str
    instance: int
    title: str
    draft: bool


@dataclass
class CaseRow:
    """One of my cases as My week shows it."""

    case: Case
    next_step: NextStep | None = None
    next_meeting: date | None = None
    contact: RhythmCheck | None = None
    follow_up: RhythmCheck | None = None
    overdue: list[OverdueSubGoal] = field(default_factory=list)
    actions_overdue: list[OverdueAction] = field(default_factory=list)

    @property
    def attention(self) -> bool:
        """Something is late: the rhythm, the follow-ups, a sub-goal or an agreed action."""
        return bool(
            (self.contact and self.contact.overdue)
            or (self.follow_up and self.follow_up.overdue)
            or self.overdue
            or self.actions_overdue
        )


@dataclass(frozen=True)
class WaitingDocument:
    case: Case
    doc_type: str
    number: str
    version: int
    issued_at: datetime
    needs_signature: bool
    needs_filing: bool


@dataclass(frozen=True)
class EndingConsent:
    case: Case
    valid_until: date
    days_left: int


@dataclass(frozen=True)
class OpenDraft:
    case: Case
    step: str
    instance: int
    title: str
    updated_at: datetime


@dataclass
class Week:
    rows: list[CaseRow]
    documents: list[WaitingDocument]
    consents: list[EndingConsent]
    drafts: list[OpenDraft]

    @property
    def caseload(self) -> int:
        return len(self.rows)


def my_cases(user: User) -> list[Case]:
    """The open cases ``user`` works on, in their scope (one query; person and unit joined)."""
    return list(
        db.session.scalars(
            sa.select(Case)
            .where(
                case_scope(user),
                my_case_filter(user),
                Case.status != CaseStatus.CLOSED.value,
                Case.erased_at.is_(None),
            )
            .order_by(Case.reference)
        ).unique()
    )


def _finals(ids: list[int]) -> tuple[dict[int, list[Submission]], dict[int, str]]:
    """Per case: the newest version of each step instance (oldest meeting first), and the
    method version the case is pinned to (that of its first final answers)."""
    rows = db.session.scalars(
        sa.select(Submission)
        .where(Submission.case_id.in_(ids))
        .order_by(Submission.case_id, Submission.id)
    ).all()
    pinned: dict[int, str] = {}
    newest: dict[tuple[int, str, int], Submission] = {}
    for row in rows:
        pinned.setdefault(row.case_id, row.form_version)
        key = (row.case_id, row.step, row.instance)
        if key not in newest or newest[key].version < row.version:
            newest[key] = row
    by_case: dict[int, list[Submission]] = defaultdict(list)
    for (case_id, _step, _instance), row in newest.items():
        by_case[case_id].append(row)
    return {k: sorted(v, key=meeting_day) for k, v in by_case.items()}, pinned


def _method(case: Case, version: str | None) -> Method | None:
    try:
        return method_version(case.method, version)
    except UnknownMethod:
        return None


def next_step(
    method: Method, steps: list[Submission], drafts: set[tuple[str, int]]
) -> NextStep | None:
    """The first step not yet final (the closing aside); after the plan, the next follow-up."""
    done = {s.step for s in steps}
    for spec in method.steps.values():
        if spec.key == "closing":
            continue
        if spec.repeatable:
            held = [s.instance for s in steps if s.step == spec.key]
            open_drafts = sorted(n for k, n in drafts if k == spec.key and n not in held)
            number = open_drafts[0] if open_drafts else max(held, default=0) + 1
            return NextStep(spec.key, number, spec.title, (spec.key, number) in drafts)
        if spec.key not in done:
            return NextStep(spec.key, 1, spec.title, (spec.key, 1) in drafts)
    return None


def _documents(cases: dict[int, Case]) -> list[WaitingDocument]:
    """The newest version of every document number not yet signed (if signed) or filed."""
    newest = (
        sa.select(Document.number, sa.func.max(Document.version).label("version"))
        .where(Document.case_id.in_(list(cases)))
        .group_by(Document.number)
        .subquery()
    )
    signed = (
        sa.select(DocumentSignature.id)
        .where(
            sa.or_(
                DocumentSignature.document_id == Document.id,
                DocumentSignature.signed_document_id == Document.id,
            )
        )
        .exists()
    )
    filed = sa.select(DocumentFiling.id).where(DocumentFiling.document_id == Document.id).exists()
    rows = db.session.execute(
        sa.select(
            Document.case_id,
            Document.doc_type,
            Document.number,
            Document.version,
            Document.issued_at,
            signed.label("signed"),
            filed.label("filed"),
        )
        .join(
            newest,
            sa.and_(Document.number == newest.c.number, Document.version == newest.c.version),
        )
        .where(Document.case_id.in_(list(cases)))
        .order_by(Document.issued_at)
    ).all()
    waiting = []
    for case_id, doc_type, number, version, issued_at, is_signed, is_filed in rows:
        needs_signature = doc_type in SIGNED_TYPES and not is_signed
        if needs_signature or not is_filed:
            waiting.append(
                WaitingDocument(
                    cases[case_id],
                    doc_type,
                    number,
                    version,
                    issued_at,
                    needs_signature,
                    not is_filed,
                )
            )
    return waiting


def _consent(case: Case, steps: list[Submission], today: date) -> EndingConsent | None:
    """A consent that runs out within the warning days or has run out (the case page's rule)."""
    second = next((s for s in reversed(steps) if s.step == "second_meeting"), None)
    if second is None or second.answers.get("consent_to_share") != "yes":
        return None
    until = parse_day(second.answers.get("consent_valid_until"))
    if until is None or expiry(until, today) == "active":
        return None
    return EndingConsent(case, until, (until - today).days)


def load_week(user: User, today: date) -> Week:
    """My week of ``user``: a fixed number of queries for any number of cases."""
    cases = my_cases(user)
    by_id = {case.id: case for case in cases}
    if not cases:
        return Week([], [], [], [])
    ids = list(by_id)
    finals, pinned = _finals(ids)
    drafts_rows = db.session.execute(
        sa.select(StepDraft.case_id, StepDraft.step, StepDraft.instance, StepDraft.updated_at)
        .where(StepDraft.case_id.in_(ids))
        .order_by(StepDraft.updated_at)
    ).all()
    drafts: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for case_id, step, instance, _updated in drafts_rows:
        drafts[case_id].add((step, instance))
    contacts = last_contacts(ids)
    withdrawn = set(
        db.session.scalars(
            sa.select(ConsentWithdrawal.case_id).where(
                ConsentWithdrawal.case_id.in_(ids), ConsentWithdrawal.recipient_kind.is_(None)
            )
        )
    )
    rows: list[CaseRow] = []
    consents: list[EndingConsent] = []
    methods: dict[int, Method | None] = {}
    versions: dict[tuple[str, str | None], Method | None] = {}  # one look-up per version
    for case in cases:
        steps = finals.get(case.id, [])
        version_key = (case.method, pinned.get(case.id))
        if version_key not in versions:
            versions[version_key] = _method(case, version_key[1])
        method = methods[case.id] = versions[version_key]
        row = CaseRow(case)
        if method is not None:
            last = contacts.get(case.id)
            row.next_step = next_step(method, steps, drafts.get(case.id, set()))
            row.contact, row.follow_up = case_rhythms(
                case.status, steps, method, as_local(last).date() if last else None, today
            )
        row.next_meeting = next_meeting(steps, today)
        row.overdue = overdue_sub_goals(steps, today)
        row.actions_overdue = overdue_actions(steps, today)
        rows.append(row)
        if case.id not in withdrawn:
            ending = _consent(case, steps, today)
            if ending is not None:
                consents.append(ending)
    open_drafts = []
    for case_id, step, instance, updated in drafts_rows:
        method = methods.get(case_id)
        spec = method.steps.get(step) if method is not None else None
        if spec is not None:
            open_drafts.append(OpenDraft(by_id[case_id], step, instance, spec.title, updated))
    rows.sort(key=lambda r: (not r.attention, r.next_meeting or date.max, r.case.reference))
    consents.sort(key=lambda c: c.valid_until)
    return Week(rows, _documents(by_id), consents, open_drafts)


def as_dict(week: Week) -> dict[str, Any]:
    """The template's variables."""
    return {"week": week}
