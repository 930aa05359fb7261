"""What the Swedish genomförandeplan prints besides goals and sub-goals (SOSFS 2014:5, 6 kap.):
the decision it carries out, who at the provider is responsible, and the cooperation with the
nämnd and with other huvudmän. Plans written before these questions give empty values, and the
template leaves those rows out.

Every plan form also names, per sub-goal (activity), who is responsible: the member of staff
(``responsible_id``), the members of the case's network (``network_ids``) and anyone else in
words (``others_responsible``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.cases.team import members, team_role_label
from service.documents.answers import text
from service.documents.context import format_day
from service.extensions import db
from service.journal import network
from service.models import Case, User


def _responsible(case: Case, user_id: Any, team: list[Any] | None = None) -> dict[str, str]:
    """The named member of staff and their role on the case's team (or their title): staff
    of the case's unit or of its team, never anyone else."""
    try:
        user = db.session.get(User, int(str(user_id))) if user_id not in (None, "") else None
    except ValueError:
        user = None
    team = members(case) if team is None else team
    member = next((m for m in team if user is not None and m.user_id == user.id), None)
    if user is None or (user.unit_id != case.unit_id and member is None):
        return {"name": "", "role": ""}
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


def add_sub_goal_responsibles(case: Case, plan: Mapping[str, Any], part: dict[str, Any]) -> None:
    """Give every sub-goal of ``part`` (``plan_context.plan_part``) who is responsible:
    ``responsible`` (name, role), ``network`` (the chosen members of the case's network who
    are still on it: name, role) and ``responsible_text``, one line each, then the free text.

    Call inside ``force_locale(language)`` (roles are translated)."""
    rows = [goal.get("sub_goals") or [] for goal in plan.get("goals") or []]
    wanted = [row for subs in rows for row in subs]
    team = members(case) if any(row.get("responsible_id") for row in wanted) else []
    current = (
        {m.id: m for m in network.members(case)}
        if any(row.get("network_ids") for row in wanted)
        else {}
    )
    for goal, subs in zip(part.get("goals") or [], rows, strict=False):
        for printed, row in zip(goal.get("sub_goals") or [], subs, strict=False):
            staff = (
                _responsible(case, row.get("responsible_id"), team)
                if row.get("responsible_id") not in (None, "")
                else {"name": "", "role": ""}
            )
            chosen = [current[i] for i in _ids(row.get("network_ids")) if i in current]
            people = [
                {
                    "name": m.name,
                    "role": m.role or str(network.NETWORK_LABELS.get(m.kind, m.kind)),
                }
                for m in chosen
            ]
            lines = [_named(staff)] if staff["name"] else []
            lines += [_named(person) for person in people]
            if printed.get("others_responsible"):
                lines.append(printed["others_responsible"])
            printed["responsible"] = staff
            printed["network"] = people
            printed["responsible_text"] = "\n".join(lines)


def _named(who: Mapping[str, str]) -> str:
    return f"{who['name']} ({who['role']})" if who.get("role") else who["name"]


def _ids(values: Any) -> list[int]:
    """The network ids of an answer, in order, each once (anything else is ignored)."""
    found: list[int] = []
    for value in values if isinstance(values, list) else []:
        if isinstance(value, int) and not isinstance(value, bool) and value not in found:
            found.append(value)
        elif isinstance(value, str) and value.isdigit() and int(value) not in found:
            found.append(int(value))
    return found
