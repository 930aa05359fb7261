"""A case loaded once: its submissions, drafts and documents in a fixed number of queries.

The case page, a step page and everything they show (the progress indicator, the blockers of
the steps and of the documents, the timeline, the overview, the documents card, the templates)
read one :class:`CaseRecord` instead of asking the database per step, per instance and per
document type. So a page makes the same number of queries whatever the size of the case
(tests/test_query_counts.py counts them).

:func:`case_record` keeps the record for the current database transaction: the first reader
loads it, every later reader of the same case gets the same object. Any flush, commit or
rollback of the session forgets it, so a reader after a write never sees the case as it was.

Adding a collection (the case team, approvals, journal entries …): one more
``functools.cached_property`` below that loads it with ONE query for the whole case, and reader
methods beside it. A collection is then loaded only by the pages that read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from service.extensions import db
from service.models import Case, Document, StepDraft, Submission

#: Key of the per-transaction records in ``Session.info``.
_INFO_KEY = "stegvis.case_records"
#: Key of other per-transaction memos (see :func:`transaction_memo`).
_MEMO_KEY = "stegvis.transaction_memos"


@dataclass(frozen=True)
class VersionRow:
    """What the record knows of every stored version without decrypting its answers."""

    id: int
    step: str
    instance: int
    version: int
    form_version: str
    created_at: datetime


@dataclass
class CaseRecord:
    """One case with what the journey stored about it, read once per transaction."""

    case: Case
    #: Every final version of every step, oldest first (answers are not loaded for these).
    versions: list[VersionRow] = field(default_factory=list)
    #: The newest final version of each (step, instance), with its answers and author.
    newest: dict[tuple[str, int], Submission] = field(default_factory=dict)
    #: The working copy of each (step, instance), with who saved it.
    drafts: dict[tuple[str, int], StepDraft] = field(default_factory=dict)

    @classmethod
    def load(cls, case: Case) -> CaseRecord:
        """Read the drafts (1 query), the versions (1) and the newest ones' answers (1).

        The queries are separate statements (on SQLite outside a transaction, on PostgreSQL
        each with its own snapshot), so their order matters: drafts first. Finalising deletes
        the draft and adds the version in one commit; read in this order, a commit in between
        shows both (the edit token then differs and the editor sees the newer one), never
        neither.
        """
        drafts = {
            (d.step, d.instance): d
            for d in db.session.scalars(
                sa.select(StepDraft)
                .options(joinedload(StepDraft.updated_by))
                .where(StepDraft.case_id == case.id)
            )
        }
        versions = [
            VersionRow(*row)
            for row in db.session.execute(
                sa.select(
                    Submission.id,
                    Submission.step,
                    Submission.instance,
                    Submission.version,
                    Submission.form_version,
                    Submission.created_at,
                )
                .where(Submission.case_id == case.id)
                .order_by(Submission.id)
            )
        ]
        newest_id: dict[tuple[str, int], VersionRow] = {}
        for row in versions:
            seen = newest_id.get((row.step, row.instance))
            if seen is None or row.version > seen.version:
                newest_id[(row.step, row.instance)] = row
        newest: dict[tuple[str, int], Submission] = {}
        if newest_id:
            # Only the versions shown are decrypted; older ones stay ciphertext.
            for submission in db.session.scalars(
                sa.select(Submission)
                .options(joinedload(Submission.created_by))
                .where(Submission.id.in_([row.id for row in newest_id.values()]))
            ):
                newest[(submission.step, submission.instance)] = submission
        return cls(case=case, versions=versions, newest=newest, drafts=drafts)

    # --- steps -------------------------------------------------------------------------------

    def latest(self, step: str, instance: int | None = None) -> Submission | None:
        """The newest final version of a step (of one instance, or of the newest instance)."""
        if instance is not None:
            return self.newest.get((step, instance))
        numbers = [n for s, n in self.newest if s == step]
        return self.newest[(step, max(numbers))] if numbers else None

    def draft(self, step: str, instance: int) -> StepDraft | None:
        """The working copy of a step instance, if any."""
        return self.drafts.get((step, instance))

    def final_steps(self) -> set[str]:
        """Keys of the steps that have at least one final version."""
        return {step for step, _ in self.newest}

    def instances(self, step: str) -> list[int]:
        """Instance numbers of a step that have a final version or a draft."""
        return sorted(
            {n for s, n in self.newest if s == step} | {n for s, n in self.drafts if s == step}
        )

    def finals(self) -> list[Submission]:
        """The newest final version of every step instance, by step and instance."""
        return [self.newest[key] for key in sorted(self.newest)]

    def first_entered(self) -> dict[tuple[str, int], tuple[datetime, int]]:
        """(created_at, id) of the first version of each step instance."""
        found: dict[tuple[str, int], tuple[datetime, int]] = {}
        for row in self.versions:  # ordered by id: the first seen is the first stored
            found.setdefault((row.step, row.instance), (row.created_at, row.id))
        return found

    def form_version(self, step: str, instance: int | None = None) -> str | None:
        """The method version the step's newest answers were given to (None without any)."""
        rows = [
            r
            for r in self.versions
            if r.step == step and (instance is None or r.instance == instance)
        ]
        if not rows:
            return None
        return max(rows, key=lambda r: (r.instance, r.version)).form_version

    def case_version(self) -> str | None:
        """The method version of the case's first final answers (None without any)."""
        return self.versions[0].form_version if self.versions else None

    def follow_ups(self, before_instance: int | None = None) -> list[dict[str, Any]]:
        """Final answers of the follow-ups (below ``before_instance``), oldest meeting first."""
        rows = [
            s
            for (step, n), s in self.newest.items()
            if step == "follow_up" and (before_instance is None or n < before_instance)
        ]
        rows.sort(key=lambda s: (str(s.answers.get("meeting_date") or ""), s.instance))
        return [dict(s.answers) for s in rows]

    # --- collections loaded when first read (one query each) ---------------------------------

    @cached_property
    def documents(self) -> list[Document]:
        """Every issued version of every document of the case, in the order issued."""
        return list(
            db.session.scalars(
                sa.select(Document)
                .options(joinedload(Document.issued_by))
                .where(Document.case_id == self.case.id)
                .order_by(Document.id)
            )
        )


def case_record(case: Case) -> CaseRecord:
    """The record of ``case`` for the current transaction (loaded on first use)."""
    records: dict[int, CaseRecord] = db.session.info.setdefault(_INFO_KEY, {})
    found = records.get(case.id)
    if found is None or found.case is not case:
        found = records[case.id] = CaseRecord.load(case)
    return found


def transaction_memo(name: str) -> dict[Any, Any]:
    """A dict kept with the records for the current transaction (and forgotten with them)."""
    memos: dict[str, dict[Any, Any]] = db.session.info.setdefault(_MEMO_KEY, {})
    return memos.setdefault(name, {})


def forget_records(session: Session, *_args: Any) -> None:
    """Drop the session's records: after a write they could show the case as it was."""
    session.info.pop(_INFO_KEY, None)
    session.info.pop(_MEMO_KEY, None)


for _event in ("after_flush", "after_commit", "after_rollback", "after_soft_rollback"):
    sa.event.listen(Session, _event, forget_records)
