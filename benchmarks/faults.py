"""Faults: a worker killed mid-save, the database stopped under load: nothing acknowledged lost.

    .venv/bin/python benchmarks/faults.py                     # both parts
    .venv/bin/python benchmarks/faults.py --part kill --database-url postgresql+psycopg://postgres@127.0.0.1/stegvis_bench

``kill``: 20 clients save and finalise (benchmarks/writers.py) on ``gunicorn -w 2`` while a
gunicorn worker is killed with SIGKILL every two seconds (the master starts a new one; the next
kill waits until the clients are answered again). A save cut off by the kill is not
acknowledged; afterwards every acknowledged write must be readable, the versions numbered without
a gap, no version half-written, and (on SQLite) the file passes
``PRAGMA integrity_check`` and ``foreign_key_check``. SQLite by default, or ``--database-url``.

``outage``: a private PostgreSQL cluster started by this script (``initdb`` in a temporary
folder, its own port; as the ``postgres`` user when run as root). The clients save for a while,
the cluster is stopped (``pg_ctl stop -m immediate``, as a crash) for ``--outage`` seconds and
started again. Users must get the translated 503 page while it is down, the service must save
again without a restart, and nothing acknowledged may be lost. Prints the number of 503s and
the seconds from the restart to the first acknowledged save.

Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import pwd
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.harness import (  # noqa: E402
    Server,
    app_env,
    free_port,
    load_average,
    login,
    scratch_url,
)
from benchmarks.load import DEMO_LOGIN, prepare  # noqa: E402
from benchmarks.writers import (  # noqa: E402
    Check,
    Client,
    Writes,
    check_read_back,
    open_case,
    percentile,
    run_clients,
)

#: What the Swedish 503 page says (the clients ask in Swedish).
UNAVAILABLE_SV = "Tjänsten är tillfälligt otillgänglig"


def report(check: Check, cases: list[Writes]) -> list[str]:
    """Print the read-back and return what failed."""
    errors = sum(w.errors for w in cases)
    print(
        f"read back: {check.acknowledged:,} acknowledged writes, {len(check.lost)} lost, "
        f"{len(check.gaps)} cases with gaps in the versions, "
        f"{len(check.half_written)} half-written versions; server errors other than 503: {errors}"
    )
    failed = [*check.lost, *check.gaps, *check.half_written]
    if errors:
        failed.append(f"{errors} server errors")
    for line in failed[:10]:
        print("  ", line)
    return failed


def workers_of(server: Server) -> list[int]:
    assert server.process is not None
    pid = server.process.pid
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def kill_part(database_url: str | None, clients: int, seconds: float) -> list[str]:
    print("\n## A worker killed with SIGKILL during saves")
    with tempfile.TemporaryDirectory(prefix="stegvis-faults-") as tmp:
        url = scratch_url(database_url, Path(tmp), fresh=True)
        env = app_env(url)
        prepare(env)
        with Server("service:create_app()", env) as app:
            cookie = login(app.port, *DEMO_LOGIN)
            setup = Client(app.port, cookie)
            cases = [Writes(*open_case(setup, n)) for n in range(clients)]
            kills = 0
            stop = threading.Event()

            def answered() -> int:
                return sum(len(w.latencies) for w in cases)

            def killer() -> None:
                # Every two seconds, once the clients have been answered again since the last
                # kill (on a slow machine a new worker takes longer than that to start).
                nonlocal kills
                rng = random.Random(7)
                since = answered()
                while not stop.wait(2.0):
                    workers = workers_of(app)
                    if workers and answered() - since >= clients // 2:
                        os.kill(rng.choice(workers), signal.SIGKILL)
                        kills += 1
                        since = answered()

            thread = threading.Thread(target=killer)
            thread.start()
            run_clients(app.port, cookie, cases, seconds)
            stop.set()
            thread.join()
            time.sleep(2)  # the master replaces the last killed worker
            check = check_read_back(setup, cases)
        cut = sum(w.refused for w in cases)
        saves = sum(len(w.latencies) for w in cases)
        print(
            f"{clients} clients for {seconds:.0f} s, {kills} workers killed: {saves:,} answered "
            f"saves, {cut} cut off (not acknowledged)"
        )
        failed = report(check, cases)
        if url.startswith("sqlite"):
            path = url.removeprefix("sqlite:///")
            with sqlite3.connect(path) as connection:
                integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
                foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
            print(f"SQLite integrity_check: {integrity}; foreign_key_check: {len(foreign)} rows")
            if integrity != "ok" or foreign:
                failed.append("SQLite file damaged")
        return failed


class Cluster:
    """A private PostgreSQL cluster in ``directory`` on its own port."""

    def __init__(self, directory: Path) -> None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not found and not shutil.which("initdb"):
            sys.exit("PostgreSQL's initdb is missing (Debian package postgresql)")
        self.bin = found[-1].parent if found else Path(shutil.which("initdb") or "").parent
        self.data = directory / "pgdata"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:  # initdb refuses root: the cluster belongs to the postgres user
            user = pwd.getpwnam("postgres")
            os.chown(directory, user.pw_uid, user.pw_gid)

    def run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)

    def initdb(self) -> None:
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        log = str(self.data / "server.log")
        self.run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def createdb(self, name: str) -> str:
        self.run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            name,
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


def outage_part(clients: int, seconds: float, outage: float) -> list[str]:
    print("\n## The database stopped during load (a private PostgreSQL cluster)")
    with tempfile.TemporaryDirectory(prefix="stegvis-outage-") as tmp:
        cluster = Cluster(Path(tmp))
        cluster.initdb()
        cluster.start()
        try:
            env = app_env(cluster.createdb("stegvis_faults_bench"))
            prepare(env)
            with Server("service:create_app()", env) as app:
                cookie = login(app.port, *DEMO_LOGIN)
                setup = Client(app.port, cookie)
                cases = [Writes(*open_case(setup, n)) for n in range(clients)]
                timeline: dict[str, float] = {}

                def crash_and_return() -> None:
                    time.sleep(seconds / 3)
                    cluster.stop("immediate")
                    timeline["stopped"] = time.monotonic()
                    time.sleep(outage)
                    cluster.start()
                    timeline["started"] = time.monotonic()

                thread = threading.Thread(target=crash_and_return)
                thread.start()
                run_clients(app.port, cookie, cases, seconds + outage)
                thread.join()
                check = check_read_back(setup, cases)
        finally:
            cluster.stop("fast")
    unavailable = sum(w.unavailable for w in cases)
    pages = [w.unavailable_page.decode("utf-8", "replace") for w in cases if w.unavailable_page]
    translated = bool(pages) and all(UNAVAILABLE_SV in page for page in pages)
    answered = sum(len(w.latencies) for w in cases)
    print(
        f"{clients} clients for {seconds + outage:.0f} s, the database down for {outage:.0f} s: "
        f"{answered:,} answered saves, {unavailable} answered 503 "
        f"({'the translated page' if translated else 'NOT the translated page'}), "
        f"{sum(w.refused for w in cases)} connection errors"
    )
    failed = report(check, cases)
    if not unavailable:
        failed.append("no 503 while the database was down")
    elif not translated:
        failed.append("the 503 page is not the translated one")
    started = timeline.get("started", float("inf"))
    after = [t for w in cases for t in w.acknowledged_at if t > started]
    if after:
        print(f"first acknowledged save {min(after) - started:.1f} s after the database returned")
    else:
        failed.append("nothing saved after the database returned")
    latencies = [s for w in cases for s in w.latencies]
    print(f"latency p99 over the run: {1000 * percentile(latencies, 0.99):.0f} ms")
    return failed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["kill", "outage", "both"], default="both")
    parser.add_argument("--database-url", help="for the kill part: a *_test/*_bench database")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--outage", type=float, default=10, help="seconds the database is down")
    args = parser.parse_args()
    print(f"load average before: {load_average()}")
    failed: list[str] = []
    if args.part in ("kill", "both"):
        failed += kill_part(args.database_url, args.clients, args.seconds)
    if args.part in ("outage", "both"):
        failed += outage_part(args.clients, args.seconds, args.outage)
    print(f"\nload average after: {load_average()}")
    print("FAILED: " + "; ".join(failed[:5]) if failed else "every check passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
