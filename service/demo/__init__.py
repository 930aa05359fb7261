"""Demo data: one unit per practice, staff for each, and cases at different steps.

Every case's answers are finalised, and its documents issued, signed and filed, through the
service's own operations, so the demo documents are real and verifiable like any other.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from service.auth.operations import create_user
from service.clock import local_today
from service.demo.boleslawiec import boleslawiec
from service.demo.nytida import nytida
from service.demo.polish import sopot
from service.demo.sol import sol
from service.demo.swedish import tamira
from service.extensions import db
from service.models import Role, Unit, User

#: Shared password of every demo login (demo databases only).
DEMO_PASSWORD = "stegvis-demo"  # noqa: S105  (demo databases only, printed by `stegvis demo`)

UNITS: list[dict[str, Any]] = [
    {
        "name": "Tamira – BUSS",
        "organisation": "Tamira",
        "confidentiality": "sol",
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
        "confidentiality": "sol",
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
        "confidentiality": "osl",
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
        "confidentiality": "ups",
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
        "confidentiality": "ups",
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
    ("barbara@mops-sopot.example", "Barbara Kaczmarek", "kierownik ośrodka", Role.MANAGER, 3),
]


def demo_logins() -> list[tuple[str, str, str]]:
    """(e-mail, role, unit) of every demo login, for the CLI and the README."""
    return [(email, role.value, UNITS[unit]["name"]) for email, _n, _t, role, unit in STAFF]


def load_demo(today: date | None = None) -> bool:
    """Create the demo data unless it exists; True when something was created."""
    if db.session.scalar(sa.select(Unit.id).where(Unit.name == UNITS[0]["name"])):
        return False
    today = today or local_today()
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
    tamira(staff, today)
    nytida(staff, today)
    sol(staff, today)
    sopot(staff, today)
    boleslawiec(staff, today)
    return True
