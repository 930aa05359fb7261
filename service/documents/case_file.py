"""The caseworker's case file: every issued and signed document of a case with an index (JSON
and CSV) of numbers, versions and hashes, as a ZIP (case page) or a folder (`stegvis
export-case`) written from the same list; and the "filed" mark per document."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from service import audit
from service.documents.document_types import document_type
from service.documents.signing import EXTENSIONS
from service.extensions import db
from service.models import Case, Document, DocumentFiling, DocumentSignature, User

INDEX_FIELDS = (
    "file",
    "kind",
    "type",
    "title",
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


@dataclass(frozen=True)
class CaseFile:
    """What an export of a case holds: the files (name → bytes) and the index rows."""

    files: dict[str, bytes]
    index: dict[str, Any]

    def everything(self) -> dict[str, bytes]:
        """Every file of the export, the two indexes included, by name."""
        return {**self.files, **index_files(self.index)}


def _entry(kind: str, file: str, document: Document, **fields: Any) -> dict[str, Any]:
    """One index row; every row has every field of :data:`INDEX_FIELDS`."""
    row: dict[str, Any] = dict.fromkeys(INDEX_FIELDS, "")
    row.update(
        file=file,
        kind=kind,
        type=document.doc_type,
        title=document_type(document.doc_type).label_in(document.language),
        number=document.number,
        version=document.version,
        language=document.language,
        **fields,
    )
    return row


def case_file_contents(case: Case) -> CaseFile:
    """Every document version and signed scan of the case, and their index.

    The one list both exports write (the case page's ZIP and ``stegvis export-case``). Raises
    :class:`DamagedDocument` when stored bytes no longer match their hash; an erased document
    (GDPR erasure or retention purge) keeps its index row without a file.
    """
    documents = case_documents(case)
    signatures = signatures_by_document(documents)
    filings = filings_by_document(documents)
    files: dict[str, bytes] = {}
    entries: list[dict[str, Any]] = []
    for document in documents:
        erased = not document.content
        if not erased and hashlib.sha256(document.content).hexdigest() != document.sha256:
            raise DamagedDocument(f"{document.number} v{document.version}")
        if not erased:
            files[document.filename] = document.content
        signature = signatures.get(document.id)
        filing = filings.get(document.id)
        entries.append(
            _entry(
                "erased document" if erased else "document",
                "" if erased else document.filename,
                document,
                sha256=document.sha256,
                context_sha256=document.context_sha256 or "",
                issued_at=document.issued_at.isoformat(),
                signed=signature.kind if signature else "",
                filed_at=filing.filed_at.isoformat() if filing else "",
            )
        )
        if signature is not None and signature.kind == "scan" and signature.content:
            name = f"{document.number}-v{document.version}-signed.{EXTENSIONS[signature.mimetype]}"
            files[name] = signature.content
            entries.append(
                _entry(
                    "signed scan",
                    name,
                    document,
                    sha256=signature.content_sha256,
                    issued_at=signature.signed_at.isoformat(),
                    signed="scan",
                )
            )
    journal = journal_csv(case)
    if journal is not None:
        # an erased case keeps the row (there was a journal) without the file
        erased = case.erased_at is not None
        if not erased:
            files[JOURNAL_FILE] = journal
        row: dict[str, Any] = dict.fromkeys(INDEX_FIELDS, "")
        row.update(
            file="" if erased else JOURNAL_FILE,
            kind="erased journal" if erased else "journal",
            type="journal",
            title=_journal_title(case),
            sha256="" if erased else hashlib.sha256(journal).hexdigest(),
        )
        entries.append(row)
    index = {"case": case.reference, "unit": case.unit.name, "documents": entries}
    return CaseFile(files=files, index=index)


#: The contact journal in the case file: every version of every entry.
JOURNAL_FILE = "journal.csv"


def _journal_title(case: Case) -> str:
    from flask_babel import force_locale, gettext

    from service.documents.context import document_language

    with force_locale(document_language(case)):
        return gettext("Contact journal")


def journal_csv(case: Case) -> bytes | None:
    """Every version of every journal entry of the case as CSV (None without entries).

    A value starting with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so that a
    spreadsheet shows a typed note as text and never runs it as a formula.
    """
    from service.journal.display import entry_rows
    from service.models import ContactEntry

    versions = list(
        db.session.scalars(
            sa.select(ContactEntry)
            .where(ContactEntry.case_id == case.id)
            .order_by(ContactEntry.entry_no, ContactEntry.version)
        )
    )
    if not versions:
        return None
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(
        [
            "entry",
            "version",
            "when",
            "kind",
            "took_place",
            "minutes",
            "person",
            "staff",
            "network",
            "sub_goals",
            "note",
            "change_reason",
            "recorded_by",
            "recorded_at",
        ]
    )
    from flask_babel import force_locale

    from service.documents.context import document_language
    from service.reports.yearly import spreadsheet_safe

    with force_locale(document_language(case)):  # also outside a request (export-case)
        rows = entry_rows(versions, {})
    for row in rows:
        writer.writerow(
            spreadsheet_safe(value)
            for value in [
                row.entry_no,
                row.version,
                row.moment.isoformat(),
                row.kind,
                "yes" if row.took_place else "no",
                "" if row.duration is None else row.duration,
                "yes" if row.person else "no",
                "; ".join(row.staff),
                "; ".join(row.network),
                "; ".join(row.sub_goals),
                row.note,
                row.change_reason,
                row.recorded_by,
                row.recorded_at.isoformat(),
            ]
        )
    return table.getvalue().encode("utf-8")


def index_files(index: dict[str, Any]) -> dict[str, bytes]:
    """``index.json`` (for programs: with the case and unit) and ``index.csv`` (for a
    spreadsheet or the filing register), both from the same rows."""
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=INDEX_FIELDS)
    writer.writeheader()
    writer.writerows(index["documents"])
    return {
        "index.json": json.dumps(index, ensure_ascii=False, indent=2).encode(),
        "index.csv": table.getvalue().encode(),
    }


def _audit_export(case: Case, exported: CaseFile) -> None:
    documents = sum(
        1
        for row in exported.index["documents"]
        if row["kind"] not in ("signed scan", "journal", "erased journal")
    )
    audit.record("case.export", case_id=case.id, documents=documents)
    db.session.commit()


def case_file_zip(case: Case) -> bytes:
    """The case file as one ZIP (the case page's download)."""
    exported = case_file_contents(case)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in exported.everything().items():
            archive.writestr(name, content)
    _audit_export(case, exported)
    return buffer.getvalue()


def write_case_file(case: Case, out_dir: Path) -> dict[str, Any]:
    """The case file written into the folder ``out_dir`` (``stegvis export-case``); returns the
    index. The same files as :func:`case_file_zip`."""
    exported = case_file_contents(case)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, content in exported.everything().items():
        (out_dir / name).write_bytes(content)
    _audit_export(case, exported)
    return exported.index


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
