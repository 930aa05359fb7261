"""PDFs converted once per document version and kept; conversion in a shared worker pool.

A version is immutable, so its PDF is made once and read from ``document_pdfs`` after that
(encrypted at rest like the document; deleted with the case's content on erasure). Who converts:

* without ``REDIS_URL``, this process, through its own warm soffice (service/documents/pdf.py);
* with ``REDIS_URL``, a ``stegvis worker`` process (any machine with LibreOffice and the same
  database), each keeping one soffice warm. The job carries only the document's id: the worker
  reads the version from the database and stores the PDF there, so no personal data passes
  through Redis. N app processes then cost no LibreOffice at all.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from service.documents import pdf
from service.documents.pdf import PdfUnavailable
from service.extensions import db
from service.models import Document, DocumentPdf

log = logging.getLogger(__name__)

#: The converter and its export settings; bump it when they change and PDFs are made anew.
CONVERTER = "libreoffice-writer_pdf_Export-1"
#: The RQ queue of the conversions.
QUEUE = "stegvis-pdf"
#: Longest wait for a worker to convert one document, in seconds (``PDF_JOB_TIMEOUT``).
JOB_TIMEOUT = 120


def job_timeout() -> int:
    """Seconds a request waits for a worker's conversion."""
    return int(current_app.config.get("PDF_JOB_TIMEOUT") or JOB_TIMEOUT)


def cached_pdf(document: Document) -> bytes | None:
    """The kept PDF of this version, or None before its first conversion."""
    row = db.session.scalar(
        sa.select(DocumentPdf).where(
            DocumentPdf.document_id == document.id,
            DocumentPdf.converter == CONVERTER,
            DocumentPdf.docx_sha256 == document.sha256,
        )
    )
    return row.content if row is not None and row.content else None


def store_pdf(document: Document, data: bytes) -> None:
    """Keep the PDF of ``document`` (its own transaction; someone else's copy is as good)."""
    db.session.add(
        DocumentPdf(
            document_id=document.id,
            docx_sha256=document.sha256,
            converter=CONVERTER,
            content=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # converted twice at the same moment: the first one stays
        db.session.rollback()


def redis_url() -> str | None:
    """``REDIS_URL`` when the conversions go to the shared workers, else None."""
    return current_app.config.get("REDIS_URL") or None


def conversion_available() -> bool:
    """True when a PDF can be made now: a worker is listening, or LibreOffice is here."""
    if redis_url() is None:
        return pdf.pdf_available()
    try:
        from rq import Queue, Worker

        connection = _redis()
        return bool(Worker.count(queue=Queue(QUEUE, connection=connection)))
    except Exception:  # noqa: BLE001 - Redis down or unreachable: no PDF now, the page says so
        log.warning("PDF workers unreachable (REDIS_URL)")
        return False


def unavailable_reason() -> str:
    """Why no PDF could be made: "failed", "no_worker" (REDIS_URL) or "missing" (no LibreOffice)."""
    if redis_url() is not None:
        return "failed" if conversion_available() else "no_worker"
    return "failed" if pdf.pdf_available() else "missing"


def pdf_of(document: Document) -> bytes:
    """The PDF of ``document``: from the cache, else converted once and kept.

    Raises :class:`PdfUnavailable` when it cannot be made now.
    """
    cached = cached_pdf(document)
    if cached is not None:
        return cached
    if redis_url() is None:
        converted = pdf.to_pdf(document.content)
        store_pdf(document, converted)
        return converted
    if not conversion_available():
        raise PdfUnavailable("no PDF worker is running")
    _convert_on_a_worker(document.id)
    db.session.expire_all()  # the worker wrote it in another transaction
    cached = cached_pdf(document)
    if cached is None:
        raise PdfUnavailable("the worker stored no PDF")
    return cached


def _redis() -> Any:
    """This app's Redis client (one connection pool per process)."""
    from redis import Redis

    url = str(redis_url())
    client = current_app.extensions.get("stegvis.redis")
    if client is None or current_app.extensions.get("stegvis.redis_url") != url:
        client = Redis.from_url(url, socket_timeout=JOB_TIMEOUT + 10)
        current_app.extensions["stegvis.redis"] = client
        current_app.extensions["stegvis.redis_url"] = url
    return client


def _convert_on_a_worker(document_id: int) -> None:
    """Enqueue the conversion and wait for a worker to finish it."""
    from redis.exceptions import RedisError
    from rq import Queue
    from rq.results import Result

    try:
        queue = Queue(QUEUE, connection=_redis())
        wait = job_timeout()
        job = queue.enqueue(
            convert_document,
            document_id,
            job_timeout=JOB_TIMEOUT,
            result_ttl=60,
            failure_ttl=3600,
            ttl=wait,  # not started by then (no worker): dropped, never run late
        )
        result = job.latest_result(timeout=wait)
    except RedisError as error:
        raise PdfUnavailable(f"PDF workers unreachable: {type(error).__name__}") from None
    if result is None or result.type != Result.Type.SUCCESSFUL:
        raise PdfUnavailable("no worker converted the document in time")


def convert_document(document_id: int) -> str:
    """The job a ``stegvis worker`` runs: convert one version and keep its PDF.

    Returns the PDF's SHA-256 (nothing personal goes back through Redis).
    """
    try:
        document = db.session.get(Document, document_id)
        if document is None or not document.content:
            raise PdfUnavailable("no such document, or its content was erased")
        cached = cached_pdf(document)
        if cached is None:
            cached = pdf.to_pdf(document.content)
            store_pdf(document, cached)
        return hashlib.sha256(cached).hexdigest()
    finally:
        db.session.rollback()  # the next job starts clean and reads fresh rows
        db.session.close()
