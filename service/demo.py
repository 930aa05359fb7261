"""Demo data: one unit per practice, staff for each, and cases at different steps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from forms.identity import parse_identity_number
from service.auth.operations import create_user
from service.cases.journey import method_of
from service.cases.operations import open_case, register_person, save_step
from service.documents.operations import issue_agreement
from service.extensions import db
from service.models import Case, Role, Unit, User

#: Shared password of every demo login (demo databases only).
DEMO_PASSWORD = "stegvis-demo"  # noqa: S105  (demo databases only, printed by `stegvis demo`)

UNITS: list[dict[str, Any]] = [
    {
        "name": "Tamira – BUSS",
        "organisation": "Tamira",
        "place": "Stockholm",
        "address": "Exempelgatan 1, 111 22 Stockholm",
        "phone": "08-123 45 60",
        "default_locale": "sv",
        "methods": ["buss"],
        "retention_years": 2,
    },
    {
        "name": "Nytida – Kliv ut",
        "organisation": "Nytida",
        "place": "Stockholm",
        "address": "Exempelvägen 5, 112 33 Stockholm",
        "phone": "08-765 43 20",
        "default_locale": "sv",
        "methods": ["kliv_ut"],
        "retention_years": 2,
    },
    {
        "name": "SoL-teamet",
        "organisation": "Vård- och omsorgsförvaltningen",
        "place": "Malmö",
        "address": "La Cours gata 2, Malmö",
        "phone": "040-34 10 00",
        "default_locale": "sv",
        "methods": ["goal_work"],
        "retention_years": 5,
    },
    {
        "name": "MOPS Sopot – Asystent osoby bezdomnej",
        "organisation": "Miejski Ośrodek Pomocy Społecznej w Sopocie",
        "place": "Sopot",
        "address": "ul. Przykładowa 1, 81-700 Sopot",
        "phone": "+48 58 000 00 00",
        "default_locale": "pl",
        "methods": ["ipwzb"],
        "retention_years": 10,
    },
    {
        "name": "MOPS Bolesławiec – Asystent rodziny",
        "organisation": "Miejski Ośrodek Pomocy Społecznej w Bolesławcu",
        "place": "Bolesławiec",
        "address": "ul. Przykładowa 2, 59-700 Bolesławiec",
        "phone": "+48 75 000 00 00",
        "default_locale": "pl",
        "methods": ["family_plan"],
        "retention_years": 10,
    },
]

#: (e-mail, name, title, role, unit index)
STAFF = [
    ("anna@tamira.example", "Anna Berg", "Boendestödjare", Role.WORKER, 0),
    ("erik@tamira.example", "Erik Lund", "Socialsekreterare", Role.CASEWORKER, 0),
    ("admin@tamira.example", "Sara Admin", "Verksamhetschef", Role.ADMIN, 0),
    ("calle@nytida.example", "Calle Nord", "Coach", Role.WORKER, 1),
    ("maria@nytida.example", "Maria Holm", "Biståndshandläggare", Role.CASEWORKER, 1),
    ("magnus@solteamet.example", "Magnus Månsson", "Stödassistent", Role.WORKER, 2),
    ("gezime@solteamet.example", "Gezime Sojeva", "Stödpedagog", Role.WORKER, 2),
    ("wojciech@mops-sopot.example", "Wojciech Bodusz", "asystent osoby bezdomnej", Role.WORKER, 3),
    ("ewa@mops-sopot.example", "Ewa Żak", "pracownik socjalny", Role.CASEWORKER, 3),
    ("iza@mops-boleslawiec.example", "Iza Kowal", "asystent rodziny", Role.WORKER, 4),
    (
        "tadeusz@mops-boleslawiec.example",
        "Tadeusz Kupiec",
        "pracownik socjalny",
        Role.CASEWORKER,
        4,
    ),
]


def demo_logins() -> list[tuple[str, str, str]]:
    """(e-mail, role, unit) of every demo login, for the CLI and the README."""
    return [(email, role.value, UNITS[unit]["name"]) for email, _n, _t, role, unit in STAFF]


def load_demo(today: date | None = None) -> bool:
    """Create the demo data unless it exists; True when something was created."""
    if db.session.scalar(sa.select(Unit.id).where(Unit.name == UNITS[0]["name"])):
        return False
    today = today or date.today()
    units = [Unit(**spec) for spec in UNITS]
    db.session.add_all(units)
    db.session.flush()
    staff: list[User] = [
        create_user(
            email=email,
            full_name=name,
            title=title,
            role=role,
            unit=units[unit],
            password=DEMO_PASSWORD,
            phone=UNITS[unit]["phone"],
        )
        for email, name, title, role, unit in STAFF
    ]
    db.session.commit()
    _tamira(staff, today)
    _nytida(staff, today)
    _sol(staff, today)
    _sopot(staff, today)
    _boleslawiec(staff, today)
    return True


def _finalise(
    case: Case, step: str, answers: dict[str, Any], user: User, instance: int = 1
) -> None:
    """Store answers as a final version, as finalising the step in the browser does."""
    method = method_of(case)
    save_step(
        case,
        step,
        answers,
        user,
        form_version=method.version,
        method_source=method.source,
        instance=instance,
    )


def _iso(day: date) -> str:
    return day.isoformat()


def _start(
    day: date, participants: str, own_words: str, person_exp: str, team_exp: str
) -> dict[str, Any]:
    return {
        "meeting_date": _iso(day),
        "participants": participants,
        "information_given": ["method", "voluntary", "personal_data", "contact_details"],
        "own_words": own_words,
        "expectations_person": person_exp,
        "expectations_team": team_exp,
        "wants_to_take_part": "yes",
        "next_meeting": _iso(day + timedelta(days=7)),
    }


def _second(day: date, contact: User, **fields: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "meeting_date": _iso(day),
        "information_repeated": ["method", "voluntary", "personal_data", "contact_details"],
        "expectations_confirmed": "yes",
        "accepts_place": "yes",
        "contact_person_id": contact.id,
        "meeting_rhythm": "weekly",
        "contact_channels": ["sms", "home_visit"],
        "situation_causes": "",
        "situation_possibilities": "",
        "situation_limitations": "",
        "actions": [],
        "period_from": _iso(day),
        "period_to": _iso(day + timedelta(days=180)),
        "consent_to_share": "yes",
        "consent_parties": "",
        "consent_data": "",
        "consent_purpose": "",
        "consent_valid_until": _iso(day + timedelta(days=365)),
    }
    answers.update(fields)
    return answers


def _tamira(staff: list[User], today: date) -> None:
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
    started = today - timedelta(days=21)
    _finalise(
        case,
        "start_meeting",
        _start(
            started,
            "Johan Ekström, Anna Berg (boendestödjare), Erik Lund (socialsekreterare)",
            "Jag vill kunna bo kvar i min lägenhet och få ordning på räkningarna.",
            "Att någon hjälper mig med posten och följer med till Försäkringskassan.",
            "Att Johan är hemma på överenskomna tider och säger till om han inte kan.",
        ),
        anna,
    )
    _finalise(
        case,
        "second_meeting",
        _second(
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
                    "by_when": _iso(started + timedelta(days=30)),
                },
                {
                    "what": "Göra en hushållsbudget",
                    "who": "person",
                    "by_when": _iso(started + timedelta(days=45)),
                },
                {
                    "what": "Boka möte med budget- och skuldrådgivningen",
                    "who": "worker",
                    "by_when": _iso(started + timedelta(days=14)),
                },
            ],
            consent_parties="Socialtjänsten (socialsekreterare Erik Lund), budget- och skuldrådgivningen",
            consent_data="Uppgifter om boende, ekonomi och hur arbetet går",
            consent_purpose="Samordna stödet kring boende och ekonomi",
        ),
        anna,
    )
    issue_agreement(case, anna, today=started + timedelta(days=7))
    _buss_assessment_to_follow_ups(case, anna, started)

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
    _finalise(
        case,
        "start_meeting",
        _start(
            today - timedelta(days=3),
            "Åsa Öberg, Anna Berg",
            "Jag vill ha en fast punkt på dagarna och träffa folk.",
            "Stöd att hitta en sysselsättning.",
            "Att Åsa säger till när något känns svårt.",
        ),
        anna,
    )


def _buss_assessment_to_follow_ups(case: Case, anna: User, started: date) -> None:
    """Johan's case goes on: assessment, plan and two weekly follow-ups."""
    ratings = {"housing": 3, "education": 4, "occupation": 2, "social": 3}
    _finalise(
        case,
        "assessment",
        {
            "meeting_date": _iso(started + timedelta(days=10)),
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
                    "due_date": _iso(started + timedelta(days=40)),
                    "expected_time": "",
                    "progress_sign": "Inga påminnelser från hyresvärden",
                },
                {
                    "sub_goal": "Öppna posten varje vecka",
                    "person_actions": "Öppnar posten med Anna",
                    "worker_actions": "Går igenom breven",
                    "others_responsible": "",
                    "due_date": _iso(started + timedelta(days=14)),
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
    _finalise(
        case,
        "plan",
        {
            "goals": goals,
            "participation": "Johan valde själv målen och ordningen.",
            "other_participants": "Erik Lund (socialsekreterare)",
            "adopted_on": _iso(started + timedelta(days=14)),
            "follow_up_rhythm": "Varje vecka",
            "follow_up_how": "Samtal hemma hos Johan med Anna; Erik var fjärde vecka.",
        },
        anna,
    )
    for n, (status, rating) in enumerate([("in_progress", 4), ("reached", 6)], start=1):
        day = started + timedelta(days=14 + 7 * n)
        _finalise(
            case,
            "follow_up",
            {
                "meeting_date": _iso(day),
                "since_last_time": "Hyran är betald.",
                "successes": "Johan öppnade posten själv.",
                "setbacks": "",
                "progress": [
                    {
                        "ref": "0.0",
                        "sub_goal": goals[0]["sub_goals"][0]["sub_goal"],
                        "status": status,
                        "comment": "",
                    },
                    {
                        "ref": "0.1",
                        "sub_goal": goals[0]["sub_goals"][1]["sub_goal"],
                        "status": "in_progress",
                        "comment": "",
                    },
                ],
                "areas": {
                    "housing": {"rating": rating},
                    "education": {"rating": 4},
                    "occupation": {"rating": 2 + n},
                    "social": {"rating": 3 + n},
                },
                "plan_changes": "",
                "next_meeting": _iso(day + timedelta(days=7)),
            },
            anna,
            instance=n,
        )


def _nytida(staff: list[User], today: date) -> None:
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
    _finalise(
        case,
        "start_meeting",
        _start(
            today - timedelta(days=10),
            "Leo Haddad, Calle Nord (coach) – by phone",
            "I would like to get out of the flat a little, maybe play board games.",
            "Short contacts at first, text messages are easiest.",
            "That Leo answers a text message at least once a week.",
        ),
        calle,
    )


def _sol(staff: list[User], today: date) -> None:
    magnus = staff[5]
    kim = register_person(magnus, first_name="Kim", last_name="Andersson", preferred_language="sv")
    open_case(
        kim,
        magnus,
        method="goal_work",
        caseworker="Lena Sjö",
        assignment="Pedagogiskt stöd i vardagen enligt SoL.",
    )


def _sopot(staff: list[User], today: date) -> None:
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
    _finalise(
        case,
        "start_meeting",
        _start(
            started,
            "Zofia Wójcik-Łęcka, Wojciech Bodusz (asystent), Ewa Żak (pracownik socjalny)",
            "Chcę wynająć pokój i znaleźć pracę.",
            "Pomoc w szukaniu pokoju i ofert pracy.",
            "Regularne spotkania raz w tygodniu i trzeźwość.",
        ),
        wojciech,
    )
    _finalise(
        case,
        "second_meeting",
        _second(
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
                    "by_when": _iso(started + timedelta(days=21)),
                },
                {
                    "what": "Wyszukiwanie ofert pracy i pokoi do wynajęcia",
                    "who": "worker",
                    "by_when": _iso(started + timedelta(days=30)),
                },
                {
                    "what": "Trening budżetowy – lista zakupów i wydatków",
                    "who": "both",
                    "by_when": _iso(started + timedelta(days=60)),
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
    _finalise(
        case,
        "start_meeting",
        _start(
            started, "Marek, Wojciech", "Chcę pracować.", "Pomoc w szukaniu pracy.", "Trzeźwość."
        ),
        wojciech,
    )
    _finalise(
        case,
        "closing",
        {
            "closed_on": _iso(min(today, date(today.year, 10, 30))),
            "reason": "goals_reached",
            "reason_other": None,
            "final_evaluation": "Pan Marek podjął pracę i wynajął pokój.",
            "outcomes": ["employed", "own_room", "therapy_finished"],
        },
        wojciech,
    )


def _boleslawiec(staff: list[User], today: date) -> None:
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
