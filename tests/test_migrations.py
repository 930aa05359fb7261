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
        # the schema as those installations have it: every later revision undone
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
