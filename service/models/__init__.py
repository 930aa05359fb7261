"""The models, one per file; importing this package registers them all."""

from service.models.audit_event import AuditEvent
from service.models.calendar_feed import CalendarFeed
from service.models.case import Case, CaseStatus
from service.models.case_member import CaseMember, TeamRole
from service.models.consent_withdrawal import ConsentWithdrawal
from service.models.contact_entry import ContactEntry
from service.models.contract_amendment import ContractAmendment
from service.models.document import Document, DocumentSequence
from service.models.document_approval import DocumentApproval
from service.models.document_filing import DocumentFiling
from service.models.document_pdf import DocumentPdf
from service.models.document_signature import DocumentSignature
from service.models.family_member import FamilyMember
from service.models.method_snapshot import MethodSnapshot
from service.models.network_member import NetworkMember
from service.models.outreach_contact import OutreachContact
from service.models.page_revision import PageRevision
from service.models.password_token import PasswordToken
from service.models.person import Person
from service.models.recovery_code import RecoveryCode
from service.models.step_draft import StepDraft
from service.models.submission import Submission, SubmissionStatus
from service.models.unit import Unit
from service.models.user import Role, User

__all__ = [
    "AuditEvent",
    "CalendarFeed",
    "Case",
    "CaseMember",
    "CaseStatus",
    "ConsentWithdrawal",
    "ContactEntry",
    "ContractAmendment",
    "Document",
    "DocumentApproval",
    "DocumentFiling",
    "DocumentPdf",
    "DocumentSequence",
    "DocumentSignature",
    "FamilyMember",
    "MethodSnapshot",
    "NetworkMember",
    "OutreachContact",
    "PageRevision",
    "PasswordToken",
    "Person",
    "RecoveryCode",
    "Role",
    "StepDraft",
    "Submission",
    "SubmissionStatus",
    "TeamRole",
    "Unit",
    "User",
]

# The revisions of rendered pages rise with every flush (a session hook); importing the models
# registers it, wherever they are used (the app, the CLI, scripts).
import service.page_cache  # noqa: E402,F401
