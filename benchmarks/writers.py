"""What the ``writes`` and ``faults`` benchmarks share: clients that save through the real forms
and a check that reads every acknowledged write back through the app.

Each client has a case of its own (registered through the person and case forms) and, for as
long as it runs, saves the start meeting's answers as a draft (four times in five) or finalises
them (once in five), each time with a new marker in the person's own words. A write is
*acknowledged* when the app answered with the redirect to the case page, as a browser sees it.
The check then downloads each person's export (the app's own ZIP of everything held about the
person) and asserts: every acknowledged finalisation is a version with its marker; the versions
of a step are numbered 1, 2, 3 … without a gap (no half-written version); and the newest
acknowledged draft, when nothing was finalised after it, is the stored draft.
"""

from __future__ import annotations

import http.client
import io
import json
import random
import re
import threading
import time
import urllib.parse
import zipfile
from dataclasses import dataclass, field

from benchmarks.harness import _session_cookie

STEP = "start_meeting"
PERSON = {
    "first_name": "Zofia",
    "last_name": "Wójcik-Łęcka",
    "identity_country": "",
    "identity_number": "",
    "preferred_language": "sv",
    "address": "",
    "phone": "",
    "email": "",
    "date_of_birth": "",
}
ANSWERS = {
    "meeting_date": "2026-11-02",
    "participants": "Zofia & <Anna> {{ x }}",
    "information_given": "method",
    "expectations_person": "Hjälp med boendet",
    "expectations_team": "Möten varje vecka",
    "wants_to_take_part": "yes",
    "next_meeting": "2026-11-09",
}
HIDDEN = re.compile(r"<input[^>]*type=\"hidden\"[^>]*>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


class Unavailable(Exception):
    """The app answered 503 (the database is gone): its page, to check it is the translated one."""

    def __init__(self, page: bytes) -> None:
        super().__init__("503")
        self.page = page


class Client:
    """One browser: its own connection and cookie, starting from a logged-in session."""

    def __init__(self, port: int, cookie: str) -> None:
        self.port = port
        self.cookie = cookie

    def request(self, method: str, path: str, body: str = "") -> tuple[int, str, bytes]:
        """(status, Location, body); raises OSError/HTTPException when the server goes away."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Accept-Language": "sv", "Cookie": self.cookie}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            content = response.read()
            self.cookie = _session_cookie(
                {k.lower(): v for k, v in response.getheaders()}, self.cookie
            )
            return response.status, response.getheader("Location") or "", content
        finally:
            connection.close()

    def form(self, path: str) -> dict[str, str]:
        """The hidden inputs of the page's form (CSRF token, edit token)."""
        status, _location, page = self.request("GET", path)
        if status == 503:
            raise Unavailable(page)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        found = {}
        for tag in HIDDEN.findall(page.decode()):
            attrs = dict(ATTR.findall(tag))
            if "name" in attrs:
                found[attrs["name"]] = attrs.get("value", "").replace("&#34;", '"')
        return found

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        status, location, _page = self.request("POST", path, urllib.parse.urlencode(data))
        return status, location


def open_case(client: Client, number: int) -> tuple[int, int]:
    """Register a person and open a BUSS case through the forms: (person id, case id)."""
    data = client.form("/persons/new") | PERSON | {"last_name": f"Wójcik-{number}"}
    status, location = client.post("/persons/new", data)
    assert status == 302, f"registering answered {status}"
    person_id = int(location.rstrip("/").rsplit("/", 1)[-1])
    path = f"/persons/{person_id}/cases/new"
    data = client.form(path) | {
        "method": "buss",
        "referring_caseworker_name": "",
        "assignment": "Boendestöd",
    }
    status, location = client.post(path, data)
    assert status == 302, f"opening the case answered {status}"
    return person_id, int(location.rstrip("/").rsplit("/", 1)[-1])


@dataclass
class Writes:
    """What one client was told was saved."""

    person_id: int
    case_id: int
    finalised: list[str] = field(default_factory=list)  # markers, in order
    last: tuple[str, str] | None = None  # ("draft"|"final", marker) of the newest ack
    errors: int = 0  # 5xx answers other than 503
    unavailable: int = 0  # 503 answers (the database stopped): refused, not acknowledged
    unavailable_page: bytes = b""
    refused: int = 0  # connection lost (a killed worker): not acknowledged, not an error
    latencies: list[float] = field(default_factory=list)
    acknowledged_at: list[float] = field(default_factory=list)  # time.monotonic() of each ack


def write_for(client: Client, writes: Writes, seconds: float, seed: int) -> None:
    """Save drafts and finalise for ``seconds``; every acknowledgement is noted in ``writes``."""
    rng = random.Random(seed)
    path = f"/cases/{writes.case_id}/steps/{STEP}"
    deadline = time.monotonic() + seconds
    serial = 0
    while time.monotonic() < deadline:
        serial += 1
        marker = f"M-{writes.case_id}-{serial}-{rng.randrange(10**9)}"
        final = rng.random() < 0.2
        started = time.perf_counter()
        try:
            data = client.form(path) | ANSWERS | {"own_words": f"Min väg {marker} ÅÄÖ ąę"}
            data["action"] = "finalise" if final else "draft"
            if final and writes.finalised:
                data["change_reason"] = f"Ändrat {serial}"
            status, location = client.post(path, data)
        except Unavailable as answer:
            writes.unavailable += 1
            writes.unavailable_page = answer.page
            time.sleep(0.2)
            continue
        except (OSError, http.client.HTTPException, RuntimeError):
            writes.refused += 1
            time.sleep(0.05)
            continue
        writes.latencies.append(time.perf_counter() - started)
        if status == 503:
            writes.unavailable += 1
        elif status >= 500:
            writes.errors += 1
        elif status == 302 and location.endswith(f"/cases/{writes.case_id}"):
            if final:
                writes.finalised.append(marker)
            writes.last = ("final" if final else "draft", marker)
            writes.acknowledged_at.append(time.monotonic())


def run_clients(port: int, cookie: str, cases: list[Writes], seconds: float) -> None:
    """One thread per case, all at once."""
    threads = [
        threading.Thread(target=write_for, args=(Client(port, cookie), w, seconds, n))
        for n, w in enumerate(cases)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@dataclass
class Check:
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)


def check_read_back(client: Client, cases: list[Writes]) -> Check:
    """Read every acknowledged write back through the person export."""
    result = Check()
    for writes in cases:
        token = client.form(f"/persons/{writes.person_id}")["csrf_token"]
        status, _location, content = client.request(
            "POST",
            f"/persons/{writes.person_id}/export",
            urllib.parse.urlencode({"csrf_token": token}),
        )
        assert status == 200, f"export answered {status}"
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            name = next(n for n in archive.namelist() if n.endswith("case.json"))
            data = json.loads(archive.read(name))
        versions = sorted(
            (row for row in data.get("submissions", []) if row.get("step") == STEP),
            key=lambda row: row["version"],
        )
        numbers = [row["version"] for row in versions]
        if numbers != list(range(1, len(numbers) + 1)):
            result.gaps.append(f"case {writes.case_id}: versions {numbers}")
        result.half_written += [
            f"case {writes.case_id} v{row['version']}"
            for row in versions
            if not isinstance(row.get("answers"), dict)
            or any(key not in row["answers"] for key in ("own_words", "meeting_date"))
        ]
        stored = json.dumps([row.get("answers") for row in versions], ensure_ascii=False)
        result.acknowledged += len(writes.finalised)
        result.lost += [m for m in writes.finalised if m not in stored]
        if writes.last and writes.last[0] == "draft":
            result.acknowledged += 1
            drafts = [r for r in data.get("step_drafts", []) if r.get("step") == STEP]
            if writes.last[1] not in json.dumps(drafts, ensure_ascii=False):
                result.lost.append(writes.last[1])
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")
