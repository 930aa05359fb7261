"""The test suite never touches a database that is not a throw-away test database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: A small module that uses the ``app`` fixture, so the suite's schema set-up really runs.
PROBE = "tests/test_identity.py"


def _run_pytest(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TEST_DATABASE_URL"}}
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", PROBE],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_test_database_url_without_the_test_suffix_is_refused() -> None:
    result = _run_pytest(
        {"TEST_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/stegvis"}
    )
    assert result.returncode != 0
    assert "only run on a database whose name ends in '_test'" in result.stdout + result.stderr
    assert " passed" not in result.stdout


def test_the_production_variable_is_never_used_by_the_suite(tmp_path: Path) -> None:
    """DATABASE_URL (what production reads) pointing at a real database leaves it untouched."""
    real = tmp_path / "stegvis.sqlite3"
    with sqlite3.connect(real) as conn:
        conn.execute("CREATE TABLE precious (note TEXT)")
        conn.execute("INSERT INTO precious VALUES ('kept')")
    before = real.read_bytes()
    result = _run_pytest({"DATABASE_URL": f"sqlite:///{real}"})
    assert result.returncode == 0, result.stdout[-2000:]
    assert real.read_bytes() == before
    with sqlite3.connect(real) as conn:
        assert conn.execute("SELECT note FROM precious").fetchall() == [("kept",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "alembic_version" not in tables
