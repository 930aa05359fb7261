"""Writing audit events, in the same transaction as the change they describe; and the one
registry of audit actions with the phrase the audit log shows for each."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from service.cases.team_roles import TEAM_ROLE_LABELS
from service.extensions import db
from service.models import AuditEvent
from service.roles import ROLE_LABELS


def record(
    action: str,
    *,
    case_id: int | None = None,
    person_id: int | None = None,
    user_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event to the session; the caller's commit stores it with the change.

    ``details`` must hold ids and keys only (numbers, steps, versions), never names or free text.
    """
    if user_id is None and has_request_context() and current_user.is_authenticated:
        user_id = current_user.id
    event = AuditEvent(
        action=action,
        case_id=case_id,
        person_id=person_id,
        user_id=user_id,
        ip=(request.remote_addr or "") if has_request_context() else "cli",
        details=details,
    )
    db.session.add(event)
    return event


def record_view(
    action: str, *, case_id: int | None = None, person_id: int | None = None, **details: Any
) -> None:
    """Log that the current user was shown a page of a case or person, then commit.

    Called by a view after it rendered the page and before it returns it: a view is never
    unlogged, because the response leaves only once this row is committed (if the INSERT
    fails the request fails and nothing was shown). It is one INSERT in a transaction of its
    own at the end of the request, so:

    * on SQLite (WAL) every read of the page runs outside any write transaction (the driver
      opens one only for the INSERT), readers never wait for it, and the write lock is held
      for that one row and its commit (well under a millisecond), never through the queries
      and the rendering;
    * on PostgreSQL the INSERT takes no lock a reader waits for; the commit is durable
      (``synchronous_commit`` stays on) like every other audit row.

    Views of a GET have nothing else to write; a view that also changes data uses
    :func:`record` and commits with the change instead.
    """
    record(action, case_id=case_id, person_id=person_id, **details)
    db.session.commit()


@dataclass(frozen=True)
class AuditAction:
    """One kind of audit event: its key (stored), its name and its phrase with the details."""

    key: str
    #: What was done, e.g. "Viewed the case" (also the choice of the log's action filter).
    name: Any
    #: The name with the row's details, e.g. "Saved a draft: %(step)s".
    phrase: Any = None


def _action(key: str, name: Any, phrase: Any = None) -> AuditAction:
    return AuditAction(key, name, phrase)


#: Every action written with :func:`record`. A new action needs its entry here (a test greps
#: the code for ``record("…"`` and fails for an action without one).
ACTIONS: dict[str, AuditAction] = {
    a.key: a
    for a in (
        _action("login", _l("Logged in")),
        _action("login.failed", _l("Failed to log in")),
        _action("login.recovery", _l("Logged in with a recovery code")),
        _action("login.code_failed", _l("Typed a wrong two-factor code")),
        _action("logout", _l("Logged out")),
        _action("two_factor.enrol", _l("Turned on two-factor sign-in")),
        _action("two_factor.recovery_codes", _l("Made new recovery codes")),
        _action("password.change", _l("Changed their password")),
        _action("password.change_failed", _l("Typed a wrong current password")),
        _action(
            "password.set",
            _l("Set a password with a one-time link"),
            _l("Set a password with a one-time link (%(purpose)s)"),
        ),
        _action("session.expired", _l("Session ended"), _l("Session ended: %(reason)s")),
        _action(
            "user.create", _l("Created a user account"), _l("Created a user account: %(target)s")
        ),
        _action(
            "user.role",
            _l("Changed a user's role"),
            _l("Changed the role of %(target)s: %(role_from)s → %(role_to)s"),
        ),
        _action("user.deactivate", _l("Deactivated a user account"), _l("Deactivated %(target)s")),
        _action("user.reactivate", _l("Reactivated a user account"), _l("Reactivated %(target)s")),
        _action(
            "user.password_reset",
            _l("Reset a user's password"),
            _l("Reset the password of %(target)s (new one-time link)"),
        ),
        _action(
            "user.set_password_link",
            _l("Made a new set-password link"),
            _l("Made a new set-password link for %(target)s"),
        ),
        _action(
            "user.two_factor_required",
            _l("Required two-factor sign-in of a user"),
            _l("Required two-factor sign-in of %(target)s"),
        ),
        _action(
            "user.two_factor_optional",
            _l("Stopped requiring two-factor sign-in of a user"),
            _l("Stopped requiring two-factor sign-in of %(target)s"),
        ),
        _action(
            "user.two_factor_reset",
            _l("Reset a user's two-factor sign-in"),
            _l("Reset the two-factor sign-in of %(target)s"),
        ),
        _action("unit.settings", _l("Changed the unit's settings")),
        _action("unit.two_factor_required", _l("Required two-factor sign-in for the unit")),
        _action(
            "unit.two_factor_optional", _l("Stopped requiring two-factor sign-in for the unit")
        ),
        _action("audit.view", _l("Read the audit log")),
        _action("person.create", _l("Registered a person")),
        _action("person.view", _l("Viewed a person")),
        _action(
            "person.update",
            _l("Changed a person's details"),
            _l("Changed a person's details: %(fields)s"),
        ),
        _action("person.export", _l("Exported a person's data")),
        _action(
            "person.erase", _l("Erased a person's data"), _l("Erased a person's data: %(reason)s")
        ),
        _action("person.purge", _l("Deleted a person after the retention period")),
        _action("case.create", _l("Opened a case")),
        _action("case.view", _l("Viewed the case")),
        _action(
            "case.team_set",
            _l("Changed the case team"),
            _l("Put a member of staff on the case team: %(team_role)s"),
        ),
        _action("case.team_remove", _l("Took a member of staff off the case team")),
        _action("contract.amend", _l("Recorded an amendment of the kontrakt socjalny")),
        _action(
            "case.export",
            _l("Exported the case file"),
            _l("Exported the case file; documents: %(documents)s"),
        ),
        _action("case.purge", _l("Erased a case after the retention period")),
        # %(step)s is the step as its page is titled: "Follow-up 2", "Start meeting".
        _action("step.view", _l("Opened a step"), _l("Opened a step: %(step)s")),
        _action("step.draft", _l("Saved a draft"), _l("Saved a draft: %(step)s")),
        _action(
            "step.draft_discard",
            _l("Discarded a draft"),
            _l("Discarded a draft: %(step)s"),
        ),
        _action(
            "step.finalise",
            _l("Saved a step"),
            _l("Saved a step: %(step)s, version %(version)s"),
        ),
        _action(
            "plan.lower_sub_goal",
            _l("Lowered a sub-goal of the plan"),
            _l("Lowered a sub-goal of the plan: plan version %(version)s"),
        ),
        _action("consent.withdraw", _l("Recorded a withdrawal of consent")),
        _action(
            "consent.withdraw_recipient",
            _l("Recorded a withdrawal of consent for one recipient"),
            _l("Recorded a withdrawal of consent for one recipient: %(recipient)s"),
        ),
        _action(
            "contact.record",
            _l("Recorded a contact"),
            _l("Recorded a contact: entry %(entry)s, %(kind)s"),
        ),
        _action(
            "contact.correct",
            _l("Corrected a contact"),
            _l("Corrected a contact: entry %(entry)s, version %(version)s"),
        ),
        _action("journal.view", _l("Read the contact journal")),
        _action(
            "outreach.record",
            _l("Recorded an outreach contact"),
            _l("Recorded an outreach contact: %(people)s people"),
        ),
        _action("outreach.view", _l("Read the outreach contacts")),
        _action("outreach.link", _l("Kept an outreach contact on a case")),
        _action("week.view", _l("Opened My week"), _l("Opened My week: %(cases)s cases")),
        _action("network.view", _l("Read the network of a case")),
        _action(
            "network.add",
            _l("Added a member of the network"),
            _l("Added a member of the network: %(kind)s"),
        ),
        _action(
            "network.update",
            _l("Changed a member of the network"),
            _l("Changed a member of the network: %(fields)s"),
        ),
        _action("network.remove", _l("Removed a member of the network")),
        _action("family.view", _l("Read the family of a case")),
        _action(
            "family.add",
            _l("Added a family member"),
            _l("Added a family member: %(family_role)s"),
        ),
        _action(
            "family.update",
            _l("Changed a family member"),
            _l("Changed a family member: %(fields)s"),
        ),
        _action("family.remove", _l("Removed a family member")),
        _action(
            "referrals.view",
            _l("Opened My referrals"),
            _l("Opened My referrals: %(cases)s cases, %(new)s new records"),
        ),
        _action("team.view", _l("Opened the team's caseload")),
        _action(
            "report.download",
            _l("Downloaded the yearly report"),
            _l("Downloaded the yearly report: %(year)s (%(format)s)"),
        ),
        _action("calendar.create", _l("Made a new calendar link")),
        _action("calendar.revoke", _l("Stopped the calendar link")),
        _action("calendar.feed", _l("A calendar fetched the meetings")),
        _action(
            "journal.extract",
            _l("Printed a journal extract"),
            _l("Printed a journal extract: %(period)s, %(entries)s entries"),
        ),
        _action(
            "document.issue",
            _l("Issued a document"),
            _l("Issued a document: %(number)s, version %(version)s"),
        ),
        _action(
            "document.download",
            _l("Downloaded a document"),
            _l("Downloaded a document: %(number)s, version %(version)s (%(format)s)"),
        ),
        _action(
            "document.verify",
            _l("Checked a document number"),
            _l("Checked a document number: %(number)s"),
        ),
        _action(
            "document.verify_public",
            _l("A document was checked through the code printed on it"),
            _l(
                "A document was checked through the code printed on it: %(number)s, "
                "version %(version)s"
            ),
        ),
        _action(
            "document.file",
            _l("Marked a document as filed"),
            _l("Marked a document as filed: %(number)s, version %(version)s"),
        ),
        _action(
            "document.approve",
            _l("Approved a document"),
            _l("Approved a document: %(number)s, version %(version)s"),
        ),
        _action(
            "document.sign",
            _l("Recorded a signature"),
            _l("Recorded a signature: %(number)s, version %(version)s (%(kind)s)"),
        ),
    )
}


def _contact_kinds() -> dict[str, Any]:
    """The kinds of contact (contact.record) and of network member (network.add)."""
    from service.journal.kinds import KIND_LABELS
    from service.journal.network import NETWORK_LABELS

    return {**NETWORK_LABELS, **KIND_LABELS}


def _family_roles() -> dict[str, Any]:
    """The roles in the family (family.add)."""
    from service.cases.family import FAMILY_ROLE_LABELS

    return dict(FAMILY_ROLE_LABELS)


#: Translations of the keys some details hold, by detail.
DETAIL_WORDS: dict[str, dict[str, Any]] = {
    "reason": {  # of session.expired (a person's erasure reason is free text: shown as typed)
        "idle": _l("no activity for too long"),
        "lifetime": _l("the longest session length was reached"),
    },
    "format": {"docx": _l("Word"), "pdf": _l("PDF"), "xlsx": _l("Excel"), "csv": _l("CSV")},
    "purpose": {"invite": _l("new account"), "reset": _l("after a reset")},
    "role_from": ROLE_LABELS,
    "role_to": ROLE_LABELS,
    "kind": {  # of document.sign, then of contact.record
        "scan": _l("scan"),
        "drawn": _l("drawn"),
        **{key: label for key, label in _contact_kinds().items()},
    },
    "team_role": TEAM_ROLE_LABELS,  # of case.team_set
    "family_role": _family_roles(),  # of family.add
    "recipient": _contact_kinds(),  # of consent.withdraw_recipient: the network kinds
    "fields": {  # of person.update: the keys of the changed details, as the form names them
        "first_name": _l("First name"),
        "last_name": _l("Last name"),
        "identity_kind": _l("Kind of identity number"),
        "identity_number": _l("Identity number"),
        "date_of_birth": _l("Date of birth"),
        "preferred_language": _l("Language of the person's documents"),
        "address": _l("Address"),
        "phone": _l("Phone"),
        "email": _l("E-mail"),
        "legal_rep_kind": _l("Legal representative"),
        "legal_rep_name": _l("Name of the legal representative"),
        "legal_rep_contact": _l("Contact details of the legal representative"),
        # of unit.settings
        "organisation": _l("Organisation (controller of personal data)"),
        "confidentiality": _l("Confidentiality law"),
        # of network.update
        "kind": _l("Kind"),
        "name": _l("Name"),
        "role": _l("Role for the person"),
        "contact_details": _l("Contact details"),
        "may_contact": _l("May be contacted"),
        # of family.update
        "family_role": _l("Role in the family"),
        "adult": _l("Adult or child"),
        "party": _l("Party to the kontrakt"),
    },
}


class _Details(dict[str, Any]):
    """The details for a phrase: a detail a row lacks prints as nothing, not as an error."""

    def __missing__(self, key: str) -> str:
        return ""


def action_name(action: str) -> str:
    """The translated name of ``action`` (the key itself only for an action not registered)."""
    found = ACTIONS.get(action)
    return str(found.name) if found else action


def describe(
    action: str,
    details: Mapping[str, Any] | None,
    step_title: Callable[[str, Any], str],
    *,
    user_name: Callable[[int], str] | None = None,
) -> str:
    """The translated phrase of an audit row, e.g. "Saved a draft: Follow-up 2".

    ``step_title`` turns a step key and instance of the details into the step's translated
    title as its page shows it (with the number only for a repeatable step); ``user_name``
    names the member of staff a staff action was about (``target_user_id``).
    """
    found = ACTIONS.get(action)
    if found is None:
        return action
    if found.phrase is None:
        return str(found.name)
    values = _Details()
    for key, value in (details or {}).items():
        words = DETAIL_WORDS.get(key, {})
        if isinstance(value, list):  # e.g. the changed fields
            values[key] = ", ".join(str(words.get(item, item)) for item in value)
        else:
            word = words.get(value) if isinstance(value, str) else None
            values[key] = str(word) if word is not None else value
    target = (details or {}).get("target_user_id")
    if isinstance(target, int):
        values["target"] = user_name(target) if user_name else f"#{target}"
    if "step" in values:
        values["step"] = step_title(str(values["step"]), (details or {}).get("instance"))
    return str(found.phrase) % values
