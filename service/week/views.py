"""My week: the worker's start page, and recording a contact from it in a few seconds."""

from __future__ import annotations

from datetime import time

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import SelectField
from wtforms.validators import InputRequired

from forms.base import BaseForm, as_choices
from service import access, audit
from service.clock import local_now, local_today
from service.extensions import db, limiter
from service.journal import operations
from service.journal.forms import ContactForm
from service.week.overview import Week, load_week

bp = Blueprint("week", __name__, template_folder="templates")


def _case_id(value: object) -> int | None:
    """A case id from the form ("" is no choice yet)."""
    if value in (None, ""):
        return None
    return int(str(value))


class QuickContactForm(ContactForm):
    """The contact form with the case it is about (sub-goals: on the case's own journal)."""

    case_id = SelectField(
        _l("Case"),
        coerce=_case_id,
        validate_choice=True,
        validators=[InputRequired(message=_l("Choose the case."))],
    )


def _form(week: Week, formdata: bool) -> QuickContactForm:
    form = QuickContactForm() if formdata else QuickContactForm(formdata=None)
    form.case_id.choices = as_choices(
        [("", _l("— choose —"))]
        + [
            (row.case.id, f"{row.case.reference} – {row.case.person.full_name}")
            for row in week.rows
        ]
    )
    form.staff.choices = as_choices((u.id, u.full_name) for u in access.unit_staff())
    form.sub_goals.choices = []
    form.network.choices = []
    if not formdata:
        now = local_now()
        form.day.data = now.date()
        form.at.data = time(now.hour, now.minute)
        form.staff.data = [current_user.id]
    return form


def _page(week: Week, form: QuickContactForm) -> str:
    return render_template("week/my_week.html", week=week, form=form, today=local_today())


@bp.route("/my-week")
def my_week() -> str:
    """My cases with what is next and what is late, documents, consents and drafts."""
    week = load_week(current_user, local_today())
    audit.record("week.view", cases=week.caseload)
    db.session.commit()
    return _page(week, _form(week, formdata=False))


@bp.route("/my-week/contact", methods=["POST"])
def record_contact() -> str | Response:
    """Record a contact on one of my cases without leaving My week."""
    week = load_week(current_user, local_today())
    form = _form(week, formdata=True)
    if form.validate_on_submit():
        case = access.get_case(int(form.case_id.data))
        access.require("edit", case)
        entry = operations.record_contact(
            case,
            current_user,
            {
                "kind": form.kind.data,
                "local_moment": form.local_moment(),
                "duration": form.duration.data,
                "took_place": form.took_place.data == "yes",
                "person_took_part": form.person_took_part.data,
                "staff": form.staff.data or [],
                "sub_goals": [],
                "network": [],
                "note": form.note.data or "",
            },
        )
        db.session.commit()
        flash(
            _(
                "The contact is recorded in %(case)s (entry %(no)d).",
                case=case.reference,
                no=entry.entry_no,
            ),
            "success",
        )
        return redirect(url_for("week.my_week"))
    return _page(week, form)


@bp.route("/calendar", methods=["GET", "POST"])
def calendar_link() -> str:
    """The private link to subscribe to my meetings; a POST makes a new one (shown once)."""
    from service.week.calendar import feed_of, new_feed

    token = None
    if request.method == "POST":
        if not _confirm().validate_on_submit():
            abort(400)
        token = new_feed(current_user)
        db.session.commit()
    return render_template(
        "week/calendar.html",
        feed=feed_of(current_user),
        url=url_for("week.calendar_feed", token=token, _external=True) if token else None,
        form=_confirm(),
    )


@bp.route("/calendar/revoke", methods=["POST"])
def calendar_revoke() -> Response:
    """Stop the private link."""
    from service.week.calendar import revoke_feed

    if not _confirm().validate_on_submit():
        abort(400)
    if revoke_feed(current_user):
        db.session.commit()
        flash(_("The calendar link no longer works."), "success")
    return redirect(url_for("week.calendar_link"))


@bp.route("/calendar/<token>.ics")
@limiter.limit("120 per hour")
def calendar_feed(token: str) -> Response:
    """The meetings as iCalendar, for a calendar program (no login: the token is the key)."""
    from service.week.calendar import feed_ics, user_for_token

    user = user_for_token(token)
    if user is None:
        abort(404)
    data = feed_ics(user, local_today())
    audit.record("calendar.feed", user_id=user.id)
    db.session.commit()
    response = Response(data, mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Disposition"] = 'inline; filename="stegvis.ics"'
    return response


def _confirm() -> BaseForm:
    return BaseForm()


@bp.route("/referrals")
def referrals() -> str:
    """The caseworker's start page: the cases they referred and what is new since last time."""
    from service.week.start_pages import load_referrals

    found = load_referrals(current_user)
    audit.record("referrals.view", cases=len(found.rows), new=found.new_count)
    db.session.commit()
    from service.documents.document_types import label

    return render_template("week/referrals.html", referrals=found, doc_label=label)


@bp.route("/team")
def team() -> str:
    """The head of unit's page: caseload and overdue counts per worker."""
    from service.week.start_pages import TEAM_ROLES, load_team

    if current_user.role not in TEAM_ROLES:
        abort(403)
    loads = load_team(current_user, local_today())
    audit.record("team.view", workers=len(loads))
    db.session.commit()
    return render_template("week/team.html", loads=loads)
