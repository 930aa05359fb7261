"""Serve the app in a process of its own, for the tests that need several real processes.

    python -m tests.security.serve_app '{"DATABASE_URL": "...", ...}'

prints ``port N`` once it listens on 127.0.0.1 (a free port), then serves until killed.
:func:`instances` starts several such processes for a test and stops them afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from service import create_app

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def instances(config: dict[str, Any], count: int = 2) -> Iterator[list[str]]:
    """``count`` app processes with ``config`` (testing settings); their base URLs."""
    env = {**os.environ, "STEGVIS_ENV": "testing", "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            [sys.executable, "-m", "tests.security.serve_app", json.dumps(config)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(count)
    ]
    bases = []
    try:
        for process in processes:
            assert process.stdout is not None
            line = process.stdout.readline()  # "port N" once it listens
            assert line.startswith("port "), line
            bases.append(f"http://127.0.0.1:{int(line.split()[1])}")
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
            if process.stdout is not None:
                process.stdout.close()


def main() -> None:
    config = json.loads(sys.argv[1])
    app = create_app({"TESTING": True, **config})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(f"port {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
