"""Persons and cases: thin views wiring forms to operations (steps: step_views.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import (
    Blueprint,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import as_choices
from forms.case import CaseForm
from forms.identity import format_identity
from forms.method_registry import methods
from forms.person import IDENTITY_COUNTRY, PersonEditForm, PersonForm
from service import access, audit, page_cache, record_versions
from service.cases import operations, overview, team
from service.cases.case_list import CaseFilters, case_page, person_page, positive_id, search_text
from service.cases.chart import ratings_chart
from service.cases.journey import MethodNames, current_or_kept, method_of
from service.cases.plan_history import plan_history
from service.cases.progress import step_overview
from service.cases.record import case_record
from service.clock import local_today
from service.extensions import db
from service.models import Case, CaseStatus, Person, Role
from service.template_helpers import STATUS_LABELS

bp = Blueprint("cases", __name__, template_folder="templates")


@bp.app_context_processor
def _case_page_helpers() -> dict[str, object]:
    from service.cases.next_action import next_action_of

    return {"next_action_of": next_action_of}


@bp.route("/", methods=["GET", "POST"])
def index() -> str:
    """The cases the user may see, a page at a time, newest first, filtered and searched.

    A search is posted (a name typed must not end up in a URL or an access log); the other
    filters may also come in the query string.
    """
    values = request.form if request.method == "POST" else request.args
    offered = [key for key in current_user.unit.methods if key in methods()]
    wanted = CaseFilters.from_values(values, offered)
    today = local_today()
    rows, after = case_page(current_user, wanted, today)

    def render() -> str:
        return render_template(
            "cases/index.html",
            rows=rows,
            rows_html=page_cache.cached_rows("case-row", rows, _case_row(rows, today)),
            after=after,
            wanted=wanted,
            method_choices=[(key, _(methods()[key].name)) for key in offered],
        )

    # the page is a function of its rows (read just now), the filters and the viewer
    return page_cache.cached_list("cases", rows, render, wanted, after, tuple(offered))


def _case_row(rows: list[Any], today: date) -> Any:
    """What renders one line of the case list (for the lines not kept yet)."""
    line = get_template_attribute("cases/_case_row.html", "case_row")
    texts = {
        # the labels, names and texts of a line, translated once for the page, not once a row
        "l_case": _("Case"),
        "l_person": _("Person"),
        "l_method": _("Method"),
        "l_status": _("Status"),
        "l_next_step": _("Next step"),
        "l_next_meeting": _("Next meeting"),
        "l_contact": _("Contact person"),
        "step_titles": _step_titles({row.method for row in rows}),
        "method_names": _method_names({row.method for row in rows}),
        "status_names": {key: str(label) for key, label in STATUS_LABELS.items()},
        # the text of an overdue mark, its day put in per row
        "overdue_since": _("overdue since %(day)s"),
        "closed": CaseStatus.CLOSED.value,
        "today": today,
        # a case's address is this and its id (url_for once, not once a row)
        "case_href": url_for("cases.case", case_id=0).removesuffix("0"),
    }
    return lambda row: line(row, texts)


def _method_names(method_keys: set[str]) -> dict[str, str]:
    """Method key → translated name, for the keys of a page's rows."""
    names = MethodNames()
    return {key: str(names[key]) if key in names else key for key in method_keys}


@bp.route("/persons", methods=["GET", "POST"])
def persons() -> str:
    """The persons the user may see, a page at a time by name; searched by a posted name."""
    values = request.form if request.method == "POST" else request.args
    search = search_text(values.get("q"))
    after = positive_id(values.get("after"))
    rows, next_after = person_page(search, after)

    def render() -> str:
        line = get_template_attribute("cases/_person_row.html", "person_row")
        texts = {
            # translated once for the page, not once a row
            "l_name": _("Name"),
            "l_open": _("Open cases"),
            "l_registered": _("Registered"),
            # a person's address is this and their id (url_for once, not once a row)
            "person_href": url_for("cases.person", person_id=0).removesuffix("0"),
        }
        return render_template(
            "cases/persons.html",
            rows=rows,
            rows_html=page_cache.cached_rows("person-row", rows, lambda row: line(row, texts)),
            after=next_after,
            search=search,
        )

    # the page is a function of its rows (read just now), the search and the viewer
    return page_cache.cached_list("persons", rows, render, search, after, next_after)


def _step_titles(method_keys: set[str]) -> dict[tuple[str, str], str]:
    """(method, step key) → the step's translated title, for the "next step" column."""
    titles = {}
    for key in method_keys:
        method = current_or_kept(key)
        if method is not None:
            titles.update({(key, k): _(s.title) for k, s in method.steps.items()})
    return titles


@bp.route("/persons/new", methods=["GET", "POST"])
def new_person() -> str | Response:
    """Register a person; a wrong identity number is explained beside the field."""
    access.require("register")
    form = PersonForm()
    if form.validate_on_submit():
        if form.identity and operations.identity_taken(current_user, form.identity.number):
            form.identity_number.errors = [
                _("A person with this identity number is already registered.")
            ]
        else:
            person = operations.register_person(current_user, **_person_details(form))
            flash(_("The person is registered."), "success")
            return redirect(url_for("cases.person", person_id=person.id))
    elif request.method == "GET":
        form.preferred_language.data = current_user.unit.default_locale
    return render_template("cases/person_form.html", form=form, person=None)


@bp.route("/persons/<int:person_id>/edit", methods=["GET", "POST"])
def edit_person(person_id: int) -> str | Response:
    """Change a person's details with the checks of registering; issued documents keep theirs."""
    found = access.get_person(person_id)
    access.require("edit", found)
    if found.erased_at is not None:
        flash(_("The person's data is erased and cannot be changed."), "warning")
        return redirect(url_for("cases.person", person_id=found.id))
    form = PersonEditForm()
    if form.validate_on_submit():
        if form.identity and operations.identity_taken(
            current_user, form.identity.number, except_person=found
        ):
            form.identity_number.errors = [
                _("A person with this identity number is already registered.")
            ]
        else:
            try:
                with record_versions.saving(found, form.seen_version()):
                    operations.update_person(found, current_user, **_person_details(form))
            except record_versions.RecordConflict as conflict:
                return _person_conflict(form, found, conflict)
            flash(_("The person's details are saved."), "success")
            return redirect(url_for("cases.person", person_id=found.id))
    elif request.method == "GET":
        _fill_person_form(form, found)
    return render_template("cases/person_form.html", form=form, person=found)


def _person_conflict(
    form: PersonEditForm, person: Person, conflict: record_versions.RecordConflict
) -> str | Response:
    """Someone saved the person after this page was filled: theirs above, the form as typed."""
    if person.erased_at is not None:  # erased meanwhile: there is nothing left to change
        flash(_("The person's data is erased and cannot be changed."), "warning")
        return redirect(url_for("cases.person", person_id=person.id))
    stored = PersonEditForm(formdata=None)
    _fill_person_form(stored, person)
    return render_template(
        "cases/person_form.html",
        form=form,
        person=person,
        conflict=record_versions.conflict_view(conflict, stored, form),
    )


def _person_details(form: PersonForm) -> dict[str, Any]:
    """The validated details of a person form, as the operations take them."""
    return {
        "first_name": form.first_name.data or "",
        "last_name": form.last_name.data or "",
        "identity": form.identity,
        "date_of_birth": form.date_of_birth.data,
        "sex": form.sex.data or None,
        "preferred_language": form.preferred_language.data or "",
        "address": form.address.data or "",
        "phone": form.phone.data or "",
        "email": form.email.data or "",
        "legal_rep_kind": form.legal_rep_kind.data or "",
        "legal_rep_name": form.legal_rep_name.data or "",
        "legal_rep_contact": form.legal_rep_contact.data or "",
    }


def _fill_person_form(form: PersonEditForm, person: Person) -> None:
    """Show the stored details in the form, the identity number as it is printed."""
    form.first_name.data = person.first_name
    form.last_name.data = person.last_name
    form.identity_country.data = IDENTITY_COUNTRY.get(person.identity_kind or "", "")
    form.identity_number.data = format_identity(person.identity_kind, person.identity_number)
    form.date_of_birth.data = person.date_of_birth
    form.sex.data = person.sex or ""
    form.preferred_language.data = person.preferred_language
    form.address.data = person.address
    form.phone.data = person.phone
    form.email.data = person.email
    form.legal_rep_kind.data = person.legal_rep_kind or ""
    form.legal_rep_name.data = person.legal_rep_name or ""
    form.legal_rep_contact.data = person.legal_rep_contact or ""
    form.show_version(person)


@bp.route("/persons/<int:person_id>")
def person(person_id: int) -> str:
    """A person's details and cases."""
    found = access.get_person(person_id)
    access.require("view", found)
    cases = db.session.scalars(access.cases_query().where(Case.person_id == found.id)).all()
    page = render_template("cases/person.html", person=found, cases=cases)
    audit.record_view("person.view", person_id=found.id)  # committed before the page leaves
    return page


@bp.route("/persons/<int:person_id>/cases/new", methods=["GET", "POST"])
def new_case(person_id: int) -> str | Response:
    """Open a case for the person with one of the unit's methods."""
    found = access.get_person(person_id)
    access.require("register")
    form = CaseForm()
    known = methods()
    form.method.choices = as_choices(
        (key, _(known[key].name)) for key in current_user.unit.methods if key in known
    )
    caseworkers = access.unit_staff(Role.CASEWORKER)
    form.referring_caseworker_id.choices = as_choices(
        [("", _("— not in this unit —")), *((str(u.id), u.full_name) for u in caseworkers)]
    )
    if form.validate_on_submit():
        chosen = next(
            (u for u in caseworkers if str(u.id) == form.referring_caseworker_id.data), None
        )
        case = operations.open_case(
            found,
            current_user,
            method=form.method.data,
            caseworker=form.referring_caseworker_name.data or "",
            assignment=form.assignment.data or "",
            caseworker_user=chosen,
        )
        flash(_("The case is opened."), "success")
        return redirect(url_for("cases.case", case_id=case.id))
    return render_template("cases/case_form.html", form=form, person=found)


@bp.route("/cases/<int:case_id>")
def case(case_id: int) -> str:
    """The case page: steps, status and issued documents."""
    found = access.get_case(case_id)
    access.require("view", found)

    def body() -> str:
        return render_template(
            "cases/_case_body.html",
            case=found,
            steps=step_overview(found),
            documents=sorted(case_record(found).documents, key=lambda d: (d.doc_type, -d.version)),
            team=team.members(found),
            plan_history=plan_history(found),
            METHOD_COUNTRY=lambda c: method_of(c).country,
            team_role_label=team.team_role_label,
            **_overview(found),
        )

    page = page_cache.cached_page(
        "case",
        found,
        lambda: render_template(
            "cases/case.html", case=found, body=page_cache.cached_part("case", found, body)
        ),
    )
    audit.record_view("case.view", case_id=found.id)  # committed before the page leaves
    return page


def _overview(case: Case) -> dict[str, object]:
    """Timeline, next meeting, overdue sub-goals and the self-rating chart of a case."""
    method = method_of(case)
    today = local_today()
    areas = {a.value: _(a.label) for a in method.areas}
    steps = overview.finals(case)  # read once, used by every part below
    return {
        **_journal_part(case, steps, method, today),
        "timeline": overview.timeline(
            case,
            steps,
            {k: _(s.title) for k, s in method.steps.items()},
            frozenset(k for k, s in method.steps.items() if s.repeatable),
        ),
        "next_meeting": overview.next_meeting(steps, today),
        "overdue": overview.overdue_sub_goals(steps, today),
        "reached": overview.sub_goals_reached(steps),
        "area_labels": areas,
        "chart": ratings_chart(
            overview.ratings(steps), areas, _("Self-rating per life area over time (1–10)")
        ),
    }


def _journal_part(case: Case, steps: list[Any], method: Any, today: date) -> dict[str, object]:
    """The agreed rhythms against the journal and the follow-ups, and the latest contacts."""
    from service.cases.subgoals import plan_sub_goals
    from service.journal import operations as journal
    from service.journal.display import entry_rows
    from service.journal.rhythm import case_rhythms

    last = journal.last_contacts([case.id]).get(case.id)
    contact, follow_up = case_rhythms(
        case.status, steps, method, journal.as_local(last).date() if last else None, today
    )
    plan = next((s for s in reversed(steps) if s.step == "plan"), None)
    recent = db.session.scalars(journal.current_entries_query([case.id]).limit(3)).all()
    return {
        "contact_rhythm": contact,
        "follow_up_rhythm": follow_up,
        "recent_contacts": entry_rows(
            list(recent), dict(plan_sub_goals(plan.answers)) if plan is not None else {}
        ),
    }
