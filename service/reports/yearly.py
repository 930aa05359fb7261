"""The yearly report a MOPS or a provider sends: per unit and year, the persons supported,
the agreements (kontrakty socjalne) and plans (IPWzB) concluded, the outcomes recorded, the
contacts by kind and the outreach contacts; shown, and downloadable as XLSX and CSV.

A case counts for a year when it was open at some time in it (opened before its end, not
closed before its start). Agreements count by the second meeting's date when the person
accepted the place; plans by the date they were adopted; outcomes by the closing's date.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext

from service.cases.journey import current_or_kept
from service.extensions import db
from service.journal.kinds import KIND_LABELS
from service.journal.operations import current_entries_query
from service.models import Case, ContactEntry, Submission


@dataclass
class MethodYear:
    """One method's year in one unit."""

    method: str
    persons: set[int] = field(default_factory=set)
    cases: int = 0
    agreements: int = 0
    plans: int = 0
    closed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    contacts: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)


def _in_year(value: object, year: int) -> bool:
    try:
        return date.fromisoformat(str(value)).year == year
    except ValueError:
        return False


def yearly_report(unit_id: int, year: int) -> dict[str, MethodYear]:
    """Per method of the unit, the year counted (four queries, whatever the number of cases)."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    cases = list(
        db.session.execute(
            sa.select(Case.id, Case.method, Case.person_id).where(
                Case.unit_id == unit_id,
                Case.opened_at < end,
                sa.or_(Case.closed_at.is_(None), Case.closed_at >= start),
            )
        )
    )
    report: dict[str, MethodYear] = {}
    method_of: dict[int, str] = {}
    for case_id, method, person_id in cases:
        entry = report.setdefault(method, MethodYear(method))
        entry.cases += 1
        entry.persons.add(person_id)
        method_of[case_id] = method
    if not method_of:
        return report
    ids = list(method_of)
    newest: dict[tuple[int, str, int], Submission] = {}
    for row in db.session.scalars(
        sa.select(Submission).where(
            Submission.case_id.in_(ids),
            Submission.step.in_(("second_meeting", "plan", "closing")),
        )
    ):
        key = (row.case_id, row.step, row.instance)
        if key not in newest or newest[key].version < row.version:
            newest[key] = row
    for (case_id, step, _instance), row in newest.items():
        entry = report[method_of[case_id]]
        answers = row.answers
        if step == "second_meeting":
            if answers.get("accepts_place") == "yes" and _in_year(
                answers.get("meeting_date"), year
            ):
                entry.agreements += 1
        elif step == "plan":
            if _in_year(answers.get("adopted_on"), year):
                entry.plans += 1
        elif step == "closing" and _in_year(answers.get("closed_on"), year):
            entry.closed += 1
            for outcome in answers.get("outcomes") or []:
                entry.outcomes[str(outcome)] += 1
    contacts = current_entries_query(ids).where(
        ContactEntry.occurred_at >= start, ContactEntry.occurred_at < end
    )
    for contact in db.session.scalars(contacts):
        entry = report[method_of[contact.case_id]]
        (entry.contacts if contact.took_place else entry.missed)[contact.kind] += 1
    return report


def report_rows(report: dict[str, MethodYear], year: int) -> list[list[Any]]:
    """The report as one table (section, item, method, count), in the current language."""
    header = [gettext("Section"), gettext("What"), gettext("Method"), gettext("Number")]
    rows: list[list[Any]] = [header]
    for key, entry in sorted(report.items()):
        method = current_or_kept(key)
        name = gettext(method.short_name) if method else key
        pl = method is not None and method.country == "PL"
        rows += [
            [
                gettext("Persons supported"),
                gettext("Persons with a case open in %(year)d", year=year),
                name,
                len(entry.persons),
            ],
            [gettext("Persons supported"), gettext("Cases open in the year"), name, entry.cases],
            [
                gettext("Concluded"),
                gettext("Social contracts (kontrakt socjalny)") if pl else gettext("Agreements"),
                name,
                entry.agreements,
            ],
            [gettext("Concluded"), gettext("Individual plans adopted"), name, entry.plans],
            [gettext("Outcomes"), gettext("Cases closed"), name, entry.closed],
        ]
        for category in method.outcomes if method else ():
            rows.append(
                [
                    gettext("Outcomes"),
                    gettext(category.label),
                    name,
                    entry.outcomes.get(category.value, 0),
                ]
            )
        for kind, label in KIND_LABELS.items():
            rows.append([gettext("Contacts"), str(label), name, entry.contacts.get(kind, 0)])
        rows.append(
            [gettext("Contacts"), gettext("Did not take place"), name, sum(entry.missed.values())]
        )
        rows.append(
            [
                gettext("Outreach"),
                gettext("Outreach contacts"),
                name,
                entry.contacts.get("outreach", 0),
            ]
        )
    return rows


def as_csv(rows: list[list[Any]]) -> bytes:
    """UTF-8 with a byte-order mark (spreadsheet programs then read å, ł right), semicolons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never as a formula (typed names may start with =)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_xlsx(rows: list[list[Any]], title: str) -> bytes:
    """The table as an Excel workbook with a bold header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCD", (22, 48, 28, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
