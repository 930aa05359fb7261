"""Memory of `stegvis rotate-key` on 100,000 encrypted values, printed in one run.

Makes a SQLite database with persons whose address, phone and e-mail are encrypted under an
"old" key (``--values`` values in all, default 100,000), then re-encrypts them under a new key
in a fresh process per measurement:

* ``streamed``: the service's ``rotate_keys`` (keyset batches of ``--batch`` rows, a commit
  per batch), as `stegvis rotate-key` runs it;
* ``all at once``: the former way (every row of a column read with ``.all()``, one commit).

For each: seconds, the resident set size before the rotation and its peak during it (sampled
every 5 ms) and their difference, and, in a second run, the peak of Python allocations
(``tracemalloc``).

    .venv/bin/python benchmarks/rotate_memory.py [--values 100000] [--batch 500]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

OLD = "old:" + base64.b64encode(b"o" * 32).decode()
NEW = "new:" + base64.b64encode(b"n" * 32).decode()
COLUMNS = ("address", "phone", "email")


def _app(database: Path, keys: str) -> Any:
    os.environ["STEGVIS_DATA_KEYS"] = keys
    from service import create_app

    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{database}"})


def make_database(database: Path, values: int) -> None:
    """A migrated database holding ``values`` encrypted values (three per person)."""
    from service.crypto import current_keyring, identity_text
    from service.extensions import db
    from service.migrate import upgrade
    from service.models import Unit

    app = _app(database, OLD)
    with app.app_context():
        upgrade()
        keyring = current_keyring()
        unit = Unit(name="Bench", organisation="Org", place="Malmö", methods=["buss"])
        db.session.add(unit)
        db.session.commit()
        persons = sa.table(
            "persons",
            *(sa.column(c) for c in ("uuid", "unit_id", "first_name", "last_name")),
            *(sa.column(c) for c in ("preferred_language", "created_at")),
            *(sa.column(c, sa.LargeBinary) for c in COLUMNS),
        )
        count = -(-values // len(COLUMNS))
        rows: list[dict[str, Any]] = []
        with db.engine.begin() as conn:
            for n in range(count):
                person_uuid = str(uuid.uuid4())
                identity = identity_text([person_uuid])
                text = {
                    "address": f"Storgatan {n}, 211 22 Malmö, trappa 3, c/o Lindqvist",
                    "phone": f"070-{n:07d}",
                    "email": f"person{n}@example.org",
                }
                row: dict[str, Any] = {
                    "uuid": person_uuid,
                    "unit_id": unit.id,
                    "first_name": f"P{n}",
                    "last_name": "Bench",
                    "preferred_language": "sv",
                    "created_at": "2026-12-02 00:00:00.000000",
                }
                for column in COLUMNS:
                    row[column] = keyring.encrypt(
                        text[column].encode(), f"persons.{column}", identity
                    )
                rows.append(row)
                if len(rows) == 5000:
                    conn.execute(sa.insert(persons), rows)
                    rows = []
            if rows:
                conn.execute(sa.insert(persons), rows)
        with db.engine.connect() as conn:  # everything into the main file (it is copied)
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.engine.dispose()


def all_at_once(connection: sa.Connection, keyring: Any) -> int:
    """The former rotation: every row of a column in memory, then one update per row."""
    from service.crypto import key_id_of, row_specs

    changed = 0
    for spec in row_specs():
        key = spec.key
        for column in spec.encrypted:
            purpose = column.type.purpose  # type: ignore[attr-defined]
            raw = sa.type_coerce(column, sa.LargeBinary).label("raw")
            rows = connection.execute(
                sa.select(key, *spec.identity, raw).where(column.is_not(None))
            ).all()
            for row in rows:
                stored = bytes(row.raw)
                if key_id_of(stored) == keyring.primary:
                    continue
                identity = spec.identity_of(row)
                fresh = keyring.encrypt(
                    keyring.decrypt(stored, purpose, identity), purpose, identity
                )
                connection.execute(
                    sa.update(spec.table)
                    .where(key == row._mapping[key.name])
                    .values({column.name: sa.type_coerce(fresh, sa.LargeBinary)})
                )
                changed += 1
    connection.commit()
    return changed


def current_rss() -> int:
    """Resident set size of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class RssSampler(threading.Thread):
    """The highest current RSS seen, sampled every 5 ms (``ru_maxrss`` only ever rises, so
    the start-up peak would hide the rotation's)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = current_rss()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.005):
            self.peak = max(self.peak, current_rss())


def child(database: Path, mode: str, batch: int, trace: bool) -> None:
    """One rotation in this process; prints its figures as JSON."""
    from service.crypto import current_keyring, rotate_keys
    from service.extensions import db

    app = _app(database, f"{NEW},{OLD}")
    with app.app_context():
        keyring = current_keyring()
        with db.engine.connect() as conn:  # warm up: imports, pool, statement caches
            conn.execute(sa.text("SELECT count(*) FROM persons")).scalar()
        import gc

        gc.collect()
        before = current_rss()
        sampler = RssSampler()
        sampler.start()
        if trace:
            tracemalloc.start()
        start = time.perf_counter()
        with db.engine.connect() as conn:
            if mode == "streamed":
                counts = rotate_keys(conn, keyring, batch=batch, commit=True)
                changed = sum(v for k, v in counts.items() if not k.endswith(":damaged"))
            else:
                changed = all_at_once(conn, keyring)
        seconds = time.perf_counter() - start
        peak_python = tracemalloc.get_traced_memory()[1] if trace else 0
        sampler.stopped.set()
        sampler.join()
        peak = max(sampler.peak, current_rss())
    print(
        json.dumps(
            {
                "changed": changed,
                "seconds": seconds,
                "rss_before_mb": before / 2**20,
                "rss_peak_mb": peak / 2**20,
                "rss_growth_mb": (peak - before) / 2**20,
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "python_peak_mb": peak_python / 2**20,
            }
        )
    )


def measure(source: Path, work: Path, mode: str, batch: int, trace: bool) -> dict[str, Any]:
    """Run one rotation on a fresh copy of ``source`` in a new process."""
    database = work / f"{mode.replace(' ', '_')}-{int(trace)}.sqlite3"
    shutil.copyfile(source, database)
    command = [sys.executable, __file__, "--child", mode, "--db", str(database)]
    command += ["--batch", str(batch)] + (["--trace"] if trace else [])
    done = subprocess.run(  # noqa: S603  (this script, fixed arguments)
        command, capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--values", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--child", choices=["streamed", "all at once"])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.db, args.child, args.batch, args.trace)
        return
    with tempfile.TemporaryDirectory(prefix="stegvis-rotate-") as tmp:
        work = Path(tmp)
        source = work / "source.sqlite3"
        start = time.perf_counter()
        make_database(source, args.values)
        print(
            f"{args.values:,} encrypted values in {source.stat().st_size / 2**20:.1f} MB of SQLite "
            f"(made in {time.perf_counter() - start:.1f} s); batch {args.batch}"
        )
        print(
            f"{'':14}{'changed':>9}{'seconds':>9}{'RSS before':>12}{'RSS peak':>11}"
            f"{'growth':>10}{'Python peak':>13}"
        )
        for mode in ("streamed", "all at once"):
            plain = measure(source, work, mode, args.batch, trace=False)
            traced = measure(source, work, mode, args.batch, trace=True)
            print(
                f"{mode:14}{plain['changed']:>9,}{plain['seconds']:>9.1f}"
                f"{plain['rss_before_mb']:>9.1f} MB{plain['rss_peak_mb']:>8.1f} MB"
                f"{plain['rss_growth_mb']:>7.1f} MB{traced['python_peak_mb']:>10.1f} MB"
            )


if __name__ == "__main__":
    main()
