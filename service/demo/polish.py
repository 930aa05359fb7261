"""Demo cases of the Polish units: MOPS Sopot (IPWzB) and MOPS Bolesławiec (family assistant)."""

from __future__ import annotations

from datetime import date, timedelta

from forms.identity import parse_identity_number
from service.cases.operations import open_case, register_person
from service.demo.common import finalise, iso, second_answers, start_answers
from service.documents.operations import issue_agreement
from service.models import User


def sopot(staff: list[User], today: date) -> None:
    wojciech, ewa = staff[7], staff[8]
    zofia = register_person(
        wojciech,
        first_name="Zofia",
        last_name="Wójcik-Łęcka",
        identity=parse_identity_number("pl", "44051401458"),
        preferred_language="pl",
        address="Schronisko, ul. Przykładowa 3, Sopot",
    )
    case = open_case(
        zofia,
        wojciech,
        method="ipwzb",
        caseworker=ewa.full_name,
        assignment="Indywidualny program wychodzenia z bezdomności (art. 49 u.p.s.).",
    )
    started = today - timedelta(days=30)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started,
            "Zofia Wójcik-Łęcka, Wojciech Bodusz (asystent), Ewa Żak (pracownik socjalny)",
            "Chcę wynająć pokój i znaleźć pracę.",
            "Pomoc w szukaniu pokoju i ofert pracy.",
            "Regularne spotkania raz w tygodniu i trzeźwość.",
        ),
        wojciech,
    )
    finalise(
        case,
        "second_meeting",
        second_answers(
            started + timedelta(days=7),
            wojciech,
            purpose="Trwałe opuszczenie schroniska i podjęcie zatrudnienia.",
            situation_causes="Utrata pracy, zadłużenie czynszowe, brak oparcia w rodzinie.",
            situation_possibilities="Kwalifikacje krawcowej, chęć podjęcia pracy, prawo do lokalu socjalnego.",
            situation_limitations="Długi okres bezdomności, uzależnienie od alkoholu w przeszłości.",
            actions=[
                {
                    "what": "Złożenie wniosku o lokal socjalny",
                    "who": "person",
                    "by_when": iso(started + timedelta(days=21)),
                },
                {
                    "what": "Wyszukiwanie ofert pracy i pokoi do wynajęcia",
                    "who": "worker",
                    "by_when": iso(started + timedelta(days=30)),
                },
                {
                    "what": "Trening budżetowy – lista zakupów i wydatków",
                    "who": "both",
                    "by_when": iso(started + timedelta(days=60)),
                },
            ],
            meeting_rhythm="twice_weekly",
            contact_channels=["phone", "office"],
            consent_parties="MOPS Sopot, Powiatowy Urząd Pracy w Sopocie",
            consent_data="Sytuacja mieszkaniowa i zawodowa",
            consent_purpose="Wspólne poszukiwanie pracy i mieszkania",
        ),
        wojciech,
    )
    issue_agreement(case, wojciech, today=started + timedelta(days=7))

    _closed_sopot_case(wojciech, ewa, today)

    jan = register_person(wojciech, first_name="Jan", last_name="Kowalski", preferred_language="pl")
    open_case(
        jan,
        wojciech,
        method="ipwzb",
        caseworker=ewa.full_name,
        assignment="Streetworking – pierwszy kontakt.",
    )


def _closed_sopot_case(wojciech: User, ewa: User, today: date) -> None:
    """A programme completed this year: it shows in the yearly outcome table."""
    marek = register_person(
        wojciech, first_name="Marek", last_name="Dąbrowski", preferred_language="pl"
    )
    case = open_case(
        marek,
        wojciech,
        method="ipwzb",
        caseworker=ewa.full_name,
        assignment="IPWzB zakończony w tym roku.",
    )
    started = date(today.year, 1, 15)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started, "Marek, Wojciech", "Chcę pracować.", "Pomoc w szukaniu pracy.", "Trzeźwość."
        ),
        wojciech,
    )
    finalise(
        case,
        "closing",
        {
            "closed_on": iso(min(today, date(today.year, 10, 30))),
            "reason": "goals_reached",
            "reason_other": None,
            "final_evaluation": "Pan Marek podjął pracę i wynajął pokój.",
            "outcomes": ["employed", "own_room", "therapy_finished"],
        },
        wojciech,
    )


def boleslawiec(staff: list[User], today: date) -> None:
    iza, tadeusz = staff[9], staff[10]
    family = register_person(
        iza, first_name="Katarzyna", last_name="Nowak", preferred_language="pl"
    )
    open_case(
        family,
        iza,
        method="family_plan",
        caseworker=tadeusz.full_name,
        assignment="Asystent rodziny – wsparcie w opiece nad dziećmi i w sprawach mieszkaniowych.",
    )
