"""Reports for the unit: the yearly outcome table."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, render_template, request
from flask_login import current_user

from service.cases.journey import current_or_kept
from service.reports.outcomes import outcome_rows, outcome_table

bp = Blueprint("reports", __name__, template_folder="templates")


@bp.route("/reports/outcomes")
def outcomes() -> str:
    """Closed cases of the user's unit in a year, per method: reasons and outcomes."""
    this_year = date.today().year
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
