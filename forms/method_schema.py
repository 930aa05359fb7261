"""What a method file describes: the immutable definitions and the rules they follow.

forms/method_parser.py reads the YAML into these; a mistake raises :class:`MethodError` naming
the file, the place (step, question) and what is wrong, so the service refuses to start rather
than show a broken form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: The journey is fixed; methods describe the questions of its steps.
STEP_KEYS = ("start_meeting", "second_meeting", "assessment", "plan", "follow_up", "closing")
STATUSES = ("start_meeting", "agreed", "assessed", "plan_active", "closed")
DOCUMENTS = ("agreement", "plan")
#: Every document type a method can say who drafts, issues, approves and signs.
DOCUMENT_KEYS = ("agreement", "consent", "plan", "follow_up", "closing")
#: The staff roles (service/models/user.py ``Role``) a method file may name.
STAFF_ROLES = ("worker", "caseworker", "manager", "admin")
#: Who may sign a document: the person (and each family member who is a party) or staff.
SIGNERS = ("person", "worker", "caseworker", "manager")
#: What a method file says of a document: who drafts, issues, approves and signs it.
DOCUMENT_DUTIES = ("draft", "issue", "approve", "sign")
#: The countries whose law a method follows; the country chooses the legal form of its documents.
COUNTRIES = ("SE", "PL")
QUESTION_TYPES = (
    "text",
    "long_text",
    "yes_no",
    "choice",
    "multi_choice",
    "date",
    "number",
    "scale",
    "identity_number",
    "repeat",
    # Types whose choices come from the case: staff of the unit, the method's life areas,
    # the plan's sub-goals, the method's outcome categories; who took part in a follow-up
    # (the person, the case team, the network, the caseworker) and the agreed actions it
    # reviews (the agreement's or kontrakt's and the plan's); a member of the case's team;
    # members of the case's network (relatives, health care, the kurator, …); the person or
    # one member of the case's family (whose task it is).
    "staff",
    "team_member",
    "network_member",
    "family_member",
    "area",
    "subgoal_progress",
    "outcomes",
    "participants",
    "action_review",
)
#: The second meeting's questions on the situation that a method may leave to its assessment
#: (``drop_questions``), with the assessment's question asked instead: part I of the kontrakt
#: socjalny then prints the final assessment and is not typed a second time.
FROM_ASSESSMENT = {
    "situation_causes": "difficulty_causes",
    "situation_possibilities": "possibilities",
    "situation_limitations": "limitations",
}
#: Answers the agreement is made from; a method issuing agreements must ask for them.
AGREEMENT_KEYS = (
    "meeting_date",
    "accepts_place",
    "contact_person_id",
    "meeting_rhythm",
    "contact_channels",
    "purpose",
    "situation_causes",
    "situation_possibilities",
    "situation_limitations",
    "actions",
    "period_from",
    "period_to",
    "consent_to_share",
    "consent_parties",
    "consent_data",
    "consent_purpose",
    "consent_valid_until",
)
KEY = re.compile(r"[a-z][a-z0-9_]{0,40}\Z")
QUESTION_FIELDS = {
    "key",
    "type",
    "label",
    "help",
    "required",
    "choices",
    "max_length",
    "min",
    "max",
    "min_rows",
    "max_rows",
    "questions",
    "show_if",
    "not_before",
    "item_label",
}
DEFAULT_MAX_LENGTH = {"text": 300, "long_text": 5000, "identity_number": 20}


class MethodError(ValueError):
    """A method file is wrong; the message says which file, where and what.

    ``file`` is the file to correct; when that is a base (``_shared.yaml``), ``inherited_by``
    names the method files that take the mistake over from it.
    """

    def __init__(
        self, file: str, where: str, problem: str, inherited_by: tuple[str, ...] = ()
    ) -> None:
        self.file, self.where, self.problem = file, where, problem
        self.inherited_by = inherited_by
        message = f"{file}: {where}: {problem}" if where else f"{file}: {problem}"
        if inherited_by:
            message += f" (inherited by {', '.join(inherited_by)})"
        super().__init__(message)

    def inherited(self, files: tuple[str, ...]) -> MethodError:
        """The same mistake, naming ``files`` as the methods that inherit it."""
        return MethodError(self.file, self.where, self.problem, files)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Condition:
    """Shown only if the answer to ``question`` is one of ``values``."""

    question: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    label: str
    help: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    min_rows: int = 1
    max_rows: int = 20
    questions: tuple[Question, ...] = ()
    show_if: Condition | None = None
    not_before: str | None = None
    #: What one row of a repeat group is called ("Sub-goal"); defaults to the label.
    item_label: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    questions: tuple[Question, ...]
    help: str = ""
    #: Asked once for every life area of the method.
    per_area: bool = False


@dataclass(frozen=True)
class StepSpec:
    key: str
    title: str
    sections: tuple[Section, ...]
    requires: str | None = None
    sets_status: str | None = None
    repeatable: bool = False

    def questions(self) -> list[Question]:
        """Every top-level question of the step, in order."""
        return [q for section in self.sections for q in section.questions]

    def choice_label(self, key: str, value: object) -> str:
        """The label (msgid) of ``value`` for question ``key`` at any depth, or ""."""
        pending = list(self.questions())
        while pending:
            question = pending.pop()
            if question.key == key:
                return next((c.label for c in question.choices if c.value == str(value)), "")
            pending.extend(question.questions)
        return ""


@dataclass(frozen=True)
class DocumentRoles:
    """Who does what with one document type of a method (``roles:`` in the method file).

    ``draft``: the staff roles who may fill in the steps it is made from; ``issue``: who may
    issue it; ``approve``: who must approve an issued version before it is final (empty: no
    approval); ``sign``: whose signature lines it prints.
    """

    draft: tuple[str, ...] = ("worker",)
    issue: tuple[str, ...] = ("worker",)
    approve: tuple[str, ...] = ()
    sign: tuple[str, ...] = ("person", "worker")


#: What a method that says nothing of a document gets: the support worker drafts, issues and
#: signs with the person; no approval.
DEFAULT_ROLES = DocumentRoles()


@dataclass(frozen=True)
class Method:
    key: str
    name: str
    short_name: str
    #: Short hash of the file (and its base): the version answers are pinned to.
    version: str
    areas: tuple[Choice, ...]
    steps: dict[str, StepSpec] = field(hash=False)
    documents: tuple[str, ...] = ()
    outcomes: tuple[Choice, ...] = ()
    area_help: dict[str, str] = field(default_factory=dict, hash=False)
    #: The YAML text (method and base) the definition was built from.
    source: str = field(default="", repr=False)
    #: "SE" or "PL": whose law the practice works under, so which forms its documents take
    #: (empty only in a snapshot of a file written before the key existed).
    country: str = ""
    #: Document type → who drafts, issues, approves and signs it (see :meth:`roles_for`).
    roles: dict[str, DocumentRoles] = field(default_factory=dict, hash=False)

    def roles_for(self, doc_type: str) -> DocumentRoles:
        """Who drafts, issues, approves and signs ``doc_type`` (the default when not said)."""
        return self.roles.get(doc_type, DEFAULT_ROLES)
