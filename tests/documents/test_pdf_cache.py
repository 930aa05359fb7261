"""PDFs are converted once per document version and served from the cache after that; with
REDIS_URL the conversion runs on a `stegvis worker` process (real Redis, database 3 only),
never in the app process; the cache is encrypted and erased with the person."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.documents import pdf
from service.extensions import db
from service.models import Case, DocumentPdf, Role
from tests.conftest import FormClient

from .conftest import CaseWorld, issue_by_role
from .test_issuing import documents, issue

ROOT = Path(__file__).resolve().parents[2]
#: The Redis database these tests may use (and empty of their own keys afterwards).
REDIS_TEST_URL = "redis://127.0.0.1:6379/3"
needs_libreoffice = pytest.mark.skipif(
    not pdf.pdf_available(), reason="LibreOffice (soffice, python3-uno) missing"
)


class Conversions:
    """Counts the conversions made in this (the app's) process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, allowed: bool = True) -> None:
        self.count = 0
        real = pdf.to_pdf

        def counting(docx: bytes) -> bytes:
            self.count += 1
            assert allowed, "converted in the app process although REDIS_URL is set"
            return real(docx)

        monkeypatch.setattr(pdf, "to_pdf", counting)


@needs_libreoffice
def test_a_version_is_converted_once_then_served_from_the_cache(
    staff: FormClient, full_case: CaseWorld, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue(staff, full_case.case_id, "plan")
    (plan,) = documents(app)
    conversions = Conversions(monkeypatch)
    first = staff.get(f"/documents/{plan.id}/pdf")
    assert first.mimetype == "application/pdf" and first.data.startswith(b"%PDF-")
    second = staff.get(f"/documents/{plan.id}/pdf")
    third = staff.get(f"/documents/{plan.id}/pdf")
    assert second.data == first.data == third.data
    assert conversions.count == 1  # once per version, whatever the number of prints
    with app.app_context():
        (row,) = db.session.scalars(sa.select(DocumentPdf))
        assert (row.document_id, row.docx_sha256) == (plan.id, plan.sha256)
        raw = db.session.execute(sa.text("SELECT content FROM document_pdfs")).scalar_one()
        assert not bytes(raw).startswith(b"%PDF") and b"%PDF" not in bytes(raw)  # encrypted
        downloads = db.session.scalar(
            sa.text("SELECT count(*) FROM audit_events WHERE action = 'document.download'")
        )
    assert downloads == 3  # every print is still audited
    issue(staff, full_case.case_id, "plan")  # a new version is a new PDF
    _plan, newer = documents(app)
    assert staff.get(f"/documents/{newer.id}/pdf").data != first.data
    assert conversions.count == 2


def test_the_cache_works_without_libreoffice_once_filled_and_is_erased_with_the_person(
    client: FormClient,
    make_case: Any,
    make_unit: Any,
    make_user: Any,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = make_unit(default_locale="pl", methods=["ipwzb"])
    world = make_case(unit=unit)
    client.login(world.worker.email)
    issue_by_role(client, world, "agreement")
    (agreement,) = documents(app)
    fake = b"%PDF-1.7 made once\n%%EOF\n"
    monkeypatch.setattr(pdf, "pdf_available", lambda: True)
    monkeypatch.setattr(pdf, "to_pdf", lambda docx: fake)
    assert client.get(f"/documents/{agreement.id}/pdf").data == fake
    monkeypatch.setattr(pdf, "pdf_available", lambda: False)  # LibreOffice gone
    monkeypatch.setattr(pdf, "to_pdf", lambda docx: pytest.fail("converted again"))
    assert client.get(f"/documents/{agreement.id}/pdf").data == fake
    client.post("/logout", form_url="/")
    make_user(email="admin@example.org", role=Role.ADMIN, unit=unit)
    client.login("admin@example.org")
    with app.app_context():
        case = db.session.get(Case, world.case_id)
        assert case is not None
        person_id = case.person_id
    export = client.post(f"/persons/{person_id}/export", form_url=f"/persons/{person_id}")
    assert export.status_code == 200
    with zipfile.ZipFile(io.BytesIO(export.data)) as archive:
        names = archive.namelist()
        (case_json,) = [name for name in names if name.endswith("case.json")]
        exported = json.loads(archive.read(case_json))
    assert "document_signatures" in exported and "document_pdfs" not in exported  # derived
    assert not [name for name in names if name.endswith(".pdf")]
    erase_url = f"/persons/{person_id}/erase"
    assert client.post(erase_url, {"reason": "Request", "confirm": "y"}).status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(DocumentPdf.id))) == 0
    assert client.get(f"/documents/{agreement.id}/pdf").status_code == 410


# --- the shared worker pool: real Redis (database 3), a real `stegvis worker` process


@pytest.fixture
def redis_db3() -> Iterator[Any]:
    """Redis database 3, without RQ's keys before and after the test."""
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")

    def clean() -> None:
        for key in connection.scan_iter("rq:*"):
            connection.delete(key)

    clean()
    yield connection
    clean()
    connection.close()


def start_worker(database_url: str, redis_url: str = REDIS_TEST_URL) -> subprocess.Popen[str]:
    """`stegvis worker` on the test database and Redis database 3 (unless told another), in its
    own process group."""
    env = {
        **os.environ,
        "STEGVIS_ENV": "testing",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
    }
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        [str(Path(sys.executable).with_name("stegvis")), "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop(process: subprocess.Popen[str]) -> str:
    """Stop the worker (and its soffice) and return what it printed."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process.stdout is None:
        return ""
    with process.stdout:
        return process.stdout.read()


def wait_for_a_worker(connection: Any, process: subprocess.Popen[str]) -> None:
    from rq import Queue, Worker

    from service.documents.pdf_cache import QUEUE

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if Worker.count(queue=Queue(QUEUE, connection=connection)):
            return
        if process.poll() is not None:
            pytest.fail("the worker stopped:\n" + stop(process))
        time.sleep(0.2)
    pytest.fail("no worker registered within 90 s:\n" + stop(process))


@needs_libreoffice
def test_with_redis_a_shared_worker_converts_and_the_app_process_never_does(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    database_url: str,
    redis_db3: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue(staff, full_case.case_id, "plan")
    issue(staff, full_case.case_id, "consent")
    plan, consent = documents(app)
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_TEST_URL)
    Conversions(monkeypatch, allowed=False)
    monkeypatch.setitem(app.config, "PDF_JOB_TIMEOUT", 3)
    # No worker yet: the case page and the print page say so; nothing is left queued to run late.
    case_page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    assert "no PDF worker is running" in case_page
    refused = staff.get(f"/documents/{plan.id}/pdf")
    assert refused.mimetype == "text/html"
    assert "no PDF worker is running" in refused.get_data(as_text=True)
    monkeypatch.setitem(app.config, "PDF_JOB_TIMEOUT", 120)
    worker = start_worker(database_url)
    try:
        wait_for_a_worker(redis_db3, worker)
        case_page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
        assert f"/documents/{plan.id}/pdf" in case_page and "no PDF worker" not in case_page
        first = staff.get(f"/documents/{plan.id}/pdf")
        assert first.mimetype == "application/pdf" and first.data.startswith(b"%PDF-")
        assert staff.get(f"/documents/{consent.id}/pdf").data.startswith(b"%PDF-")
        queued_before = redis_db3.dbsize()
        again = staff.get(f"/documents/{plan.id}/pdf")
        assert again.data == first.data
        assert redis_db3.dbsize() == queued_before  # from the cache: no job for a second print
    finally:
        output = stop(worker)
    assert "ready on queue 'stegvis-pdf'" in output, output
    assert "Zofia" not in output and "Wójcik" not in output  # the job carries an id only
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(DocumentPdf.id))) == 2
    for key in redis_db3.scan_iter("rq:job:*"):
        for value in redis_db3.hgetall(key).values():
            assert b"Zofia" not in value and b"44051401458" not in value
