"""Demo cases of Tamira (BUSS): Johan Ekström, from the start meeting to his second follow-up
(his agreement signed by scan), and Åsa Öberg, after her start meeting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from forms.identity import parse_identity_number
from service.cases.operations import open_case, register_person
from service.demo.common import (
    finalise,
    iso,
    issue,
    progress,
    second_answers,
    sign_by_scan,
    start_answers,
)
from service.models import Case, User


def tamira(staff: list[User], today: date) -> None:
    anna, erik = staff[0], staff[1]
    johan = register_person(
        anna,
        first_name="Johan",
        last_name="Ekström",
        identity=parse_identity_number("se", "19850709-9805"),
        preferred_language="sv",
        phone="070-000 00 01",
    )
    case = open_case(
        johan,
        anna,
        method="buss",
        caseworker=erik.full_name,
        assignment="Boendestöd enligt SoL 4 kap. 1 §: stöd att behålla bostaden och "
        "bygga upp rutiner i vardagen.",
    )
    started = today - timedelta(days=42)
    finalise(
        case,
        "start_meeting",
        start_answers(
            started,
            "Johan Ekström, Anna Berg (boendestödjare), Erik Lund (socialsekreterare)",
            "Jag vill kunna bo kvar i min lägenhet och få ordning på räkningarna.",
            "Att någon hjälper mig med posten och följer med till Försäkringskassan.",
            "Att Johan är hemma på överenskomna tider och säger till om han inte kan.",
        ),
        anna,
    )
    finalise(
        case,
        "second_meeting",
        second_answers(
            started + timedelta(days=7),
            anna,
            purpose="Johan ska behålla sin bostad och själv kunna sköta sin ekonomi och sina kontakter "
            "med myndigheter.",
            situation_causes="Skulder och obetalda räkningar efter en lång sjukskrivning.",
            situation_possibilities="Johan är motiverad, har en fast inkomst och en bror som stöttar.",
            situation_limitations="Svårt med brev från myndigheter; ensamhet på kvällarna.",
            actions=[
                {
                    "what": "Gå igenom posten tillsammans varje vecka",
                    "who": "both",
                    "by_when": iso(started + timedelta(days=30)),
                },
                {
                    "what": "Göra en hushållsbudget",
                    "who": "person",
                    "by_when": iso(started + timedelta(days=45)),
                },
                {
                    "what": "Boka möte med budget- och skuldrådgivningen",
                    "who": "worker",
                    "by_when": iso(started + timedelta(days=14)),
                },
            ],
            consent_recipients=[
                {
                    "who": "social_services",
                    "name": "socialsekreterare Erik Lund",
                    "consents": "yes",
                },
                {"who": "other", "name": "Budget- och skuldrådgivningen", "consents": "yes"},
                {"who": "relative", "name": "Lars Ekström (bror)", "consents": "yes"},
                {"who": "landlord", "name": "Bostadsbolaget Framtiden", "consents": "no"},
            ],
            consent_parties="",
            consent_data="Uppgifter om boende, ekonomi och hur arbetet går",
            consent_purpose="Samordna stödet kring boende och ekonomi",
        ),
        anna,
    )
    agreement, _consent = issue(case, anna, started + timedelta(days=7), "agreement", "consent")
    # Johan signed the printed agreement at the meeting; Anna uploads the scan of the paper.
    sign_by_scan(
        agreement,
        anna,
        [
            f"Överenskommelse {agreement.number}, version {agreement.version}",
            "Undertecknad av Johan Ekström och Anna Berg (boendestödjare)",
            f"Stockholm {started + timedelta(days=7)}",
        ],
    )
    _buss_assessment_to_follow_ups(case, anna, started)
    from service.demo.journal import journal, network

    network(
        case,
        anna,
        [
            {
                "kind": "relative",
                "name": "Lars Ekström",
                "role": "bror",
                "contact_details": "070-000 00 02",
                "may_contact": True,
            },
            {
                "kind": "landlord",
                "name": "Bostadsbolaget Framtiden",
                "role": "hyresvärd",
                "contact_details": "031-000 00 00",
                "may_contact": False,
            },
        ],
    )
    # Johan keeps his consent for the others but no longer for the debt counselling.
    from service.privacy.consent import consent_state, withdraw_consent

    counselling = consent_state(case, today).recipients[1]
    withdraw_consent(case, anna, today - timedelta(days=5), counselling)
    journal(
        case,
        anna,
        today,
        [
            (12, 10, "home_visit", 60, True, "Gick igenom posten tillsammans."),
            (9, 14, "sms", None, True, "Johan bekräftade tiden på torsdag."),
            (7, 10, "home_visit", None, False, "Johan öppnade inte; lapp i dörren."),
            (6, 11, "phone", 15, True, "Johan ringde själv och bad om ny tid."),
            (2, 9, "accompanying", 90, True, "Följde med till Försäkringskassan."),
        ],
    )

    asa = register_person(
        anna,
        first_name="Åsa",
        last_name="Öberg",
        preferred_language="sv",
        date_of_birth=date(1979, 3, 14),
    )
    case = open_case(
        asa,
        anna,
        method="buss",
        caseworker=erik.full_name,
        assignment="Boendestöd efter utskrivning från behandlingshem.",
    )
    finalise(
        case,
        "start_meeting",
        start_answers(
            today - timedelta(days=3),
            "Åsa Öberg, Anna Berg",
            "Jag vill ha en fast punkt på dagarna och träffa folk.",
            "Stöd att hitta en sysselsättning.",
            "Att Åsa säger till när något känns svårt.",
        ),
        anna,
    )


def _buss_assessment_to_follow_ups(case: Case, anna: User, started: date) -> None:
    """Johan's case goes on: assessment, plan and two weekly follow-ups, each one issued."""
    ratings = {"housing": 3, "education": 4, "occupation": 2, "social": 3}
    finalise(
        case,
        "assessment",
        {
            "meeting_date": iso(started + timedelta(days=10)),
            "participants": "Johan, Anna",
            "areas": {
                area: {
                    "strengths": strengths,
                    "situation": "",
                    "causes": "",
                    "barriers": "",
                    "rating": ratings[area],
                }
                for area, strengths in [
                    ("housing", "Har ett förstahandskontrakt och trivs i lägenheten."),
                    ("education", "Bra på att räkna; vill lära sig göra en budget."),
                    ("occupation", "Har arbetat som lagerarbetare i tio år."),
                    ("social", "Nära kontakt med sin bror."),
                ]
            },
            "earlier_interventions": [
                {
                    "intervention": "Budgetrådgivning",
                    "when": "2023",
                    "result": "Avbröts efter två möten",
                }
            ],
            "values": "Sin bror och sin katt.",
            "feels_safe": "Att veta vem som kommer och när.",
            "interests": "Fiske och fotboll.",
            "network": "Brodern, en granne.",
            "change_wanted": "Få ordning på posten och räkningarna.",
            "weakness_to_strength": "Noggrannheten från lagerjobbet kan hjälpa med budgeten.",
        },
        anna,
    )
    goals: list[dict[str, Any]] = [
        {
            "area": "housing",
            "goal": "Behålla lägenheten",
            "from_assignment": "Stöd att behålla bostaden",
            "sub_goals": [
                {
                    "sub_goal": "Betala hyran i tid varje månad",
                    "person_actions": "Betalar via banken",
                    "worker_actions": "Påminner dagen före",
                    "others_responsible": "",
                    "due_date": iso(started + timedelta(days=40)),
                    "expected_time": "",
                    "progress_sign": "Inga påminnelser från hyresvärden",
                },
                {
                    "sub_goal": "Öppna posten varje vecka",
                    "person_actions": "Öppnar posten med Anna",
                    "worker_actions": "Går igenom breven",
                    "others_responsible": "",
                    "due_date": iso(started + timedelta(days=14)),
                    "expected_time": "",
                    "progress_sign": "Inga oöppnade brev",
                },
            ],
        },
        {
            "area": "occupation",
            "goal": "En fast punkt på dagarna",
            "from_assignment": "Rutiner i vardagen",
            "sub_goals": [
                {
                    "sub_goal": "Besöka arbetsförmedlingen",
                    "person_actions": "Bokar tid",
                    "worker_actions": "Följer med",
                    "others_responsible": "Arbetsförmedlingen",
                    "due_date": None,
                    "expected_time": "Inom två månader",
                    "progress_sign": "Inskriven hos arbetsförmedlingen",
                }
            ],
        },
    ]
    finalise(
        case,
        "plan",
        {
            "goals": goals,
            "participation": "Johan valde själv målen och ordningen.",
            "other_participants": "Erik Lund (socialsekreterare)",
            "adopted_on": iso(started + timedelta(days=14)),
            "follow_up_every": "weekly",
            "follow_up_rhythm": "",
            "follow_up_how": "Samtal hemma hos Johan med Anna; Erik var fjärde vecka.",
        },
        anna,
    )
    issue(case, anna, started + timedelta(days=14), "plan")
    for n, (status, rating) in enumerate([("in_progress", 4), ("reached", 6)], start=1):
        day = started + timedelta(days=14 + 7 * n)
        finalise(
            case,
            "follow_up",
            {
                "meeting_date": iso(day),
                "since_last_time": "Hyran är betald.",
                "successes": "Johan öppnade posten själv.",
                "setbacks": "",
                "progress": progress(goals, [[status, "in_progress"], ["in_progress"]]),
                "areas": {
                    "housing": {"rating": rating},
                    "education": {"rating": 4},
                    "occupation": {"rating": 2 + n},
                    "social": {"rating": 3 + n},
                },
                "plan_changes": "",
                "next_meeting": iso(day + timedelta(days=7)),
            },
            anna,
            instance=n,
        )
        issue(case, anna, day, "follow_up")
