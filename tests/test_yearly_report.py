"""The yearly report: persons and cases open in the year, agreements and plans concluded,
outcomes, contacts by kind, outreach; as a page, XLSX and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import Flask
from openpyxl import load_workbook

from service.extensions import db
from service.models import Case, ContactEntry, Submission, User
from tests.conftest import FormClient
from tests.test_my_week import add_case

YEAR = date.today().year


def _contact(app: Flask, case_id: int, kind: str, took_place: bool, author: User) -> None:
    with app.app_context():
        number = 10 + db.session.query(ContactEntry).count()
        db.session.add(
            ContactEntry(
                case_id=case_id,
                entry_no=number,
                kind=kind,
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
                took_place=took_place,
                participants={},
                sub_goals=[],
                note='=HYPERLINK("x")',
                created_by_id=author.id,
            )
        )
        db.session.commit()


def _close_last_year(app: Flask, case_id: int) -> None:
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.status, case.closed_at = "closed", datetime(YEAR - 1, 6, 1, tzinfo=UTC)
        case.opened_at = datetime(YEAR - 2, 1, 1, tzinfo=UTC)
        db.session.commit()


def test_the_yearly_report_counts_and_downloads(
    logged_in: FormClient, worker: User, app: Flask, make_user: Any
) -> None:
    first = add_case(app, worker, 1, contact_days_ago=None, method="ipwzb", language="pl")
    add_case(app, worker, 2, contact_days_ago=None, method="ipwzb", language="pl")
    old = add_case(app, worker, 3, contact_days_ago=None, method="ipwzb", language="pl")
    _close_last_year(app, old)
    with app.app_context():  # the second meeting of the first case: the place accepted this year
        second = db.session.query(Submission).filter_by(case_id=first, step="second_meeting").one()
        second.answers = {**second.answers, "accepts_place": "yes", "meeting_date": f"{YEAR}-01-15"}
        db.session.commit()
    _contact(app, first, "outreach", True, worker)
    _contact(app, first, "home_visit", False, worker)
    _contact(app, first, "phone", True, worker)

    page = logged_in.get(f"/reports/year?year={YEAR}").get_data(as_text=True)
    assert "Social contracts (kontrakt socjalny)" in page
    response = logged_in.get(f"/reports/year.csv?year={YEAR}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].endswith(f"-{YEAR}.csv")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    table = {(r[1], r[2]): r[3] for r in rows[1:]}
    assert table[(f"Persons with a case open in {YEAR}", "IPWzB")] == "2"  # the closed one not
    assert table[("Social contracts (kontrakt socjalny)", "IPWzB")] == "1"
    assert table[("Phone call", "IPWzB")] == "1" and table[("Home visit", "IPWzB")] == "0"
    assert table[("Did not take place", "IPWzB")] == "1"
    assert table[("Outreach contacts", "IPWzB")] == "1"
    response = logged_in.get(f"/reports/year.xlsx?year={YEAR}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Section", "What", "Method", "Number"]
    assert [f"Persons with a case open in {YEAR}", 2] == [values[1][1], values[1][3]]
    assert logged_in.get("/reports/year.pdf").status_code == 404
    assert logged_in.get("/reports/year?year=abc").status_code == 200
