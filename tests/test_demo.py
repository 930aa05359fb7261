"""The demo data: every document its cases have reached, issued through the service, and a README
that says truly which person has which documents."""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from docx import Document as WordDocument
from flask import Flask

from service.cases.operations import instances, latest_submission
from service.clock import local_today
from service.demo import DEMO_PASSWORD, demo_logins, load_demo
from service.documents.operations import DOCUMENT_TYPES, document_blocker
from service.extensions import db
from service.models import (
    Case,
    Document,
    DocumentApproval,
    DocumentFiling,
    DocumentSignature,
    Person,
    Submission,
)
from tests.test_journey import docx_text

README = Path(__file__).resolve().parent.parent / "README.md"

#: What each practice's cases have reached, so what the demo issues there.
EXPECTED_TYPES = {
    "Tamira – BUSS": {"agreement", "consent", "plan", "my_plan", "follow_up"},
    "Nytida – Kliv ut": {"agreement", "consent", "plan", "my_plan", "follow_up"},
    "SoL-teamet": {"agreement", "plan", "my_plan", "follow_up", "closing"},
    "MOPS Sopot – Asystent osoby bezdomnej": {
        "agreement",
        "consent",
        "plan",
        "my_plan",
        "follow_up",
        "closing",
    },
    "MOPS Bolesławiec – Asystent rodziny": {"agreement", "consent", "plan", "my_plan", "follow_up"},
}
LANGUAGES = {"Swedish": "sv", "Polish": "pl", "English": "en"}
#: The README's words for the document types.
TYPE_WORDS = {
    "agreement": "agreement",
    "consent": "consent",
    "plan": "plan",
    "my_plan": "My plan",
    "follow_up": "follow-up",
    "closing": "closing",
}


def _documents() -> list[Document]:
    return list(db.session.scalars(sa.select(Document).order_by(Document.id)))


def _case_of(document: Document) -> Case:
    case = db.session.get(Case, document.case_id)
    assert case is not None
    return case


def _check_dates(today: date) -> None:
    """No demo meeting lies in the future; no case closes before its start meeting."""
    for submission in db.session.scalars(sa.select(Submission)):
        for key in ("meeting_date", "adopted_on", "closed_on"):
            if submission.answers.get(key):
                assert date.fromisoformat(submission.answers[key]) <= today, submission.step
    for case in db.session.scalars(sa.select(Case).where(Case.status == "closed")):
        start, closing = (latest_submission(case, s) for s in ("start_meeting", "closing"))
        assert start is not None and closing is not None
        assert closing.answers["closed_on"] >= start.answers["meeting_date"]


def test_demo_issues_every_document_its_cases_reached(app: Flask) -> None:
    with app.app_context():
        assert load_demo() is True
        _check_dates(local_today())
        documents = _documents()
        by_unit: dict[str, set[str]] = defaultdict(set)
        for document in documents:
            by_unit[_case_of(document).unit.name].add(document.doc_type)
        assert dict(by_unit) == EXPECTED_TYPES

        # Every case: a document of each type it can be issued, none of a type it cannot.
        for case in db.session.scalars(sa.select(Case)):
            issued = Counter(d.doc_type for d in documents if d.case_id == case.id)
            for doc_type in DOCUMENT_TYPES:
                reached = document_blocker(case, doc_type) is None
                assert bool(issued[doc_type]) == reached, (case.person.first_name, doc_type)
            numbers = {d.number for d in documents if d.case_id == case.id}
            follow_ups = {n for n in numbers if n.startswith("FUP-")}
            assert len(follow_ups) == len(instances(case, "follow_up")), case.person.first_name

        assert {d.language for d in documents} == {"sv", "pl", "en"}
        plans = {
            _case_of(d).method: docx_text(d.content).lower()
            for d in documents
            if d.doc_type == "plan"
        }
        assert "wychodzenia z bezdomności" in plans["ipwzb"]
        assert "plan pracy z rodziną" in plans["family_plan"]

        signatures = list(db.session.scalars(sa.select(DocumentSignature)))
        assert sorted(s.kind for s in signatures) == ["drawn", "scan"]
        scan = next(s for s in signatures if s.kind == "scan")
        assert scan.content.startswith(b"%PDF-") and scan.mimetype == "application/pdf"
        assert hashlib.sha256(scan.content).hexdigest() == scan.content_sha256
        drawn = next(s for s in signatures if s.kind == "drawn")
        carrier = db.session.get(Document, drawn.signed_document_id)
        assert carrier is not None and carrier.version == 2
        word = WordDocument(io.BytesIO(carrier.content))
        assert drawn.content in [part.blob for part in word.part.package.image_parts]
        assert db.session.scalar(sa.select(sa.func.count(DocumentFiling.id))) == 1

        for document in documents:
            assert hashlib.sha256(document.content).hexdigest() == document.sha256
            WordDocument(io.BytesIO(document.content))  # opens as a Word document

        # A second run loads nothing.
        assert load_demo() is False
        assert len(_documents()) == len(documents)


def test_demo_loaded_early_in_january_closes_a_programme_that_year(app: Flask) -> None:
    today = date(2027, 1, 2)
    with app.app_context():
        load_demo(today)
        _check_dates(today)
        programme = db.session.scalar(
            sa.select(Case).where(Case.method == "ipwzb", Case.status == "closed")
        )
        closing = latest_submission(programme, "closing")
        assert closing is not None and closing.answers["closed_on"].startswith("2027-")


def _readme_section() -> str:
    text = README.read_text("utf-8")
    start = text.index("### Demo logins")
    return text[start : text.index("\n## ", start)]


def _table(section: str, header: str) -> list[list[str]]:
    """The rows of the Markdown table whose header starts with ``header``."""
    lines = section[section.index(header) :].splitlines()
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_readme_names_the_demo_logins_and_each_persons_documents(app: Flask) -> None:
    section = _readme_section()
    logins = _table(section, "| e-mail |")
    assert [(email, role.split()[0], unit) for email, role, unit in logins] == demo_logins()

    with app.app_context():
        load_demo()
        persons = {
            f"{p.first_name} {p.last_name}": p for p in db.session.scalars(sa.select(Person))
        }
        rows = _table(section, "| person |")
        assert sorted(row[0] for row in rows) == sorted(persons)  # named, and every one named
        for name, unit, where, issued_text, language in rows:
            case = db.session.scalar(sa.select(Case).where(Case.person_id == persons[name].id))
            assert case is not None and case.unit.name == unit, name
            assert ("referred" in where) == (case.status == "referred"), name
            assert ("closed" in where) == (case.status == "closed"), name
            documents = list(
                db.session.scalars(sa.select(Document).where(Document.case_id == case.id))
            )
            said = {t for t, word in TYPE_WORDS.items() if word in issued_text}
            assert said == {d.doc_type for d in documents}, name
            follow_ups = re.search(r"(\d+) follow-ups", issued_text)
            assert len({d.number for d in documents if d.doc_type == "follow_up"}) == (
                int(follow_ups.group(1)) if follow_ups else int("follow-up" in issued_text)
            ), name
            kinds = set(
                db.session.scalars(
                    sa.select(DocumentSignature.kind)
                    .join(Document, Document.id == DocumentSignature.document_id)
                    .where(Document.case_id == case.id)
                )
            )
            assert ("signed by scan" in issued_text) == ("scan" in kinds), name
            assert ("signed by drawing" in issued_text) == ("drawn" in kinds), name
            filed = db.session.scalar(
                sa.select(sa.func.count(DocumentFiling.id))
                .join(Document, Document.id == DocumentFiling.document_id)
                .where(Document.case_id == case.id)
            )
            assert ("filed" in issued_text) == bool(filed), name
            assert {d.language for d in documents} == (
                {LANGUAGES[language]} if documents else set()
            ), name


def test_demo_the_social_worker_issues_the_kontrakt_and_the_head_approves_the_ipwzb(
    app: Flask, client: Any
) -> None:
    with app.app_context():
        load_demo()
        zofia = db.session.scalar(sa.select(Person).where(Person.first_name == "Zofia"))
        assert zofia is not None
        case = db.session.scalar(sa.select(Case).where(Case.person_id == zofia.id))
        assert case is not None
        case_id = case.id
        plans = list(
            db.session.scalars(
                sa.select(Document)
                .where(Document.case_id == case.id, Document.doc_type == "plan")
                .order_by(Document.version)
            )
        )
        approval = db.session.scalar(sa.select(DocumentApproval))
        assert approval is not None and approval.approved_document_id == plans[-1].id
        assert approval.approved_by.email == "barbara@mops-sopot.example"
        assert "PROJEKT" in docx_text(plans[0].content)
        assert "Barbara Kaczmarek" in docx_text(plans[-1].content)
        assert "PROJEKT" not in docx_text(plans[-1].content)
    assert client.login("ewa@mops-sopot.example", DEMO_PASSWORD).status_code == 302
    url = f"/cases/{case_id}"
    response = client.post(f"{url}/documents/agreement", {}, form_url=url)
    assert response.status_code == 302  # was 403 before the method file said who issues it
    page = client.get(url).get_data(as_text=True)
    assert "Wojciech Bodusz" in page and "Ewa Żak" in page  # the team on the case page


def test_demo_shows_consent_per_recipient_and_a_legal_representative(
    app: Flask, client: Any
) -> None:
    """Johan (Tamira) withdrew his consent for one recipient and keeps the others; Zofia (MOPS
    Sopot) has a kurator who signs her zgoda and kontrakt."""
    with app.app_context():
        load_demo()
        cases = {}
        for first in ("Johan", "Zofia"):
            person = db.session.scalar(sa.select(Person).where(Person.first_name == first))
            assert person is not None
            case = db.session.scalar(sa.select(Case).where(Case.person_id == person.id))
            assert case is not None
            cases[first] = case.id
            consent = db.session.scalar(
                sa.select(Document).where(
                    Document.case_id == case.id, Document.doc_type == "consent"
                )
            )
            assert consent is not None
            text = docx_text(consent.content)
            if first == "Johan":
                assert "Budget- och skuldrådgivningen" in text and "Nej" in text
                assert "15 kap. 1 §" in text and "Integritetsskyddsmyndigheten" in text
            else:
                assert "Powiatowy Urząd Pracy w Sopocie" in text
                assert "Przedstawiciel ustawowy" in text and "Adam Nowicki" in text
                assert "art. 100 ustawy o pomocy społecznej" in text and "PUODO" in text
    assert client.login("anna@tamira.example", DEMO_PASSWORD).status_code == 302
    page = client.get(f"/cases/{cases['Johan']}").get_data(as_text=True)
    card = page[page.index('id="consent"') :]
    assert "Withdrawn" in card or "Återkallat" in card
    assert "Lars Ekström (bror)" in card


def test_demo_shows_a_family_kontrakt_with_an_amendment_and_an_approved_ipwzb(app: Flask) -> None:
    """Issue 10, done when: the demo shows a kontrakt with a family and an amendment (aneks),
    and an IPWzB approved by the kierownik ośrodka, who and when printed on it."""
    from service.documents.context import format_day
    from service.models import ContractAmendment

    with app.app_context():
        load_demo()
        katarzyna = db.session.scalar(sa.select(Person).where(Person.first_name == "Katarzyna"))
        assert katarzyna is not None
        family = db.session.scalar(sa.select(Case).where(Case.person_id == katarzyna.id))
        assert family is not None and family.method == "family_plan"
        (amendment,) = db.session.scalars(
            sa.select(ContractAmendment).where(ContractAmendment.case_id == family.id)
        )
        assert amendment.recorded_by.email == "tadeusz@mops-boleslawiec.example"
        kontrakty = list(
            db.session.scalars(
                sa.select(Document)
                .where(Document.case_id == family.id, Document.doc_type == "agreement")
                .order_by(Document.version)
            )
        )
        assert len(kontrakty) == 2  # concluded, then issued again with the aneks
        text = docx_text(kontrakty[-1].content)
        assert "Kontrakt socjalny" in text and "Katarzyna Nowak" in text
        assert "Zmiany kontraktu (aneksy)" in text
        assert "Termin porozumienia ze spółdzielnią o spłacie zaległości przesunięty" in text
        assert format_day(amendment.agreed_on, "pl") in text
        assert "Kontrakt nie był zmieniany." in docx_text(kontrakty[0].content)

        approval = db.session.scalar(sa.select(DocumentApproval))
        assert approval is not None
        approved = db.session.get(Document, approval.approved_document_id)
        assert approved is not None and approved.doc_type == "plan"
        text = docx_text(approved.content)
        assert "Indywidualny program wychodzenia z bezdomności" in text
        assert "Barbara Kaczmarek" in text and "kierownik ośrodka" in text  # who
        day = re.search(r"zatwierdzono dnia (\d{1,2} \w+ \d{4})", text)
        assert day is not None, text[-800:]  # when
        assert "PROJEKT" not in text


def test_demo_the_nowak_family_are_parties_sign_and_have_their_tasks(app: Flask) -> None:
    """Issue 10 item 12: the family is the unit of work: Tomasz (partner, adult, a party) is a
    party of the kontrakt and signs it and the consent; the children have their own tasks."""
    from service.models import FamilyMember

    with app.app_context():
        load_demo()
        katarzyna = db.session.scalar(sa.select(Person).where(Person.first_name == "Katarzyna"))
        assert katarzyna is not None
        case = db.session.scalar(sa.select(Case).where(Case.person_id == katarzyna.id))
        assert case is not None
        members = db.session.scalars(
            sa.select(FamilyMember).where(FamilyMember.case_id == case.id)
        ).all()
        assert [(m.first_name, m.family_role, m.adult, m.party) for m in members] == [
            ("Tomasz", "partner", True, True),
            ("Piotr", "child", False, False),
            ("Ola", "child", False, False),
        ]

        def latest(doc_type: str) -> str:
            found = db.session.scalars(
                sa.select(Document)
                .where(Document.case_id == case.id, Document.doc_type == doc_type)
                .order_by(Document.version.desc())
            ).first()
            assert found is not None, doc_type
            return docx_text(found.content)

        kontrakt = latest("agreement")
        signatures = kontrakt[kontrakt.index("Podpisy stron\n") :]
        parties = kontrakt[: kontrakt.index("Podpisy stron\n")]
        for name in ("Katarzyna Nowak", "Tomasz Nowak"):
            assert name in signatures
        assert "86031413574" in parties and "Partner lub małżonek" in parties
        assert "Piotr Nowak" not in signatures
        consent = latest("consent")
        assert "Tomasz Nowak" in consent[consent.rindex("Podpisy") :]
        plan = latest("plan")
        assert "Zadania członków rodziny" in plan
        assert "Odprowadzać Olę do przedszkola w dni robocze" in plan
        assert "Tomasz Nowak" in plan and "Piotr Nowak" in plan
