"""One line of migrations, and models that match them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from flask import Flask

from service.extensions import db
from service.migrate import alembic_config


def test_the_history_has_one_head(app_ctx: None) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [script.get_current_head()]
    # every revision but the first revises another (no second root)
    bases = script.get_bases()
    assert bases == ["0001"]


def test_models_match_the_migrations(app: Flask) -> None:
    """`alembic check` on the suite's migrated database: no difference left to generate."""
    with app.app_context():
        command.check(alembic_config())


def test_a_database_left_at_the_two_old_heads_upgrades(app: Flask) -> None:
    """Installations so far were left at 0003 and 0004; the merge revision joins them."""
    with app.app_context():
        # Back to the merge point first: the revisions after it have real work to do again.
        command.downgrade(alembic_config(), "0005")
        with db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM alembic_version"))
            conn.execute(sa.text("INSERT INTO alembic_version VALUES ('0003'), ('0004')"))
        try:
            command.upgrade(alembic_config(), "head")
            with db.engine.connect() as conn:
                rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert rows == [(head,)]
        finally:
            command.upgrade(alembic_config(), "head")


def test_0006_binds_the_existing_values_to_their_rows(app: Flask) -> None:
    """Values written before 0006 (format 1, identity numbers in plain text) are re-encrypted
    bound to their rows, numbers and birth dates encrypted and blind-indexed; and back."""
    from datetime import UTC, date, datetime

    from service.crypto import current_keyring, identity_text, parse_header
    from service.models import Case, Person, Submission

    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    with app.app_context():
        keyring = current_keyring()
        command.downgrade(alembic_config(), "0005")
        try:
            with db.engine.begin() as conn:

                def insert(table: str, **values: object) -> None:
                    target = sa.table(table, *(sa.column(k) for k in values))
                    conn.execute(sa.insert(target).values(**values))

                def old(text: str, purpose: str) -> bytes:
                    return keyring.encrypt_legacy(text.encode(), purpose)

                insert(
                    "units",
                    id=1,
                    name="U",
                    organisation="O",
                    address="",
                    phone="",
                    place="P",
                    default_locale="sv",
                    methods="[]",
                    retention_years=10,
                    created_at=now,
                )
                insert(
                    "users",
                    id=1,
                    email="a@example.org",
                    full_name="A",
                    title="",
                    phone="",
                    role="worker",
                    unit_id=1,
                    password_hash="x",
                    active=True,
                    created_at=now,
                )
                insert(
                    "persons",
                    id=1,
                    unit_id=1,
                    first_name="Zofia",
                    last_name="Nowak",
                    identity_kind="pesel",
                    identity_number="44051401458",
                    date_of_birth=date(1944, 5, 14),
                    preferred_language="pl",
                    created_at=now,
                    address=old("ul. Długa 5", "persons.address"),
                    phone=old("", "persons.phone"),
                    email=old("", "persons.email"),
                )
                insert(
                    "cases",
                    id=1,
                    reference="C-2026-000001",
                    person_id=1,
                    unit_id=1,
                    method="buss",
                    referring_caseworker_name="",
                    status="referred",
                    opened_at=now,
                    assignment=old("Uppdrag 77", "cases.assignment"),
                )
                insert(
                    "submissions",
                    id=1,
                    case_id=1,
                    step="start_meeting",
                    instance=1,
                    status="final",
                    version=1,
                    form_version="1",
                    change_reason="",
                    created_by_id=1,
                    created_at=now,
                    answers=old('{"own_words":"Ord 42"}', "submissions.answers"),
                )
            command.upgrade(alembic_config(), "head")
            db.session.remove()
            person = db.session.get(Person, 1)
            assert person is not None
            assert (person.identity_number, person.date_of_birth) == (
                "44051401458",
                date(1944, 5, 14),
            )
            assert person.address == "ul. Długa 5" and person.identity_index
            assert db.session.get(Case, 1).assignment == "Uppdrag 77"  # type: ignore[union-attr]
            answers = db.session.get(Submission, 1).answers  # type: ignore[union-attr]
            assert answers == {"own_words": "Ord 42"}
            with db.engine.connect() as conn:
                raw = conn.execute(
                    sa.text("SELECT identity_number, answers FROM persons, submissions")
                ).one()
            assert parse_header(bytes(raw[0])).identity == identity_text([person.uuid])
            assert parse_header(bytes(raw[1])).identity == identity_text([1, "start_meeting", 1, 1])
            db.session.remove()
            command.downgrade(alembic_config(), "0005")
            with db.engine.connect() as conn:
                row = conn.execute(sa.text("SELECT identity_number, address FROM persons")).one()
            assert row[0] == "44051401458"
            assert (
                keyring.decrypt_legacy(bytes(row[1]), "persons.address") == "ul. Długa 5".encode()
            )
        finally:
            db.session.remove()
            command.upgrade(alembic_config(), "head")
