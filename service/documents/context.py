"""Document contexts: plain dicts, every label and date in the document's language.

The parts every document prints (:func:`base_context`), the agreement and the consent."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from forms.identity import format_identity
from forms.method_schema import StepSpec
from service.cases.journey import method_of, practice_method
from service.documents.labels import ROLE_LABELS, label_list
from service.documents.stamp import verify_url
from service.models import Case, User

IDENTITY_KINDS = {
    "personnummer": "Personnummer",
    "samordningsnummer": "Samordningsnummer",
    "pesel": "PESEL",
    "reserve": "",
}


def document_language(case: Case) -> str:
    """The person's preferred language, else the unit's."""
    return case.person.preferred_language or case.unit.default_locale


def format_day(value: date | str | None, language: str) -> str:
    """A date as the document's language writes it in full ("9 juli 1985"), or ""."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    # British English writes "9 November 2026", as readers in Sweden and Poland expect.
    return format_date(value, format="long", locale="en_GB" if language == "en" else language)


def _label(step: StepSpec, key: str, value: object) -> str:
    """The translated label of an answer to a choice question (in the current locale)."""
    label = step.choice_label(key, value)
    return gettext(label) if label else ""


def base_context(
    case: Case,
    *,
    number: str,
    version: int,
    language: str,
    issued_on: date,
    contact: User | None,
    doc_type: str,
) -> dict[str, Any]:
    """What every document prints: document, unit, person, worker, caseworker and case; and
    whether it waits for an approval and whose signatures it carries (the method's ``roles``)."""
    with force_locale(language):
        return {
            "document": {
                "number": number,
                "version": version,
                "issued_on": format_day(issued_on, language),
                "place": case.unit.place,
                "verify_url": verify_url(number, version),
            },
            "unit": {
                "name": case.unit.name,
                "address": case.unit.address,
                "phone": case.unit.phone,
            },
            "person": _person(case, language),
            "worker": {
                "name": contact.full_name if contact else "",
                "phone": contact.phone if contact else "",
                "title": _title(contact, language, case.unit.default_locale),
            },
            "caseworker": {"name": case.caseworker_name},
            "case": {
                "reference": case.reference,
                "method": gettext(method_of(case).short_name),
                "assignment": case.assignment,
            },
            "approval": _approval(case, doc_type),
            "legal_rep": legal_rep(case),
            "controller": {
                "name": case.unit.organisation or case.unit.name,
                "address": case.unit.address,
                "retention_years": case.unit.retention_years,
            },
            "signs": list(practice_method(case).roles_for(doc_type).sign),
        }


def _approval(case: Case, doc_type: str) -> dict[str, Any]:
    """Whether the document needs an approval (the method's ``approve`` roles); who approved it
    and when are filled when it is approved (service/documents/approval.py)."""
    needed = bool(practice_method(case).roles_for(doc_type).approve)
    return {"needed": needed, "by": "", "title": "", "on": ""}


def _title(staff: User | None, language: str, unit_language: str) -> str:
    """The staff member's title as a document in ``language`` prints it.

    The title is free text typed in the unit's language ("boendestödjare"); a document in
    another language prints the role in its own words instead ("pracownik"), in lower case
    as titles are written.
    """
    if staff is None:
        return ""
    if language == unit_language:
        return staff.title
    return str(ROLE_LABELS.get(staff.role, ROLE_LABELS["worker"])).lower()


def build_agreement_context(
    case: Case,
    start: dict[str, Any],
    second: dict[str, Any],
    *,
    number: str,
    version: int,
    language: str,
    issued_on: date,
    contact: User | None,
) -> dict[str, Any]:
    """Everything the agreement templates print, from the finalised meetings' answers."""
    context = base_context(
        case,
        number=number,
        version=version,
        language=language,
        issued_on=issued_on,
        contact=contact,
        doc_type="agreement",
    )
    with force_locale(language):
        return {
            **context,
            "start_meeting": {
                "date": format_day(start.get("meeting_date"), language),
                "participants": start.get("participants") or "",
                "own_words": start.get("own_words") or "",
                "expectations_person": start.get("expectations_person") or "",
                "expectations_team": start.get("expectations_team") or "",
            },
            "agreement": _agreement(
                second, language, contact, method_of(case, "second_meeting").steps["second_meeting"]
            ),
            "consent": {
                "given": second.get("consent_to_share") == "yes",
                **_consent_answers(second, language),
                **_consent_withdrawal(case, language),
            },
        }


def build_consent_context(
    case: Case,
    second: dict[str, Any],
    *,
    number: str,
    version: int,
    language: str,
    issued_on: date,
    contact: User | None,
) -> dict[str, Any]:
    """The consent document: the second meeting's consent answers and the parties."""
    context = base_context(
        case,
        number=number,
        version=version,
        language=language,
        issued_on=issued_on,
        contact=contact,
        doc_type="consent",
    )
    with force_locale(language):
        context["consent"] = {
            "given_on": format_day(second.get("meeting_date"), language),
            **_consent_answers(second, language),
            "recipients": _recipients(case, second, language),
            "confidentiality": case.unit.confidentiality,
            "family": _adult_family(case),
        }
    return context


def _adult_family(case: Case) -> list[dict[str, str]]:
    """Every adult member of the case's family: each gives their own consent and signs it."""
    from service.cases import family

    return [
        {"full_name": m.full_name, "family_role": family.role_label(m)}
        for m in family.members(case)
        if m.adult
    ]


def _recipients(case: Case, second: dict[str, Any], language: str) -> list[dict[str, str]]:
    """One row per recipient: its kind, name and the person's yes or no (or the withdrawal)."""
    from service.privacy.consent import _withdrawals, recipients_of

    rows = []
    for r in recipients_of(second, [w for w in _withdrawals(case) if w.recipient_kind]):
        if r.legacy:
            continue  # the free text of an earlier consent prints as it was typed
        if r.withdrawal is not None:
            answer = gettext(
                "No – withdrawn on %(day)s", day=format_day(r.withdrawal.withdrawn_on, language)
            )
        else:
            answer = gettext("Yes") if r.consents else gettext("No")
        rows.append({"kind": r.label, "name": r.name, "answer": answer, "yes": r.holds})
    return rows


LEGAL_REP_KINDS = {
    "god_man": _l("trustee (god man)"),
    "forvaltare": _l("administrator (förvaltare)"),
    "opiekun_prawny": _l("legal guardian (opiekun prawny)"),
    "kurator": _l("curator (kurator)"),
}


def legal_rep(case: Case) -> dict[str, str]:
    """The person's legal representative (kind in the current language, name, contact), or
    empty values when there is none."""
    person = case.person
    if not person.legal_rep_kind or not person.legal_rep_name:
        return {"kind": "", "name": "", "contact": ""}
    return {
        "kind": gettext(str(LEGAL_REP_KINDS.get(person.legal_rep_kind, ""))),
        "name": person.legal_rep_name,
        "contact": person.legal_rep_contact or "",
    }


def _consent_answers(second: dict[str, Any], language: str) -> dict[str, str]:
    """With whom, what, why and until when: the second meeting's consent answers."""
    return {
        "parties": second.get("consent_parties") or "",
        "data": second.get("consent_data") or "",
        "purpose": second.get("consent_purpose") or "",
        "valid_until": format_day(second.get("consent_valid_until"), language),
    }


def _person(case: Case, language: str) -> dict[str, str]:
    person = case.person
    return {
        "full_name": person.full_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "identity_kind": IDENTITY_KINDS.get(person.identity_kind or "", ""),
        "identity_number": format_identity(person.identity_kind, person.identity_number),
        "date_of_birth": format_day(person.date_of_birth, language),
        "address": person.address,
        "phone": person.phone,
    }


def _agreement(
    second: dict[str, Any], language: str, contact: User | None, step: StepSpec
) -> dict[str, Any]:
    actions = [
        {
            "no": index,
            "what": row.get("what") or "",
            "who": _label(step, "who", row.get("who")),
            "by_when": format_day(row.get("by_when"), language),
        }
        for index, row in enumerate(second.get("actions") or [], start=1)
    ]
    channels = [
        _label(step, "contact_channels", key) for key in second.get("contact_channels") or []
    ]
    return {
        "meeting_date": format_day(second.get("meeting_date"), language),
        "purpose": second.get("purpose") or "",
        "situation_causes": second.get("situation_causes") or "",
        "situation_possibilities": second.get("situation_possibilities") or "",
        "situation_limitations": second.get("situation_limitations") or "",
        "actions": actions,
        "period_from": format_day(second.get("period_from"), language),
        "period_to": format_day(second.get("period_to"), language),
        "contact_person": contact.full_name if contact else "",
        "meeting_rhythm": _label(step, "meeting_rhythm", second.get("meeting_rhythm")),
        "contact_channels": label_list(channels),
    }


def _consent_withdrawal(case: Case, language: str) -> dict[str, Any]:
    """``withdrawn`` (bool) and ``withdrawn_on`` (formatted date or "") of the case's consent."""
    from service.privacy.consent import consent_withdrawal

    withdrawal = consent_withdrawal(case)
    return {
        "withdrawn": withdrawal is not None,
        "withdrawn_on": format_day(withdrawal.withdrawn_on, language) if withdrawal else "",
    }
