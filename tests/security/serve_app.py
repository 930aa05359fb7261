"""Serve the app in a process of its own, for the tests that need several real processes.

    python -m tests.security.serve_app '{"DATABASE_URL": "...", ...}'

prints ``port N`` once it listens on 127.0.0.1 (a free port), then serves until killed.
"""

from __future__ import annotations

import json
import sys

from werkzeug.serving import make_server

from service import create_app


def main() -> None:
    config = json.loads(sys.argv[1])
    app = create_app({"TESTING": True, **config})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(f"port {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
