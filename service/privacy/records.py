"""Finding every row about a person: their cases and the rows that hang off each case."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from service.db import Base
from service.extensions import db
from service.models import AuditEvent, Case, Person

#: Tables keyed by case that are handled on their own (not as generic case rows). The cached
#: PDFs are derived from the documents: not exported, deleted on erasure (erasure.py).
SPECIAL_TABLES = frozenset({"audit_events", "documents", "cases", "document_pdfs"})


def person_cases(person: Person) -> list[Case]:
    """Every case of the person, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Case).where(Case.person_id == person.id).order_by(Case.opened_at, Case.id)
        )
    )


def case_tables() -> list[sa.Table]:
    """Tables with a ``case_id`` column (submissions, drafts, withdrawals, …), found from the
    models so that a new model is exported and erased without changing this module."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if "case_id" in table.c and table.name not in SPECIAL_TABLES
    ]


def document_tables() -> list[sa.Table]:
    """Tables keyed by a document version (signatures, filings, …), found from the models."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if "document_id" in table.c and table.name not in SPECIAL_TABLES
    ]


def rows_of_documents(table: sa.Table, document_ids: list[int]) -> list[Any]:
    """The model objects of ``table`` that belong to any of the document versions."""
    cls = mapped_class(table)
    if cls is None or not document_ids:
        return []
    query = sa.select(cls).where(table.c.document_id.in_(document_ids))
    if "id" in table.c:
        query = query.order_by(table.c.id)
    return list(db.session.scalars(query))


def mapped_class(table: sa.Table) -> type[Any] | None:
    """The model class mapped to ``table`` (so encrypted columns are decrypted on read)."""
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_  # type: ignore[no-any-return]
    return None


def rows_of(table: sa.Table, case_id: int) -> list[Any]:
    """The model objects of ``table`` that belong to the case, in id order when there is one."""
    cls = mapped_class(table)
    if cls is None:
        return []
    query = sa.select(cls).where(table.c.case_id == case_id)
    if "id" in table.c:
        query = query.order_by(table.c.id)
    return list(db.session.scalars(query))


def as_plain(obj: Any) -> dict[str, Any]:
    """Every column of a model object as JSON-safe values (dates as ISO text)."""
    return {
        column.key: json_safe(getattr(obj, column.key))
        for column in obj.__table__.columns
        if column.key in obj.__mapper__.column_attrs
    }


def json_safe(value: Any) -> Any:
    """Dates and datetimes as ISO text, bytes as their length; the rest unchanged."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} bytes>"
    return value


def access_log(person: Person, cases: list[Case]) -> list[AuditEvent]:
    """Audit rows about the person or any of their cases, oldest first."""
    case_ids = [case.id for case in cases]
    condition = AuditEvent.person_id == person.id
    if case_ids:
        condition = sa.or_(condition, AuditEvent.case_id.in_(case_ids))
    return list(db.session.scalars(sa.select(AuditEvent).where(condition).order_by(AuditEvent.id)))
