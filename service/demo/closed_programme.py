"""MOPS Sopot's completed programme: Marek Dąbrowski's IPWzB, closed this year, so it shows in
the yearly outcome table; every document of the journey is issued, the closing summary last."""

from __future__ import annotations

from datetime import date, timedelta

from service.cases.operations import open_case, register_person
from service.demo.common import (
    assessment_answers,
    closing_answers,
    finalise,
    follow_up_answers,
    issue,
    plan_answers,
    progress,
    second_answers,
    start_answers,
    sub_goal,
)
from service.documents.approval import approve_document
from service.models import User


def closed_programme(wojciech: User, ewa: User, barbara: User, today: date) -> None:
    """Marek: agreement (no consent to share), programme, one follow-up and the closing."""
    marek = register_person(
        wojciech, first_name="Marek", last_name="Dąbrowski", preferred_language="pl"
    )
    case = open_case(
        marek,
        wojciech,
        method="ipwzb",
        caseworker="",
        caseworker_user=ewa,
        assignment="IPWzB zakończony w tym roku.",
    )
    closed = min(today, date(today.year, 10, 30))
    # Started in January, or long enough before an early-January closing.
    started = min(date(today.year, 1, 15), closed - timedelta(days=90))
    finalise(
        case,
        "start_meeting",
        start_answers(
            started, "Marek, Wojciech", "Chcę pracować.", "Pomoc w szukaniu pracy.", "Trzeźwość."
        ),
        wojciech,
    )
    agreed = started + timedelta(days=7)
    finalise(
        case,
        "second_meeting",
        second_answers(
            agreed,
            wojciech,
            purpose="Podjęcie pracy i wynajęcie pokoju.",
            actions=[
                {"what": "Terapia w poradni uzależnień", "who": "person", "by_when": None},
                {"what": "Szukanie ofert pracy", "who": "both", "by_when": None},
                {"what": "Szukanie pokoju do wynajęcia", "who": "worker", "by_when": None},
            ],
            consent_to_share="no",
            consent_valid_until=None,
        ),
        wojciech,
    )
    assessed = agreed + timedelta(days=7)
    finalise(
        case,
        "assessment",
        assessment_answers(
            assessed,
            "Marek Dąbrowski, Wojciech Bodusz",
            {
                "housing": ("Mieszka w schronisku, płaci za pobyt.", "W schronisku od roku.", 2),
                "work": ("Kierowca z prawem jazdy kat. C.", "Bez pracy.", 4),
                "health": ("Zapisany na terapię.", "Czeka na terapię.", 4),
                "finances": ("Nie ma długów.", "Zasiłek okresowy.", 5),
                "family": ("Kontakt z bratem.", "Brat mieszka w Gdańsku.", 4),
            },
            "Praca i niezależność.",
            difficulty_causes="Rozwód, utrata pracy.",
            possibilities="Doświadczenie zawodowe, chęć pracy.",
            limitations="Uzależnienie od alkoholu w przeszłości.",
            homelessness_reasons="Utrata mieszkania po rozwodzie.",
            homelessness_years=1,
        ),
        wojciech,
    )
    # part I of the kontrakt socjalny is the assessment: concluded once it is final
    issue(case, ewa, assessed, "agreement")
    goals = [
        {
            "area": "work",
            "goal": "Podjąć stałą pracę",
            "from_assignment": "Aktywizacja zawodowa",
            "sub_goals": [
                sub_goal(
                    "Ukończyć terapię", "Chodzi na terapię", "Motywuje", None, "Zaświadczenie"
                ),
                sub_goal("Znaleźć pracę", "Wysyła CV", "Szuka ofert", None, "Umowa o pracę"),
            ],
        },
        {
            "area": "housing",
            "goal": "Wynająć pokój",
            "from_assignment": "Wyjście z bezdomności",
            "sub_goals": [
                sub_goal("Wynająć pokój", "Ogląda pokoje", "Towarzyszy", None, "Umowa najmu")
            ],
        },
    ]
    planned = assessed + timedelta(days=3)
    finalise(
        case,
        "plan",
        plan_answers(
            planned,
            goals,
            "Pan Marek sam ustalił cele.",
            "Co dwa tygodnie",
        ),
        wojciech,
    )
    (programme,) = issue(case, ewa, planned, "plan")
    approve_document(programme, barbara, today=planned + timedelta(days=2))
    met = closed - timedelta(days=14)
    finalise(
        case,
        "follow_up",
        follow_up_answers(
            met,
            "Pan Marek ukończył terapię, pracuje jako kierowca i wynajął pokój.",
            progress(goals, [["reached", "reached"], ["reached"]]),
            {"housing": 8, "work": 8, "health": 7, "finances": 7, "family": 6},
        ),
        wojciech,
    )
    issue(case, wojciech, met, "follow_up")
    finalise(
        case,
        "closing",
        closing_answers(
            closed,
            "goals_reached",
            "Pan Marek podjął pracę i wynajął pokój.",
            ["employed", "own_room", "therapy_finished"],
        ),
        wojciech,
    )
    issue(case, wojciech, closed, "closing")
