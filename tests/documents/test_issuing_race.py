"""Two people issuing at the same moment: distinct numbers, and a conflict instead of a 500."""

from __future__ import annotations

import re
import threading
from typing import Any

import sqlalchemy as sa
from flask import Flask
from werkzeug.test import TestResponse

from service.extensions import db
from service.models import Document
from tests.conftest import FormClient, csrf_token

from .conftest import CaseWorld

ROUNDS = 4
CONFLICT = "Someone else issued this document at the same moment"


def logged_in_client(app: Flask, email: str) -> FormClient:
    client = FormClient(app.test_client())
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.login(email).status_code == 302
    return client


def issuer(world: CaseWorld) -> str:
    """The e-mail of who issues the kontrakt socjalny of ``world``: its pracownik socjalny."""
    assert world.social_worker is not None
    return world.social_worker.email


def at_once(posts: list[tuple[FormClient, str, str]]) -> list[TestResponse]:
    """POST each (client, url, page with the form) at the same moment; the answers in order."""
    tokens = [csrf_token(client.get(page).get_data(as_text=True)) for client, _, page in posts]
    barrier = threading.Barrier(len(posts))
    answers: list[Any] = [None] * len(posts)

    def post(n: int) -> None:
        client, url, _ = posts[n]
        try:
            barrier.wait(timeout=10)
            answers[n] = client.client.post(url, data={"csrf_token": tokens[n]})
        except BaseException as error:  # reported by the test, not lost in the thread
            answers[n] = error

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    failures = [a for a in answers if not isinstance(a, TestResponse)]
    assert not failures, failures
    assert all(a.status_code == 302 for a in answers), [a.status_code for a in answers]
    return answers


def numbers(app: Flask) -> list[tuple[int, str, int]]:
    with app.app_context():
        rows = db.session.execute(sa.select(Document.case_id, Document.number, Document.version))
        return sorted((case_id, number, version) for case_id, number, version in rows)


def test_two_cases_issued_at_once_get_different_numbers(app: Flask, make_case: Any) -> None:
    """Numbers are counted across units: two units issuing at once still get two numbers."""
    steps = ("start_meeting", "second_meeting", "assessment")
    for n in range(ROUNDS):  # the first round also races on the year's first number
        first = make_case(steps=steps, email=f"a{n}@example.org")
        second = make_case(steps=steps, email=f"b{n}@example.org")
        at_once(
            [
                (
                    # the pracownik socjalny concludes the kontrakt socjalny (ipwzb.yaml roles)
                    logged_in_client(app, issuer(world)),
                    f"/cases/{world.case_id}/agreement",
                    "/",
                )
                for world in (first, second)
            ]
        )
        issued = [number for _, number, _ in numbers(app)]
        assert len(issued) == 2 * (n + 1) and len(set(issued)) == len(issued), issued


def test_the_same_document_issued_twice_at_once_is_a_conflict_not_an_error(
    app: Flask, make_case: Any
) -> None:
    world = make_case(steps=("start_meeting", "second_meeting", "assessment"))
    clients = [logged_in_client(app, issuer(world)) for _ in range(2)]
    url, page = f"/cases/{world.case_id}/agreement", f"/cases/{world.case_id}"
    at_once([(clients[0], url, page)])
    for _ in range(ROUNDS):
        before = len(numbers(app))
        answers = at_once([(client, url, page) for client in clients])
        said = [client.get(page).get_data(as_text=True) for client in clients]
        issued = sum(bool(re.search(r"AGR-\d{4}-\d{6} version \d+ issued", p)) for p in said)
        conflicts = sum(CONFLICT in p for p in said)
        assert issued + conflicts == 2 and issued >= 1, [a.headers["Location"] for a in answers]
        assert len(numbers(app)) == before + issued
    versions = [version for _, _, version in numbers(app)]
    assert versions == list(range(1, len(versions) + 1))
