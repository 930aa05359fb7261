"""The database: one SQLAlchemy engine and scoped session per application.

A thin wrapper rather than Flask-SQLAlchemy keeps the models plain SQLAlchemy 2 (typed
``Mapped`` columns) and lets Alembic, the CLI and the tests share exactly one engine setup.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model; constraint names are stable for Alembic."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


#: Seconds to wait for a PostgreSQL connection before the request fails as unreachable.
CONNECT_TIMEOUT_SECONDS = 5


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, enforced foreign keys, and a wait instead of 'locked'."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Erased and purged data is overwritten in the file, not merely marked free.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``; SQLite gets WAL and foreign keys on every connection.

    ``hide_parameters`` keeps the values of a failed statement (personal data) out of every
    error message and so out of logs and tracebacks.
    """
    sqlite = url.startswith("sqlite")
    connect_args: dict[str, Any] = {}
    if url.startswith("postgresql") and "connect_timeout" not in url:
        # A database host that does not answer gives the 503 page in seconds, not minutes.
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    engine = sa.create_engine(
        url,
        future=True,
        pool_pre_ping=not sqlite,
        hide_parameters=True,
        connect_args=connect_args,
    )
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _configure_sqlite)
    return engine


def _roll_back_a_failure(session: Session, exc: BaseException | None) -> None:
    """Roll back after an exception or a failed flush, before the session is closed.

    A successful context is only closed (a rollback would expire the objects it loaded, which
    callers may still read); its connection is reset when it goes back to the pool.
    """
    transaction = session.get_transaction()
    if exc is None and (transaction is None or transaction.is_active):
        return
    try:
        session.rollback()
    except sa.exc.SQLAlchemyError:
        pass  # the connection is gone; closing releases it all the same


class Database:
    """Holds the engine and session of the current app (``db.session`` inside a context)."""

    def init_app(self, app: Flask) -> None:
        """Bind an engine for ``DATABASE_URL`` and remove the session after each request."""
        engine = make_engine(app.config["DATABASE_URL"])
        factory = sessionmaker(bind=engine, expire_on_commit=False)
        app.extensions["stegvis.db"] = {"engine": engine, "session": scoped_session(factory)}

        @app.teardown_appcontext
        def _remove_session(exc: BaseException | None) -> None:
            registry = app.extensions["stegvis.db"]["session"]
            try:
                if registry.registry.has():
                    _roll_back_a_failure(registry(), exc)
            finally:
                registry.remove()

    @property
    def engine(self) -> Engine:
        """The current application's engine."""
        return current_app.extensions["stegvis.db"]["engine"]  # type: ignore[no-any-return]

    @property
    def session(self) -> Session:
        """The current application's session (one per thread, removed after each request)."""
        return current_app.extensions["stegvis.db"]["session"]  # type: ignore[no-any-return]

    def create_all(self) -> None:
        """Create every table (tests and throw-away databases; real ones use Alembic)."""
        Base.metadata.create_all(self.engine)
