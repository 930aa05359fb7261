"""Demo case of Nytida – Kliv ut: Leo Haddad, who prefers English, so his documents are in English.

He signs his agreement on the coach's tablet at a home visit (the drawn-signature path).
"""

from __future__ import annotations

from datetime import date, timedelta

from forms.identity import parse_identity_number
from service.cases.operations import open_case, register_person
from service.demo.common import (
    assessment_answers,
    finalise,
    follow_up_answers,
    iso,
    issue,
    plan_answers,
    progress,
    second_answers,
    sign_by_drawing,
    start_answers,
    sub_goal,
)
from service.models import User


def nytida(staff: list[User], today: date) -> None:
    """Leo Haddad: from the first text message to the first follow-up, every document issued."""
    calle, maria = staff[3], staff[4]
    leo = register_person(
        calle,
        first_name="Leo",
        last_name="Haddad",
        identity=parse_identity_number("se", "701063-2391"),
        preferred_language="en",
    )
    case = open_case(
        leo,
        calle,
        method="kliv_ut",
        caseworker=maria.full_name,
        assignment="Daglig verksamhet enligt LSS med inriktning Kliv ut.",
    )
    started = today - timedelta(days=56)
    finalise(
        case,
        "start_meeting",
        {
            **start_answers(
                started,
                "Leo Haddad, Calle Nord (coach) – by phone",
                "I would like to get out of the flat a little, maybe play board games.",
                "Short contacts at first, text messages are easiest.",
                "That Leo answers a text message at least once a week.",
            ),
            "first_contact": "sms",
            "assignment_clear": "yes",
        },
        calle,
    )
    agreed = started + timedelta(days=7)
    finalise(
        case,
        "second_meeting",
        second_answers(
            agreed,
            calle,
            purpose="Leo leaves the flat more often and, step by step, starts at the daily "
            "activity centre.",
            situation_causes="Several years mostly at home after losing his job; anxiety in crowds.",
            situation_possibilities="Loves board games and cooking; his sister visits every week.",
            situation_limitations="Finds phone calls hard; tired in the mornings.",
            actions=[
                {
                    "what": "Answer Calle's text message within a day",
                    "who": "person",
                    "by_when": iso(agreed + timedelta(days=14)),
                },
                {
                    "what": "A home visit every week, with a board game",
                    "who": "worker",
                    "by_when": iso(agreed + timedelta(days=28)),
                },
                {
                    "what": "A short visit to the centre together",
                    "who": "both",
                    "by_when": iso(agreed + timedelta(days=45)),
                },
            ],
            contact_channels=["sms", "home_visit"],
            consent_parties="Maria Holm (biståndshandläggare), Leo's sister Rima Haddad",
            consent_data="How the contacts go and whether Leo visits the centre",
            consent_purpose="Planning the daily activity together",
        ),
        calle,
    )
    agreement, _consent = issue(case, calle, agreed, "agreement", "consent")
    sign_by_drawing(agreement, calle, seed=2)  # Leo signs on Calle's tablet at the home visit
    assessed = agreed + timedelta(days=7)
    finalise(
        case,
        "assessment",
        assessment_answers(
            assessed,
            "Leo Haddad, Calle Nord",
            {
                "contact": (
                    "Answers text messages, likes short written contact.",
                    "Replies within a day or two.",
                    5,
                ),
                "outside": (
                    "Walks to the shop at night when it is quiet.",
                    "Hardly goes out in daylight.",
                    2,
                ),
                "centre": (
                    "Curious about the games evening at the centre.",
                    "Has never been there.",
                    1,
                ),
                "everyday": ("Cooks well and keeps the flat tidy.", "Manages on his own.", 6),
                "network": ("His sister visits every Sunday.", "No other contacts.", 4),
            },
            "His sister, cooking and strategy games.",
            why_situation="Lost his job five years ago; crowds and new places make him anxious.",
            years_at_home=5,
            build_trust="Keep every appointment, meet at home first, never push.",
        ),
        calle,
    )
    goals = [
        {
            "area": "outside",
            "goal": "Go outside in daylight every week",
            "from_assignment": "Daily activity",
            "sub_goals": [
                sub_goal(
                    "A walk round the block with Calle",
                    "Is ready at the door at ten",
                    "Comes by and walks along",
                    assessed + timedelta(days=21),
                    "Three walks in a row",
                )
            ],
        },
        {
            "area": "centre",
            "goal": "Visit the daily activity centre",
            "from_assignment": "Daily activity under LSS",
            "sub_goals": [
                sub_goal(
                    "Look at the centre's games evening for half an hour",
                    "Chooses the evening",
                    "Goes along and introduces Leo",
                    None,
                    "Leo says he wants to come back",
                    expected="Within two months",
                )
            ],
        },
    ]
    planned = assessed + timedelta(days=5)
    finalise(
        case,
        "plan",
        plan_answers(
            planned,
            goals,
            "Leo chose the goals; the centre visit comes when he says he is ready.",
            "Every second week",
            follow_up_how="At Leo's home with Calle; Maria Holm every second month.",
        ),
        calle,
    )
    issue(case, calle, planned, "plan")
    met = planned + timedelta(days=14)
    finalise(
        case,
        "follow_up",
        follow_up_answers(
            met,
            "Two walks round the block; the third was cancelled because of rain.",
            progress(goals, [["in_progress"], ["not_started"]]),
            {"contact": 6, "outside": 3, "centre": 1, "everyday": 6, "network": 4},
            successes="Leo suggested the route of the second walk himself.",
        ),
        calle,
    )
    issue(case, calle, met, "follow_up")
