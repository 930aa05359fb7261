"""``stegvis worker``: a PDF worker that every app process shares (with ``REDIS_URL``).

Each worker keeps one soffice warm and runs the conversions of the queue one at a time in its
own process (RQ's SimpleWorker: no fork per job, so the soffice stays warm). Run as many as the
machine has cores for LibreOffice, on any machine with LibreOffice and the same database.
"""

from __future__ import annotations

import os

import click
from flask import current_app
from flask.cli import with_appcontext

from service.cli import commands
from service.documents.pdf import PdfUnavailable, converter, pdf_available
from service.documents.pdf_cache import QUEUE


@commands.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@with_appcontext
def worker(burst: bool) -> None:
    """Convert documents to PDF for every app process (needs REDIS_URL and LibreOffice)."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.UsageError(
            "REDIS_URL is not set: without it every app process converts its own PDFs and "
            "no worker is needed."
        )
    if not pdf_available():
        raise click.UsageError(
            "LibreOffice is not installed here (Debian: apt-get install "
            "libreoffice-writer-nogui python3-uno)."
        )
    try:
        converter().warm()
    except PdfUnavailable as error:
        raise click.ClickException(f"LibreOffice did not start: {error}") from None
    connection = Redis.from_url(url)
    click.echo(f"PDF worker {os.getpid()} ready on queue {QUEUE!r}, one soffice kept warm.")
    SimpleWorker([Queue(QUEUE, connection=connection)], connection=connection).work(
        burst=burst, logging_level="WARNING"
    )
