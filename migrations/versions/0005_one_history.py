"""One history: 0003 and 0004 were written on two branches; this revision joins them.

Revision ID: 0005
Revises: 0003, 0004
Create Date: 2026-12-01 21:00:00

A merge revision rather than rewritten ``down_revision``s, so that a database already at the
two heads (every installation so far) upgrades without manual steps. Every later migration
revises the one before it; ``tests/test_migrations.py`` fails on a second head.
"""

from __future__ import annotations

revision = "0005"
down_revision = ("0003", "0004")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the two branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
