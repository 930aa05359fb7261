"""Acknowledged writes are never lost: 50 clients saving for 60 s, then every write read back.

    .venv/bin/python benchmarks/writes.py                     # SQLite, a scratch file
    .venv/bin/python benchmarks/writes.py --database-url postgresql+psycopg://postgres@127.0.0.1/stegvis_bench

Loads the demo into a scratch database, serves it with ``gunicorn -w 2``, opens one case per
client through the forms and lets the clients save drafts and finalise the start meeting at
once (see benchmarks/writers.py). Prints saves per second, the latency percentiles, server
errors and the read-back: acknowledged writes, lost writes gaps in the version numbers and
half-written versions — each of the last four must be 0. Exits 1 when one is not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.harness import Server, app_env, load_average, login, scratch_url  # noqa: E402
from benchmarks.load import DEMO_LOGIN, prepare  # noqa: E402
from benchmarks.writers import (  # noqa: E402
    Client,
    Writes,
    check_read_back,
    open_case,
    percentile,
    run_clients,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="a scratch database (*_test or *_bench)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stegvis-writes-") as tmp:
        url = scratch_url(args.database_url, Path(tmp), fresh=True)
        env = app_env(url)
        prepare(env)
        print(f"database: {url.split('@')[-1]}; load average before: {load_average()}")
        with Server("service:create_app()", env) as app:
            cookie = login(app.port, *DEMO_LOGIN)
            setup = Client(app.port, cookie)
            cases = [Writes(*open_case(setup, n)) for n in range(args.clients)]
            started = time.monotonic()
            run_clients(app.port, cookie, cases, args.seconds)
            elapsed = time.monotonic() - started
            check = check_read_back(setup, cases)
        latencies = [s for w in cases for s in w.latencies]
        errors = sum(w.errors for w in cases)
        finalised = sum(len(w.finalised) for w in cases)
        print(
            f"\n{args.clients} clients for {elapsed:.0f} s: {len(latencies):,} saves "
            f"({len(latencies) / elapsed:.1f}/s), {finalised:,} of them finalisations\n"
            f"latency p50 {1000 * percentile(latencies, 0.5):.0f} ms, "
            f"p99 {1000 * percentile(latencies, 0.99):.0f} ms\n"
            f"server errors: {errors}\n"
            f"read back through the export: {check.acknowledged:,} acknowledged writes, "
            f"{len(check.lost)} lost, {len(check.gaps)} cases with gaps in the versions, "
            f"{len(check.half_written)} half-written versions"
        )
        for line in (check.lost + check.gaps + check.half_written)[:10]:
            print("  ", line)
        print(f"load average after: {load_average()}")
        if errors or check.lost or check.gaps or check.half_written:
            sys.exit(1)


if __name__ == "__main__":
    main()
