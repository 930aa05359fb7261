"""The caseworker's case file: every issued and signed document of a case in one ZIP with an
index (JSON and CSV) of numbers, versions and hashes; and the "filed" mark per document."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from typing import Any

import sqlalchemy as sa

from service import audit
from service.documents.signing import EXTENSIONS
from service.extensions import db
from service.models import Case, Document, DocumentFiling, DocumentSignature, User

INDEX_FIELDS = (
    "file",
    "kind",
    "type",
    "number",
    "version",
    "language",
    "sha256",
    "context_sha256",
    "issued_at",
    "signed",
    "filed_at",
)


class DamagedDocument(RuntimeError):
    """Stored bytes no longer match their recorded hash."""


def case_documents(case: Case) -> list[Document]:
    """The case's document versions, by number and version."""
    return list(
        db.session.scalars(
            sa.select(Document)
            .where(Document.case_id == case.id)
            .order_by(Document.number, Document.version)
        )
    )


def signatures_by_document(documents: list[Document]) -> dict[int, DocumentSignature]:
    """Signature of each signed version, keyed by document id."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    rows = db.session.scalars(
        sa.select(DocumentSignature).where(DocumentSignature.document_id.in_(ids))
    )
    return {row.document_id: row for row in rows}


def carried_signatures(documents: list[Document]) -> dict[int, DocumentSignature]:
    """Drawn signatures by the id of the new version that carries the picture."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    rows = db.session.scalars(
        sa.select(DocumentSignature).where(DocumentSignature.signed_document_id.in_(ids))
    )
    return {row.signed_document_id: row for row in rows if row.signed_document_id is not None}


def filings_by_document(documents: list[Document]) -> dict[int, DocumentFiling]:
    """Filing of each filed version, keyed by document id."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    rows = db.session.scalars(sa.select(DocumentFiling).where(DocumentFiling.document_id.in_(ids)))
    return {row.document_id: row for row in rows}


def case_file_zip(case: Case) -> bytes:
    """The ZIP of the case file; raises :class:`DamagedDocument` when a hash does not match."""
    documents = case_documents(case)
    signatures = signatures_by_document(documents)
    filings = filings_by_document(documents)
    entries: list[dict[str, Any]] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            erased = not document.content  # the person's data was erased; the index remains
            if not erased and hashlib.sha256(document.content).hexdigest() != document.sha256:
                raise DamagedDocument(f"{document.number} v{document.version}")
            if not erased:
                archive.writestr(document.filename, document.content)
            signature = signatures.get(document.id)
            filing = filings.get(document.id)
            entries.append(
                {
                    "file": "" if erased else document.filename,
                    "kind": "erased document" if erased else "document",
                    "type": document.doc_type,
                    "number": document.number,
                    "version": document.version,
                    "language": document.language,
                    "sha256": document.sha256,
                    "context_sha256": document.context_sha256 or "",
                    "issued_at": document.issued_at.isoformat(),
                    "signed": signature.kind if signature else "",
                    "filed_at": filing.filed_at.isoformat() if filing else "",
                }
            )
            if signature is not None and signature.kind == "scan" and signature.content:
                name = (
                    f"{document.number}-v{document.version}-signed.{EXTENSIONS[signature.mimetype]}"
                )
                archive.writestr(name, signature.content)
                entries.append(
                    {
                        "file": name,
                        "kind": "signed scan",
                        "type": document.doc_type,
                        "number": document.number,
                        "version": document.version,
                        "language": document.language,
                        "sha256": signature.content_sha256,
                        "context_sha256": "",
                        "issued_at": signature.signed_at.isoformat(),
                        "signed": "scan",
                        "filed_at": "",
                    }
                )
        index = {"case": case.reference, "unit": case.unit.name, "documents": entries}
        archive.writestr("index.json", json.dumps(index, ensure_ascii=False, indent=2))
        table = io.StringIO()
        writer = csv.DictWriter(table, fieldnames=INDEX_FIELDS)
        writer.writeheader()
        writer.writerows(entries)
        archive.writestr("index.csv", table.getvalue())
    audit.record("case.export", case_id=case.id, documents=len(documents))
    db.session.commit()
    return buffer.getvalue()


def mark_filed(document: Document, user: User) -> DocumentFiling:
    """Mark a document version as filed (once); returns the filing."""
    existing = db.session.scalar(
        sa.select(DocumentFiling).where(DocumentFiling.document_id == document.id)
    )
    if existing is not None:
        return existing
    filing = DocumentFiling(document_id=document.id, filed_by_id=user.id)
    db.session.add(filing)
    audit.record(
        "document.file",
        case_id=document.case_id,
        user_id=user.id,
        number=document.number,
        version=document.version,
    )
    db.session.commit()
    return filing
