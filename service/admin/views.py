"""The admin pages: the audit log with filters, and the unit's staff."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from forms.base import DATE_YEARS
from service import access
from service import audit as audit_trail
from service.admin.audit_log import (
    AuditFilter,
    action_choices,
    audit_page,
    case_references,
    known_actions,
    phrases,
)
from service.extensions import db
from service.models import User
from service.roles import ROLE_LABELS  # noqa: F401  (the role names live in one place)

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")


@bp.before_request
def _admins_only() -> None:
    """Every admin page: 403 for anyone who is not an admin."""
    access.require("administer")


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _day(value: str | None, errors: dict[str, str], name: str) -> date | None:
    """The filter's day as the date picker sends it (YYYY-MM-DD); anything else is put in
    ``errors`` under ``name`` (said beside the field, the typed text kept) and not filtered on."""
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        day = None
    if day is None or day.year not in DATE_YEARS:
        errors[name] = _("This is not a valid date. Choose a day, as YYYY-MM-DD.")
        return None
    return day


@bp.route("/audit")
def audit() -> str:
    """The unit's audit log, newest first, filtered by user, action, case and dates."""
    args = request.args
    errors: dict[str, str] = {}
    wanted = AuditFilter(
        user_id=_int(args.get("user")),
        action=(args.get("action") or "").strip()[:50],
        case_reference=(args.get("case") or "").strip()[:30],
        date_from=_day(args.get("from"), errors, "from"),
        date_to=_day(args.get("to"), errors, "to"),
    )
    page = max(_int(args.get("page")) or 1, 1)
    unit_id = current_user.unit_id
    events, has_next = audit_page(unit_id, wanted, page)
    audit_trail.record(
        "audit.view", page=page, filter_action=wanted.action, filter_user=wanted.user_id
    )
    db.session.commit()
    staff = _staff(unit_id)
    names = dict(db.session.execute(sa.select(User.id, User.full_name)).all())
    return render_template(
        "admin/audit.html",
        events=events,
        has_next=has_next,
        page=page,
        wanted=wanted,
        date_errors=errors,
        staff=staff,
        names=names,
        actions=action_choices(known_actions(unit_id)),
        phrases=phrases(events),
        references=case_references(events),
        args={k: v for k, v in args.items() if k != "page"},
    )


def _staff(unit_id: int) -> list[User]:
    return list(
        db.session.scalars(sa.select(User).where(User.unit_id == unit_id).order_by(User.full_name))
    )


from service.admin import staff_views  # noqa: E402,F401  (registers the staff routes)
