"""A change of a demo kontrakt socjalny (aneks): agreed by both parties on a day, recorded by
the pracownik socjalny as the amendments page does, and the kontrakt issued again so that it
prints the change in its history with a signature line for the parties."""

from __future__ import annotations

from datetime import date

from service import audit
from service.demo.common import issue
from service.extensions import db
from service.models import Case, ContractAmendment, Document, User


def amend_kontrakt(case: Case, user: User, day: date, text: str) -> Document:
    """Record the aneks agreed on ``day`` and issue the kontrakt with it."""
    db.session.add(
        ContractAmendment(case_id=case.id, agreed_on=day, text=text, recorded_by_id=user.id)
    )
    audit.record("contract.amend", case_id=case.id, user_id=user.id)
    db.session.commit()
    (document,) = issue(case, user, day, "agreement")
    return document
