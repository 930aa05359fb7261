"""The yearly report: persons and cases open in the year (by sex), agreements and plans
concluded (plans by sex), outcomes over every case active in the year, contacts by kind,
outreach; as a page, XLSX and CSV with the same figures."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from openpyxl import load_workbook

from service.clock import local_today
from service.extensions import db
from service.models import Case, ContactEntry, OutreachContact, Person, Submission, User
from tests.conftest import FormClient
from tests.test_my_week import add_case

YEAR = local_today().year


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
    december = add_case(app, worker, 2, contact_days_ago=None, method="ipwzb", language="pl")
    old = add_case(app, worker, 3, contact_days_ago=None, method="ipwzb", language="pl")
    _close_last_year(app, old)
    with app.app_context():  # the second meeting of the first case: the place accepted this year
        second = db.session.query(Submission).filter_by(case_id=first, step="second_meeting").one()
        second.answers = {**second.answers, "accepts_place": "yes", "meeting_date": f"{YEAR}-01-15"}
        # the second case's kontrakt: met in December, concluded in January (Data zawarcia)
        other = db.session.query(Submission).filter_by(case_id=december, step="second_meeting")
        row = other.one()
        row.answers = {
            **row.answers,
            "accepts_place": "yes",
            "meeting_date": f"{YEAR - 1}-12-20",
            "concluded_on": f"{YEAR}-01-05",
        }
        # the old case's: met this year, concluded only next year
        late = db.session.query(Submission).filter_by(case_id=old, step="second_meeting").one()
        late.answers = {**late.answers, "accepts_place": "yes", "concluded_on": f"{YEAR + 1}-01-02"}
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
    assert table[("Social contracts (kontrakt socjalny)", "IPWzB")] == "2"  # by Data zawarcia
    assert table[("Phone call", "IPWzB")] == "1" and table[("Home visit", "IPWzB")] == "0"
    assert table[("Did not take place", "IPWzB")] == "1"
    assert table[("Outreach contacts in the case journals", "IPWzB")] == "1"
    response = logged_in.get(f"/reports/year.xlsx?year={YEAR}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Section", "What", "Method", "Count"]
    assert [f"Persons with a case open in {YEAR}", 2] == [values[1][1], values[1][3]]
    assert logged_in.get("/reports/year.pdf").status_code == 404
    assert logged_in.get("/reports/year?year=abc").status_code == 200


def _set(app: Flask, case_id: int, sex: str | None, **steps: dict[str, Any]) -> None:
    """The person's sex; answers merged into (or added as) the case's steps."""
    with app.app_context():
        case = db.session.get(Case, case_id)
        db.session.get(Person, case.person_id).sex = sex
        for step, answers in steps.items():
            row = db.session.query(Submission).filter_by(case_id=case_id, step=step).first()
            if row is None:
                db.session.add(
                    Submission(
                        case_id=case_id,
                        step=step,
                        answers=answers,
                        form_version="1",
                        created_by_id=case.created_by_id,
                    )
                )
            else:
                row.answers = {**row.answers, **answers}
        db.session.commit()


def _outreach(client: FormClient, **fields: str | list[str]) -> None:
    data: dict[str, Any] = {
        "day": (local_today() - timedelta(days=1)).isoformat(),
        "at": "21:00",
        "place_kind": "allotments",
        "place": "Działki",
        "people": "1",
        "note": "",
        **fields,
    }
    assert client.post("/outreach", data).status_code == 302


def test_persons_and_plans_by_sex_outcomes_of_open_cases_and_outreach(
    logged_in: FormClient, worker: User, app: Flask, make_user: Any
) -> None:
    """Figures known from the data put in; the page, the CSV and the XLSX agree on them."""
    plan = {"adopted_on": f"{YEAR}-02-01"}
    ids = [
        add_case(app, worker, n, contact_days_ago=None, method="ipwzb", language="pl")
        for n in (1, 2, 3, 4)
    ]
    _set(
        app,
        ids[0],
        "male",
        plan=plan,
        follow_up={
            "meeting_date": f"{YEAR}-03-01",
            "progress": [
                {"ref": "0.0", "status": "reached"},
                {"ref": "0.1", "status": "in_progress"},
            ],
            "outcomes": ["socially_useful_work"],  # an open case: its outcome so far counts
        },
    )
    _set(
        app,
        ids[1],
        "male",
        plan=plan,
        closing={
            "closed_on": f"{YEAR}-06-30",
            "outcomes": ["own_room", "therapy_finished"],
        },
    )
    _set(app, ids[2], "female", plan=plan)
    _set(app, ids[3], None, plan={"adopted_on": f"{YEAR - 1}-12-30"})  # adopted the year before
    _outreach(logged_in, people="3", referrals=["night_shelter"], referred="2")
    _outreach(logged_in, people="5", referrals=["shelter", "health_care"], referred="0")
    with app.app_context():  # last year's round does not count
        db.session.add(
            OutreachContact(
                unit_id=worker.unit_id,
                occurred_at=datetime(YEAR - 1, 12, 31, 12, tzinfo=UTC),
                place_kind="station",
                people=9,
                created_by_id=worker.id,
            )
        )
        db.session.commit()

    page = logged_in.get(f"/reports/year?year={YEAR}").get_data(as_text=True)
    assert (
        "IPWzB: plans adopted: 3 (men: 2, women: 1); social contracts (kontrakt socjalny): 0."
        in page
    )
    expected = {
        (f"Persons with a case open in {YEAR}", "IPWzB"): 4,
        ("Of them men", "IPWzB"): 2,
        ("Of them women", "IPWzB"): 1,
        ("Of them sex not given", "IPWzB"): 1,
        ("Individual plans adopted", "IPWzB"): 3,
        ("Plans adopted with men", "IPWzB"): 2,
        ("Plans adopted with women", "IPWzB"): 1,
        ("Plans adopted, sex not given", "IPWzB"): 0,
        ("Cases closed", "IPWzB"): 1,
        ("Took up socially useful work", "IPWzB"): 1,
        ("Left the shelter for good and rents a room", "IPWzB"): 1,
        ("Finished addiction therapy", "IPWzB"): 1,
        ("Got social housing", "IPWzB"): 0,
        ("Sub-goals reached", "IPWzB"): 1,
        ("Sub-goals in progress", "IPWzB"): 1,
        ("Anonymous outreach contacts", "Whole unit"): 2,
        ("People reached in outreach", "Whole unit"): 8,
        ("People referred from outreach", "Whole unit"): 2,
        ("Referrals made in outreach", "Whole unit"): 3,
    }
    sheet = load_workbook(io.BytesIO(logged_in.get(f"/reports/year.xlsx?year={YEAR}").data)).active
    xlsx = {(r[1], r[2]): r[3] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert {key: xlsx.get(key) for key in expected} == expected
    response = logged_in.get(f"/reports/year.csv?year={YEAR}")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert {(r[1], r[2]): int(r[3]) for r in rows[1:]} == xlsx  # the same figures
    for what, _method in expected:  # and the page shows them
        assert f'<td data-label="What">{what}</td>' in page
    assert f">{expected[('People reached in outreach', 'Whole unit')]}</td>" in page


def test_the_sex_is_optional_and_kept_with_the_person(logged_in: FormClient, app: Flask) -> None:
    from tests.test_journey import register

    person_url = register(logged_in, sex="female", identity_country="", identity_number="")
    page = logged_in.get(person_url).get_data(as_text=True)
    assert "Sex (optional)" in page and "Woman" in page
    response = logged_in.post(
        f"{person_url}/edit",
        {
            "first_name": "Zofia",
            "last_name": "Wójcik-Łęcka",
            "identity_country": "",
            "identity_number": "",
            "preferred_language": "pl",
            "sex": "",
        },
    )
    assert response.status_code == 302
    assert "Woman" not in logged_in.get(person_url).get_data(as_text=True)
    page = logged_in.post(
        "/persons/new",
        {"first_name": "A", "last_name": "B", "sex": "x", "preferred_language": "pl"},
    ).get_data(as_text=True)
    assert "Not a valid choice" in page
    with app.app_context():
        assert db.session.query(Person).filter_by(first_name="A").count() == 0


def test_the_report_and_the_outreach_page_make_as_many_queries_for_many_rows_as_for_few(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    from tests.test_query_counts import counted

    def queries(url: str) -> int:
        with counted(app) as statements:
            assert logged_in.get(url).status_code == 200
        return len(statements)

    add_case(app, worker, 1, contact_days_ago=1, method="ipwzb", language="pl")
    _outreach(logged_in, people="2")
    few = (queries(f"/reports/year?year={YEAR}"), queries("/outreach"))
    for n in range(2, 9):
        add_case(app, worker, n, contact_days_ago=1, method="ipwzb", language="pl")
        _outreach(logged_in, people="2", referrals=["shelter"], referred="1")
    many = (queries(f"/reports/year?year={YEAR}"), queries("/outreach"))
    assert many == few
