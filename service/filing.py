"""Exporting a case's issued documents to a folder (`stegvis export-case`); the ZIP for the
case page is service/documents/case_file.py, whose document list and damage check this uses."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from service import audit
from service.documents.case_file import DamagedDocument, case_documents
from service.extensions import db
from service.models import Case


def export_case_documents(case_id: int, out_dir: Path) -> dict[str, Any]:
    """Write each document version as NUMBER-vN.docx plus index.json; returns the index."""
    case = db.session.get(Case, case_id)
    if case is None:
        raise LookupError(f"No case with id {case_id}.")
    documents = case_documents(case)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for document in documents:
        entry = {
            "file": document.filename,
            "type": document.doc_type,
            "number": document.number,
            "version": document.version,
            "language": document.language,
            "sha256": document.sha256,
            "issued_at": document.issued_at.isoformat(),
        }
        if case.erased_at is not None:
            entry.update(file=None, erased=True)  # the bytes were erased; numbers and hashes stay
        elif hashlib.sha256(document.content).hexdigest() != document.sha256:
            raise DamagedDocument(f"{document.number} v{document.version}")
        else:
            (out_dir / document.filename).write_bytes(document.content)
        entries.append(entry)
    index = {"case": case.reference, "unit": case.unit.name, "documents": entries}
    (out_dir / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2), "utf-8")
    audit.record("case.export", case_id=case.id, documents=len(entries))
    db.session.commit()
    return index
