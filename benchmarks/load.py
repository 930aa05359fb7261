"""The pages under load against the anchors, in one run (see benchmarks/harness.py):

    .venv/bin/python benchmarks/load.py                       # SQLite, a scratch file
    .venv/bin/python benchmarks/load.py --database-url postgresql+psycopg://postgres@127.0.0.1/stegvis_bench

Loads the demo into a scratch database, serves it with ``gunicorn -w 2`` beside the anchors (a
bare Flask hello and a bare WTForms page with CSRF), logs in, and measures with wrk (20
connections, 3 repetitions, medians): the case overview and the plan step of the demo case
Johan Ekström, the case list and a name search; the case overview and the plan step once more
from a second app with the page cache off (``STEGVIS_PAGE_CACHE=off``: every request reads and
renders, as the first view after a change does). Prints the table with each page's share of the
WTForms page's throughput, and the memory of each app worker after all those requests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.harness import (  # noqa: E402
    BIN,
    CODE,
    Server,
    Target,
    app_env,
    csrf_of,
    load_average,
    login,
    page_size,
    print_table,
    scratch_url,
    wrk,
)
from service.demo import DEMO_PASSWORD  # noqa: E402

ANCHOR = "bare WTForms page with CSRF"
DEMO_LOGIN = ("anna@tamira.example", DEMO_PASSWORD)
#: Requests the app serves before its workers' memory is read.
MEMORY_AFTER = 10_000
#: … unless that takes longer than this (a slow machine): the figure then says how many.
MEMORY_SECONDS = 300


def demo_case(env: dict[str, str]) -> int:
    """The id of the demo case of Johan Ekström (every step, documents issued)."""
    code = (
        "import sqlalchemy as sa\n"
        "from service import create_app\n"
        "from service.extensions import db\n"
        "from service.models import Case, Person\n"
        "with create_app().app_context():\n"
        "    print(db.session.scalar(sa.select(Case.id).join(Person, Person.id == Case.person_id)"
        ".where(Person.first_name == 'Johan', Person.last_name == 'Ekström').order_by(Case.id)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=CODE, env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1])


def prepare(env: dict[str, str]) -> None:
    """Schema and demo data in the scratch database."""
    for command in ("init-db", "demo"):
        subprocess.run(
            [str(BIN / "stegvis"), command],
            cwd=CODE,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def app_targets(case_id: int, token: str, search: str) -> list[Target]:
    body = urllib.parse.urlencode({"csrf_token": token, "q": search})
    return [
        Target("case overview", "app", f"/cases/{case_id}"),
        Target("plan step", "app", f"/cases/{case_id}/steps/plan"),
        Target("case list", "app", "/"),
        Target("case list, name search", "app", "/", body=body),
    ]


def measure(
    servers: dict[str, Server], targets: list[Target], cookie: str, seconds: int, repetitions: int
) -> int:
    """Run every target ``repetitions`` times in turn; the number of requests the app served."""

    def run(target: Target, duration: int) -> Any:
        app = target.server != "anchor"
        port = servers[target.server].port
        return wrk(port, target.path, cookie if app else "", duration, target.body)

    for target in targets:  # warm every worker: templates compiled, methods parsed
        run(target, 2)
    served = 0
    for _ in range(repetitions):
        for target in targets:
            figures = run(target, seconds)
            target.runs.append(figures)
            if target.server == "app":
                served += figures.requests
    return served


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", help="a scratch database (*_test or *_bench); default SQLite"
    )
    parser.add_argument("--seconds", type=int, default=10, help="per wrk run (default 10)")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument(
        "--memory-after",
        type=int,
        default=MEMORY_AFTER,
        help=f"requests before the workers' memory is read (default {MEMORY_AFTER:,}; 0 skips it)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stegvis-load-") as tmp:
        url = scratch_url(args.database_url, Path(tmp), fresh=True)
        env = app_env(url)
        prepare(env)
        case_id = demo_case(env)
        print(f"database: {url.split('@')[-1]}; load average before: {load_average()}")
        with (
            Server("benchmarks.anchors:app", env) as anchors,
            Server("service:create_app()", env) as app,
            # the same pages read and rendered on every request (their first view, or the first
            # after a change): service/page_cache.py turned off
            Server("service:create_app()", {**env, "STEGVIS_PAGE_CACHE": "off"}) as cold,
        ):
            cookie = login(app.port, *DEMO_LOGIN)
            token = csrf_of(app.port, "/", cookie)
            targets = [
                Target("bare Flask hello", "anchor", "/hello"),
                Target(ANCHOR, "anchor", "/form"),
                *app_targets(case_id, token, "ekström"),
                Target("case overview, not kept", "cold", f"/cases/{case_id}"),
                Target("plan step, not kept", "cold", f"/cases/{case_id}/steps/plan"),
            ]
            servers = {"anchor": anchors, "app": app, "cold": cold}
            sizes = {
                t.name: f"{page_size(servers[t.server].port, t.path, cookie, t.body)[1] // 1024} KB"
                for t in targets
                if t.server != "anchor"
            }
            served = measure(servers, targets, cookie, args.seconds, args.repetitions)
            print_table(targets, ANCHOR, sizes)
            rss = None
            if args.memory_after:
                deadline = time.time() + MEMORY_SECONDS
                while served < args.memory_after and time.time() < deadline:  # that many
                    for target in (t for t in targets if t.server == "app"):
                        served += wrk(app.port, target.path, cookie, 5, target.body).requests
                rss = app.worker_rss_mb()
        if rss is not None:
            print(
                f"app workers after {served:,} requests: "
                + ", ".join(f"{mb:.0f} MB" for mb in rss)
                + " RSS (target ≤ 150 MB each)"
            )
        print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
