"""Demo cases of MOPS Sopot (IPWzB): Zofia Wójcik-Łęcka in her programme, Marek Dąbrowski's
programme completed this year (service/demo/closed_programme.py) and Jan Kowalski, referred."""

from __future__ import annotations

from datetime import date, timedelta

from forms.identity import parse_identity_number
from service.cases.operations import open_case, register_person
from service.cases.team import set_member
from service.demo.closed_programme import closed_programme
from service.demo.common import (
    assessment_answers,
    file,
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
from service.documents.approval import approve_document
from service.extensions import db
from service.models import Case, TeamRole, User


def sopot(staff: list[User], today: date) -> None:
    wojciech, ewa, barbara = staff[7], staff[8], staff[11]
    zofia = register_person(
        wojciech,
        first_name="Zofia",
        last_name="Wójcik-Łęcka",
        identity=parse_identity_number("pl", "44051401458"),
        preferred_language="pl",
        address="Schronisko, ul. Przykładowa 3, Sopot",
        legal_rep_kind="kurator",
        legal_rep_name="Adam Nowicki",
        legal_rep_contact="tel. 600 000 003",
    )
    case = open_case(
        zofia,
        wojciech,
        method="ipwzb",
        caseworker="",
        caseworker_user=ewa,
        assignment="Indywidualny program wychodzenia z bezdomności (art. 49 u.p.s.).",
    )
    # the team of MOPS Sopot: pracownik socjalny – asystent (– psycholog)
    set_member(case, ewa, TeamRole.SOCIAL_WORKER.value, wojciech)
    db.session.commit()
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
            consent_recipients=[
                {"who": "social_services", "name": "MOPS Sopot", "consents": "yes"},
                {
                    "who": "labour_office",
                    "name": "Powiatowy Urząd Pracy w Sopocie",
                    "consents": "yes",
                },
                {"who": "probation_officer", "name": "Anna Nowicka", "consents": "yes"},
                {"who": "health_care", "name": "Przychodnia Rodzinna w Sopocie", "consents": "no"},
            ],
            consent_parties="",
            consent_data="Sytuacja mieszkaniowa i zawodowa",
            consent_purpose="Wspólne poszukiwanie pracy i mieszkania",
        ),
        wojciech,
    )
    _zofia_programme(case, wojciech, ewa, barbara, started)
    from service.demo.journal import journal, network

    network(
        case,
        wojciech,
        [
            {
                "kind": "probation_officer",
                "name": "Anna Nowicka",
                "role": "kurator sądowy",
                "contact_details": "58 000 00 00",
                "may_contact": True,
            },
        ],
    )
    journal(
        case,
        wojciech,
        today,
        [
            (20, 10, "office", 45, True, "Rozmowa o ofertach pracy w schronisku."),
            (16, 12, "accompanying", 120, True, "Wspólna wizyta w PUP."),
            (12, 9, "phone", None, False, "Pani Zofia nie odebrała telefonu."),
            (10, 10, "outreach", 30, True, "Spotkanie na dworcu, rozmowa o terapii."),
        ],
    )

    closed_programme(wojciech, ewa, barbara, today)

    jan = register_person(wojciech, first_name="Jan", last_name="Kowalski", preferred_language="pl")
    open_case(
        jan,
        wojciech,
        method="ipwzb",
        caseworker="",
        caseworker_user=ewa,
        assignment="Streetworking – pierwszy kontakt.",
    )


def _zofia_programme(case: Case, wojciech: User, ewa: User, barbara: User, started: date) -> None:
    """Zofia's IPWzB: the analysis of her situation, the programme and its first follow-up."""
    assessed = started + timedelta(days=10)
    finalise(
        case,
        "assessment",
        assessment_answers(
            assessed,
            "Zofia Wójcik-Łęcka, Wojciech Bodusz",
            {
                "housing": (
                    "Mieszka w schronisku i przestrzega regulaminu.",
                    "Od trzech lat w schronisku.",
                    2,
                ),
                "work": (
                    "Krawcowa z dwudziestoletnim doświadczeniem.",
                    "Bez pracy od czterech lat.",
                    4,
                ),
                "health": ("Od roku nie pije; chodzi na mityngi AA.", "Abstynencja od roku.", 5),
                "finances": (
                    "Otrzymuje zasiłek stały; chce spłacić zadłużenie.",
                    "Zadłużenie czynszowe.",
                    2,
                ),
                "family": ("Utrzymuje kontakt z córką.", "Córka dzwoni co tydzień.", 5),
            },
            "Córka, praca w zawodzie i trzeźwość.",
            difficulty_causes="Utrata pracy, zadłużenie czynszowe, brak oparcia w rodzinie.",
            possibilities="Kwalifikacje krawcowej, chęć podjęcia pracy, prawo do lokalu socjalnego.",
            limitations="Długi okres bezdomności, uzależnienie od alkoholu w przeszłości.",
            family_situation="Rozwiedziona; dorosła córka mieszka w Gdyni.",
            financial_situation="Zasiłek stały, zadłużenie czynszowe ok. 8 000 zł.",
            education="Zasadnicza szkoła zawodowa, krawiectwo.",
            employability="with_support",
            health_addictions="Uzależnienie od alkoholu, od roku w abstynencji.",
            homelessness_reasons="Eksmisja z mieszkania komunalnego za zaległości czynszowe.",
            homelessness_years=3,
        ),
        wojciech,
    )
    # the pracownik socjalny concludes the kontrakt socjalny (art. 108 u.p.s.) once the
    # assessment its part I is taken from is final
    agreement, _consent = issue(case, ewa, assessed, "agreement", "consent")
    file(agreement, ewa)  # the social worker files the kontrakt socjalny in the case file
    goals = [
        {
            "area": "housing",
            "goal": "Wyprowadzić się ze schroniska do własnego pokoju",
            "from_assignment": "Wyjście z bezdomności",
            "sub_goals": [
                sub_goal(
                    "Złożyć wniosek o lokal socjalny",
                    "Wypełnia i składa wniosek",
                    "Pomaga skompletować dokumenty",
                    assessed + timedelta(days=14),
                    "Potwierdzenie złożenia wniosku",
                ),
                sub_goal(
                    "Odłożyć kaucję za pokój",
                    "Odkłada 200 zł miesięcznie",
                    "Prowadzi z panią Zofią trening budżetowy",
                    assessed + timedelta(days=90),
                    "Zebrana kwota kaucji",
                ),
            ],
        },
        {
            "area": "work",
            "goal": "Podjąć pracę w zawodzie krawcowej",
            "from_assignment": "Aktywizacja zawodowa",
            "sub_goals": [
                sub_goal(
                    "Zarejestrować się w urzędzie pracy",
                    "Idzie do PUP z dowodem osobistym",
                    "Towarzyszy przy pierwszej wizycie",
                    assessed + timedelta(days=7),
                    "Status osoby bezrobotnej",
                )
            ],
        },
    ]
    planned = assessed + timedelta(days=4)
    finalise(
        case,
        "plan",
        plan_answers(
            planned,
            goals,
            "Pani Zofia sama wybrała cele i kolejność działań.",
            "Co dwa tygodnie",
            other_participants="Ewa Żak (pracownik socjalny), psycholog MOPS",
            follow_up_rhythm="co drugi wtorek o godz. 10:00 w schronisku",
            help_measures=[
                {
                    "measure": "shelter",
                    "details": "Miejsce w schronisku przy ul. Przykładowej 3",
                    "responsible": "MOPS Sopot",
                    "from_date": iso(planned),
                    "to_date": iso(planned + timedelta(days=180)),
                },
                {
                    "measure": "health_insurance",
                    "details": "Zgłoszenie do ubezpieczenia na czas programu",
                    "responsible": "MOPS Sopot",
                    "from_date": iso(planned),
                    "to_date": None,
                },
                {
                    "measure": "employment",
                    "details": "Oferty pracy i szkolenie krawieckie",
                    "responsible": "Powiatowy Urząd Pracy w Sopocie",
                    "from_date": iso(planned + timedelta(days=7)),
                    "to_date": None,
                },
                {
                    "measure": "addiction_treatment",
                    "details": "Grupa wsparcia dla osób w abstynencji",
                    "responsible": "Poradnia Terapii Uzależnień w Sopocie",
                    "from_date": iso(planned),
                    "to_date": None,
                },
            ],
            meetings=[
                {"date": iso(planned + timedelta(days=14)), "stage": "Wniosek o lokal socjalny"},
                {"date": iso(planned + timedelta(days=28)), "stage": "Oferty pracy z PUP"},
                {"date": iso(planned + timedelta(days=42)), "stage": "Kaucja za pokój"},
            ],
        ),
        wojciech,
    )
    # drawn up by the pracownik socjalny with the person, approved by the kierownik ośrodka
    (programme,) = issue(case, ewa, planned, "plan")
    approve_document(programme, barbara, today=planned + timedelta(days=1))
    met = planned + timedelta(days=14)
    finalise(
        case,
        "follow_up",
        follow_up_answers(
            met,
            "Wniosek o lokal socjalny złożony; pani Zofia jest zarejestrowana w PUP.",
            progress(goals, [["reached", "in_progress"], ["reached"]]),
            {"housing": 3, "work": 5, "health": 5, "finances": 3, "family": 5},
            successes="Pierwsza rozmowa o pracę w zakładzie krawieckim.",
        ),
        wojciech,
    )
    issue(case, wojciech, met, "follow_up")
