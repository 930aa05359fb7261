"""Demo cases of SoL-teamet (goal work): Kim Andersson, referred, and Nora Lind, whose support was
phased out: her case runs from the start meeting to the closing, without consent to share."""

from __future__ import annotations

from datetime import date, timedelta

from service.cases.operations import open_case, register_person
from service.demo.common import (
    assessment_answers,
    closing_answers,
    finalise,
    follow_up_answers,
    iso,
    issue,
    plan_answers,
    progress,
    second_answers,
    start_answers,
    sub_goal,
)
from service.models import User


def sol(staff: list[User], today: date) -> None:
    """Kim (referred) and Nora (closed: agreement, plan, two follow-ups and the closing)."""
    magnus, gezime = staff[5], staff[6]
    kim = register_person(magnus, first_name="Kim", last_name="Andersson", preferred_language="sv")
    open_case(
        kim,
        magnus,
        method="goal_work",
        caseworker="Lena Sjö",
        assignment="Pedagogiskt stöd i vardagen enligt SoL.",
    )
    nora = register_person(
        gezime,
        first_name="Nora",
        last_name="Lind",
        preferred_language="sv",
        date_of_birth=date(1996, 5, 2),
    )
    case = open_case(
        nora,
        gezime,
        method="goal_work",
        caseworker="Lena Sjö",
        assignment="Pedagogiskt stöd enligt SoL: struktur i vardagen och egen ekonomi.",
    )
    started = today - timedelta(days=150)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started,
            "Nora Lind, Gezime Sojeva (stödpedagog)",
            "Jag vill klara tvätten, maten och räkningarna själv.",
            "Att ni visar hur man gör, inte gör det åt mig.",
            "Att Nora säger till när ett mål känns för stort.",
        ),
        gezime,
    )
    agreed = started + timedelta(days=7)
    finalise(
        case,
        "second_meeting",
        second_answers(
            agreed,
            gezime,
            purpose="Nora klarar sin vardag och sin ekonomi på egen hand.",
            situation_causes="Flyttade hemifrån i våras; har aldrig haft ansvar för ett hushåll.",
            situation_possibilities="Nyfiken, har ett deltidsjobb och vill lära sig.",
            situation_limitations="Tappar lätt överblicken när mycket händer samtidigt.",
            actions=[
                {
                    "what": "Göra ett veckoschema för tvätt och matlagning",
                    "who": "both",
                    "by_when": iso(agreed + timedelta(days=14)),
                },
                {
                    "what": "Sätta upp autogiro för hyran",
                    "who": "person",
                    "by_when": iso(agreed + timedelta(days=30)),
                },
                {
                    "what": "Videosamtal varje måndag morgon",
                    "who": "worker",
                    "by_when": iso(agreed + timedelta(days=60)),
                },
            ],
            meeting_rhythm="weekly",
            contact_channels=["video", "home_visit"],
            consent_to_share="no",
            consent_valid_until=None,
            digital_support="yes",
        ),
        gezime,
    )
    issue(case, gezime, agreed, "agreement")  # no consent was given: no consent document
    assessed = agreed + timedelta(days=7)
    finalise(
        case,
        "assessment",
        assessment_answers(
            assessed,
            "Nora Lind, Gezime Sojeva",
            {
                "everyday": ("Lagar gärna mat när hon har handlat.", "Tvätten blir liggande.", 3),
                "health": ("Sover bra, tränar två gånger i veckan.", "Mår bra.", 7),
                "social": ("Har två nära vänner.", "Träffar dem varje vecka.", 6),
                "occupation": ("Deltidsjobb på ett kafé.", "Arbetar tre dagar i veckan.", 6),
                "finances": ("Vill förstå sina räkningar.", "En påminnelse om hyran.", 2),
            },
            "Att klara sig själv och sina vänner.",
        ),
        gezime,
    )
    goals = [
        {
            "area": "everyday",
            "goal": "En vardag med fasta rutiner",
            "from_assignment": "Struktur i vardagen",
            "sub_goals": [
                sub_goal(
                    "Tvätta varje söndag",
                    "Bokar tvättstugan",
                    "Påminner i videosamtalet",
                    assessed + timedelta(days=30),
                    "Fyra söndagar i rad",
                ),
                sub_goal(
                    "Laga mat tre kvällar i veckan",
                    "Skriver en matlista",
                    "Handlar med Nora första gången",
                    assessed + timedelta(days=45),
                    "Matlistan är ifylld",
                ),
            ],
        },
        {
            "area": "finances",
            "goal": "Betala räkningarna själv",
            "from_assignment": "Egen ekonomi",
            "sub_goals": [
                sub_goal(
                    "Autogiro för hyran",
                    "Ringer banken",
                    "Sitter med vid samtalet",
                    assessed + timedelta(days=20),
                    "Hyran dras automatiskt",
                )
            ],
        },
    ]
    planned = assessed + timedelta(days=6)
    finalise(
        case,
        "plan",
        plan_answers(
            planned,
            goals,
            "Nora valde målen; hon sänkte själv målet om maten från fem till tre kvällar.",
            "Varannan vecka",
        ),
        gezime,
    )
    issue(case, gezime, planned, "plan")
    for instance, (day, statuses, ratings) in enumerate(
        [
            (planned + timedelta(days=30), [["reached", "in_progress"], ["reached"]], (5, 5)),
            (planned + timedelta(days=70), [["reached", "reached"], ["reached"]], (8, 7)),
        ],
        start=1,
    ):
        finalise(
            case,
            "follow_up",
            follow_up_answers(
                day,
                "Nora har tvättat varje söndag och betalar hyran med autogiro.",
                progress(goals, statuses),
                {
                    "everyday": ratings[0],
                    "health": 7,
                    "social": 6,
                    "occupation": 6,
                    "finances": ratings[1],
                },
            ),
            gezime,
            instance=instance,
        )
        issue(case, gezime, day, "follow_up")
    closed = planned + timedelta(days=100)
    finalise(
        case,
        "closing",
        closing_answers(
            closed,
            "goals_reached",
            "Nora klarar tvätt, mat och räkningar själv; stödet är avslutat i samförstånd.",
            ["more_independent", "phased_out"],
        ),
        gezime,
    )
    issue(case, gezime, closed, "closing")
