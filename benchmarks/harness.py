"""What the load and scale benchmarks share: a scratch database, gunicorn, a login, wrk.

Figures come from ``wrk`` (Debian package ``wrk``; ``apt-get install wrk``) with 20
connections against ``gunicorn -w 2``, every target measured ``REPETITIONS`` times in turn and
the medians printed. Nothing here touches a database whose name does not end in ``_test`` or
``_bench`` (the benchmarks fill it).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The code to serve: this tree, or another checkout (``BENCH_CODE=/path``, e.g. an older
#: version to compare with in the same run; the benchmarks themselves stay these).
CODE = Path(os.environ.get("BENCH_CODE") or ROOT).resolve()
BIN = Path(sys.executable).parent
CONNECTIONS = 20
WORKERS = 2


def scratch_url(url: str | None, directory: Path, *, fresh: bool = False) -> str:
    """``url`` when it names a throw-away database, else a new SQLite file in ``directory``.

    A PostgreSQL database is created when missing; with ``fresh`` one left by an earlier run
    (whose rows were encrypted with that run's keys) is dropped and made again, empty.
    """
    if not url:
        return f"sqlite:///{directory / 'stegvis_bench.sqlite3'}"
    import sqlalchemy as sa

    name = sa.engine.make_url(url).database or ""
    stem = Path(name).stem if url.startswith("sqlite") else name
    if not stem.endswith(("_test", "_bench")):
        sys.exit(f"refusing {name!r}: the benchmark fills it; use a database named *_test/*_bench")
    if not url.startswith("sqlite"):
        _create(sa.engine.make_url(url), fresh=fresh)
    return url


def _create(url: Any, *, fresh: bool) -> None:
    """Create the PostgreSQL database ``url`` names when the server has none of that name (with
    ``fresh``: drop the one there first)."""
    import sqlalchemy as sa

    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            found = conn.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if found and fresh:
                conn.execute(sa.text(f'DROP DATABASE "{url.database}" WITH (FORCE)'))
            if not found or fresh:
                conn.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
                print(f"created the database {url.database} (empty)")
    finally:
        server.dispose()


def app_env(database_url: str) -> dict[str, str]:
    """The environment of a production-like service on ``database_url``."""
    from service.crypto import new_key_entry

    env = dict(os.environ)
    env.update(
        STEGVIS_ENV="production",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY", "bench-" + os.urandom(16).hex()),
        STEGVIS_DATA_KEYS=os.environ.get("BENCH_DATA_KEYS") or new_key_entry("bench"),
        STEGVIS_INDEX_KEY=os.environ.get("BENCH_INDEX_KEY") or new_key_entry("k1"),
        STEGVIS_VERIFY_KEY=os.environ.get("BENCH_VERIFY_KEY") or os.urandom(24).hex(),
        DATABASE_URL=database_url,
    )
    if CODE != ROOT:  # serve and migrate the other checkout (anchors stay importable)
        env["PYTHONPATH"] = f"{CODE}{os.pathsep}{ROOT}"
    os.environ["BENCH_SECRET_KEY"] = env["SECRET_KEY"]  # one key for the whole run
    os.environ["BENCH_DATA_KEYS"] = env["STEGVIS_DATA_KEYS"]
    os.environ["BENCH_INDEX_KEY"] = env["STEGVIS_INDEX_KEY"]
    os.environ["BENCH_VERIFY_KEY"] = env["STEGVIS_VERIFY_KEY"]
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A gunicorn serving ``app`` with WORKERS sync workers."""

    app: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-w",
                str(WORKERS),
                "-b",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                self.app,
            ],
            cwd=CODE if self.app.startswith("service") else ROOT,
            env=self.env,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.app} did not start")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker (MB), read from /proc."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            found = re.search(r"VmRSS:\s+(\d+) kB", status)
            if found:
                sizes.append(int(found.group(1)) / 1024)
        return sizes


def _request(
    port: int, method: str, path: str, body: str = "", cookie: str = ""
) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
    headers = {"Accept-Language": "sv"}
    if cookie:
        headers["Cookie"] = cookie
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, text
    connection.close()
    return result


def _session_cookie(headers: dict[str, str], fallback: str) -> str:
    found = re.search(r"session=([^;]+)", headers.get("set-cookie", ""))
    return f"session={found.group(1)}" if found else fallback


def login(port: int, email: str, password: str) -> str:
    """Log in like a browser; the session cookie to send with every request."""
    _status, headers, page = _request(port, "GET", "/login")
    cookie = _session_cookie(headers, "")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    body = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "email": email, "password": password}
    )
    status, headers, _page = _request(port, "POST", "/login", body, cookie)
    assert status == 302, f"login failed ({status})"
    return _session_cookie(headers, cookie)


def page_size(port: int, path: str, cookie: str, body: str = "") -> tuple[int, int]:
    """(status, bytes) of one request."""
    status, _headers, page = _request(port, "POST" if body else "GET", path, body, cookie)
    return status, len(page.encode())


def csrf_of(port: int, path: str, cookie: str) -> str:
    """The CSRF token of the page's first form (to post a search with wrk)."""
    _status, _headers, page = _request(port, "GET", path, cookie=cookie)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token, f"no CSRF token on {path}"
    return token.group(1)


@dataclass
class Figures:
    requests_per_second: float
    p99_ms: float
    requests: int
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


#: What makes the load: Debian's wrk, or (when it is not installed) :func:`python_load`.
LOAD_CLIENT = "wrk" if shutil.which("wrk") else "python"


def python_load(port: int, path: str, cookie: str, seconds: int, body: str) -> Figures:
    """What wrk measures, by CONNECTIONS Python threads each sending one request after another
    for ``seconds`` (used when wrk is missing; the client's own work takes some of the CPU, so
    compare a page with the anchor of the same run, not with wrk's figures)."""
    import threading

    headers = {"Accept-Language": "sv"}
    if cookie:
        headers["Cookie"] = cookie
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    method = "POST" if body else "GET"
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop:
            began = time.perf_counter()
            try:
                connection.request(method, path, body=body or None, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - began)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0.0
    return Figures(len(latencies) / elapsed, p99 * 1000, len(latencies), errors[0])


def wrk(port: int, path: str, cookie: str = "", seconds: int = 10, body: str = "") -> Figures:
    """One wrk run: 2 threads, CONNECTIONS connections, latency distribution."""
    if LOAD_CLIENT != "wrk":
        return python_load(port, path, cookie, seconds, body)
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        "Accept-Language: sv",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    script = None
    if body:  # a POST (the search): wrk takes it from a Lua script
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        assert '"' not in body and "\\" not in body  # url-encoded: safe inside a Lua string
        script.write(
            'wrk.method = "POST"\n'
            f'wrk.body = "{body}"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        )
        script.close()
        command += ["-s", script.name]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    if script is not None:
        os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    total = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    error_count = int(bad.group(1)) if bad else 0
    if errors:
        error_count += sum(int(g) for g in errors.groups())
    if error_count:  # say which: an answer that was no page, or the connection
        counts = {"not 2xx/3xx": int(bad.group(1)) if bad else 0}
        if errors:
            kinds_of = ("connect", "read", "write", "timeout")
            counts.update(zip(kinds_of, map(int, errors.groups()), strict=True))
        kinds = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
        print(f"errors on {path}: {kinds}", file=sys.stderr, flush=True)
    return Figures(
        rps, float(p99.group(1)) * _UNITS[p99.group(2)] if p99 else float("nan"), total, error_count
    )


@dataclass
class Target:
    """One line of the table: a page of one server."""

    name: str
    server: str  # "anchor" or "app"
    path: str
    body: str = ""
    runs: list[Figures] = field(default_factory=list)

    def median(self) -> tuple[float, float]:
        return (
            statistics.median(r.requests_per_second for r in self.runs),
            statistics.median(r.p99_ms for r in self.runs),
        )


def print_table(targets: list[Target], anchor: str, extra: dict[str, str] | None = None) -> None:
    """The medians with each page's share of the ``anchor`` line's throughput."""
    base = next(t for t in targets if t.name == anchor).median()[0]
    width = max(len(t.name) for t in targets)
    print(f"\n| {'page':<{width}} | req/s | p99 ms | of the WTForms page | errors | note |")
    print(f"|{'-' * (width + 2)}|------:|-------:|------:|------:|------|")
    for t in targets:
        rps, p99 = t.median()
        share = "—" if t.server == "anchor" else f"{100 * rps / base:.0f} %"
        errors = sum(r.errors for r in t.runs)
        note = (extra or {}).get(t.name, "")
        print(f"| {t.name:<{width}} | {rps:,.0f} | {p99:.0f} | {share} | {errors} | {note} |")
    runs = len(targets[0].runs)
    client = "wrk" if LOAD_CLIENT == "wrk" else "Python threads (wrk not installed)"
    print(f"\nmedians of {runs} runs; {client}, {CONNECTIONS} connections, gunicorn -w {WORKERS}")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
