"""Row-bound ciphertexts, encrypted identity numbers with a blind index, and streaming key
rotation, on the suite's database (SQLite, or PostgreSQL with TEST_DATABASE_URL)."""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from service import create_app, page_cache
from service.config import ConfigError
from service.crypto import (
    EncryptedText,
    MovedValue,
    RowIdentityMissing,
    UnboundValue,
    identity_text,
    key_id_of,
    parse_header,
    parse_keys,
    row_spec,
)
from service.extensions import db
from service.identity_lookup import find_persons_by_identity, identity_condition
from service.models import Case, Person, Submission
from tests.conftest import FormClient
from tests.security.dbsearch import sqlite_file_bytes
from tests.security.test_encryption import open_case_through_the_forms, type_into_start_meeting

FIRST = "Pilgrimsfalken ser Haga 4417"
SECOND = "Tornseglaren vid Ringsjon 8825"
PESEL = "44051401458"
PERSONNUMMER = "19121212-1212"
#: Every way the two numbers (and their birth dates) are commonly written.
SPELLINGS = [
    "44051401458",
    "440514 01458",
    "191212121212",
    "19121212-1212",
    "121212+1212",
    "121212-1212",
    "1212121212",
    "1944-05-14",
    "19440514",
    "1912-12-12",
]


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def _raw(table: str, column: str, row_id: int) -> bytes:
    source = sa.table(table, sa.column("id"), sa.column(column, sa.LargeBinary))
    with db.engine.connect() as conn:
        query = sa.select(source.c[column]).where(source.c.id == row_id)
        return bytes(conn.execute(query).scalar_one())


def _write_raw(table: str, column: str, row_id: int, value: bytes) -> None:
    target = sa.table(table, sa.column("id"), sa.column(column, sa.LargeBinary))
    with db.engine.begin() as conn:
        conn.execute(sa.update(target).where(target.c.id == row_id).values({column: value}))


def _swap(app: Flask, table: str, column: str, first: int, second: int) -> None:
    """Exchange the stored bytes of two rows' column, as someone with database access could."""
    with app.app_context():
        db.session.remove()
        a, b = _raw(table, column, first), _raw(table, column, second)
        _write_raw(table, column, first, b)
        _write_raw(table, column, second, a)


def _ids(app: Flask, *case_urls: str) -> list[tuple[int, int]]:
    """(case id, start meeting submission id) of each case."""
    with app.app_context():
        found = []
        for url in case_urls:
            case_id = int(url.rstrip("/").rsplit("/", 1)[-1])
            submission = db.session.scalar(
                sa.select(Submission.id).where(Submission.case_id == case_id)
            )
            found.append((case_id, submission))
        return found


DAMAGED = {
    "en": "This record is damaged",
    "sv": "Uppgifterna är skadade",
    "pl": "Dane są uszkodzone",
}


def _assert_damaged(client: FormClient, url: str, *hidden: str) -> None:
    for language, heading in DAMAGED.items():
        client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 422, (url, response.status_code)
        assert heading in page
        for text in hidden:
            assert text not in page
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def test_answers_moved_to_another_case_are_refused_on_the_pages(
    app: Flask, logged_in: FormClient, caplog: pytest.LogCaptureFixture
) -> None:
    _p1, first_case = open_case_through_the_forms(logged_in, "Maja", "Kvist")
    _p2, second_case = open_case_through_the_forms(logged_in, "Olle", "Berg")
    type_into_start_meeting(logged_in, first_case, FIRST)
    type_into_start_meeting(logged_in, second_case, SECOND)
    (_c1, s1), (_c2, s2) = _ids(app, first_case, second_case)
    step = "/steps/start_meeting"
    assert SECOND in logged_in.get(second_case + step).get_data(as_text=True)

    _swap(app, "submissions", "answers", s1, s2)
    # Written behind the app's back, the swap raised no revision: the page kept from the view
    # above is what the rows held then, and the moved answers are not even read.
    kept = logged_in.get(second_case + step).get_data(as_text=True)
    assert SECOND in kept and FIRST not in kept
    with app.app_context():
        page_cache.store().clear()  # as a restart does: the pages are read again
    caplog.set_level(logging.ERROR)
    _assert_damaged(logged_in, second_case + step, FIRST, SECOND)
    _assert_damaged(logged_in, first_case + step, FIRST, SECOND)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "damaged record" in logged and "submissions.answers" in logged
    assert FIRST not in logged and SECOND not in logged

    _swap(app, "submissions", "answers", s1, s2)  # put back: both pages read again
    with app.app_context():
        page_cache.store().clear()
    assert FIRST in logged_in.get(first_case + step).get_data(as_text=True)
    assert SECOND in logged_in.get(second_case + step).get_data(as_text=True)


def test_contact_details_and_assignments_moved_between_rows_are_refused(
    app: Flask, logged_in: FormClient
) -> None:
    first_person, first_case = open_case_through_the_forms(logged_in, "Maja", "Kvist", PESEL)
    second_person, second_case = open_case_through_the_forms(logged_in, "Olle", "Berg")
    with app.app_context():
        p1, p2 = (int(u.rsplit("/", 1)[-1]) for u in (first_person, second_person))
        c1, c2 = (int(u.rsplit("/", 1)[-1]) for u in (first_case, second_case))
    _swap(app, "persons", "address", p1, p2)
    _assert_damaged(logged_in, second_person)
    _swap(app, "persons", "address", p1, p2)
    assert logged_in.get(second_person).status_code == 200

    # The identity number of one person copied to another: refused, not shown as theirs.
    with app.app_context():
        number = _raw("persons", "identity_number", p1)
        target = sa.table(
            "persons",
            sa.column("id"),
            sa.column("identity_number", sa.LargeBinary),
            sa.column("identity_kind"),
            sa.column("identity_index"),
        )
        with db.engine.begin() as conn:
            conn.execute(
                sa.update(target)
                .where(target.c.id == p2)
                .values(identity_number=number, identity_kind="pesel", identity_index="x")
            )
    _assert_damaged(logged_in, second_person, PESEL)

    _swap(app, "cases", "assignment", c1, c2)
    _assert_damaged(logged_in, second_case)
    # A value copied into another column of the same row does not decrypt either.
    with app.app_context():
        _write_raw("persons", "phone", p1, _raw("persons", "email", p1))
    _assert_damaged(logged_in, first_person)


def test_a_moved_value_is_refused_on_load_and_not_laundered_by_rotation(
    app: Flask, logged_in: FormClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _p1, first_case = open_case_through_the_forms(logged_in, "Maja", "Kvist")
    _p2, second_case = open_case_through_the_forms(logged_in, "Olle", "Berg")
    type_into_start_meeting(logged_in, first_case, FIRST)
    type_into_start_meeting(logged_in, second_case, SECOND)
    (_c1, s1), (_c2, s2) = _ids(app, first_case, second_case)
    with app.app_context():
        _write_raw("submissions", "answers", s2, _raw("submissions", "answers", s1))
        db.session.remove()
        with pytest.raises(MovedValue, match=f"submissions.answers of row {s2}"):
            db.session.get(Submission, s2)
        db.session.remove()
        assert FIRST in str(db.session.get(Submission, s1).answers)  # type: ignore[union-attr]
        db.session.remove()
    old = app.extensions["stegvis.keyring"]
    rotated = parse_keys(
        f"fresh:{_key()},{old.primary}:{base64.b64encode(old.keys[old.primary]).decode()}"
    )
    monkeypatch.setitem(app.extensions, "stegvis.keyring", rotated)
    result = app.test_cli_runner().invoke(args=["rotate-key"])
    assert result.exit_code == 0, result.output
    assert '"submissions.answers:damaged": 1' in result.output
    with app.app_context():
        assert key_id_of(_raw("submissions", "answers", s2)) == old.primary  # left as it was
        assert key_id_of(_raw("submissions", "answers", s1)) == "fresh"


def test_values_carry_the_identity_of_their_row(app: Flask, logged_in: FormClient) -> None:
    person_url, case_url = open_case_through_the_forms(logged_in, number=PESEL)
    type_into_start_meeting(logged_in, case_url, FIRST)
    with app.app_context():
        person = db.session.scalars(sa.select(Person)).one()
        case = db.session.scalars(sa.select(Case)).one()
        submission = db.session.scalars(sa.select(Submission)).one()
        assert uuid.UUID(person.uuid)
        for column in ("address", "identity_number", "date_of_birth"):
            header = parse_header(_raw("persons", column, person.id))
            assert (header.version, header.identity) == (2, identity_text([person.uuid]))
        assert parse_header(_raw("cases", "assignment", case.id)).identity == identity_text(
            [case.reference]
        )
        assert parse_header(_raw("submissions", "answers", submission.id)).identity == (
            identity_text([case.id, "start_meeting", 1, submission.version])
        )
        with pytest.raises(sa.exc.StatementError, match="bound to its row") as raised:
            with db.engine.begin() as conn:
                conn.execute(sa.update(Person).values(address="Core write without its row"))
        assert isinstance(raised.value.orig, UnboundValue)
        db.session.remove()


def test_a_model_declares_its_row_identity() -> None:
    """A uuid column is enough; without one (or __row_identity__) configuring fails clearly."""

    class Base(DeclarativeBase):
        pass

    class Note(Base):
        __tablename__ = "notes_example"
        id: Mapped[int] = mapped_column(primary_key=True)
        uuid: Mapped[str] = mapped_column(sa.String(36), default=lambda: str(uuid.uuid4()))
        text: Mapped[str] = mapped_column(EncryptedText("notes_example.text"))

    class Entry(Base):
        __tablename__ = "entries_example"
        __row_identity__ = ("case_id", "day")
        id: Mapped[int] = mapped_column(primary_key=True)
        case_id: Mapped[int]
        day: Mapped[str] = mapped_column(sa.String(10))
        text: Mapped[str] = mapped_column(EncryptedText("entries_example.text"))

    Base.registry.configure()
    assert [c.name for c in row_spec(Note).identity] == ["uuid"]  # type: ignore[union-attr]
    assert [c.name for c in row_spec(Entry).identity] == ["case_id", "day"]  # type: ignore[union-attr]
    Base.registry.dispose()

    class Other(DeclarativeBase):
        pass

    class Loose(Other):
        __tablename__ = "loose_example"
        id: Mapped[int] = mapped_column(primary_key=True)
        text: Mapped[str] = mapped_column(EncryptedText("loose_example.text"))

    with pytest.raises(RowIdentityMissing, match="loose_example has encrypted columns"):
        Other.registry.configure()
    Other.registry.dispose()


# --- identity numbers ------------------------------------------------------------------------


def _pg_dump(app: Flask) -> bytes | None:
    """A plain-text pg_dump of the suite's own _test database, or None on SQLite."""
    with app.app_context():
        url = db.engine.url
        if db.engine.dialect.name != "postgresql":
            return None
    assert (url.database or "").endswith("_test")
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    command = ["pg_dump", "--no-owner", "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432)]
    command += ["-U", url.username or "postgres", url.database or ""]
    done = subprocess.run(  # noqa: S603  (fixed program, the suite's own database)
        command, env=env, capture_output=True, check=True, timeout=120
    )
    return done.stdout


def test_identity_numbers_and_birth_dates_are_nowhere_in_the_stored_data(
    app: Flask, logged_in: FormClient
) -> None:
    open_case_through_the_forms(logged_in, "Zofia", "Nowak", PESEL)
    response = logged_in.post(
        "/persons/new",
        {
            "first_name": "Tolvan",
            "last_name": "Tolvansson",
            "identity_country": "se",
            "identity_number": PERSONNUMMER,
            "preferred_language": "sv",
            "date_of_birth": "",
            "address": "",
            "phone": "",
            "email": "",
        },
    )
    assert response.status_code == 302
    page = logged_in.get(response.headers["Location"]).get_data(as_text=True)
    assert PERSONNUMMER in page  # shown to staff, as before
    with app.app_context():
        numbers = {p.identity_number for p in db.session.scalars(sa.select(Person))}
        assert numbers == {PESEL, "191212121212"}
    stored = sqlite_file_bytes(app) or _pg_dump(app)
    assert stored and b"Tolvansson" in stored  # names stay plain (they are listed)
    for spelling in SPELLINGS:
        assert spelling.encode() not in stored, spelling


def test_search_and_uniqueness_by_identity_number_use_the_blind_index(
    app: Flask, logged_in: FormClient, make_unit: Any, make_user: Any
) -> None:
    person_url, _case = open_case_through_the_forms(logged_in, "Tolvan", "Tolvansson")
    response = logged_in.post(
        person_url + "/edit",
        {
            "first_name": "Tolvan",
            "last_name": "Tolvansson",
            "identity_country": "se",
            "identity_number": "191212121212",
            "preferred_language": "sv",
            "date_of_birth": "",
            "address": "",
            "phone": "",
            "email": "",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    # The same number written another way is refused beside the field, nothing typed lost.
    response = logged_in.post(
        "/persons/new",
        {
            "first_name": "Tvilling",
            "last_name": "Tolvansson",
            "identity_country": "se",
            "identity_number": "121212+1212",
            "preferred_language": "sv",
            "date_of_birth": "",
            "address": "Storgatan 1",
            "phone": "",
            "email": "",
        },
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Tvilling" in page and "Storgatan 1" in page
    with app.app_context():
        persons = db.session.scalars(sa.select(Person)).all()
        assert len(persons) == 1
        person = persons[0]
        assert person.identity_index and person.identity_index.startswith("testing-index-0:")
        for typed in ("19121212-1212", "191212121212", "121212+1212", " 19121212 - 1212 "):
            found = find_persons_by_identity(person.unit_id, typed.replace(" - ", "-"))
            assert [p.id for p in found] == [person.id], typed
        assert find_persons_by_identity(person.unit_id, "121212-1212") == []  # born 2012
        assert find_persons_by_identity(person.unit_id, "") == []
        assert identity_condition("") is None
        other = make_unit()
        assert find_persons_by_identity(other.id, PERSONNUMMER) == []


def test_production_needs_the_index_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("STEGVIS_DATA_KEYS", f"k1:{_key()}")
    monkeypatch.delenv("STEGVIS_INDEX_KEY", raising=False)
    with pytest.raises(ConfigError, match="STEGVIS_INDEX_KEY is not set"):
        create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})
    monkeypatch.setenv("STEGVIS_INDEX_KEY", "i1:not base64!")
    with pytest.raises(ConfigError, match="STEGVIS_INDEX_KEY: the key 'i1' is not valid"):
        create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})


# --- rotation --------------------------------------------------------------------------------


def _persons(app: Flask, count: int) -> None:
    from forms.identity import parse_pesel
    from service.models import Unit

    with app.app_context():
        unit = Unit(
            name="Rotation",
            organisation="Org",
            place="Malmö",
            default_locale="sv",
            methods=["buss"],
        )
        db.session.add(unit)
        db.session.flush()
        numbers = ["44051401458", "02270803624", "85010112345", "90090515836", "65071209862"]
        for n in range(count):
            number = parse_pesel(numbers[n]) if n < len(numbers) else None
            db.session.add(
                Person(
                    unit_id=unit.id,
                    first_name=f"P{n}",
                    last_name="Rot",
                    identity_kind="pesel" if number else None,
                    identity_number=number.number if number else None,
                    date_of_birth=number.birth_date if number else None,
                    preferred_language="sv",
                    address=f"Gatan {n}",
                )
            )
        db.session.commit()


def _rotated_keys(app: Flask, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    old, old_index = app.extensions["stegvis.keyring"], app.extensions["stegvis.index_keys"]

    def entry(ring: Any) -> str:
        return f"{ring.primary}:{base64.b64encode(ring.keys[ring.primary]).decode()}"

    data = parse_keys(f"fresh:{_key()},{entry(old)}")
    index = parse_keys(f"idx2:{_key()},{entry(old_index)}", "STEGVIS_INDEX_KEY")
    monkeypatch.setitem(app.extensions, "stegvis.keyring", data)
    monkeypatch.setitem(app.extensions, "stegvis.index_keys", index)
    return data, index


def test_rotation_streams_in_committed_batches_and_resumes(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.crypto import rotate_keys

    _persons(app, 7)  # 7 persons: 7 addresses, phones, e-mails; 5 numbers and birth dates
    data, index = _rotated_keys(app, monkeypatch)

    class Stop(Exception):
        pass

    def stop_after_two(column: str, changed: int, done: int) -> None:
        if done >= 2:
            raise Stop

    with app.app_context():
        with db.engine.connect() as conn, pytest.raises(Stop):
            rotate_keys(conn, data, batch=2, progress=stop_after_two, commit=True)
        with db.engine.connect() as conn:
            column = conn.execute(sa.text("SELECT identity_number FROM persons")).scalars()
            raw = [bytes(v) for v in column if v is not None]
        # The first column walked is the identity number: its first batch was committed.
        assert [key_id_of(v) for v in raw].count("fresh") == 2

        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", seen)
        try:
            result = app.test_cli_runner().invoke(args=["rotate-key", "--batch-size", "2"])
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", seen)
    assert result.exit_code == 0, result.output
    assert "persons.address: 2 in this batch, 2 so far" in result.output
    counts = result.output.strip().splitlines()[-1]
    assert '"persons.identity_number": 3' in counts  # the two done before are skipped
    assert '"persons.address": 7' in counts and '"persons.date_of_birth": 5' in counts
    assert '"persons.identity_index": 5' in counts
    reads = [
        s for s in statements if s.lstrip().upper().startswith("SELECT") and "persons.address" in s
    ]
    assert len(reads) >= 3 and all("LIMIT" in s.upper() for s in reads)
    with app.app_context():
        with db.engine.connect() as conn:
            for column in ("address", "phone", "email", "identity_number", "date_of_birth"):
                persons = sa.table("persons", sa.column(column))
                values = conn.execute(sa.select(persons.c[column])).scalars().all()
                assert all(key_id_of(bytes(v)) == "fresh" for v in values if v is not None)
            indexes = conn.execute(sa.text("SELECT identity_index FROM persons")).scalars().all()
            assert sorted(i.split(":")[0] for i in indexes if i) == ["idx2"] * 5
    # Only the new keys are needed now; search finds the person under the new index key.
    monkeypatch.setitem(app.extensions, "stegvis.keyring", parse_keys(f"fresh:{_b64(data)}"))
    monkeypatch.setitem(
        app.extensions, "stegvis.index_keys", parse_keys(f"idx2:{_b64(index)}", "X")
    )
    with app.app_context():
        db.session.remove()
        person = db.session.scalars(sa.select(Person).where(Person.first_name == "P0")).one()
        assert person.address == "Gatan 0" and person.identity_number == "44051401458"
        assert [p.id for p in find_persons_by_identity(person.unit_id, "44051401458")] == [
            person.id
        ]
        db.session.remove()
    # A second run finds nothing left to do.
    again = app.test_cli_runner().invoke(args=["rotate-key"])
    assert '"persons.address": 0' in again.output and '"persons.identity_index": 0' in again.output


def _b64(ring: Any) -> str:
    return base64.b64encode(ring.keys[ring.primary]).decode()
