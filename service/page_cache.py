"""Rendered parts of a case's pages, kept in the process under the revision of what they show.

Reading a case page's steps, documents, team and journal and rendering them costs most of the
page; a worker opens the same case again and again between two changes. So the rendered part
is kept, keyed by everything it depends on:

* the case's ``revision``, raised in the same transaction as every change to a row the case's
  pages show (its steps and drafts, documents and what hangs on them, team, journal, network,
  family, consent, the person), by the session hooks below: every flush notes what its objects
  change, and the commit raises those revisions as its last statements;
* the shared revision (``page_revisions``), raised when staff (name, title, role, unit,
  active), a unit or any row this module does not know changes — unknown is shared, so a new
  model is never shown stale, only cached less;
* who is looking (user id, role, unit), the language, today's date (overdue marks, days left),
  and the state of PDF printing.

A whole page (:func:`page_key`, :func:`cached_page`) is kept the same way with its address
added, unless a flash message waits to be shown. The lists keep each line
(:func:`cached_rows`) and each whole page (:func:`cached_list`) under the values of the rows
their query read on that very request, so a list is never shown stale without any revision.

The access check and the audit of the view run on every request before a kept part is used;
the cache only saves the reading and rendering. A request's CSRF token is never kept: it is
replaced by a marker when a part is stored and the current token put back when it is used.

Why this is written here rather than taken from a caching library: the hard part is the
invalidation (a revision raised inside the writing transaction, derived from the flushed
objects), which no library knows; the store itself is a small LRU per process, so decrypted
personal data never leaves the process (not in Redis, not on disk) and is gone on restart.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import sqlalchemy as sa
from flask import current_app, g, has_request_context, request, session
from flask_babel import get_locale, get_timezone
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import ORMExecuteState, Session

from service.clock import local_today
from service.models import Case, Document, Person, User
from service.models.page_revision import SHARED, PageRevision

#: Tables whose rows no cached part shows: writing them raises no revision.
IGNORED_TABLES = frozenset(
    {
        "audit_events",  # every view writes one: it must not undo the cache it is logged beside
        "calendar_feeds",
        "password_tokens",
        "recovery_codes",
        "document_pdfs",  # the PDF cache of a document whose row is unchanged
        "document_sequences",
        "method_snapshots",  # written once per method version, never changed
        "page_revisions",
    }
)
#: What of a staff member pages show; a sign-in, a password or two-factor change is not it.
USER_SHOWN = frozenset({"email", "full_name", "title", "phone", "role", "unit_id", "active"})
#: An execution option for a bulk statement that changes nothing shown (a row lock).
NEUTRAL = "page_cache_neutral"
#: Where the current request's CSRF token stood in a kept part.
CSRF_MARK = "<!--csrf-token-->"  # escaped text can never hold it

MAX_ENTRIES = 512
#: Kept as UTF-8: 16 MB hold some 400 case pages (a worker's RSS stays well under 150 MB).
MAX_BYTES = 16_000_000


class _Store:
    """A least-recently-used dict of texts kept as UTF-8, bounded in entries and bytes, safe
    across threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> str | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        return found.decode()

    def put(self, key: Hashable, value: str) -> None:
        encoded = value.encode()
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._items[key] = encoded
            self._bytes += len(encoded)
            while self._items and (
                len(self._items) > self.max_entries or self._bytes > self.max_bytes
            ):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def store() -> _Store:
    """The current app's store (one per app: two apps in one process share nothing)."""
    return current_app.extensions.setdefault("stegvis.page_cache", _Store())  # type: ignore[no-any-return]


def shared_revision_column() -> sa.ScalarSelect[int]:
    """The shared revision as a column to read with another row (0 before anything changed)."""
    return (
        sa.select(sa.func.coalesce(sa.func.max(PageRevision.revision), 0))
        .where(PageRevision.name == SHARED)
        .scalar_subquery()
    )


def note_shared_revision(value: int | None) -> None:
    """Keep the shared revision read with the signed-in user for the rest of the request."""
    if has_request_context():
        g.page_shared_revision = value or 0


def shared_revision() -> int:
    """The shared revision: as read with the signed-in user at the start of this request (before
    anything it shows), else read now."""
    from service.extensions import db

    noted = g.get("page_shared_revision") if has_request_context() else None
    if noted is not None:
        return int(noted)
    return int(db.session.scalar(sa.select(shared_revision_column())) or 0)


def part_key(name: str, case: Case, *extra: Hashable) -> tuple[Hashable, ...] | None:
    """The key of the part ``name`` of ``case``'s page for the current viewer (see the
    module's docstring), None when the cache is off; ``extra`` adds what else the part depends
    on (a step, an instance)."""
    if not current_app.config.get("PAGE_CACHE", True):
        return None
    from service.documents.pdf_cache import conversion_available

    user = current_user
    return (
        name,
        case.id,
        case.revision,
        shared_revision(),
        user.id,
        user.role,
        user.unit_id,
        str(get_locale()),
        local_today(),
        conversion_available(),
        *extra,
    )


def kept(key: tuple[Hashable, ...] | None) -> Markup | None:
    """The part kept under ``key`` with the current CSRF token in it, None when none is."""
    found = store().get(key) if key is not None else None
    if found is None:
        return None
    if CSRF_MARK in found:
        from flask_wtf.csrf import generate_csrf

        found = found.replace(CSRF_MARK, generate_csrf())
    return Markup(found)  # noqa: S704 - rendered by the app's autoescaping templates


def keep(key: tuple[Hashable, ...] | None, html: str) -> Markup:
    """Keep ``html``, just rendered for this request, under ``key``; ``html`` as markup."""
    if key is not None:
        token = g.get("csrf_token")
        store().put(key, html.replace(token, CSRF_MARK) if token else html)
    return Markup(html)  # noqa: S704 - rendered by the app's autoescaping templates


def cached_part(name: str, case: Case, render: Callable[[], str], *extra: Hashable) -> Markup:
    """The part ``name`` of ``case``'s page: kept, else ``render()`` made and kept."""
    key = part_key(name, case, *extra)
    found = kept(key)
    return found if found is not None else keep(key, render())


def page_key(name: str, case: Case, *extra: Hashable) -> tuple[Hashable, ...] | None:
    """The key of the whole page ``name`` of ``case`` (the site's header and menu around the
    parts), None when it is not to be kept. The header shows the viewer, the language and links
    back to this very address, so the address (with its query) is part of the key; a page with
    a message waiting to be shown once (a flash) is rendered and never kept."""
    if "_flashes" in session:
        return None
    return part_key(f"page:{name}", case, request.full_path, *extra)


def cached_page(name: str, case: Case, render: Callable[[], str], *extra: Hashable) -> str:
    """The whole page ``name`` of ``case``: kept, else ``render()`` made and kept."""
    key = page_key(name, case, *extra)
    found = kept(key)
    return str(found if found is not None else keep(key, render()))


#: The lines of the lists are kept apart from the pages (many and small: a page of them would
#: push 50 pages out of the pages' store).
ROW_ENTRIES = 20_000
ROW_BYTES = 8_000_000


def row_store() -> _Store:
    """The current app's store of list lines."""
    return current_app.extensions.setdefault(  # type: ignore[no-any-return]
        "stegvis.row_cache", _Store(ROW_ENTRIES, ROW_BYTES)
    )


def cached_rows(name: str, rows: Iterable[Hashable], render: Callable[[Any], str]) -> Markup:
    """The lines of a list: each kept under the values of its row (a frozen dataclass of what
    the line shows, read by the list's query on every request), the language, the time zone
    and today's date, else ``render(row)`` made and kept.

    The key is the row itself, not a revision: a line is a function of its row and the
    language, so a changed value is a new line and nothing can be shown stale. The same line
    serves everyone who sees that row; who may see which row is the query's to decide."""
    if not current_app.config.get("PAGE_CACHE", True):
        return Markup("".join(str(render(row)) for row in rows))  # noqa: S704 - autoescaped
    common = (name, str(get_locale()), str(get_timezone()), local_today())
    lines = row_store()
    parts = []
    for row in rows:
        key = (*common, row)
        found = lines.get(key)
        if found is None:
            found = str(render(row))
            lines.put(key, found)
        parts.append(found)
    return Markup("".join(parts))  # noqa: S704 - rendered by the app's autoescaping templates


#: Whole list pages, kept apart too (one per viewer and filter: some 40 KB each).
LIST_ENTRIES = 400
LIST_BYTES = 8_000_000


def list_store() -> _Store:
    """The current app's store of whole list pages."""
    return current_app.extensions.setdefault(  # type: ignore[no-any-return]
        "stegvis.list_cache", _Store(LIST_ENTRIES, LIST_BYTES)
    )


def cached_list(
    name: str, rows: Iterable[Hashable], render: Callable[[], str], *extra: Hashable
) -> str:
    """A whole list page: kept under the values of the rows it shows (read by the list's query
    on this very request), what the page is asked for (``extra``: the filters, the search), the
    viewer, the language, the time zone, today, the address and the shared revision (the
    staff's names and the units), else ``render()`` made and kept.

    As with :func:`cached_rows` nothing can be shown stale: a changed row is a new key; who may
    see which rows is still decided by the query. Never kept while a flash message waits."""
    if not current_app.config.get("PAGE_CACHE", True) or "_flashes" in session:
        return render()
    user = current_user
    key = (
        f"list:{name}",
        tuple(rows),
        shared_revision(),
        user.id,
        user.role,
        user.unit_id,
        str(get_locale()),
        str(get_timezone()),
        local_today(),
        request.full_path,
        *extra,
    )
    pages = list_store()
    found = pages.get(key)
    if found is not None:
        if CSRF_MARK in found:
            from flask_wtf.csrf import generate_csrf

            found = found.replace(CSRF_MARK, generate_csrf())
        return found
    html = render()
    token = g.get("csrf_token")
    pages.put(key, html.replace(token, CSRF_MARK) if token else html)
    return html


# --- raising the revisions -------------------------------------------------------------------


def _values(obj: Any, attribute: str) -> list[int] | None:
    """Every value ``obj.attribute`` had in this flush (before and after a change), without a
    query; None when it was not loaded (which rows it points to is then unknown)."""
    state: Any = sa.inspect(obj)
    if attribute not in state.dict and not state.attrs[attribute].history.added:
        return None
    history = state.attrs[attribute].history
    return [v for v in (*history.added, *history.unchanged, *history.deleted) if v is not None]


def _changed(session: Session) -> tuple[set[int], set[int], set[int], bool]:
    """The cases, persons and documents whose pages the flushed objects change, and whether
    the shared revision must rise."""
    cases: set[int] = set()
    persons: set[int] = set()
    documents: set[int] = set()
    shared = False
    new = session.new
    for obj in chain(new, session.dirty, session.deleted):
        table = sa.inspect(obj).mapper.local_table.name
        if table in IGNORED_TABLES:
            continue
        is_new = obj in new
        if not is_new and obj in session.dirty and not session.is_modified(obj):
            continue
        if isinstance(obj, Case | Person):
            if not is_new:  # a new one is on no page kept yet
                (cases if isinstance(obj, Case) else persons).add(obj.id)
        elif isinstance(obj, User):
            if not is_new and _user_shown_changed(obj):
                shared = True
        elif hasattr(obj, "case_id") or hasattr(obj, "document_id"):
            attribute = "case_id" if hasattr(obj, "case_id") else "document_id"
            found = _values(obj, attribute)
            if found is None:
                shared = True
            else:
                (cases if attribute == "case_id" else documents).update(found)
        else:
            shared = True
    return cases, persons, documents, shared


def _user_shown_changed(user: User) -> bool:
    state: Any = sa.inspect(user)
    if state.deleted or state.was_deleted:
        return True
    return any(state.attrs[name].history.has_changes() for name in USER_SHOWN)


def _raise(
    connection: sa.Connection,
    cases: Iterable[int] = (),
    *,
    persons: Iterable[int] = (),
    documents: Iterable[int] = (),
    shared: bool = False,
) -> None:
    table = _table(Case)
    bump = table.c.revision + 1
    cases, persons, documents = sorted(set(cases)), sorted(set(persons)), sorted(set(documents))
    if cases:
        connection.execute(sa.update(table).where(table.c.id.in_(cases)).values(revision=bump))
    if persons:
        connection.execute(
            sa.update(table).where(table.c.person_id.in_(persons)).values(revision=bump)
        )
    if documents:
        issued = _table(Document)
        owners = sa.select(issued.c.case_id).where(issued.c.id.in_(documents))
        connection.execute(sa.update(table).where(table.c.id.in_(owners)).values(revision=bump))
    if shared:
        raise_shared(connection)


def _table(model: type[Any]) -> sa.Table:
    return model.__table__  # type: ignore[no-any-return]


def raise_shared(connection: sa.Connection) -> None:
    """Raise the shared revision (its row is made on first use)."""
    revisions = _table(PageRevision)
    done = connection.execute(
        sa.update(revisions)
        .where(revisions.c.name == SHARED)
        .values(revision=revisions.c.revision + 1)
    )
    if done.rowcount == 0:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(
            dialect.insert(revisions)
            .values(name=SHARED, revision=1)
            .on_conflict_do_update(
                index_elements=[revisions.c.name], set_={"revision": revisions.c.revision + 1}
            )
        )


#: Where a session collects, flush by flush, what its transaction changed.
_PENDING = "stegvis.page_cache.pending"


@dataclass
class _Pending:
    cases: set[int] = field(default_factory=set)
    persons: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    shared: bool = False


def _pending(session: Session) -> _Pending:
    return session.info.setdefault(_PENDING, _Pending())  # type: ignore[no-any-return]


@sa.event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    cases, persons, documents, shared = _changed(session)
    if cases or persons or documents or shared:
        pending = _pending(session)
        pending.cases |= cases
        pending.persons |= persons
        pending.documents |= documents
        pending.shared |= shared


@sa.event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    """Raise the revisions as the transaction's last statements: its other row locks are
    taken by then, so raising never waits inside a lock order of its own (no deadlock with a
    transaction that locks a case after, say, a document number), and case rows are locked in
    id order. (A person's rename updates their cases' name keys at its flush, after locking the
    person's row: two transactions on one person's cases that way are serialised by that row.)
    """
    session.flush()  # what is still pending is part of the commit: it raises too
    pending = session.info.pop(_PENDING, None)
    if pending is not None:
        _raise(
            session.connection(),
            pending.cases,
            persons=pending.persons,
            documents=pending.documents,
            shared=pending.shared,
        )


@sa.event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


@sa.event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    """A bulk UPDATE, DELETE or INSERT bypasses the flush: it raises the shared revision unless
    its table is ignored or it says it changes nothing shown."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    if state.execution_options.get(NEUTRAL):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in IGNORED_TABLES:
        return
    _pending(state.session).shared = True
