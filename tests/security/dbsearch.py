"""Searching everything stored — every column of every table, as stored — for a string."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from service.extensions import db


def stored_text(value: object) -> str:
    """A stored value as searchable text (bytes as UTF-8, ignoring what is not)."""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "ignore")
    return str(value)


def rows_containing(app: Flask, needle: str) -> list[str]:
    """``table.column`` of every stored value containing ``needle`` (raw, no decryption)."""
    found = []
    with app.app_context():
        db.session.remove()
        with db.engine.connect() as conn:
            metadata = sa.MetaData()
            metadata.reflect(conn)
            for table in metadata.sorted_tables:
                for row in conn.execute(sa.select(table)).mappings():
                    for column, value in row.items():
                        if value is not None and needle in stored_text(value):
                            found.append(f"{table.name}.{column}")
    return found


def sqlite_file_bytes(app: Flask) -> bytes | None:
    """The SQLite database file after a WAL checkpoint, or None on another database."""
    with app.app_context():
        db.session.remove()
        if db.engine.dialect.name != "sqlite":
            return None
        db.engine.dispose()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        path = Path(db.engine.url.database or "")
        wal = path.with_name(path.name + "-wal")
        content = path.read_bytes()
        if wal.exists():
            content += wal.read_bytes()
        return content
