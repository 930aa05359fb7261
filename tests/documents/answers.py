"""Final answers of the later steps in the shapes the journey stores (plain dicts), and the
sample context of every document type built from them."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from flask_babel import force_locale

from forms.method_registry import get_method
from service.documents.ipwzb import ipwzb_part
from service.documents.plan_context import (
    assessment_part,
    closing_part,
    follow_up_part,
    plan_part,
)

from .sample_context import SAMPLE_CONTEXT

AREAS = ["housing", "work", "health", "finances"]


def _sub_goal(g: int, s: int) -> dict[str, Any]:
    return {
        "sub_goal": f"Delmål {g}.{s}: ringa hyresvärden och boka visning",
        "person_actions": "Ringer själv, skriver ner frågorna i förväg",
        "worker_actions": "Följer med till första besöket",
        "others_responsible": "Socialsekreteraren: beslut om hyresgaranti",
        "due_date": "2026-12-01" if s % 2 else None,
        "expected_time": "" if s % 2 else "ca två veckor",
        "progress_sign": "Visning bokad",
    }


PLAN: dict[str, Any] = {
    "goals": [
        {
            "area": area,
            "goal": f"Huvudmål för {area}: eget kontrakt inom ett år",
            "from_assignment": "Stöd att behålla boendet",
            "sub_goals": [_sub_goal(g, s) for s in range(1, 4)],
        }
        for g, area in enumerate(AREAS, start=1)
    ],
    "participation": "Zofia skrev själv målen; hon vill börja med boendet.",
    "other_participants": "Socialsekreterare Ewa Żak; Przychodnia Rodzinna.",
    "adopted_on": "2026-11-20",
    "follow_up_every": "fortnightly",
    "follow_up_rhythm": "första gången 4 december",
    "follow_up_how": "Samtal med skattning per område",
    "meeting_dates": "4.12, 18.12.2026",
    "head_of_centre": "Anna Kierownik",
    "help_measures": [
        {
            "measure": "shelter",
            "details": "Miejsce w schronisku przy ul. Przykładowej",
            "responsible": "MOPS Sopot",
            "from_date": "2026-11-20",
            "to_date": "2027-05-20",
        },
        {
            "measure": "addiction_treatment",
            "details": "Terapia w poradni leczenia uzależnień",
            "responsible": "Poradnia Terapii Uzależnień",
            "from_date": "2026-12-01",
            "to_date": None,
        },
        {"measure": "", "details": "", "responsible": "", "from_date": None, "to_date": None},
    ],
    "meetings": [
        {"date": "2026-12-18", "stage": "Wniosek o lokal socjalny"},
        {"date": "2026-12-04", "stage": "Rejestracja w urzędzie pracy"},
        {"date": None, "stage": ""},
    ],
}

ASSESSMENT: dict[str, Any] = {
    "areas": {
        area: {
            "strengths": f"Styrkor {area}",
            "situation": f"Nuläge {area}",
            "causes": f"Orsaker {area}",
            "barriers": f"Hinder {area}",
            "rating": 4 + i,
        }
        for i, area in enumerate(AREAS)
    },
    "earlier_interventions": [
        {"intervention": "Boendestöd 2024", "when": "2024", "result": "Avbröts efter flytt"},
        {"intervention": "", "when": "", "result": ""},
    ],
    "values": "Barnbarnet, att klara sig själv",
    "feels_safe": "Fasta tider, samma kontaktperson",
    "interests": "Sömnad",
    "network": "Dotter i Gdańsk",
    "difficulty_causes": "Utrata mieszkania po śmierci męża",
    "possibilities": "Emerytura",
    "limitations": "Długi",
    "homelessness_reasons": "Eksmisja",
    "homelessness_years": 2,
    "employability": "with_support",
}

FOLLOW_UP: dict[str, Any] = {
    "meeting_date": "2026-12-04",
    "since_last_time": "Zofia har ringt två hyresvärdar.",
    "successes": "Hon bokade en visning själv!",
    "setbacks": "Missade läkartiden; vi bokar om tillsammans.",
    "progress": [
        {"ref": "0.0", "sub_goal": "Delmål 1.1", "status": "reached", "comment": "Klart"},
        {"ref": "0.1", "sub_goal": "Delmål 1.2", "status": "lowered", "comment": "För högt"},
        {"ref": "1.0", "sub_goal": "Delmål 2.1", "status": "in_progress", "comment": ""},
    ],
    "areas": {"housing": {"rating": 6}, "work": {"rating": 5}},
    "plan_changes": "Delmål 1.2 sänks till ett telefonsamtal.",
    "next_meeting": "2026-12-18",
}

CLOSING: dict[str, Any] = {
    "closed_on": "2027-05-31",
    "reason": "goals_reached",
    "reason_other": "",
    "final_evaluation": "Zofia hyr ett eget rum och betalar hyran själv.",
    "outcomes": ["own_room", "therapy_finished"],
}


def common_context(number: str = "PLN-2026-000007") -> dict[str, Any]:
    """The parts every document shares, taken from the agreement sample."""
    base = {
        key: copy.deepcopy(SAMPLE_CONTEXT[key])
        for key in (
            "document",
            "unit",
            "person",
            "worker",
            "caseworker",
            "case",
            "legal_rep",
            "controller",
        )
    }
    base["document"]["number"] = number
    base["document"]["verify_url"] = f"http://127.0.0.1:5000/verify/{number}/Xq3vT0kQ8mZp1LwA"
    return base


#: The decision, the responsible member of staff and the cooperation (SOSFS 2014:5, 6 kap.),
#: as service/documents/implementation.py gives them.
IMPLEMENTATION: dict[str, Any] = {
    "decision_insats": "Boendestöd enligt 4 kap. 1 § SoL",
    "decision_date": "3 november 2026",
    "responsible": {"name": "Anna Berg", "role": "Kontaktperson"},
    "cooperation_board": "Handläggaren deltar i uppföljningarna",
    "cooperation_principals": "Vårdcentralen Rosengård",
}


def sample_context(
    doc_type: str, language: str = "pl", method_key: str = "ipwzb"
) -> dict[str, Any]:
    """A full context of ``doc_type`` built by the service's own part builders (app context)."""
    method = get_method(method_key)
    if doc_type == "agreement":
        return copy.deepcopy(SAMPLE_CONTEXT)
    context = common_context()
    roles = method.roles_for(doc_type) if method is not None else None
    context["approval"] = {"needed": bool(roles and roles.approve), "by": "", "title": "", "on": ""}
    context["signs"] = list(roles.sign) if roles is not None else ["person", "worker"]
    with force_locale(language):
        if doc_type == "consent":
            context["consent"] = {
                "given_on": "10 listopada 2026",
                **{
                    k: SAMPLE_CONTEXT["consent"][k]
                    for k in ("parties", "data", "purpose", "valid_until", "recipients")
                },
                "confidentiality": "ups" if method_key in ("ipwzb", "family_plan") else "sol",
                "family": [{"full_name": "Tomasz Nowak", "family_role": "Partner"}],
            }
        elif doc_type == "plan":
            context["plan"] = plan_part(PLAN, method, language)
            context["plan"].update(IMPLEMENTATION)  # what the genomförandeplan adds
            context["plan"]["member_tasks"] = [  # the plan pracy z rodziną's tasks per member
                {"whose": "Tomasz Nowak", "task": "Zapisać Olę do przedszkola", "due": ""}
            ]
            context["assessment"] = assessment_part(ASSESSMENT, method, language)
            if method_key == "ipwzb":
                context["ipwzb"] = ipwzb_part(
                    PLAN, ASSESSMENT, context["assessment"], method, language
                )
        elif doc_type == "follow_up":
            context["follow_up"] = follow_up_part(
                FOLLOW_UP, ASSESSMENT, method, language, "PLN-2026-000007"
            )
        elif doc_type == "closing":
            context["closing"] = closing_part(
                CLOSING, PLAN, ASSESSMENT, FOLLOW_UP, method, language, date(2026, 11, 2)
            )
    return context
