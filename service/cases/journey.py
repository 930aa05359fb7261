"""The journey's rules: which step may be filled in when, and what finalising does to a case.

Which version of a method a case is shown and filled in with:

* answers are shown, changed and printed with the method version they were given to
  (``Submission.form_version``; the file's text is kept in a :class:`MethodSnapshot`);
* a case keeps the version of its first final answers: its new steps and drafts use that
  version even after the method file changed, so one case never mixes two questionnaires;
* a case without final answers yet uses today's method file;
* when a method file is gone, the version kept with the answers (or the newest one kept)
  still shows the case with its labels.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from functools import lru_cache

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from forms.method_parser import method_from_snapshot
from forms.method_registry import get_method, methods
from forms.method_schema import Method, MethodError, StepSpec
from service.cases.record import case_record, transaction_memo
from service.extensions import db
from service.models import Case, CaseStatus, MethodSnapshot, TeamRole, User

log = logging.getLogger(__name__)

#: The order of statuses; a case only moves forwards.
STATUS_ORDER = [s.value for s in CaseStatus]


class UnknownMethod(LookupError):
    """The case's method file is gone and no version of it was kept."""


def method_of(case: Case, step: str | None = None, instance: int | None = None) -> Method:
    """The method version to show ``step`` of the case with (or the case, without ``step``).

    A step with final answers: the version they were given to (of ``instance``, or of the
    newest instance). Otherwise the case's version (see the module's docstring).
    """
    record = case_record(case)
    version = record.form_version(step, instance) if step is not None else None
    if version is None:
        version = record.case_version()
    return method_version(case.method, version)


def case_version(case: Case) -> str | None:
    """The method version the case is pinned to: that of its first final answers, if any."""
    return case_record(case).case_version()


def method_version(key: str, version: str | None) -> Method:
    """The method ``key`` as it was at ``version`` (today's file when ``version`` is None).

    Answers stored before versions were kept (no snapshot) fall back to today's file; a method
    whose file is gone falls back to the newest version kept.
    """
    current = get_method(key)
    if current is not None and version in (None, current.version):
        return current
    if version is not None:
        kept = _parsed(_snapshot(key, version))
        if kept is not None:
            return kept
    if current is not None:
        return current
    newest = _parsed(
        db.session.scalar(
            sa.select(MethodSnapshot)
            .where(MethodSnapshot.method == key)
            .order_by(MethodSnapshot.created_at.desc())
            .limit(1)
        )
    )
    if newest is None:
        raise UnknownMethod(key)
    return newest


def _snapshot(key: str, version: str) -> MethodSnapshot | None:
    """The kept text of a method version; asked once per transaction, also when missing."""
    memo = transaction_memo("method_snapshots")
    if (key, version) not in memo:
        memo[(key, version)] = db.session.get(MethodSnapshot, (key, version))
    return memo[(key, version)]  # type: ignore[no-any-return]


def _parsed(snapshot: MethodSnapshot | None) -> Method | None:
    return _from_source(snapshot.method, snapshot.source) if snapshot is not None else None


@lru_cache(maxsize=64)
def _from_source(key: str, source: str) -> Method | None:
    # A kept text never changes (its version is its hash), so parsing it once is enough.
    try:
        return method_from_snapshot(key, source)
    except MethodError as error:  # today's rules refuse the old text: use what is there
        log.warning("kept version of method %s no longer reads: %s", key, error)
        return None


def current_or_kept(key: str) -> Method | None:
    """Today's method ``key``; when its file is gone, the newest version kept; else None."""
    try:
        return method_version(key, None)
    except UnknownMethod:
        return None


class MethodNames(Mapping[str, object]):
    """Method key → translated name, for today's methods and for methods whose file is gone."""

    def __getitem__(self, key: str) -> object:
        method = current_or_kept(key)
        if method is None:
            raise KeyError(key)
        return _l(method.name)

    def __iter__(self) -> Iterator[str]:
        return iter(methods())

    def __len__(self) -> int:
        return len(methods())


def step_blocker(case: Case, step: StepSpec, finals: set[str]) -> object | None:
    """Why ``step`` cannot be filled in yet (a translated reason), or None.

    ``finals`` holds the keys of the steps that have a final version.
    """
    if case.status == CaseStatus.CLOSED.value and step.key != "closing":
        return _l("The case is closed.")
    if step.requires and step.requires not in finals:
        title = method_of(case).steps[step.requires].title
        return _l("First finalise the step “%(step)s”.", step=_l(title))
    return None


def advance_status(case: Case, step: StepSpec, answers: dict[str, object]) -> None:
    """Move the case forward as the finalised step says; never backwards."""
    target = step.sets_status
    if step.key == "second_meeting" and answers.get("accepts_place") != "yes":
        target = None  # the person did not accept the place: no agreement yet
    if target and STATUS_ORDER.index(target) > STATUS_ORDER.index(case.status):
        case.status = target
    if step.key == "second_meeting" and answers.get("contact_person_id"):
        from service.cases.team import set_member

        contact = db.session.get(User, int(str(answers["contact_person_id"])))
        if contact is not None and contact.id != case.contact_person_id:
            set_member(case, contact, TeamRole.CONTACT_PERSON.value, None)  # on the team too
        case.contact_person_id = int(str(answers["contact_person_id"]))


def practice_method(case: Case) -> Method:
    """The method whose rules of practice apply today (``roles:``: who drafts, issues, approves
    and signs): the method file as it is now, or the case's own version when the file is gone.

    The questions a step shows stay pinned to the version of the case (:func:`method_of`)."""
    return get_method(case.method) or method_of(case)
