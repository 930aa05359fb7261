"""Alembic environment: runs against the engine handed in by service.migrate."""

from __future__ import annotations

from alembic import context

from service import models  # noqa: F401  (registers every table on the metadata)
from service.db import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # SQLite alters a table by copying it (batch mode); with foreign keys enforced, dropping
        # the old copy of a table other rows point at fails. They are switched off for the run
        # (a pragma that only takes effect outside a transaction) and checked before the commit.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    try:
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"{len(broken)} foreign keys broken by the migration")
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
