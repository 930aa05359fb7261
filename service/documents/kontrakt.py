"""What the kontrakt socjalny prints beyond the common agreement: the pattern of Dz.U. 2010 nr
218 poz. 1439 (part I A/II A or I B/II B, the parties, part I from the assessment, the dated
amendments and the evaluation from the follow-ups)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from forms.identity import InvalidIdentityNumber, format_identity, parse_identity_number
from service.cases.operations import latest_submission
from service.cases.subgoals import final_follow_ups, latest_statuses
from service.documents.context import format_day
from service.documents.plan_context import ACTION_STATUS
from service.extensions import db
from service.models import Case, CaseMember, ContractAmendment, TeamRole, User

#: The variants of the pattern: "a" (part I A / II A) and "b" (part I B / II B).
VARIANTS = ("a", "b")


def _answers(case: Case, step: str) -> dict[str, Any]:
    submission = latest_submission(case, step)
    return dict(submission.answers) if submission is not None else {}


def social_worker(case: Case) -> User | None:
    """The pracownik socjalny who concludes the kontrakt: the team's social worker, else the
    referring caseworker when they use the service."""
    member = db.session.scalar(
        sa.select(User)
        .join(CaseMember, CaseMember.user_id == User.id)
        .where(
            CaseMember.case_id == case.id,
            CaseMember.team_role == TeamRole.SOCIAL_WORKER.value,
        )
        .order_by(CaseMember.id)
        .limit(1)
    )
    return member or case.referring_caseworker


def _identity(value: Any) -> str:
    """A typed PESEL as it is printed (as typed when it is no identity number we know)."""
    text = str(value or "").strip()
    if not text:
        return ""
    for country in ("pl", "se"):
        try:
            parsed = parse_identity_number(country, text)
        except InvalidIdentityNumber:
            continue
        return format_identity(parsed.kind, parsed.number)
    return text


def _parties(case: Case, second: dict[str, Any]) -> list[dict[str, str]]:
    """The person and every member of the family who is a party (surname, name, address, PESEL)."""
    person = case.person
    parties = [
        {
            "last_name": person.last_name,
            "first_name": person.first_name,
            "address": person.address,
            "identity_number": format_identity(person.identity_kind, person.identity_number),
            "family_role": "",
            "full_name": person.full_name,
        }
    ]
    from service.cases import family

    named = set()
    for member in family.members(case):  # the case's family: every adult who is a party
        if not (member.adult and member.party):
            continue
        named.add((member.first_name.casefold(), member.last_name.casefold()))
        parties.append(
            {
                "last_name": member.last_name,
                "first_name": member.first_name,
                "address": member.address or person.address,
                "identity_number": format_identity(member.identity_kind, member.identity_number),
                "family_role": family.role_label(member),
                "full_name": member.full_name,
            }
        )
    for row in second.get("family_parties") or []:
        last, first = str(row.get("last_name") or ""), str(row.get("first_name") or "")
        if not (last or first) or (first.casefold(), last.casefold()) in named:
            continue
        parties.append(
            {
                "last_name": last,
                "first_name": first,
                "address": str(row.get("address") or "") or person.address,
                "identity_number": _identity(row.get("identity_number")),
                "family_role": str(row.get("family_role") or ""),
                "full_name": f"{first} {last}".strip(),
            }
        )
    for number, party in enumerate(parties, start=1):
        party["no"] = str(number)
    return parties


def _part_one(second: dict[str, Any], assessment: dict[str, Any], plan: dict[str, Any]) -> dict:
    """Part I: the assessment of the life situation and the goals (plan pracy socjalnej)."""
    goals = [g for g in plan.get("goals") or [] if g.get("goal")]
    return {
        "from_assessment": bool(assessment),
        "causes": assessment.get("difficulty_causes") or second.get("situation_causes") or "",
        "possibilities": assessment.get("possibilities")
        or assessment.get("family_strengths")
        or second.get("situation_possibilities")
        or "",
        "limitations": assessment.get("limitations") or second.get("situation_limitations") or "",
        "main_goals": [str(g["goal"]) for g in goals] or [str(second.get("purpose") or "")],
        "sub_goals": [
            str(s["sub_goal"]) for g in goals for s in g.get("sub_goals") or [] if s.get("sub_goal")
        ],
    }


def _action_evaluation(
    second: dict[str, Any], follow_ups: list[dict[str, Any]], language: str
) -> list[dict[str, str]]:
    """Every numbered action of part II with the status and comment the newest final follow-up
    gave it (service/cases/actions.py; an action that follow-up did not review keeps what an
    earlier one found, with that meeting's date)."""
    rows = []
    for n, action in enumerate(second.get("actions") or [], start=1):
        what = str(action.get("what") or "").strip()
        if not what:
            continue
        found: tuple[dict[str, Any], dict[str, Any]] | None = None
        for follow_up in reversed(follow_ups):
            review = next(
                (
                    row
                    for row in follow_up.get("actions_review") or []
                    if str(row.get("ref")) == f"agreement.{n - 1}"
                    and str(row.get("what") or "").strip() == what
                ),
                None,
            )
            if review is not None:
                found = (follow_up, review)
                break
        status, comment, day = "", "", ""
        if found is not None:
            follow_up, review = found
            key = str(review.get("status") or "")
            status = str(ACTION_STATUS.get(key, "")) or key
            comment = str(review.get("comment") or "")
            day = format_day(follow_up.get("meeting_date"), language)
        rows.append({"no": str(n), "what": what, "status": status, "comment": comment, "day": day})
    return rows


def _evaluation(
    case: Case, second: dict[str, Any], plan: dict[str, Any], language: str
) -> dict[str, Any]:
    """The ocena realizacji: each agreed action as the newest follow-up found it, what each
    follow-up found, the sub-goals reached, the closing."""
    follow_ups = final_follow_ups(case)
    statuses = latest_statuses(plan, follow_ups) if plan else {}
    closing = _answers(case, "closing")
    return {
        # the date of the newest final follow-up ("" while none is final: blank lines print)
        "as_of": format_day(follow_ups[-1].get("meeting_date"), language) if follow_ups else "",
        "actions": _action_evaluation(second, follow_ups, language) if follow_ups else [],
        "meetings": [
            {
                "day": format_day(f.get("meeting_date"), language),
                "text": str(f.get("since_last_time") or ""),
            }
            for f in follow_ups
            if f.get("since_last_time")
        ],
        "reached": sum(1 for s in statuses.values() if s == "reached"),
        "sub_goals": len(statuses),
        "final": str(closing.get("final_evaluation") or ""),
        "closed_on": format_day(closing.get("closed_on"), language),
    }


def kontrakt_part(case: Case, second: dict[str, Any], language: str) -> dict[str, Any]:
    """Everything the kontrakt socjalny prints beyond the common agreement."""
    variant = str(second.get("contract_variant") or "a")
    worker = social_worker(case)
    plan = _answers(case, "plan")
    amendments = db.session.scalars(
        sa.select(ContractAmendment)
        .where(ContractAmendment.case_id == case.id)
        .order_by(ContractAmendment.agreed_on, ContractAmendment.id)
    ).all()
    return {
        "variant": variant if variant in VARIANTS else "a",
        "concluded_on": format_day(
            second.get("concluded_on") or second.get("meeting_date"), language
        ),
        "parties": _parties(case, second),
        "social_worker": {
            "name": worker.full_name if worker else case.caseworker_name,
            "phone": worker.phone if worker else "",
        },
        "part_one": _part_one(second, _answers(case, "assessment"), plan),
        "unemployment": {
            "causes": str(second.get("unemployment_causes") or ""),
            "limitations": str(second.get("work_limitations") or ""),
            "earlier_activation": str(second.get("earlier_activation") or ""),
        },
        "amendments": [
            {"no": str(n), "agreed_on": format_day(a.agreed_on, language), "text": a.text}
            for n, a in enumerate(amendments, start=1)
        ],
        "evaluation": _evaluation(case, second, plan, language),
    }
