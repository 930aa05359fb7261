"""Two app instances on one database and one Redis share the PDF cache, the PDF worker pool and
the sign-in limit (as two machines behind a load balancer would): a test starts both, and one
`stegvis worker`, as separate processes. Redis database 5 is this test's own."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import DocumentPdf
from tests.conftest import PASSWORD, FormClient
from tests.security.serve_app import instances
from tests.security.test_login_limits import Browser

from .conftest import CaseWorld
from .test_issuing import documents, issue
from .test_pdf_cache import needs_libreoffice, start_worker, stop, wait_for_a_worker

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis_db5() -> Iterator[Any]:
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


def _jobs(connection: Any) -> int:
    return sum(1 for _key in connection.scan_iter("rq:job:*"))


@pytest.fixture
def two_instances(database_url: str, redis_db5: Any) -> Iterator[list[str]]:
    """Two app processes with the same settings: database, REDIS_URL and the limit's storage."""
    config = {
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"stegvis-two-{uuid.uuid4().hex[:8]}",
        "LOGIN_ACCOUNT_LIMIT": "3 per minute",
        "PDF_JOB_TIMEOUT": 120,
    }
    with instances(config) as bases:
        yield bases


def _pdf(browser: Browser, url: str) -> bytes:
    request = browser.opener.open(url, timeout=180)
    with request as response:
        assert response.headers["Content-Type"] == "application/pdf", response.read()[:300]
        return bytes(response.read())


@needs_libreoffice
def test_two_instances_share_the_pdf_cache_the_worker_and_the_sign_in_limit(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    database_url: str,
    redis_db5: Any,
    two_instances: list[str],
) -> None:
    first, second = two_instances
    issue(staff, full_case.case_id, "plan")
    issue(staff, full_case.case_id, "consent")
    plan, consent = documents(app)
    on_first, on_second = Browser(), Browser()
    assert on_first.login(first, full_case.worker.email, PASSWORD) == 302
    assert on_second.login(second, full_case.worker.email, PASSWORD) == 302

    worker = start_worker(database_url, REDIS_URL)
    try:
        wait_for_a_worker(redis_db5, worker)
        # The plan printed on the first instance is converted once, by the shared worker ...
        printed = _pdf(on_first, f"{first}/documents/{plan.id}/pdf")
        assert printed.startswith(b"%PDF-") and _jobs(redis_db5) == 1
        # ... and the second instance serves the same PDF from the shared cache: no new job.
        assert _pdf(on_second, f"{second}/documents/{plan.id}/pdf") == printed
        assert _jobs(redis_db5) == 1
        # The consent, printed first on the second instance, goes to the same worker.
        consent_pdf = _pdf(on_second, f"{second}/documents/{consent.id}/pdf")
        assert consent_pdf.startswith(b"%PDF-") and _jobs(redis_db5) == 2
        assert _pdf(on_first, f"{first}/documents/{consent.id}/pdf") == consent_pdf
        assert _jobs(redis_db5) == 2
    finally:
        output = stop(worker)
    assert "ready on queue" in output, output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(DocumentPdf.id))) == 2

    # Failed sign-ins count on both instances together: 2 + 1 reach the limit of 3 ...
    wrong = Browser()
    for base in (first, first, second):
        assert wrong.login(base, full_case.worker.email, "wrong") == 200
    # ... so the right password is refused on either until the minute has passed.
    assert Browser().login(first, full_case.worker.email, PASSWORD) == 429
    assert Browser().login(second, full_case.worker.email, PASSWORD) == 429
