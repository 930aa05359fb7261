"""Demo cases of MOPS Bolesławiec (family assistant): the Nowak family, from the start meeting to
the plan pracy z rodziną and its first follow-up, every document issued; the Wiśniewska
family, who have just agreed to work with the assistant; and the streetworking rounds (praca na
ulicy) at the station, the allotments and an empty building, one of which led to a case."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from service.cases import family as family_work
from service.cases.operations import open_case, register_person
from service.demo.amendment import amend_kontrakt
from service.demo.common import (
    assessment_answers,
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
from service.models import Case, User


def boleslawiec(staff: list[User], today: date) -> None:
    """The Nowak family (agreement, consent, family work plan, a follow-up); the Wiśniewskas."""
    iza, tadeusz = staff[9], staff[10]
    family = register_person(
        iza, first_name="Katarzyna", last_name="Nowak", preferred_language="pl"
    )
    case = open_case(
        family,
        iza,
        method="family_plan",
        caseworker="",
        caseworker_user=tadeusz,
        assignment="Asystent rodziny – wsparcie w opiece nad dziećmi i w sprawach mieszkaniowych.",
    )
    members = _nowak_family(case, iza)
    started = today - timedelta(days=40)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started,
            "Katarzyna Nowak, Iza Kowal (asystent rodziny), Tadeusz Kupiec (pracownik socjalny)",
            "Chcę, żeby dzieci chodziły do szkoły i żebyśmy nie stracili mieszkania.",
            "Pomoc w rozmowach ze szkołą i ze spółdzielnią.",
            "Spotkania w domu raz w tygodniu i informacja, gdy coś się zmienia.",
        ),
        iza,
    )
    agreed = started + timedelta(days=7)
    finalise(
        case,
        "second_meeting",
        second_answers(
            agreed,
            iza,
            purpose="Dzieci regularnie chodzą do szkoły, a rodzina zachowuje mieszkanie.",
            situation_causes="Zaległości w czynszu po utracie pracy przez panią Katarzynę; "
            "nieobecności syna w szkole.",
            situation_possibilities="Silna więź matki z dziećmi; babcia pomaga w opiece.",
            situation_limitations="Brak stałego dochodu; zmęczenie i przeciążenie obowiązkami.",
            actions=[
                {
                    "what": "Spotkanie z wychowawczynią Piotra",
                    "who": "both",
                    "by_when": iso(agreed + timedelta(days=10)),
                },
                {
                    "what": "Porozumienie ze spółdzielnią o spłacie zaległości",
                    "who": "person",
                    "by_when": iso(agreed + timedelta(days=30)),
                },
                {
                    "what": "Plan dnia dla dzieci",
                    "who": "worker",
                    "by_when": iso(agreed + timedelta(days=14)),
                },
            ],
            contact_channels=["home_visit", "phone"],
            consent_parties="Szkoła Podstawowa nr 2 w Bolesławcu, kurator sądowy rodziny",
            consent_data="Frekwencja i postępy dzieci w szkole, przebieg współpracy z rodziną",
            consent_purpose="Wspólne wsparcie dzieci w nauce",
        ),
        iza,
    )
    issue(case, tadeusz, agreed, "agreement")  # the pracownik socjalny concludes the kontrakt
    issue(case, iza, agreed, "consent")
    assessed = agreed + timedelta(days=7)
    finalise(
        case,
        "assessment",
        assessment_answers(
            assessed,
            "Katarzyna Nowak, Iza Kowal",
            {
                "children": (
                    "Dzieci są zadbane i bardzo związane z mamą.",
                    "Piotr często opuszcza lekcje.",
                    6,
                ),
                "household": (
                    "Mieszkanie jest czyste; rodzina dba o porządek.",
                    "Trzy pokoje w spółdzielni.",
                    6,
                ),
                "finances": ("Pani Katarzyna chce spłacić zaległości.", "Zaległości w czynszu.", 2),
                "relations": (
                    "Babcia pomaga w opiece nad dziećmi.",
                    "Dobre relacje w rodzinie.",
                    7,
                ),
                "health": ("Rodzina jest zdrowa.", "Bez problemów zdrowotnych.", 7),
                "institutions": (
                    "Dobra współpraca z wychowawczynią Oli.",
                    "Szkoła wzywa mamę z powodu Piotra.",
                    4,
                ),
            },
            "Dzieci i wspólne niedziele z babcią.",
            family_members=[
                {"name": "Katarzyna Nowak", "relation": "matka", "born": 1988},
                {"name": "Piotr Nowak", "relation": "syn", "born": 2013},
                {"name": "Ola Nowak", "relation": "córka", "born": 2017},
            ],
            family_strengths="Więź matki z dziećmi, pomoc babci, gotowość do zmian.",
            cooperation="Szkoła Podstawowa nr 2, spółdzielnia mieszkaniowa, kurator sądowy.",
        ),
        iza,
    )
    goals = [
        {
            "area": "institutions",
            "goal": "Piotr regularnie chodzi do szkoły",
            "from_assignment": "Wsparcie w opiece nad dziećmi",
            "sub_goals": [
                sub_goal(
                    "Piotr wstaje o 7:00 i wychodzi do szkoły",
                    "Budzi Piotra i sprawdza plecak",
                    "Ustala z rodziną plan poranka",
                    assessed + timedelta(days=21),
                    "Brak nieobecności nieusprawiedliwionych",
                )
            ],
        },
        {
            "area": "finances",
            "goal": "Rodzina zachowuje mieszkanie",
            "from_assignment": "Sprawy mieszkaniowe",
            "sub_goals": [
                sub_goal(
                    "Porozumienie ze spółdzielnią o spłacie w ratach",
                    "Składa wniosek o rozłożenie długu na raty",
                    "Pomaga napisać wniosek",
                    assessed + timedelta(days=30),
                    "Podpisane porozumienie",
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
            "Cele ustaliła pani Katarzyna razem z asystentką; Piotr wybrał godzinę pobudki.",
            "Co tydzień",
            other_participants="Tadeusz Kupiec (pracownik socjalny), wychowawczyni Piotra",
            member_tasks=[  # the plan pracy z rodziną: whose task each is
                {
                    "member": "person",
                    "task": "Złożyć w spółdzielni wniosek o spłatę zaległości w ratach",
                    "due_date": iso(assessed + timedelta(days=30)),
                },
                {
                    "member": str(members["Tomasz"]),
                    "task": "Odprowadzać Olę do przedszkola w dni robocze",
                    "due_date": None,
                },
                {
                    "member": str(members["Piotr"]),
                    "task": "Wstawać o 7:00 i codziennie chodzić do szkoły",
                    "due_date": None,
                },
            ],
        ),
        iza,
    )
    issue(case, iza, planned, "plan")
    met = planned + timedelta(days=14)
    finalise(
        case,
        "follow_up",
        follow_up_answers(
            met,
            "Piotr opuścił tylko jeden dzień; wniosek do spółdzielni jest złożony.",
            progress(goals, [["in_progress"], ["in_progress"]]),
            {
                "children": 7,
                "household": 6,
                "finances": 3,
                "relations": 7,
                "health": 7,
                "institutions": 5,
            },
            tasks_until_next="Pani Katarzyna dzwoni do spółdzielni po decyzję; Iza odwiedza szkołę.",
        ),
        iza,
    )
    issue(case, iza, met, "follow_up")
    # at the follow-up both parties agree to a change of the kontrakt (aneks)
    amend_kontrakt(
        case,
        tadeusz,
        met,
        "Termin porozumienia ze spółdzielnią o spłacie zaległości przesunięty o miesiąc; "
        "pani Katarzyna dostarcza zaświadczenie o dochodach do pracownika socjalnego.",
    )
    _agreed_family(iza, tadeusz, today)
    _streetwork(iza, tadeusz, today)


def _nowak_family(case: Case, iza: User) -> dict[str, int]:
    """Katarzyna's family: her partner Tomasz (an adult, party to the kontrakt, who signs it
    and the consent) and the children Piotr and Ola; first name → member id."""
    found = {}
    for first_name, role, adult, party, number in (
        ("Tomasz", "partner", True, True, "86031413574"),
        ("Piotr", "child", False, False, None),
        ("Ola", "child", False, False, None),
    ):
        member = family_work.add_member(
            case,
            iza,
            {
                "first_name": first_name,
                "last_name": "Nowak",
                "identity_kind": "pesel" if number else None,
                "identity_number": number,
                "address": "",
                "family_role": role,
                "adult": adult,
                "party": party,
            },
        )
        found[first_name] = member.id
    return found


def _agreed_family(iza: User, tadeusz: User, today: date) -> None:
    """A family that has just agreed to work with the assistant: the assessment is next."""
    family = register_person(
        iza, first_name="Agnieszka", last_name="Wiśniewska", preferred_language="pl"
    )
    case = open_case(
        family,
        iza,
        method="family_plan",
        caseworker="",
        caseworker_user=tadeusz,
        assignment="Asystent rodziny – wsparcie w prowadzeniu domu po narodzinach bliźniąt.",
    )
    started = today - timedelta(days=10)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started,
            "Agnieszka Wiśniewska, Iza Kowal (asystent rodziny)",
            "Chcę ogarnąć dom i finanse, odkąd urodziły się bliźnięta.",
            "Pomoc w ułożeniu planu dnia i budżetu.",
            "Informacja, kiedy spotkanie trzeba przełożyć.",
        ),
        iza,
    )
    agreed = started + timedelta(days=7)
    finalise(
        case,
        "second_meeting",
        second_answers(
            agreed,
            iza,
            purpose="Rodzina sama prowadzi dom i budżet po narodzinach bliźniąt.",
            situation_causes="Narodziny bliźniąt; mąż pracuje za granicą.",
            situation_possibilities="Pomoc sąsiadki; doświadczenie w prowadzeniu domu.",
            situation_limitations="Brak snu i czasu dla starszej córki.",
            actions=[
                {"what": "Plan dnia rodziny", "who": "both", "by_when": iso(agreed)},
                {"what": "Budżet domowy na miesiąc", "who": "person", "by_when": None},
                {"what": "Wniosek o becikowe", "who": "worker", "by_when": None},
            ],
            contact_channels=["home_visit"],
            consent_to_share="no",
            consent_valid_until=None,
        ),
        iza,
    )
    issue(case, tadeusz, agreed, "agreement")


def _streetwork(iza: User, tadeusz: User, today: date) -> None:
    """Anonymous outreach rounds; the mother met on the allotments later registers."""
    from service.outreach.operations import link_to_case, record_outreach

    rounds = [
        (
            18,
            time(21, 30),
            45,
            "station",
            "Dworzec PKP, poczekalnia i peron 1",
            4,
            ["conversation", "hot_meal", "clothes"],
            ["night_shelter"],
            1,
            "Mroźna noc. Herbata i dwa śpiwory; jeden pan poszedł z nami do ogrzewalni.",
        ),
        (
            12,
            time(17, 0),
            60,
            "allotments",
            "Ogródki działkowe za torami",
            2,
            ["conversation", "information"],
            ["social_worker"],
            1,
            "Kobieta z kilkuletnim synem mieszka w altanie. Zgodziła się przyjść do ośrodka.",
        ),
        (
            9,
            time(20, 15),
            30,
            "empty_building",
            "Pustostan przy dawnej fabryce",
            3,
            ["hygiene", "clothes", "information"],
            ["shelter", "addiction"],
            2,
            "Trzech mężczyzn; dwóch chce porozmawiać o terapii i miejscu w schronisku.",
        ),
        (
            4,
            time(19, 45),
            20,
            "park",
            "Park nad Bobrem, ławki przy moście",
            1,
            ["first_aid", "conversation"],
            ["health_care"],
            1,
            "Opatrzona rana dłoni; skierowanie do przychodni na zmianę opatrunku.",
        ),
    ]
    contacts = []
    for days_ago, at, minutes, kind, place, people, offered, referrals, referred, note in rounds:
        contacts.append(
            record_outreach(
                iza,
                {
                    "local_moment": datetime.combine(today - timedelta(days=days_ago), at),
                    "duration": minutes,
                    "place_kind": kind,
                    "place": place,
                    "people": people,
                    "offered": offered,
                    "referrals": referrals,
                    "referred": referred,
                    "note": note,
                },
            )
        )
    from service.extensions import db

    db.session.commit()
    mother = register_person(
        iza, first_name="Marta", last_name="Lis", sex="female", preferred_language="pl"
    )
    case = open_case(
        mother,
        iza,
        method="family_plan",
        caseworker="",
        caseworker_user=tadeusz,
        assignment="Asystent rodziny – matka z synem bez mieszkania (altana na działkach); "
        "poznana przez streetworkera.",
    )
    link_to_case(contacts[1], case, iza)
    db.session.commit()
    finalise(
        case,
        "start_meeting",
        start_answers(
            today - timedelta(days=5),
            "Marta Lis, Iza Kowal (asystent rodziny)",
            "Chcę, żeby Kuba miał ciepły dom przed zimą.",
            "Pomoc w znalezieniu mieszkania i zapisaniu Kuby do przedszkola.",
            "Spotkania w ośrodku, bo w altanie nie ma gdzie usiąść.",
        ),
        iza,
    )
