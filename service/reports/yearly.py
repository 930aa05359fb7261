"""The yearly report a MOPS or a provider sends: per unit and year, the persons supported,
the agreements (kontrakty socjalne) and plans (IPWzB) concluded, the outcomes recorded, the
contacts by kind and the outreach contacts; shown, and downloadable as XLSX and CSV.

A case counts for a year when it was open at some time in it (opened before its end, not
closed before its start). Agreements count, when the person accepted the place, by the day the
kontrakt socjalny was concluded ("Data zawarcia kontraktu", the second meeting's
``concluded_on``), or by the second meeting's date where none is given; plans by the date
they were adopted. Outcomes are counted over every case
active in the year: a case closed in the year by its closing, a case still open by its newest
follow-up of the year (the sub-goals reached, and outcome categories where the method's
follow-up asks for them). Persons and plans are counted by sex where the person gave it.
Outreach contacts without a registered person count for the whole unit.
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
from service.models import Case, ContactEntry, Person, Submission

#: The person's sex as the report counts it ("" = not given), in the order of the rows.
SEXES = ("female", "male", "other", "")
#: The sub-goal statuses of a follow-up the report counts, in the order of the rows.
PROGRESS = ("reached", "in_progress", "lowered", "not_started")


@dataclass
class MethodYear:
    """One method's year in one unit."""

    method: str
    persons: set[int] = field(default_factory=set)
    #: Persons by sex ("" when not given).
    persons_by_sex: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    agreements: int = 0
    plans: int = 0
    #: Plans adopted in the year by the person's sex.
    plans_by_sex: Counter[str] = field(default_factory=Counter)
    closed: int = 0
    #: Outcome categories over every case active in the year (closings and follow-ups).
    outcomes: Counter[str] = field(default_factory=Counter)
    #: Sub-goals by their status at each case's newest follow-up of the year.
    progress: Counter[str] = field(default_factory=Counter)
    contacts: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)


def _in_year(value: object, year: int) -> bool:
    try:
        return date.fromisoformat(str(value)).year == year
    except ValueError:
        return False


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def yearly_report(unit_id: int, year: int) -> dict[str, MethodYear]:
    """Per method of the unit, the year counted (three queries, whatever the number of cases)."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    cases = list(
        db.session.execute(
            sa.select(Case.id, Case.method, Case.person_id, Person.sex)
            .join(Person, Person.id == Case.person_id)
            .where(
                Case.unit_id == unit_id,
                Case.opened_at < end,
                sa.or_(Case.closed_at.is_(None), Case.closed_at >= start),
            )
        )
    )
    report: dict[str, MethodYear] = {}
    method_of: dict[int, str] = {}
    sex_of: dict[int, str] = {}
    for case_id, method, person_id, sex in cases:
        entry = report.setdefault(method, MethodYear(method))
        entry.cases += 1
        if person_id not in entry.persons:
            entry.persons.add(person_id)
            entry.persons_by_sex[sex or ""] += 1
        method_of[case_id] = method
        sex_of[case_id] = sex or ""
    if not method_of:
        return report
    ids = list(method_of)
    newest: dict[tuple[int, str, int], Submission] = {}
    for row in db.session.scalars(
        sa.select(Submission).where(
            Submission.case_id.in_(ids),
            Submission.step.in_(("second_meeting", "plan", "follow_up", "closing")),
        )
    ):
        key = (row.case_id, row.step, row.instance)
        if key not in newest or newest[key].version < row.version:
            newest[key] = row
    last_day = date(year, 12, 31)
    closed_cases: set[int] = set()
    follow_ups: dict[int, tuple[date, dict[str, Any]]] = {}
    for (case_id, step, _instance), row in newest.items():
        entry = report[method_of[case_id]]
        answers = row.answers
        if step == "second_meeting":
            concluded = answers.get("concluded_on") or answers.get("meeting_date")
            if answers.get("accepts_place") == "yes" and _in_year(concluded, year):
                entry.agreements += 1
        elif step == "plan":
            if _in_year(answers.get("adopted_on"), year):
                entry.plans += 1
                entry.plans_by_sex[sex_of[case_id]] += 1
        elif step == "follow_up":
            day = _day(answers.get("meeting_date"))
            if day is not None and day <= last_day:
                if case_id not in follow_ups or follow_ups[case_id][0] < day:
                    follow_ups[case_id] = (day, answers)
        elif step == "closing" and _in_year(answers.get("closed_on"), year):
            entry.closed += 1
            closed_cases.add(case_id)
            for outcome in answers.get("outcomes") or []:
                entry.outcomes[str(outcome)] += 1
    for case_id, (_when, answers) in follow_ups.items():  # noqa: B007  (the newest kept)
        entry = report[method_of[case_id]]
        for row in answers.get("progress") or []:
            status = str(row.get("status") or "") if isinstance(row, dict) else ""
            if status in PROGRESS:
                entry.progress[status] += 1
        if case_id not in closed_cases:  # an open case: the outcomes reached so far
            for outcome in answers.get("outcomes") or []:
                entry.outcomes[str(outcome)] += 1
    contacts = current_entries_query(ids).where(
        ContactEntry.occurred_at >= start, ContactEntry.occurred_at < end
    )
    for contact in db.session.scalars(contacts):
        entry = report[method_of[contact.case_id]]
        (entry.contacts if contact.took_place else entry.missed)[contact.kind] += 1
    return report


def outreach_figures(unit_id: int, year: int) -> dict[str, int]:
    """The unit's anonymous outreach contacts of the year: how many, people reached, referred,
    referrals made (one query)."""
    from service.outreach.operations import year_figures

    return year_figures(
        unit_id, datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    )


def _sex_labels() -> dict[str, tuple[str, str]]:
    """Sex → (persons row, plans row) labels, in the current language."""
    return {
        "female": (gettext("Of them women"), gettext("Plans adopted with women")),
        "male": (gettext("Of them men"), gettext("Plans adopted with men")),
        "other": (
            gettext("Of them another sex"),
            gettext("Plans adopted with persons of another sex"),
        ),
        "": (gettext("Of them sex not given"), gettext("Plans adopted, sex not given")),
    }


def _progress_labels() -> dict[str, str]:
    return {
        "reached": gettext("Sub-goals reached"),
        "in_progress": gettext("Sub-goals in progress"),
        "lowered": gettext("Sub-goals lowered"),
        "not_started": gettext("Sub-goals not started"),
    }


def report_rows(
    report: dict[str, MethodYear], year: int, outreach: dict[str, int] | None = None
) -> list[list[Any]]:
    """The report as one table (section, item, method, count), in the current language;
    ``outreach`` (:func:`outreach_figures`) adds the unit's anonymous outreach contacts."""
    header = [gettext("Section"), gettext("What"), gettext("Method"), gettext("Count")]
    rows: list[list[Any]] = [header]
    by_sex = _sex_labels()
    progress = _progress_labels()
    persons_label, concluded, outcomes = (
        gettext("Persons supported"),
        gettext("Concluded"),
        gettext("Outcomes"),
    )
    for key, entry in sorted(report.items()):
        method = current_or_kept(key)
        name = gettext(method.short_name) if method else key
        pl = method is not None and method.country == "PL"
        rows.append(
            [
                persons_label,
                gettext("Persons with a case open in %(year)d", year=year),
                name,
                len(entry.persons),
            ]
        )
        rows += [
            [persons_label, by_sex[sex][0], name, entry.persons_by_sex.get(sex, 0)] for sex in SEXES
        ]
        rows += [
            [persons_label, gettext("Cases open in the year"), name, entry.cases],
            [
                concluded,
                gettext("Social contracts (kontrakt socjalny)") if pl else gettext("Agreements"),
                name,
                entry.agreements,
            ],
            [concluded, gettext("Individual plans adopted"), name, entry.plans],
        ]
        rows += [[concluded, by_sex[sex][1], name, entry.plans_by_sex.get(sex, 0)] for sex in SEXES]
        rows.append([outcomes, gettext("Cases closed"), name, entry.closed])
        for category in method.outcomes if method else ():
            rows.append(
                [outcomes, gettext(category.label), name, entry.outcomes.get(category.value, 0)]
            )
        rows += [[outcomes, progress[s], name, entry.progress.get(s, 0)] for s in PROGRESS]
        for kind, label in KIND_LABELS.items():
            rows.append([gettext("Contacts"), str(label), name, entry.contacts.get(kind, 0)])
        rows.append(
            [gettext("Contacts"), gettext("Did not take place"), name, sum(entry.missed.values())]
        )
        rows.append(
            [
                gettext("Outreach"),
                gettext("Outreach contacts in the case journals"),
                name,
                entry.contacts.get("outreach", 0),
            ]
        )
    if outreach is not None:
        unit = gettext("Whole unit")
        section = gettext("Outreach")
        rows += [
            [section, gettext("Anonymous outreach contacts"), unit, outreach["contacts"]],
            [section, gettext("People reached in outreach"), unit, outreach["people"]],
            [section, gettext("People referred from outreach"), unit, outreach["referred"]],
            [section, gettext("Referrals made in outreach"), unit, outreach["referrals"]],
        ]
    return rows


def summary(report: dict[str, MethodYear]) -> list[str]:
    """One sentence per method, as a yearly report states it (Sopot: "7 IPWzB … (5 men and 1
    woman) and 10 social contracts")."""
    lines = []
    for key, entry in sorted(report.items()):
        method = current_or_kept(key)
        values = {
            "method": gettext(method.short_name) if method else key,
            "plans": entry.plans,
            "men": entry.plans_by_sex.get("male", 0),
            "women": entry.plans_by_sex.get("female", 0),
            "agreements": entry.agreements,
        }
        if method is not None and method.country == "PL":
            lines.append(
                gettext(
                    "%(method)s: plans adopted: %(plans)d (men: %(men)d, women: %(women)d); "
                    "social contracts (kontrakt socjalny): %(agreements)d.",
                    **values,
                )
            )
        else:
            lines.append(
                gettext(
                    "%(method)s: plans adopted: %(plans)d (men: %(men)d, women: %(women)d); "
                    "agreements: %(agreements)d.",
                    **values,
                )
            )
    return lines


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
