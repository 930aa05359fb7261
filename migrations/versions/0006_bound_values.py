"""Row-bound encryption: every encrypted value is re-encrypted bound to its row (format 2);
persons get a random ``uuid``, and their identity number and birth date are encrypted with a
keyed blind index (``identity_index``) for uniqueness and search.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:45:00

Needs the app's keys (``STEGVIS_DATA_KEYS``, ``STEGVIS_INDEX_KEY``): runs through
``service.migrate.upgrade()`` inside the app context. The tables and their row identities are
written out here (not read from the models) so that the migration keeps meaning what it means
when the models change. Rows are handled in batches in id order.

SQLite cannot drop a column named in a CHECK or UNIQUE constraint, so ``persons`` is rebuilt
there, with foreign keys switched off for the rebuild (SQLite would otherwise refuse to drop a
table other rows refer to); ``PRAGMA foreign_key_check`` must come back empty before commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 200

#: table → (identity columns, encrypted columns) as of this revision (persons: see below).
BOUND: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cases": (("reference",), ("assignment",)),
    "submissions": (("case_id", "step", "instance", "version"), ("answers",)),
    "step_drafts": (("case_id", "step", "instance"), ("formdata",)),
    "documents": (("number", "version"), ("content", "context")),
    "document_signatures": (("document_id",), ("content",)),
}
PERSON_TEXT = ("address", "phone", "email")

PERSONS_COLUMNS = (
    "id, unit_id, first_name, last_name, identity_kind, preferred_language, "
    "created_at, created_by_id, erased_at"
)
PERSONS_CONSTRAINTS = """
    CONSTRAINT pk_persons PRIMARY KEY (id),
    CONSTRAINT ck_persons_identity_kind CHECK (identity_kind IS NULL OR identity_kind IN
        ('personnummer', 'samordningsnummer', 'pesel', 'reserve')),
    CONSTRAINT ck_persons_language CHECK (preferred_language IN ('sv', 'pl', 'en')),
    CONSTRAINT ck_persons_identity_pair CHECK ((identity_kind IS NULL) = (identity_number IS NULL)),
    CONSTRAINT fk_persons_created_by_id_users FOREIGN KEY(created_by_id) REFERENCES users (id),
    CONSTRAINT fk_persons_unit_id_units FOREIGN KEY(unit_id) REFERENCES units (id),
"""
PERSONS_NEW = f"""
CREATE TABLE persons_new (
    id INTEGER NOT NULL,
    uuid VARCHAR(36) NOT NULL,
    unit_id INTEGER NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    identity_kind VARCHAR(20),
    identity_number BLOB,
    identity_index VARCHAR(120),
    date_of_birth BLOB,
    preferred_language VARCHAR(5) NOT NULL,
    address BLOB NOT NULL DEFAULT X'',
    phone BLOB NOT NULL DEFAULT X'',
    email BLOB NOT NULL DEFAULT X'',
    created_at DATETIME NOT NULL,
    created_by_id INTEGER,
    erased_at DATETIME,
    {PERSONS_CONSTRAINTS}
    CONSTRAINT ck_persons_identity_index_pair
        CHECK ((identity_number IS NULL) = (identity_index IS NULL)),
    CONSTRAINT uq_persons_unit_identity UNIQUE (unit_id, identity_index)
)
"""
PERSONS_OLD = f"""
CREATE TABLE persons_new (
    id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    identity_kind VARCHAR(20),
    identity_number VARCHAR(20),
    date_of_birth DATE,
    preferred_language VARCHAR(5) NOT NULL,
    created_at DATETIME NOT NULL,
    created_by_id INTEGER,
    erased_at DATETIME,
    address BLOB NOT NULL DEFAULT X'',
    phone BLOB NOT NULL DEFAULT X'',
    email BLOB NOT NULL DEFAULT X'',
    {PERSONS_CONSTRAINTS}
    CONSTRAINT uq_persons_unit_identity UNIQUE (unit_id, identity_number)
)
"""


def _keys() -> tuple[Any, Any]:
    from service.crypto import current_index_keys, current_keyring

    return current_keyring(), current_index_keys()


def _identity(values: list[Any]) -> str:
    from service.crypto import identity_text

    return identity_text(values)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes | memoryview) else str(value)


def _rows(conn: sa.Connection, table: str, columns: list[str]) -> Iterator[list[Any]]:
    """The rows of ``table`` in id order, ``BATCH`` at a time."""
    source = sa.table(table, *(sa.column(c) for c in columns))  # raw values, no conversion
    key = sa.column("id", sa.Integer)
    last = 0
    while True:
        rows = (
            conn.execute(
                sa.select(key, *source.c)
                .select_from(source)
                .where(key > last)
                .order_by(key)
                .limit(BATCH)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        yield list(rows)
        last = rows[-1]["id"]


def _reseal(
    table: str,
    identity: tuple[str, ...],
    columns: tuple[str, ...],
    change: Callable[[bytes, str, str], bytes],
) -> None:
    """Rewrite every value of ``columns`` through ``change(stored, purpose, row identity)``."""
    conn = op.get_bind()
    target = sa.table(table, sa.column("id"), *(sa.column(c, sa.LargeBinary) for c in columns))
    for rows in _rows(conn, table, [*identity, *columns]):
        for row in rows:
            row_identity = _identity([_text(row[c]) for c in identity])
            values = {
                c: change(bytes(row[c]), f"{table}.{c}", row_identity)
                for c in columns
                if row[c] is not None
            }
            if values:
                conn.execute(sa.update(target).where(target.c.id == row["id"]).values(**values))


def _bind(stored: bytes, purpose: str, identity: str) -> bytes:
    keyring, _index = _keys()
    return keyring.encrypt(keyring.decrypt_legacy(stored, purpose), purpose, identity)


def _unbind(stored: bytes, purpose: str, identity: str) -> bytes:
    keyring, _index = _keys()
    return keyring.encrypt_legacy(keyring.decrypt(stored, purpose, identity), purpose)


def _new_person(row: Any) -> dict[str, Any]:
    """The row of the new ``persons`` for a row of the old one."""
    from service.crypto import blind_index

    keyring, index_keys = _keys()
    person_uuid = str(uuid.uuid4())
    identity = _identity([person_uuid])
    values: dict[str, Any] = {"uuid": person_uuid, "identity_index": None}
    number, born = row["identity_number"], row["date_of_birth"]
    values["identity_number"] = None
    if number is not None:
        number = _text(number)
        values["identity_number"] = keyring.encrypt(
            number.encode(), "persons.identity_number", identity
        )
        values["identity_index"] = blind_index(number, index_keys)
    values["date_of_birth"] = None
    if born is not None:
        values["date_of_birth"] = keyring.encrypt(
            _text(born)[:10].encode(), "persons.date_of_birth", identity
        )
    for name in PERSON_TEXT:
        values[name] = _bind(bytes(row[name]), f"persons.{name}", identity)
    return values


def _old_person(row: Any) -> dict[str, Any]:
    """The row of the old ``persons`` for a row of the new one (downgrade)."""
    keyring, _index = _keys()
    identity = _identity([_text(row["uuid"])])
    values: dict[str, Any] = {}
    for name in ("identity_number", "date_of_birth"):
        stored = row[name]
        values[name] = (
            None
            if stored is None
            else keyring.decrypt(bytes(stored), f"persons.{name}", identity).decode()
        )
    for name in PERSON_TEXT:
        values[name] = _unbind(bytes(row[name]), f"persons.{name}", identity)
    return values


def _rebuild_sqlite_persons(create: str, read: list[str], convert: Any, indexes: list[str]) -> None:
    """Copy ``persons`` into a table made by ``create`` through ``convert``, then swap."""
    with op.get_context().autocommit_block():
        conn = op.get_bind()
        enforced = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            conn.exec_driver_sql("BEGIN")
            conn.exec_driver_sql(create)
            plain = [c.strip() for c in PERSONS_COLUMNS.split(",")]
            written: list[str] | None = None
            for rows in _rows(conn, "persons", [c for c in plain if c != "id"] + read):
                for row in rows:
                    values = {c: row[c] for c in plain}
                    values.update(convert(row))
                    if written is None:
                        written = list(values)
                    target = sa.table("persons_new", *(sa.column(c) for c in written))
                    conn.execute(sa.insert(target).values(**values))
            conn.exec_driver_sql("DROP TABLE persons")
            conn.exec_driver_sql("ALTER TABLE persons_new RENAME TO persons")
            for statement in indexes:
                conn.exec_driver_sql(statement)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise RuntimeError(f"persons: {len(broken)} foreign keys broken by the copy")
            conn.exec_driver_sql("COMMIT")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        finally:
            conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")


def _persons_in_place(read: list[str], convert: Any, names: list[str]) -> None:
    """PostgreSQL: rewrite ``names`` of every person through ``convert``."""
    conn = op.get_bind()
    target = sa.table("persons", sa.column("id"), *(sa.column(c) for c in names))
    for rows in _rows(conn, "persons", read):
        for row in rows:
            conn.execute(sa.update(target).where(target.c.id == row["id"]).values(convert(row)))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    read = ["identity_number", "date_of_birth", *PERSON_TEXT]
    if sqlite:
        _rebuild_sqlite_persons(
            PERSONS_NEW,
            read,
            _new_person,
            [
                "CREATE INDEX ix_persons_unit_id ON persons (unit_id)",
                "CREATE UNIQUE INDEX ix_persons_uuid ON persons (uuid)",
            ],
        )
    else:
        op.drop_constraint(op.f("uq_persons_unit_identity"), "persons", type_="unique")
        op.drop_constraint(op.f("ck_persons_identity_pair"), "persons", type_="check")
        op.add_column("persons", sa.Column("uuid", sa.String(36), nullable=True))
        op.add_column("persons", sa.Column("identity_index", sa.String(120), nullable=True))
        op.execute(
            "ALTER TABLE persons ALTER COLUMN identity_number TYPE bytea "
            "USING convert_to(identity_number, 'UTF8')"
        )
        op.execute(
            "ALTER TABLE persons ALTER COLUMN date_of_birth TYPE bytea "
            "USING convert_to(to_char(date_of_birth, 'YYYY-MM-DD'), 'UTF8')"
        )
        _persons_in_place(
            read,
            _new_person,
            ["uuid", "identity_index", "identity_number", "date_of_birth", *PERSON_TEXT],
        )
        op.alter_column("persons", "uuid", existing_type=sa.String(36), nullable=False)
        op.create_index(op.f("ix_persons_uuid"), "persons", ["uuid"], unique=True)
        op.create_unique_constraint(
            op.f("uq_persons_unit_identity"), "persons", ["unit_id", "identity_index"]
        )
        op.create_check_constraint(
            op.f("ck_persons_identity_pair"),
            "persons",
            "(identity_kind IS NULL) = (identity_number IS NULL)",
        )
        op.create_check_constraint(
            op.f("ck_persons_identity_index_pair"),
            "persons",
            "(identity_number IS NULL) = (identity_index IS NULL)",
        )
    for table, (identity, columns) in BOUND.items():
        _reseal(table, identity, columns, _bind)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (identity, columns) in BOUND.items():
        _reseal(table, identity, columns, _unbind)
    read = ["uuid", "identity_number", "date_of_birth", *PERSON_TEXT]
    if sqlite:
        _rebuild_sqlite_persons(
            PERSONS_OLD, read, _old_person, ["CREATE INDEX ix_persons_unit_id ON persons (unit_id)"]
        )
        return
    op.drop_constraint(op.f("ck_persons_identity_index_pair"), "persons", type_="check")
    op.drop_constraint(op.f("ck_persons_identity_pair"), "persons", type_="check")
    op.drop_constraint(op.f("uq_persons_unit_identity"), "persons", type_="unique")
    op.drop_index(op.f("ix_persons_uuid"), "persons")
    op.add_column("persons", sa.Column("identity_number_plain", sa.String(20), nullable=True))
    op.add_column("persons", sa.Column("date_of_birth_plain", sa.Date(), nullable=True))

    def plain(row: Any) -> dict[str, Any]:
        values = _old_person(row)
        values["identity_number_plain"] = values.pop("identity_number")
        values["date_of_birth_plain"] = values.pop("date_of_birth")
        return values

    _persons_in_place(read, plain, ["identity_number_plain", "date_of_birth_plain", *PERSON_TEXT])
    for name in ("identity_number", "date_of_birth"):
        op.drop_column("persons", name)
        op.alter_column("persons", f"{name}_plain", new_column_name=name)
    op.drop_column("persons", "identity_index")
    op.drop_column("persons", "uuid")
    op.create_unique_constraint(
        op.f("uq_persons_unit_identity"), "persons", ["unit_id", "identity_number"]
    )
    op.create_check_constraint(
        op.f("ck_persons_identity_pair"),
        "persons",
        "(identity_kind IS NULL) = (identity_number IS NULL)",
    )
