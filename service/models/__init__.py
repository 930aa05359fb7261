"""The models, one per file; importing this package registers them all."""

from service.models.audit_event import AuditEvent
from service.models.case import Case, CaseStatus
from service.models.consent_withdrawal import ConsentWithdrawal
from service.models.document import Document, DocumentSequence
from service.models.document_filing import DocumentFiling
from service.models.document_pdf import DocumentPdf
from service.models.document_signature import DocumentSignature
from service.models.method_snapshot import MethodSnapshot
from service.models.password_token import PasswordToken
from service.models.person import Person
from service.models.recovery_code import RecoveryCode
from service.models.step_draft import StepDraft
from service.models.submission import Submission, SubmissionStatus
from service.models.unit import Unit
from service.models.user import Role, User

__all__ = [
    "AuditEvent",
    "Case",
    "CaseStatus",
    "ConsentWithdrawal",
    "Document",
    "DocumentFiling",
    "DocumentPdf",
    "DocumentSequence",
    "DocumentSignature",
    "MethodSnapshot",
    "PasswordToken",
    "Person",
    "RecoveryCode",
    "Role",
    "StepDraft",
    "Submission",
    "SubmissionStatus",
    "Unit",
    "User",
]
