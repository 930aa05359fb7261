"""Reports for the unit: the yearly outcome table."""

from __future__ import annotations

from io import BytesIO

from flask import Blueprint, render_template, request, send_file
from flask_login import current_user
from werkzeug.wrappers import Response

from service.cases.journey import current_or_kept
from service.clock import local_today
from service.reports.outcomes import outcome_rows, outcome_table

bp = Blueprint("reports", __name__, template_folder="templates")


@bp.route("/reports/outcomes")
def outcomes() -> str:
    """Closed cases of the user's unit in a year, per method: reasons and outcomes."""
    this_year = local_today().year
    year = request.args.get("year", this_year, type=int)
    if year is None or not 2000 <= year <= this_year + 1:
        year = this_year
    table = outcome_table(current_user.unit_id, year)
    methods = {key: current_or_kept(key) for key in table}
    return render_template(
        "reports/outcomes.html",
        year=year,
        table=table,
        methods=methods,
        rows={key: outcome_rows(entry) for key, entry in table.items()},
        years=range(this_year, this_year - 6, -1),
    )


def _year() -> int:
    this_year = local_today().year
    year = request.args.get("year", this_year, type=int)
    return year if year is not None and 2000 <= year <= this_year + 1 else this_year


@bp.route("/reports/year")
def yearly() -> str:
    """The yearly report of the user's unit: shown, with XLSX and CSV downloads."""
    from service.reports.yearly import outreach_figures, report_rows, summary, yearly_report

    year = _year()
    report = yearly_report(current_user.unit_id, year)
    rows = report_rows(report, year, outreach_figures(current_user.unit_id, year))
    this_year = local_today().year
    return render_template(
        "reports/yearly.html",
        year=year,
        rows=rows,
        summary=summary(report),
        has_cases=bool(report),
        years=range(this_year, this_year - 6, -1),
    )


@bp.route("/reports/year.<any(xlsx, csv):fmt>")
def yearly_download(fmt: str) -> Response:
    """The yearly report as a spreadsheet (XLSX) or CSV; the file name carries unit id and year."""
    from service import audit
    from service.extensions import db
    from service.reports.yearly import (
        as_csv,
        as_xlsx,
        outreach_figures,
        report_rows,
        yearly_report,
    )

    year = _year()
    rows = report_rows(
        yearly_report(current_user.unit_id, year),
        year,
        outreach_figures(current_user.unit_id, year),
    )
    if fmt == "xlsx":
        data = as_xlsx(rows, str(year))
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data, mimetype = as_csv(rows), "text/csv"
    audit.record("report.download", year=year, format=fmt)
    db.session.commit()
    response = send_file(
        BytesIO(data),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"report-unit-{current_user.unit_id}-{year}.{fmt}",
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
