"""The one next thing to do on a case, shown as the case page's primary button.

Journey order decides: a document whose steps are final and that was never issued comes first
(the agreement is signed at the second meeting), then the first step that is not finalised,
then, once the plan is adopted, a new follow-up. Everything else on the page is secondary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from service.cases.progress import StepState
from service.models.case import CaseStatus


@dataclass(frozen=True)
class NextAction:
    """What the case page offers as its one primary action."""

    #: "Next: Second meeting"
    title: str
    #: The button's text.
    label: str
    url: str
    #: "get" (a link) or "post" (a form with the CSRF token: issuing a document).
    method: str = "get"
    #: Why the current user cannot do it (the button is shown disabled with this), or "".
    not_possible: str = ""
    #: A line under the title (what it leads to), or "".
    detail: str = ""


def next_action(
    case: Any,
    steps: list[StepState],
    document_types: Iterable[tuple[Any, object | None]],
    issued_types: set[str],
    *,
    can_edit: bool,
    can_issue: bool,
    not_yours: dict[str, str] | None = None,
) -> NextAction | None:
    """The next action of ``case``, or None when there is nothing left (a closed case)."""
    if case.status == CaseStatus.CLOSED.value:
        return None
    for doc_type, blocker in document_types:
        if blocker is None and doc_type.key not in issued_types and doc_type.suggested:
            return NextAction(
                title=_("Next: issue “%(document)s”", document=doc_type.label),
                label=_("Issue “%(document)s”", document=doc_type.label),
                url=url_for("documents.issue_view", case_id=case.id, doc_type=doc_type.key),
                method="post",
                not_possible=(not_yours or {}).get(doc_type.key, "")
                if can_issue
                else _("Only the staff working with the case can issue its documents."),
                detail=_("All the steps it is made from are finalised."),
            )
    not_editable = "" if can_edit else _("Only the staff working with the case can change it.")
    for position, state in enumerate(steps):
        spec = state.spec
        if state.blocker is not None:
            continue
        if spec.repeatable:
            later = [s for s in steps[position + 1 :] if not s.spec.repeatable]
            if all(s.final is None for s in later):
                return _repeatable(case, state, not_editable)
            continue
        if state.final is None:
            title = _(spec.title)
            return NextAction(
                title=_("Next: %(step)s", step=title),
                label=(
                    _("Continue “%(step)s”", step=title)
                    if state.draft
                    else _("Fill in “%(step)s”", step=title)
                ),
                url=url_for("cases.step", case_id=case.id, step_key=spec.key),
                not_possible=not_editable,
                detail=_("A draft is saved.") if state.draft else "",
            )
    return None


def _repeatable(case: Any, state: StepState, not_editable: str) -> NextAction:
    """A new instance of a repeatable step (a follow-up), or the one with a waiting draft."""
    title = _(state.spec.title)
    waiting = [n for n, final, draft in state.instances if draft and not final]
    if waiting:
        return NextAction(
            title=_("Next: %(step)s", step=f"{title} {waiting[0]}"),
            label=_("Continue “%(step)s”", step=f"{title} {waiting[0]}"),
            url=url_for(
                "cases.step", case_id=case.id, step_key=state.spec.key, instance=waiting[0]
            ),
            not_possible=not_editable,
            detail=_("A draft is saved."),
        )
    number = max((n for n, _f, _d in state.instances), default=0) + 1
    return NextAction(
        title=_("Next: %(step)s", step=f"{title} {number}"),
        label=_("Record “%(step)s”", step=f"{title} {number}"),
        url=url_for("cases.step", case_id=case.id, step_key=state.spec.key, instance=number),
        not_possible=not_editable,
    )


def next_action_of(case: Any, steps: list[StepState], panel: dict[str, Any]) -> NextAction | None:
    """The template's entry: the case page's documents panel already holds the blockers."""
    from service import access

    return next_action(
        case,
        steps,
        panel["types"],
        panel["issued_types"],
        can_edit=access.can("edit", case),
        can_issue=bool(panel["can_issue"]),
        not_yours=panel["not_yours"],
    )
