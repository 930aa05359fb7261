"""Fixtures of the security tests: two units with every role, a person, a case with answers
and an issued document in each (made directly, so these tests do not depend on rendering)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

import pytest
from flask import Flask

from service.auth.passwords import hash_password
from service.extensions import db
from service.models import (
    Case,
    CaseMember,
    ContactEntry,
    Document,
    FamilyMember,
    NetworkMember,
    OutreachContact,
    Person,
    Submission,
    Unit,
    User,
)
from tests.conftest import PASSWORD

ROLES = ("worker", "caseworker", "admin", "manager")


@dataclass
class UnitWorld:
    """One unit's staff (role → id and e-mail) and its person, case and document ids."""

    unit_id: int
    users: dict[str, int] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    person_id: int = 0
    case_id: int = 0
    document_id: int = 0
    document_number: str = ""
    #: The case team's member (the worker, as contact person).
    member_id: int = 0
    #: An anonymous outreach contact of the unit.
    outreach_id: int = 0


@dataclass
class World:
    """Our unit ("own") and another unit ("foreign")."""

    own: UnitWorld
    foreign: UnitWorld


def add_case(
    unit: Unit,
    creator_id: int,
    *,
    first: str,
    last: str,
    number: str | None,
    sentence: str,
    tag: str,
    **case_fields: Any,
) -> tuple[Person, Case, Document]:
    """A person with a case, one saved start meeting and one issued document (caller commits)."""
    person = Person(
        unit_id=unit.id,
        first_name=first,
        last_name=last,
        preferred_language="sv",
        identity_kind="pesel" if number else None,
        identity_number=number,
        address="Gatan 1",
        phone="070-000 00 00",
        email="p@example.org",
        created_by_id=creator_id,
    )
    db.session.add(person)
    db.session.flush()
    case = Case(
        reference=f"C-2026-{tag}",
        person_id=person.id,
        unit_id=unit.id,
        method="buss",
        referring_caseworker_name="Erik Lund",
        assignment=f"Uppdrag: {sentence}",
        status="start_meeting",
        created_by_id=creator_id,
        **case_fields,
    )
    db.session.add(case)
    db.session.flush()
    db.session.add(
        Submission(
            case_id=case.id,
            step="start_meeting",
            version=1,
            form_version="1",
            answers={"own_words": sentence, "participants": f"{first} {last}"},
            created_by_id=creator_id,
        )
    )
    db.session.add(
        ContactEntry(
            case_id=case.id,
            entry_no=1,
            kind="phone",
            occurred_at=datetime(2026, 11, 10, 9, 30, tzinfo=UTC),
            participants={"person": True, "staff": [creator_id], "network": []},
            sub_goals=[],
            note=f"Samtal: {sentence}",
            created_by_id=creator_id,
        )
    )
    db.session.add(
        NetworkMember(
            case_id=case.id,
            kind="relative",
            name=f"Mamma {last}",
            role="mamma",
            contact_details="070-222 33 44",
            created_by_id=creator_id,
        )
    )
    db.session.add(
        FamilyMember(
            case_id=case.id,
            first_name="Tomasz",
            last_name=last,
            family_role="partner",
            created_by_id=creator_id,
        )
    )
    content = f"PK-docx {first} {last} {sentence}".encode()
    document = Document(
        case_id=case.id,
        doc_type="agreement",
        number=f"AGR-2026-{tag}",
        version=1,
        language="sv",
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        context={"person": {"full_name": f"{first} {last}"}, "text": sentence},
        template="agreement_sv",
        issued_by_id=creator_id,
        issued_at=datetime(2026, 11, 9, tzinfo=UTC),
    )
    db.session.add(document)
    db.session.flush()
    return person, case, document


@cache
def _password_hash() -> str:
    """One argon2 hash of the test password for every user (hashing is slow on purpose)."""
    return hash_password(PASSWORD)


def _unit_world(name: str, tag: str) -> UnitWorld:
    unit = Unit(
        name=name,
        organisation="Org",
        place="Göteborg",
        default_locale="sv",
        methods=["buss", "ipwzb"],
        retention_years=2,
    )
    db.session.add(unit)
    db.session.flush()
    world = UnitWorld(unit_id=unit.id)
    for role in ROLES:
        email = f"{role}-{tag}@example.org"
        user = User(
            email=email,
            full_name=f"{role.title()} {tag.upper()}",
            password_hash=_password_hash(),
            unit_id=unit.id,
            role=role,
            title="Titel",
            phone="070-111 22 33",
        )
        db.session.add(user)
        db.session.flush()
        world.users[role] = user.id
        world.emails[role] = email
    person, case, document = add_case(
        unit,
        world.users["worker"],
        first="Zofia",
        last=f"Test{tag}",
        number=None,
        sentence=f"Mening {tag}",
        tag=f"00000{tag}",
    )
    world.person_id, world.case_id, world.document_id = person.id, case.id, document.id
    world.document_number = document.number
    member = CaseMember(case_id=case.id, user_id=world.users["worker"], team_role="contact_person")
    db.session.add(member)
    db.session.flush()
    world.member_id = member.id
    outreach = OutreachContact(
        unit_id=unit.id,
        occurred_at=datetime(2026, 11, 11, 21, 0, tzinfo=UTC),
        place_kind="station",
        place=f"Dworzec {tag}",
        people=2,
        note=f"Mening {tag}",
        created_by_id=world.users["worker"],
    )
    db.session.add(outreach)
    db.session.flush()
    world.outreach_id = outreach.id
    return world


@pytest.fixture
def world(app: Flask) -> World:
    """Unit "own" (ids 'a') and unit "foreign" (ids 'b'), each with every role and a case."""
    with app.app_context():
        built = World(own=_unit_world("Own unit", "a"), foreign=_unit_world("Foreign unit", "b"))
        db.session.commit()
        return built
