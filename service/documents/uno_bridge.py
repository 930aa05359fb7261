"""Kept-warm LibreOffice converter, run as its own process by Debian's ``python3`` (which has
``uno`` from python3-uno; the service's venv Python need not).

It starts one headless ``soffice`` listening on a named pipe, connects through UNO, prints
``{"ready": true}`` and then converts one request per stdin line: ``{"in": path, "out": path}``
→ ``{"ok": true}`` or ``{"ok": false, "error": "..."}``. End of input ends soffice too.
Usage: ``python3 uno_bridge.py SOFFICE PROFILE_URL PIPE_NAME``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _reply(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main() -> None:
    """Start soffice, connect, then serve conversions until stdin closes."""
    soffice, profile, pipe = sys.argv[1:4]
    office = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        [
            soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={profile}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    context = None
    for _ in range(600):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            time.sleep(0.05)
    if context is None:
        _reply({"ready": False, "error": "soffice did not answer"})
        office.kill()
        return
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    _reply({"ready": True})
    try:
        for line in sys.stdin:
            request = json.loads(line)
            try:
                document = desktop.loadComponentFromURL(
                    uno.systemPathToFileUrl(request["in"]),
                    "_blank",
                    0,
                    (_prop("Hidden", True), _prop("ReadOnly", True)),
                )
                try:
                    document.storeToURL(
                        uno.systemPathToFileUrl(request["out"]),
                        (_prop("FilterName", "writer_pdf_Export"),),
                    )
                finally:
                    document.close(True)
                _reply({"ok": True})
            except Exception as error:  # noqa: BLE001 - reported to the caller, loop goes on
                _reply({"ok": False, "error": type(error).__name__})
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001, S110 - soffice may already be gone
            pass
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
