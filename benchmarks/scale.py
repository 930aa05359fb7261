"""The service with 100,000 cases (see benchmarks/harness.py for how figures are taken):

    .venv/bin/python benchmarks/scale.py                      # SQLite, a scratch file
    .venv/bin/python benchmarks/scale.py --database-url postgresql+psycopg://postgres@127.0.0.1/stegvis_scale_bench

Loads the demo (units, staff, their cases), then 100,000 persons with a case each, spread over
the demo units, through the service's own models (so names get their search keys and the
address, phone, assignment and answers are encrypted by the app's types). A few thousand of
the cases get the answers of their unit's fullest demo case (every step to the plan and
follow-ups), their list columns worked out as finalising does. Then, logged in as a worker of
a unit with some 20,000 cases, it measures with wrk beside the WTForms anchor: the first page
of the case list, a page far down it, a name search, an identity-number search, the person
list, the case overview and the plan step of an answered case. Prints the table (req/s, p99,
the anchor's share, page size and one request's time alone).

``--keep PATH`` keeps the SQLite file (or skips loading when the database is already filled).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.harness import (  # noqa: E402
    BIN,
    ROOT,
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
LOGIN = ("anna@tamira.example", DEMO_PASSWORD)
FIRST = [
    "Zofia",
    "Åsa",
    "Johan",
    "Łucja",
    "Erik",
    "Małgorzata",
    "Leo",
    "Nora",
    "Jan",
    "Ewa",
    "Katarzyna",
    "Björn",
    "Agnieszka",
    "Kim",
    "Marek",
    "Ingrid",
    "Paweł",
    "Sven",
    "Ola",
    "Iza",
]
LAST = [
    "Wójcik",
    "Öberg",
    "Ekström",
    "Kowalski",
    "Lind",
    "Dąbrowski",
    "Andersson",
    "Nowak",
    "Haddad",
    "Wiśniewska",
    "Żak",
    "Lundqvist",
    "Kamińska",
    "Berg",
    "Łęcka",
    "Sjögren",
    "Zieliński",
    "Holm",
    "Mazur",
    "Nyström",
]
BATCH = 2000


def pesel(n: int) -> str:
    """A valid, distinct PESEL for every ``n`` below 10,000 × 20,000 days."""
    born = date(1950, 1, 1) + timedelta(days=n // 10_000 % 20_000)
    month = born.month + (20 if born.year >= 2000 else 0)
    digits = f"{born.year % 100:02d}{month:02d}{born.day:02d}{n % 10_000:04d}"
    check = (10 - sum(int(d) * w for d, w in zip(digits, (1, 3, 7, 9) * 3, strict=False)) % 10) % 10
    return digits + str(check)


def load(cases: int, answered: int) -> None:
    """Fill the database (in this process, through the models); demo already loaded."""
    import sqlalchemy as sa

    from service import create_app
    from service.cases.planning import refresh_planning
    from service.extensions import db
    from service.models import Case, CaseStatus, Person, Submission, Unit, User

    app = create_app()
    with app.app_context():
        if db.session.scalar(sa.select(sa.func.count(Case.id))) > cases // 2:
            print("database already filled: loading skipped")
            return
        rng = random.Random(13)
        units = db.session.scalars(sa.select(Unit).order_by(Unit.id)).all()
        staff = {
            u.id: db.session.scalars(sa.select(User.id).where(User.unit_id == u.id)).all()
            for u in units
        }
        # the fullest demo case of each unit: its final answers are copied to answered cases
        templates: dict[int, list[tuple[str, int, dict, str]]] = {}
        for unit in units:
            best = db.session.scalar(
                sa.select(Submission.case_id)
                .join(Case, Case.id == Submission.case_id)
                .where(Case.unit_id == unit.id, Case.status != CaseStatus.CLOSED.value)
                .group_by(Submission.case_id)
                .order_by(sa.func.count(Submission.id).desc())
                .limit(1)
            )
            if best is not None:
                templates[unit.id] = [
                    (s.step, s.instance, dict(s.answers), s.form_version)
                    for s in db.session.scalars(
                        sa.select(Submission).where(
                            Submission.case_id == best, Submission.step != "closing"
                        )
                    )
                ]
        weights = [4 if "Tamira" in u.name else 1 for u in units]  # one big unit: ~20,000+
        started = time.time()
        answered_ids: list[int] = []
        now = datetime.now(UTC)
        for start in range(0, cases, BATCH):
            persons, rows = [], []
            for n in range(start, min(start + BATCH, cases)):
                unit = rng.choices(units, weights)[0]
                person = Person(
                    unit_id=unit.id,
                    first_name=rng.choice(FIRST),
                    last_name=f"{rng.choice(LAST)}-{n}" if n % 7 == 0 else rng.choice(LAST),
                    identity_kind="pesel" if n % 3 == 0 else None,
                    identity_number=pesel(n) if n % 3 == 0 else None,
                    preferred_language=unit.default_locale,
                    address=f"Storgatan {n % 90 + 1}",
                    phone=f"070-{n:07d}",
                    created_by_id=staff[unit.id][0],
                )
                persons.append(person)
                rows.append((unit, person, n))
            db.session.add_all(persons)
            db.session.flush()
            for unit, person, n in rows:
                contact = rng.choice(staff[unit.id])
                db.session.add(
                    Case(
                        reference=f"C-2025-{n + 1:06d}",
                        person_id=person.id,
                        unit_id=unit.id,
                        method=unit.methods[0],
                        contact_person_id=contact if n % 2 else None,
                        referring_caseworker_name="Socialsekreterare",
                        assignment=f"Uppdrag {n}: stöd i boendet",
                        status=CaseStatus.REFERRED.value,
                        opened_at=now - timedelta(minutes=cases - n),
                        created_by_id=contact,
                        next_step="start_meeting",
                    )
                )
            db.session.commit()
            done = min(start + BATCH, cases)
            print(f"\r{done:,} persons and cases ({time.time() - started:.0f} s)", end="")
        print()
        # the answered ones: the newest cases of every unit that has a template
        candidates = db.session.scalars(
            sa.select(Case)
            .where(Case.unit_id.in_(list(templates)), Case.reference.like("C-2025-%"))
            .order_by(Case.id.desc())
            .limit(answered)
        ).all()
        for number, case in enumerate(candidates, start=1):
            for step, instance, answers, version in templates[case.unit_id]:
                db.session.add(
                    Submission(
                        case_id=case.id,
                        step=step,
                        instance=instance,
                        answers=answers,
                        form_version=version,
                        created_by_id=case.created_by_id,
                    )
                )
            case.status = CaseStatus.PLAN_ACTIVE.value
            case.contact_person_id = case.created_by_id
            db.session.flush()
            refresh_planning(case)
            answered_ids.append(case.id)
            if number % 500 == 0:
                db.session.commit()
                print(f"\r{number:,} answered cases ({time.time() - started:.0f} s)", end="")
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # what autovacuum does soon after a load this size: statistics for the planner and
            # the visibility map that lets an index answer alone
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("VACUUM ANALYZE"))
        print(f"\rloaded in {time.time() - started:.0f} s{' ' * 30}")


def facts() -> dict[str, str]:
    """Ids and values to measure with: an answered case of the login's unit and so on."""
    import sqlalchemy as sa

    from service import create_app
    from service.extensions import db
    from service.models import Case, Person, Submission, User

    with create_app().app_context():
        user = db.session.scalar(sa.select(User).where(User.email == LOGIN[0]))
        assert user is not None
        planned = sa.select(Submission.case_id).where(Submission.step == "plan")
        answered = db.session.scalar(
            sa.select(Case.id)
            .where(
                Case.unit_id == user.unit_id, Case.reference.like("C-2025-%"), Case.id.in_(planned)
            )
            .order_by(Case.id.desc())
        )
        ids = db.session.scalars(
            sa.select(Case.id).where(Case.unit_id == user.unit_id).order_by(Case.id.desc())
        ).all()
        number = db.session.scalar(
            sa.select(Person.identity_number)
            .where(Person.unit_id == user.unit_id, Person.identity_number.is_not(None))
            .order_by(Person.id.desc())
        )
        total = db.session.scalar(sa.select(sa.func.count(Case.id)))
        return {
            "case": str(answered),
            "middle": str(ids[len(ids) // 2]),
            "unit_cases": str(len(ids)),
            "identity": str(number),
            "total": str(total),
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", help="a scratch database (*_test or *_bench); default SQLite"
    )
    parser.add_argument("--keep", help="SQLite file to keep (and reuse when filled)")
    parser.add_argument("--keys", help="file keeping the keys of a kept database (PATH.keys)")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--answered", type=int, default=3_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--load-only", action="store_true", help="fill the database only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stegvis-scale-") as tmp:
        url = args.database_url or (f"sqlite:///{Path(args.keep).resolve()}" if args.keep else None)
        url = scratch_url(url, Path(tmp))
        env = app_env(url)
        keys_path = args.keys or (args.keep + ".keys" if args.keep else None)
        keys_file = Path(keys_path) if keys_path else None
        if keys_file and keys_file.exists():  # a kept database needs its keys
            kept = keys_file.read_text().split("\n")
            env["SECRET_KEY"], env["STEGVIS_DATA_KEYS"], env["STEGVIS_INDEX_KEY"] = kept[:3]
            if len(kept) > 3 and kept[3]:  # files written before the verification key had three
                env["STEGVIS_VERIFY_KEY"] = kept[3]
        os.environ.update(
            {
                k: env[k]
                for k in (
                    "STEGVIS_ENV",
                    "SECRET_KEY",
                    "STEGVIS_DATA_KEYS",
                    "STEGVIS_INDEX_KEY",
                    "STEGVIS_VERIFY_KEY",  # required in production, as the app's config says
                    "DATABASE_URL",
                )
            }
        )
        for command in ("init-db", "demo"):
            subprocess.run(
                [str(BIN / "stegvis"), command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        if keys_file:
            keys_file.write_text(
                f"{env['SECRET_KEY']}\n{env['STEGVIS_DATA_KEYS']}\n{env['STEGVIS_INDEX_KEY']}\n"
                f"{env['STEGVIS_VERIFY_KEY']}\n"
            )
        load(args.cases, args.answered)
        # as after any large import: statistics for the planner (init-db refreshes them)
        subprocess.run(
            [str(BIN / "stegvis"), "init-db"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if args.load_only:
            return
        found = facts()
        print(
            f"database: {url.split('@')[-1]}; {int(found['total']):,} cases, "
            f"{int(found['unit_cases']):,} in the measured unit; load average: {load_average()}"
        )
        with (
            Server("benchmarks.anchors:app", env) as anchors,
            Server("service:create_app()", env) as app,
        ):
            cookie = login(app.port, *LOGIN)
            token = csrf_of(app.port, "/", cookie)

            def post(**values: str) -> str:
                return urllib.parse.urlencode({"csrf_token": token, **values})

            targets = [
                Target(ANCHOR, "anchor", "/form"),
                Target("case list, first page", "app", "/"),
                Target("case list, a page halfway down", "app", f"/?after={found['middle']}"),
                Target("case list, mine and overdue", "app", "/?mine=1&overdue=1"),
                Target("search: name", "app", "/", body=post(q="Wójcik")),
                Target("search: identity number", "app", "/", body=post(q=found["identity"])),
                Target("search: case number", "app", "/", body=post(q="C-2025-000042")),
                Target("person list", "app", "/persons"),
                Target("case overview", "app", f"/cases/{found['case']}"),
                Target("plan step", "app", f"/cases/{found['case']}/steps/plan"),
            ]
            notes = {}
            for t in targets:
                if t.server != "app":
                    continue
                began = time.perf_counter()
                status, size = page_size(app.port, t.path, cookie, t.body)
                alone = (time.perf_counter() - began) * 1000
                assert status == 200, (t.name, status)
                notes[t.name] = f"{size / 1024:.0f} KB, alone {alone:.0f} ms"
            for t in targets:  # warm every worker
                wrk(
                    anchors.port if t.server == "anchor" else app.port,
                    t.path,
                    cookie if t.server == "app" else "",
                    2,
                    t.body,
                )
            for _ in range(args.repetitions):
                for t in targets:
                    port = anchors.port if t.server == "anchor" else app.port
                    t.runs.append(
                        wrk(port, t.path, cookie if t.server == "app" else "", args.seconds, t.body)
                    )
        print_table(targets, ANCHOR, notes)
        print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
