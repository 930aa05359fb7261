"""The yearly outcome table per unit and method (like MOPS Sopot's yearly report)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from service.cases.journey import current_or_kept
from service.extensions import db
from service.models import Case, Submission


@dataclass
class MethodOutcomes:
    """Closed cases of one method in one year: how many, why, and with what outcome."""

    method: str
    closed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)


def outcome_table(unit_id: int, year: int) -> dict[str, MethodOutcomes]:
    """Per method of the unit: cases closed in ``year`` (by the closing date), counted."""
    # Whole Submission rows, so that each answer is checked against its row (service/crypto.py).
    rows = db.session.execute(
        sa.select(Case.id, Case.method, Submission)
        .join(Submission, sa.and_(Submission.case_id == Case.id, Submission.step == "closing"))
        .where(Case.unit_id == unit_id)
    ).all()
    newest: dict[int, tuple[str, int, dict[str, object]]] = {}
    for case_id, method, submission in rows:
        if case_id not in newest or submission.version > newest[case_id][1]:
            newest[case_id] = (method, submission.version, submission.answers)
    table: dict[str, MethodOutcomes] = {}
    for method, _version, answers in newest.values():
        closed_on = answers.get("closed_on")
        if not isinstance(closed_on, str) or date.fromisoformat(closed_on).year != year:
            continue
        entry = table.setdefault(method, MethodOutcomes(method))
        entry.closed += 1
        entry.reasons[str(answers.get("reason") or "")] += 1
        for outcome in answers.get("outcomes") or []:  # type: ignore[attr-defined]
            entry.outcomes[str(outcome)] += 1
    return table


def outcome_rows(entry: MethodOutcomes) -> list[tuple[str, str, int]]:
    """(value, label msgid, count) for every outcome category of the method, zero included."""
    method = current_or_kept(entry.method)  # its file may be gone: the version kept
    categories = method.outcomes if method else ()
    return [(c.value, c.label, entry.outcomes.get(c.value, 0)) for c in categories]
