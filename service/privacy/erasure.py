"""Erasure and anonymisation (GDPR art. 17): the person's names, numbers and contact details,
and the free text and document bytes of their cases, are removed; ids, numbers, hashes and
dates stay so the file still shows that something existed and when."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from service import audit
from service.crypto import EncryptedBytes, EncryptedJSON, EncryptedText
from service.extensions import db
from service.models import Case, Document, DocumentPdf, Person, User
from service.models._types import utcnow
from service.privacy.records import (
    case_tables,
    document_tables,
    person_cases,
    rows_of,
    rows_of_documents,
)

#: What an erased person is called from then on.
ANONYMISED = "Anonymised"


def _blank(column: sa.Column[Any]) -> Any:
    """The empty value of a free-text column, or ``NotImplemented`` for a column to keep."""
    kind = column.type
    if isinstance(kind, EncryptedJSON | sa.JSON):
        return {}
    if isinstance(kind, EncryptedText) or type(kind) is sa.Text:
        return ""
    if isinstance(kind, EncryptedBytes | sa.LargeBinary):
        return b""
    return NotImplemented


def erase_case_content(case: Case) -> int:
    """Empty the case's answers, drafts, free text and document bytes; returns rows changed.

    Every table with a ``case_id`` is covered (found from the models), so a new model holding
    answers is erased too. Numbers, versions, hashes, who and when are kept.
    """
    changed = 0
    case.assignment = ""
    case.erased_at = utcnow()
    for table in case_tables():
        blanks = {c.key: _blank(c) for c in table.columns if _blank(c) is not NotImplemented}
        if not blanks:
            continue
        for row in rows_of(table, case.id):
            for key, value in blanks.items():
                setattr(row, key, value)
            changed += 1
    documents = list(db.session.scalars(sa.select(Document).where(Document.case_id == case.id)))
    for document in documents:
        document.content = b""
        document.context = {}
        changed += 1
    if documents:  # the cached PDFs hold the whole content: gone, not blanked
        gone = db.session.scalars(
            sa.delete(DocumentPdf)
            .where(DocumentPdf.document_id.in_([d.id for d in documents]))
            .returning(DocumentPdf.id)
        )
        changed += len(gone.all())
    for table in document_tables():  # signed scans and drawn signatures
        blanks = {c.key: _blank(c) for c in table.columns if _blank(c) is not NotImplemented}
        if blanks:
            for row in rows_of_documents(table, [d.id for d in documents]):
                for key, value in blanks.items():
                    setattr(row, key, value)
                changed += 1
    return changed


def anonymise_person(person: Person) -> None:
    """Replace the person's names and clear numbers, birth date and contact details."""
    person.first_name = ANONYMISED
    person.last_name = ""
    person.identity_kind = None
    person.identity_number = None
    person.date_of_birth = None
    person.sex = None
    person.address = ""
    person.phone = ""
    person.email = ""
    person.erased_at = utcnow()


def erase_person(person: Person, *, reason: str, actor: User | None) -> list[int]:
    """Erase the person and every case of theirs, audited with the reason; returns case ids."""
    cases = person_cases(person)
    for case in cases:
        erase_case_content(case)
    anonymise_person(person)
    audit.record(
        "person.erase",
        person_id=person.id,
        user_id=actor.id if actor else None,
        reason=reason.strip(),
        cases=[case.id for case in cases],
    )
    db.session.commit()
    return [case.id for case in cases]
