"""Signing: scans checked by content and size, drawn signatures in a new version, locking;
the filed mark; the case file ZIP with its index."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.documents.signing import MAX_SCAN_BYTES
from service.documents.stamp import qr_png
from service.extensions import db
from service.models import Document, DocumentFiling, DocumentSignature
from tests.conftest import FormClient, csrf_token

from .conftest import CaseWorld, issue_by_role
from .helpers import docx_text
from .test_issuing import documents, issue

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100
PNG = qr_png("signature")  # any real PNG


@pytest.fixture
def issued(staff: FormClient, full_case: CaseWorld, app: Flask) -> Document:
    """The case's consent, issued once."""
    issue(staff, full_case.case_id, "consent")
    return documents(app)[0]


BOUNDARY = "stegvis-test-boundary"


def multipart(fields: dict[str, str], file: tuple[str, bytes, str]) -> bytes:
    """A multipart/form-data body (built here: werkzeug's test encoder leaves big uploads in an
    unclosed temporary file)."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    filename, data, declared = file
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="scan"; '
        f'filename="{filename}"\r\nContent-Type: {declared}\r\n\r\n'.encode()
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def upload(
    client: FormClient,
    document: Document,
    data: bytes,
    filename: str,
    content_type: str = "application/pdf",
    token: bool = True,
) -> Any:
    page = client.get(f"/documents/{document.id}/sign").get_data(as_text=True)
    fields = {"csrf_token": csrf_token(page)} if token else {}
    return client.client.post(
        f"/documents/{document.id}/sign/scan",
        data=multipart(fields, (filename, data, content_type)),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def signatures(app: Flask) -> list[DocumentSignature]:
    with app.app_context():
        rows = list(db.session.scalars(sa.select(DocumentSignature)))
        for row in rows:
            _ = row.content
            db.session.expunge(row)
        return rows


@pytest.mark.parametrize(
    ("data", "name"), [(PDF, "scan.pdf"), (JPEG, "photo.jpeg"), (PNG, "no-extension")]
)
def test_a_scan_is_recognised_by_its_content(
    staff: FormClient,
    issued: Document,
    app: Flask,
    data: bytes,
    name: str,
) -> None:
    response = upload(staff, issued, data, name, "application/octet-stream")
    assert response.status_code == 302, response.get_data(as_text=True)
    (signature,) = signatures(app)
    assert signature.kind == "scan" and signature.content == data
    assert signature.signed_sha256 == issued.sha256
    assert signature.content_sha256 == hashlib.sha256(data).hexdigest()
    assert signature.signed_by_id == issued.issued_by_id


@pytest.mark.parametrize(
    ("data", "name", "declared"),
    [
        (b"MZ\x90\x00 an exe", "scan.pdf", "application/pdf"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "scan.png", "image/png"),
        (b"PK\x03\x04 a zip", "scan.jpg", "image/jpeg"),
        (b"", "empty.pdf", "application/pdf"),
    ],
)
def test_wrong_types_are_refused_beside_the_field(
    staff: FormClient,
    issued: Document,
    app: Flask,
    data: bytes,
    name: str,
    declared: str,
) -> None:
    response = upload(staff, issued, data, name, declared)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="scan-error"' in page
    assert (
        "Only PDF, JPEG or PNG scans can be uploaded." in page
        or "The file is empty." in page
        or "Choose the file of the scan." in page
    )
    assert signatures(app) == []


def test_a_scan_over_the_limit_is_refused_with_a_clear_message(
    staff: FormClient,
    issued: Document,
    app: Flask,
) -> None:
    response = upload(staff, issued, b"%PDF-" + b"0" * MAX_SCAN_BYTES, "big.pdf")
    assert response.status_code == 400
    assert "The file is larger than 10 MB." in response.get_data(as_text=True)
    assert signatures(app) == []


def test_a_scan_without_the_csrf_token_is_refused(
    staff: FormClient,
    issued: Document,
    app: Flask,
) -> None:
    response = upload(staff, issued, PDF, "scan.pdf", token=False)
    assert response.status_code == 400
    assert signatures(app) == []


def test_the_size_message_is_translated(
    staff: FormClient,
    issued: Document,
    app: Flask,
) -> None:
    staff.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    response = upload(staff, issued, b"%PDF-" + b"0" * MAX_SCAN_BYTES, "big.pdf")
    page = response.get_data(as_text=True)
    assert "The file is larger than 10 MB." not in page
    assert "10 MB" in page


def test_a_signed_document_is_locked(
    staff: FormClient,
    issued: Document,
    app: Flask,
    full_case: CaseWorld,
) -> None:
    assert upload(staff, issued, PDF, "scan.pdf").status_code == 302
    page = staff.get(f"/documents/{issued.id}/sign").get_data(as_text=True)
    assert f"Document {issued.number} is already signed and locked." in page
    assert upload(staff, issued, JPEG, "again.jpg").status_code == 400
    assert len(signatures(app)) == 1
    # Issuing the consent again starts a new number; the signed one stays as it is.
    issue(staff, full_case.case_id, "consent")
    first, second = documents(app)
    assert second.number != first.number and second.version == 1
    verify = staff.get(f"/verify/{issued.number}").get_data(as_text=True)
    assert "Signed (scan)" in verify and issued.sha256 in verify


def _drawn(client: FormClient, document: Document, data_url: str) -> Any:
    page = client.get(f"/documents/{document.id}/sign").get_data(as_text=True)
    return client.client.post(
        f"/documents/{document.id}/sign/drawn",
        data={"csrf_token": csrf_token(page), "drawing": data_url},
    )


def test_a_drawn_signature_goes_into_a_new_signed_version(
    staff: FormClient,
    issued: Document,
    app: Flask,
) -> None:
    page = staff.get(f"/documents/{issued.id}/sign").get_data(as_text=True)
    assert 'src="/static/signature.js"' in page and "<script>" not in page  # no inline script
    assert 'enctype="multipart/form-data"' in page  # the upload works without JavaScript
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert _drawn(staff, issued, data_url).status_code == 302
    original, signed = documents(app)
    assert (signed.number, signed.version) == (original.number, 2)
    (signature,) = signatures(app)
    assert (signature.kind, signature.document_id, signature.signed_document_id) == (
        "drawn",
        original.id,
        signed.id,
    )
    assert signature.signed_sha256 == original.sha256 and signature.content == PNG
    # The picture sits in the signature block of version 2, with the QR code in the header.
    with zipfile.ZipFile(io.BytesIO(signed.content)) as package:
        media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
    assert PNG in media
    assert "wersja 2" in docx_text(signed.content)
    assert _drawn(staff, original, data_url).status_code == 400  # locked
    assert _drawn(staff, signed, data_url).status_code == 400


@pytest.mark.parametrize(
    "data_url",
    [
        "",
        "data:image/png;base64,!!!",
        "data:image/png;base64," + base64.b64encode(PDF).decode(),
        "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\nbroken").decode(),
    ],
)
def test_a_bad_drawing_is_refused(
    staff: FormClient,
    issued: Document,
    app: Flask,
    data_url: str,
) -> None:
    response = _drawn(staff, issued, data_url)
    assert response.status_code == 400
    assert "Draw the signature in the box first." in response.get_data(as_text=True)
    assert signatures(app) == [] and len(documents(app)) == 1


def upload_as_social_worker(client: FormClient, world: CaseWorld, kontrakt: Any) -> Any:
    """The pracownik socjalny, who concluded the kontrakt (ipwzb.yaml roles), uploads its
    signed scan; the worker signs in again."""
    assert world.social_worker is not None
    assert client.switch_to(world.social_worker.email).status_code == 302
    response = upload(client, kontrakt, PDF, "scan.pdf")
    assert client.switch_to(world.worker.email).status_code == 302
    return response


def test_filing_and_the_case_file_zip(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    issue_by_role(staff, full_case, "agreement")
    issue(staff, full_case.case_id, "plan")
    agreement, plan = documents(app)
    assert upload_as_social_worker(staff, full_case, agreement).status_code == 302
    response = staff.post(f"/documents/{plan.id}/file", form_url=f"/cases/{full_case.case_id}")
    assert response.status_code == 302
    page = staff.get(f"/cases/{full_case.case_id}").get_data(as_text=True)
    assert page.count("Mark as filed") == 1  # the agreement is not filed yet
    with app.app_context():
        filing = db.session.scalar(sa.select(DocumentFiling))
        assert filing.document_id == plan.id and filing.filed_by_id == full_case.worker.id
    response = staff.get(f"/cases/{full_case.case_id}/case-file.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "Wójcik" not in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = set(archive.namelist())
        index = json.loads(archive.read("index.json"))
        rows = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode())))
        files = {name: archive.read(name) for name in names}
    assert names == {
        agreement.filename,
        plan.filename,
        f"{agreement.number}-v1-signed.pdf",
        "index.json",
        "index.csv",
    }
    assert files[f"{agreement.number}-v1-signed.pdf"] == PDF
    for entry in index["documents"]:
        assert hashlib.sha256(files[entry["file"]]).hexdigest() == entry["sha256"]
    by_file = {row["file"]: row for row in rows}
    assert by_file[agreement.filename]["signed"] == "scan"
    assert by_file[plan.filename]["filed_at"] and not by_file[agreement.filename]["filed_at"]
    assert by_file[plan.filename]["context_sha256"] == plan.context_sha256


def test_export_case_and_the_case_page_zip_hold_the_same_files(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    tmp_path: Path,
) -> None:
    """`stegvis export-case` writes exactly what the case page's ZIP holds: documents, signed
    scans, index.json and index.csv, byte for byte."""
    issue_by_role(staff, full_case, "agreement")
    issue(staff, full_case.case_id, "plan")
    agreement, plan = documents(app)
    assert upload_as_social_worker(staff, full_case, agreement).status_code == 302
    staff.post(f"/documents/{plan.id}/file", form_url=f"/cases/{full_case.case_id}")
    response = staff.get(f"/cases/{full_case.case_id}/case-file.zip")
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        zipped = {name: archive.read(name) for name in archive.namelist()}
    out = tmp_path / "out"
    result = app.test_cli_runner().invoke(
        args=["export-case", str(full_case.case_id), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    written = {path.name: path.read_bytes() for path in out.iterdir()}
    assert f"{agreement.number}-v1-signed.pdf" in written
    assert {"index.json", "index.csv"} <= set(written)
    assert written == zipped
    kinds = [row["kind"] for row in json.loads(written["index.json"])["documents"]]
    assert sorted(kinds) == ["document", "document", "signed scan"]


def test_an_erased_case_file_keeps_its_index_only(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
) -> None:
    from service.documents.case_file import case_file_zip
    from service.models import Case

    issue(staff, full_case.case_id, "consent")
    (document,) = documents(app)
    assert upload(staff, document, PDF, "scan.pdf").status_code == 302
    with app.app_context():
        stored = db.session.get(Document, document.id)
        stored.content, stored.context = b"", {}
        signature = db.session.scalar(sa.select(DocumentSignature))
        signature.content = b""
        db.session.commit()
        data = case_file_zip(db.session.get(Case, full_case.case_id))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert set(archive.namelist()) == {"index.json", "index.csv"}
        entry = json.loads(archive.read("index.json"))["documents"][0]
    assert entry["kind"] == "erased document" and entry["sha256"] == document.sha256
