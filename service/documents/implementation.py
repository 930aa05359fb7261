"""What the Swedish genomförandeplan prints besides goals and sub-goals (SOSFS 2014:5, 6 kap.):
the decision it carries out, who at the provider is responsible, and the cooperation with the
nämnd and with other huvudmän. Plans written before these questions give empty values, and the
template leaves those rows out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.cases.team import members, team_role_label
from service.documents.answers import text
from service.documents.context import format_day
from service.extensions import db
from service.models import Case, User


def _responsible(case: Case, user_id: Any) -> dict[str, str]:
    """The named member of staff and their role on the case's team (or their title)."""
    try:
        user = db.session.get(User, int(str(user_id))) if user_id not in (None, "") else None
    except ValueError:
        user = None
    if user is None or user.unit_id != case.unit_id:
        return {"name": "", "role": ""}
    member = next((m for m in members(case) if m.user_id == user.id), None)
    role = team_role_label(member.team_role) if member is not None else (user.title or "")
    return {"name": user.full_name, "role": role}


def implementation_part(case: Case, plan: Mapping[str, Any], language: str) -> dict[str, Any]:
    """Call inside ``force_locale(language)`` (the team role is translated)."""
    return {
        "decision_insats": text(plan.get("decision_insats")),
        "decision_date": format_day(plan.get("decision_date"), language),
        "responsible": _responsible(case, plan.get("responsible_id")),
        "cooperation_board": text(plan.get("cooperation_board")),
        "cooperation_principals": text(plan.get("cooperation_principals")),
    }
