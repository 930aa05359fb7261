"""The contact journal of a case: record a contact, correct one, its history, the extract."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from io import BytesIO
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import as_choices
from service import access, audit
from service.cases.operations import latest_submission
from service.cases.subgoals import plan_sub_goals
from service.clock import local_now, local_today
from service.extensions import db
from service.journal import operations
from service.journal.forms import ContactForm, CorrectionForm, ExtractForm
from service.models import Case, CaseStatus, ContactEntry
from service.safe_redirect import safe_next

bp = Blueprint("journal", __name__, template_folder="templates")

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _choices(form: ContactForm, case: Case) -> dict[str, str]:
    """Staff and sub-goal choices of the case; returns ref → sub-goal text."""
    form.staff.choices = as_choices((u.id, u.full_name) for u in access.unit_staff())
    from service.journal.network import members

    form.network.choices = as_choices((m.id, m.name) for m in members(case))
    plan = latest_submission(case, "plan")
    sub_goals = dict(plan_sub_goals(plan.answers)) if plan is not None else {}
    form.sub_goals.choices = as_choices(sub_goals.items())
    return sub_goals


def _fill(form: ContactForm, entry: ContactEntry) -> None:
    local = operations.as_local(entry.occurred_at)
    form.kind.data = entry.kind
    form.day.data = local.date()
    form.at.data = local.time().replace(second=0, microsecond=0)
    form.duration.data = entry.duration_minutes
    form.took_place.data = "yes" if entry.took_place else "no"
    form.person_took_part.data = bool((entry.participants or {}).get("person"))
    form.staff.data = list((entry.participants or {}).get("staff") or [])
    form.network.data = list((entry.participants or {}).get("network") or [])
    form.sub_goals.data = list(entry.sub_goals or [])
    form.note.data = entry.note
    form.version.data = str(entry.version)


def _details(form: ContactForm) -> dict[str, Any]:
    return {
        "kind": form.kind.data,
        "local_moment": form.local_moment(),
        "duration": form.duration.data,
        "took_place": form.took_place.data == "yes",
        "person_took_part": form.person_took_part.data,
        "staff": form.staff.data or [],
        "network": form.network.data or [],
        "sub_goals": form.sub_goals.data or [],
        "note": form.note.data or "",
    }


def new_contact_form(case: Case) -> tuple[ContactForm, dict[str, str]]:
    """An empty contact form for ``case``: today, now, the one filling in as staff."""
    form = ContactForm(formdata=None)
    sub_goals = _choices(form, case)
    now = local_now()
    form.day.data = now.date()
    form.at.data = time(now.hour, now.minute)
    form.staff.data = [current_user.id]
    return form, sub_goals


def _back(case: Case) -> str:
    return safe_next(request.values.get("next")) or url_for("journal.journal", case_id=case.id)


def _closed(case: Case) -> Response | None:
    if case.status == CaseStatus.CLOSED.value or case.erased_at is not None:
        flash(_("The case is closed: no contacts can be recorded."), "warning")
        return redirect(url_for("journal.journal", case_id=case.id))
    return None


@bp.route("/cases/<int:case_id>/journal", methods=["GET", "POST"])
def journal(case_id: int) -> str | Response:
    """The case's contacts, newest first, with the form that records one."""
    case = access.get_case(case_id)
    access.require("edit" if request.method == "POST" else "view", case)
    if request.method == "POST":
        refused = _closed(case)
        if refused is not None:
            return refused
        form = ContactForm()
        sub_goals = _choices(form, case)
        if form.validate_on_submit():
            entry = operations.record_contact(case, current_user, _details(form))
            db.session.commit()
            flash(_("The contact is recorded (entry %(no)d).", no=entry.entry_no), "success")
            return redirect(_back(case))
    else:
        form, sub_goals = new_contact_form(case)
        audit.record("journal.view", case_id=case.id)
        db.session.commit()
    extract = ExtractForm(formdata=None)
    today = local_today()
    extract.date_from.data = today.replace(day=1)
    extract.date_to.data = today
    return _page(case, form, sub_goals, extract)


def _page(case: Case, form: ContactForm, sub_goals: dict[str, str], extract: ExtractForm) -> str:
    from service.journal.display import entry_rows
    from service.outreach.operations import case_contacts

    return render_template(
        "journal/journal.html",
        case=case,
        form=form,
        extract=extract,
        rows=entry_rows(operations.entries(case), sub_goals),
        outreach=case_contacts(case),
        next_url=safe_next(request.values.get("next")),
    )


@bp.route("/cases/<int:case_id>/journal/<int:entry_no>")
def entry(case_id: int, entry_no: int) -> str:
    """Every version of one entry: what was first recorded and each correction, who and why."""
    case = access.get_case(case_id)
    access.require("view", case)
    versions = operations.history(case, entry_no) or abort(404)
    from service.journal.display import entry_rows

    plan = latest_submission(case, "plan")
    sub_goals = dict(plan_sub_goals(plan.answers)) if plan is not None else {}
    audit.record("journal.view", case_id=case.id, entry=entry_no)
    db.session.commit()
    return render_template(
        "journal/entry.html",
        case=case,
        entry_no=entry_no,
        rows=entry_rows(list(reversed(versions)), sub_goals),
    )


@bp.route("/cases/<int:case_id>/journal/<int:entry_no>/correct", methods=["GET", "POST"])
def correct(case_id: int, entry_no: int) -> str | Response:
    """Correct an entry: a new version with the reason; the earlier ones stay."""
    case = access.get_case(case_id)
    access.require("edit", case)
    versions = operations.history(case, entry_no) or abort(404)
    refused = _closed(case)
    if refused is not None:
        return refused
    form = CorrectionForm() if request.method == "POST" else CorrectionForm(formdata=None)
    _choices(form, case)
    conflict = False
    if request.method == "GET":
        _fill(form, versions[-1])
    elif form.validate_on_submit():
        based_on = int(form.version.data) if (form.version.data or "").isdigit() else 0
        try:
            operations.correct_contact(
                case,
                current_user,
                entry_no,
                based_on,
                form.change_reason.data or "",
                _details(form),
            )
        except operations.ConflictingCorrection:
            db.session.rollback()
            conflict = True
            versions = operations.history(case, entry_no)
            form.version.data = str(versions[-1].version)  # saving again corrects the newest
        else:
            db.session.commit()
            flash(_("The correction is saved as a new version."), "success")
            return redirect(url_for("journal.entry", case_id=case.id, entry_no=entry_no))
    return render_template(
        "journal/correct.html",
        case=case,
        form=form,
        entry_no=entry_no,
        newest=versions[-1],
        conflict=conflict,
    )


@bp.route("/cases/<int:case_id>/journal/extract")
def extract(case_id: int) -> str | Response:
    """The journal of a period as a Word document in the case's document language."""
    case = access.get_case(case_id)
    access.require("download", case)
    form = ExtractForm(request.args)
    if not form.validate():
        form_contact, sub_goals = new_contact_form(case)
        return _page(case, form_contact, sub_goals, form)
    from service.journal.extract import extract_filename, render_extract

    start = operations.as_utc(datetime.combine(form.date_from.data, time(0, 0)))
    end = operations.as_utc(datetime.combine(form.date_to.data + timedelta(days=1), time(0, 0)))
    data, count = render_extract(case, form.date_from.data, form.date_to.data, start, end)
    audit.record(
        "journal.extract",
        case_id=case.id,
        entries=count,
        period=f"{form.date_from.data.isoformat()}–{form.date_to.data.isoformat()}",
    )
    db.session.commit()
    response = send_file(
        BytesIO(data),
        mimetype=DOCX_MIMETYPE,
        as_attachment=True,
        download_name=extract_filename(case, form.date_from.data, form.date_to.data),
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
