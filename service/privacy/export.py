"""Everything held about a person as one ZIP (GDPR art. 15 access request).

The archive holds ``person.json``; per case ``cases/<reference>/case.json`` with every version of
every step's answers (and drafts, consent withdrawals, …) and the bytes of every issued document
in ``cases/<reference>/documents/``; and ``access_log.json``: every audit row about the person and
their cases (who, when, what, from where). File names carry numbers only, never the name.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import sqlalchemy as sa

from service import audit
from service.extensions import db
from service.models import Case, Document, Person, User
from service.privacy.records import (
    access_log,
    as_plain,
    case_tables,
    document_tables,
    json_safe,
    person_cases,
    rows_of,
    rows_of_documents,
)

EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

PERSON_FIELDS = (
    "id",
    "first_name",
    "last_name",
    "identity_kind",
    "identity_number",
    "date_of_birth",
    "sex",
    "preferred_language",
    "address",
    "phone",
    "email",
    "created_at",
    "erased_at",
)


def export_filename(person: Person) -> str:
    """Download name of the archive: the person's id only."""
    return f"person-{person.id}-export.zip"


def build_person_export(person: Person, *, actor: User | None = None) -> bytes:
    """The ZIP bytes of everything about ``person``; audited as ``person.export`` (caller commits).

    The audit row is added before the access log is read, so the export lists itself.
    """
    cases = person_cases(person)
    audit.record(
        "person.export", person_id=person.id, user_id=actor.id if actor else None, cases=len(cases)
    )
    db.session.flush()
    names = _staff_names()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        person_data = {field: json_safe(getattr(person, field)) for field in PERSON_FIELDS}
        person_data["unit"] = person.unit_id and _unit_name(person.unit_id)
        _write_json(archive, "person.json", person_data)
        for case in cases:
            _write_case(archive, case, names)
        log = [_log_entry(event, names) for event in access_log(person, cases)]
        _write_json(archive, "access_log.json", log)
    return buffer.getvalue()


def _write_case(archive: zipfile.ZipFile, case: Case, names: dict[int, str]) -> None:
    folder = f"cases/{case.reference}"
    data: dict[str, Any] = {
        "reference": case.reference,
        "unit": case.unit.name,
        "method": case.method,
        "status": case.status,
        "opened_at": json_safe(case.opened_at),
        "closed_at": json_safe(case.closed_at),
        "erased_at": json_safe(case.erased_at),
        "assignment": case.assignment,
        "referring_caseworker": case.caseworker_name,
        "contact_person": names.get(case.contact_person_id or 0, ""),
    }
    for table in case_tables():
        rows = []
        for row in rows_of(table, case.id):
            plain = as_plain(row)
            for key in ("created_by_id", "updated_by_id", "recorded_by_id"):
                if key in plain:
                    plain[key.removesuffix("_id")] = names.get(plain[key] or 0, "")
            rows.append(plain)
        data[table.name] = rows
    documents = db.session.scalars(
        sa.select(Document)
        .where(Document.case_id == case.id)
        .order_by(Document.number, Document.version)
    ).all()
    data["documents"] = []
    for document in documents:
        content = document.content or b""
        entry = {
            "number": document.number,
            "version": document.version,
            "type": document.doc_type,
            "language": document.language,
            "sha256": document.sha256,
            "issued_at": json_safe(document.issued_at),
            "issued_by": names.get(document.issued_by_id, ""),
            "file": f"documents/{document.filename}" if content else None,
        }
        if content:
            archive.writestr(f"{folder}/documents/{document.filename}", content)
        data["documents"].append(entry)
    ids = [document.id for document in documents]
    for table in document_tables():
        rows = []
        for row in rows_of_documents(table, ids):
            plain = as_plain(row)
            scan = getattr(row, "content", None)
            if isinstance(scan, bytes) and scan:
                extension = EXTENSIONS.get(plain.get("mimetype", ""), "bin")
                name = f"documents/{table.name}-{plain.get('id')}.{extension}"
                archive.writestr(f"{folder}/{name}", scan)
                plain["file"] = name
            rows.append(plain)
        data[table.name] = rows
    _write_json(archive, f"{folder}/case.json", data)


def _log_entry(event: Any, names: dict[int, str]) -> dict[str, Any]:
    return {
        "at": json_safe(event.at),
        "action": event.action,
        "user": names.get(event.user_id or 0, ""),
        "case_id": event.case_id,
        "ip": event.ip,
        "details": event.details,
    }


def _staff_names() -> dict[int, str]:
    return dict(db.session.execute(sa.select(User.id, User.full_name)).all())


def _unit_name(unit_id: int) -> str:
    from service.models import Unit

    unit = db.session.get(Unit, unit_id)
    return unit.name if unit else ""


def _write_json(archive: zipfile.ZipFile, name: str, data: Any) -> None:
    archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2, default=str))
