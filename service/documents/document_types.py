"""The document types: the one place that says what each type is called, how it is numbered,
which steps it is made from, when it can be issued, how its context is built and which Word
template prints it.

The case page, the timeline, issuing, the case file and the verification page all read
:data:`DOCUMENT_TYPES`; a new type is one more entry here (plus its templates and label
translations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from forms.method_schema import Method

if TYPE_CHECKING:
    from service.models import Case

#: Why a document cannot be issued yet while one of its steps has no final answers.
MISSING_STEP = {
    "start_meeting": _l("The start meeting has not been filled in yet."),
    "second_meeting": _l("The second meeting has not been filled in yet."),
    "assessment": _l("The assessment has not been filled in yet."),
    "plan": _l("The individual plan has not been filled in yet."),
    "follow_up": _l("No follow-up has been filled in yet."),
    "closing": _l("The case has not been closed yet."),
}


def _answers(case: Case, step: str) -> dict[str, Any]:
    from service.cases.operations import latest_submission

    submission = latest_submission(case, step)
    return dict(submission.answers) if submission is not None else {}


def _agreement_condition(case: Case) -> object | None:
    second = _answers(case, "second_meeting")
    if second.get("consent_to_share") not in ("yes", "no"):
        return _l("The consent question of the second meeting has not been answered.")
    if second.get("accepts_place") != "yes":
        return _l("The person has not accepted the place.")
    if not _second_meeting_asks_the_situation(case) and not _answers(case, "assessment"):
        return _l(
            "Part I of the kontrakt socjalny is taken from the assessment: finalise the "
            "assessment first."
        )
    return None


def _second_meeting_asks_the_situation(case: Case) -> bool:
    """False when the method leaves the situation (part I) to the assessment (ipwzb.yaml)."""
    from service.cases.journey import method_of

    spec = method_of(case, "second_meeting").steps.get("second_meeting")
    return spec is None or any(q.key == "situation_causes" for q in spec.questions())


def _consent_condition(case: Case) -> object | None:
    if _answers(case, "second_meeting").get("consent_to_share") != "yes":
        return _l("No consent to share information has been given.")
    return None


def _another_meeting(previous: dict[str, Any], current: dict[str, Any]) -> bool:
    """A follow-up of another meeting is its own record (a new number), not a new version."""
    return bool(previous["follow_up"]["meeting_date"] != current["follow_up"]["meeting_date"])


def _build(doc_type: str) -> Callable[..., dict[str, Any]]:
    """The context builder of ``doc_type`` (service/documents/building.py builds every type)."""

    def build(
        case: Case, *, number: str, version: int, language: str, today: date
    ) -> dict[str, Any]:
        from service.documents.building import build_context

        return build_context(
            case, doc_type, number=number, version=version, language=language, today=today
        )

    return build


def _template(doc_type: str) -> Callable[[Method | str, str], str]:
    """The template chooser of ``doc_type``: the method's form in the language
    (building.template_name)."""

    def choose(method: Method | str, language: str) -> str:
        from service.documents.building import template_name

        return template_name(doc_type, method, language)

    return choose


@dataclass(frozen=True)
class DocumentType:
    """One type of document the service issues."""

    key: str
    #: Prefix of its numbers: AGR-2026-000042.
    prefix: str
    #: The name pages show (translated when shown).
    label: Any
    #: The steps whose final answers it is made from, in the order they are needed.
    steps: tuple[str, ...]
    #: ``context(case, number=…, version=…, language=…, today=…)``: what the template prints.
    context: Callable[..., dict[str, Any]]
    #: ``template(method, language)``: the name of the Word template in templates_docx/.
    template: Callable[[Method | str, str], str]
    #: A further reason it cannot be issued once its steps are final (or None).
    condition: Callable[[Case], object | None] | None = None
    #: ``new_number(previous_context, context)``: issue as a new number, not a new version.
    new_number: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None
    #: Whether it records the consent to share information (shows a withdrawal).
    carries_consent: bool = False
    #: Whether the case page offers it as the next step once it can be issued (an optional
    #: document, such as the person's own plan, is issued when the person wants it).
    suggested: bool = True

    def blocker(self, case: Case) -> object | None:
        """Why it cannot be issued for ``case`` yet, or None when it can."""
        from service.cases.operations import latest_submission
        from service.documents.required import missing_content

        for step in self.steps:
            if latest_submission(case, step) is None:
                return MISSING_STEP[step]
        reason = self.condition(case) if self.condition else None
        return reason if reason is not None else missing_content(case, self.key)

    def label_in(self, language: str) -> str:
        """The label in ``language`` (e.g. for the case file's index)."""
        with force_locale(language):
            return str(self.label)


def _type(key: str, prefix: str, label: Any, steps: tuple[str, ...], **extra: Any) -> DocumentType:
    return DocumentType(key, prefix, label, steps, _build(key), _template(key), **extra)


#: Every document type, in the order of the journey.
DOCUMENT_TYPES: dict[str, DocumentType] = {
    t.key: t
    for t in (
        _type(
            "agreement",
            "AGR",
            _l("Agreement"),
            ("start_meeting", "second_meeting"),
            condition=_agreement_condition,
            carries_consent=True,
        ),
        _type(
            "consent",
            "CON",
            _l("Consent to share information"),
            ("second_meeting",),
            condition=_consent_condition,
            carries_consent=True,
        ),
        _type("plan", "PLN", _l("Individual plan"), ("assessment", "plan")),
        _type(
            "follow_up",
            "FUP",
            _l("Follow-up record"),
            ("follow_up",),
            new_number=_another_meeting,
        ),
        _type("closing", "CLS", _l("Closing summary"), ("closing",)),
        # The person's own one-page summary of the plan, in easy-read words (not statutory).
        _type("my_plan", "MYP", _l("My plan"), ("assessment", "plan"), suggested=False),
    )
}


def document_type(key: str) -> DocumentType:
    """The type ``key``; :class:`KeyError` for an unknown one."""
    return DOCUMENT_TYPES[key]


def label(key: str) -> str:
    """The translated label of the type ``key`` (the key itself only for a type not known)."""
    found = DOCUMENT_TYPES.get(key)
    return str(found.label) if found else key
