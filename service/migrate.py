"""Running the Alembic migrations in migrations/ against the app's database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from service.extensions import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    """An Alembic config bound to the current app's engine (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = db.engine
    return config


def upgrade(revision: str = "head") -> None:
    """Bring the schema up to ``revision`` (the one head: a second head is an error)."""
    command.upgrade(alembic_config(), revision)


def refresh_statistics() -> None:
    """Let the database's planner know the tables' sizes again (``ANALYZE``).

    The list queries start from whichever index the planner believes the most selective;
    without statistics SQLite guesses, and a search for one identity number may walk a whole
    unit's cases instead of finding the person first. PostgreSQL's autovacuum keeps its own
    statistics; running it there too does no harm.
    """
    with db.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
