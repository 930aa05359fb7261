"""A realistic agreement context, in the exact shape the document context builder produces."""

from __future__ import annotations

from typing import Any

SAMPLE_CONTEXT: dict[str, Any] = {
    "document": {
        "number": "AGR-2026-000042",
        "version": 1,
        "issued_on": "22 listopada 2026",
        "place": "Sopot",
        "verify_url": "http://127.0.0.1:5000/verify/AGR-2026-000042/Xq3vT0kQ8mZp1LwA",
    },
    "unit": {
        "name": "MOPS Sopot – Asystent osoby bezdomnej",
        "address": "ul. Kolejowa 14, 81-717 Sopot",
        "phone": "+48 58 521 37 40",
    },
    "person": {
        "full_name": "Zofia Wójcik-Łęcka",
        "first_name": "Zofia",
        "last_name": "Wójcik-Łęcka",
        "identity_kind": "PESEL",
        "identity_number": "44051401458",
        "date_of_birth": "14 maja 1944",
        "address": "Schronisko dla osób bezdomnych, ul. Żółkiewskiego 5, 81-704 Sopot",
        "phone": "+48 601 234 567",
    },
    "worker": {
        "name": "Łukasz Żółć",
        "phone": "+48 58 521 37 45",
        "title": "asystent osoby bezdomnej",
    },
    "caseworker": {"name": "Małgorzata Ślęzak-Åström"},
    "case": {
        "reference": "C-2026-000007",
        "method": "IPWzB",
        "assignment": (
            "Pani Zofia od dwóch lat przebywa w schronisku. Pracownik socjalny kieruje ją do "
            "asystenta w celu przygotowania i realizacji Indywidualnego Programu Wychodzenia "
            "z Bezdomności.\nSpotkania 1–2 razy w tygodniu."
        ),
    },
    "approval": {"needed": False, "by": "", "title": "", "on": ""},
    "legal_rep": {"kind": "opiekun prawny", "name": "Adam Żółkiewski", "contact": "601 234 567"},
    "controller": {
        "name": "Miejski Ośrodek Pomocy Społecznej w Sopocie",
        "address": "ul. Kolejowa 14, 81-701 Sopot",
        "retention_years": 10,
    },
    "signs": ["person", "caseworker"],
    "start_meeting": {
        "date": "3 listopada 2026",
        "participants": "Zofia Wójcik-Łęcka, Łukasz Żółć, Małgorzata Ślęzak-Åström",
        "own_words": "Chcę mieć swój pokój, żeby wnuczka mogła mnie odwiedzać.",
        "expectations_person": "Pomoc w sprawach urzędowych i w szukaniu pokoju.",
        "expectations_team": "Regularne spotkania i udział w treningu budżetowym.",
    },
    "agreement": {
        "meeting_date": "10 listopada 2026",
        "purpose": (
            "Wyjście z bezdomności: wynajęcie pokoju i samodzielne opłacanie czynszu.\n"
            "Odbudowa kontaktu z rodziną."
        ),
        "situation_causes": (
            "Utrata mieszkania po śmierci męża (2024).\nZadłużenie czynszowe.\n"
            "Brak oparcia w najbliższych."
        ),
        "situation_possibilities": (
            "Emerytura, prawo do ubiegania się o lokal socjalny, silna motywacja, "
            "dobre relacje z wnuczką."
        ),
        "situation_limitations": "Długi okres bezdomności, problemy z poruszaniem się.",
        "actions": [
            {
                "no": 1,
                "what": "Złożenie wniosku o lokal socjalny w Urzędzie Miasta Sopotu",
                "who": "Osoba",
                "by_when": "30 listopada 2026",
            },
            {
                "no": 2,
                "what": "Pomoc w skompletowaniu dokumentów i wspólna wizyta w urzędzie",
                "who": "Asystent",
                "by_when": "30 listopada 2026",
            },
            {
                "no": 3,
                "what": "Trening budżetowy: plan wydatków, regularne opłaty",
                "who": "Osoba / Asystent",
                "by_when": "co tydzień do 31 stycznia 2027",
            },
            {
                "no": 4,
                "what": "Wizyta u lekarza rodzinnego i badania kontrolne",
                "who": "Osoba",
                "by_when": "15 grudnia 2026",
            },
        ],
        "period_from": "10 listopada 2026",
        "period_to": "31 maja 2027",
        "contact_person": "Łukasz Żółć, asystent osoby bezdomnej",
        "meeting_rhythm": "raz w tygodniu",
        "contact_channels": "SMS, telefon, wizyta w schronisku",
    },
    "consent": {
        "given": True,
        "parties": "MOPS Sopot, Schronisko „Przystań”, Przychodnia Rodzinna w Sopocie",
        "data": "sytuacja mieszkaniowa, dochody, stan zdrowia w zakresie potrzebnym do wsparcia",
        "purpose": "Koordynacja wsparcia w wychodzeniu z bezdomności",
        "valid_until": "31 maja 2027",
        "confidentiality": "ups",
        "recipients": [
            {
                "kind": "Ośrodek pomocy społecznej",
                "name": "MOPS Sopot",
                "answer": "Tak",
                "yes": True,
            },
            {
                "kind": "Opieka zdrowotna",
                "name": "Przychodnia Rodzinna",
                "answer": "Nie",
                "yes": False,
            },
        ],
    },
    # The kontrakt socjalny's own part (service/documents/kontrakt.py); the Swedish form
    # ignores it.
    "kontrakt": {
        "variant": "a",
        "concluded_on": "12 listopada 2026",
        "parties": [
            {
                "no": "1",
                "last_name": "Wójcik-Łęcka",
                "first_name": "Zofia",
                "address": "Schronisko dla osób bezdomnych, ul. Żółkiewskiego 5, 81-704 Sopot",
                "identity_number": "44051401458",
                "family_role": "",
                "full_name": "Zofia Wójcik-Łęcka",
            },
            {
                "no": "2",
                "last_name": "Wójcik",
                "first_name": "Anna",
                "address": "ul. Morska 3, 81-300 Gdynia",
                "identity_number": "02270803628",
                "family_role": "córka",
                "full_name": "Anna Wójcik",
            },
        ],
        "social_worker": {"name": "Małgorzata Ślęzak-Åström", "phone": "+48 58 521 37 41"},
        "part_one": {
            "from_assessment": True,
            "causes": "Eksmisja po śmierci męża; zadłużenie czynszowe.",
            "possibilities": "Emerytura; kwalifikacje krawcowej; wsparcie córki.",
            "limitations": "Wiek; długi okres bezdomności.",
            "main_goals": ["Wynająć pokój i samodzielnie opłacać czynsz."],
            "sub_goals": ["Złożyć wniosek o lokal socjalny.", "Odłożyć kaucję za pokój."],
        },
        "unemployment": {
            "causes": "Zwolnienie z zakładu krawieckiego.",
            "limitations": "Brak aktualnych kwalifikacji.",
            "earlier_activation": "Staż z PUP przerwany z powodu choroby.",
        },
        "amendments": [
            {
                "no": "1",
                "agreed_on": "25 listopada 2026",
                "text": "Nowy termin wniosku: 15 grudnia.",
            }
        ],
        "evaluation": {
            "as_of": "18 grudnia 2026",
            "actions": [
                {
                    "no": "1",
                    "what": "Złożyć wniosek o lokal socjalny",
                    "status": "Wykonane",
                    "comment": "Wniosek złożony 15 grudnia.",
                    "day": "18 grudnia 2026",
                },
                {
                    "no": "2",
                    "what": "Zarejestrować się w PUP",
                    "status": "Termin jeszcze nie minął",
                    "comment": "",
                    "day": "4 grudnia 2026",
                },
            ],
            "meetings": [{"day": "4 grudnia 2026", "text": "Wniosek o lokal złożony."}],
            "reached": 1,
            "sub_goals": 2,
            "final": "Cel główny osiągnięty: pani Zofia wynajmuje pokój.",
            "closed_on": "31 maja 2027",
        },
    },
}
