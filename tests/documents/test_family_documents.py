"""The family in the documents: every adult member who is a party is printed as a party of the
kontrakt socjalny and signs it; every adult member signs the consent (zgoda); the family work
plan names the member whose task each sub-goal is. Members are added through their page and
the documents issued from the case page, then read with python-docx."""

from __future__ import annotations

import io
import re
from typing import Any

import sqlalchemy as sa
from docx import Document as WordDocument
from flask import Flask

from service.extensions import db
from service.models import Document
from tests.conftest import FormClient
from tests.documents.helpers import docx_text

from .conftest import CaseWorld

MEMBERS = [
    {
        "first_name": "Tomasz",
        "last_name": "Nowak & <b>{{ x }}</b>",
        "family_role": "partner",
        "age": "adult",
        "identity_country": "pl",
        "identity_number": "85070912354",
        "address": "ul. Zgorzelecka 7, 59-700 Bolesławiec",
        "party": "y",
    },
    {
        "first_name": "Halina",
        "last_name": "Nowak",
        "family_role": "parent",
        "age": "adult",
        "identity_country": "pl",
        "identity_number": "",
        "address": "",
        "party": "",
    },
    {
        "first_name": "Piotr",
        "last_name": "Nowak",
        "family_role": "child",
        "age": "child",
        "identity_country": "pl",
        "identity_number": "",
        "address": "",
        "party": "",
    },
]


def _login(client: FormClient, email: str) -> None:
    signed_in = client.get("/login").status_code == 302
    client.post("/logout", {}, form_url="/" if signed_in else "/login")
    assert client.login(email).status_code == 302


def _issued(app: Flask, case_id: int, doc_type: str) -> str:
    with app.app_context():
        document = db.session.scalars(
            sa.select(Document)
            .where(Document.case_id == case_id, Document.doc_type == doc_type)
            .order_by(Document.version.desc())
        ).first()
        assert document is not None
        return docx_text(document.content)


def _family_case(client: FormClient, make_case: Any) -> CaseWorld:
    world: CaseWorld = make_case(method="family_plan")
    _login(client, world.worker.email)
    for member in MEMBERS:
        response = client.post(f"/cases/{world.case_id}/family", member)
        assert response.status_code == 302, response.get_data(as_text=True)
    return world


def test_every_adult_party_is_a_party_of_the_kontrakt_and_signs_it(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    world = _family_case(client, make_case)
    assert world.social_worker is not None
    _login(client, world.social_worker.email)
    url = f"/cases/{world.case_id}"
    assert client.post(f"{url}/documents/agreement", {}, form_url=url).status_code == 302
    text = _issued(app, world.case_id, "agreement")
    parties = text[: text.index("a pracownikiem socjalnym:")]
    assert "Nowak & <b>{{ x }}</b>" in parties and "Tomasz" in parties
    assert "85070912354" in parties
    assert "ul. Zgorzelecka 7, 59-700 Bolesławiec (Partner lub małżonek)" in parties
    assert "Halina" not in parties and "Piotr" not in parties  # not parties / a child
    signatures = text[text.index("Podpisy stron\n") :]
    assert "Tomasz Nowak & <b>{{ x }}</b>" in signatures
    assert "Halina" not in signatures and "Piotr" not in signatures
    # the person, Tomasz and the social worker: one signature line each
    assert signatures.count("miejscowość i data") == 3


def test_every_adult_member_signs_the_consent(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    world = _family_case(client, make_case)
    url = f"/cases/{world.case_id}"
    assert client.post(f"{url}/documents/consent", {}, form_url=url).status_code == 302
    text = _issued(app, world.case_id, "consent")
    signatures = text[text.rindex("Podpisy") :]
    for name in ("Zofia Wójcik-Łęcka", "Tomasz Nowak & <b>{{ x }}</b>", "Halina Nowak"):
        assert name in signatures, signatures
    assert "Piotr" not in signatures  # a child does not sign
    assert "Partner lub małżonek" in signatures and "Rodzic" in signatures
    # the consent's own words say that each adult member consents, not only the person
    intro = text[: text.index("Podpisy")]
    assert (
        "Każdy dorosły członek rodziny (Tomasz Nowak & <b>{{ x }}</b>, Halina Nowak) wyraża "
        "taką samą zgodę" in intro
    ), intro[:600]


def _member_id(app: Flask, first_name: str) -> int:
    from service.models import FamilyMember

    with app.app_context():
        found = [
            m for m in db.session.scalars(sa.select(FamilyMember)) if m.first_name == first_name
        ]
        return found[0].id


def test_the_family_plan_names_whose_task_each_is(
    client: FormClient, make_case: Any, app: Flask
) -> None:
    from datetime import date

    from tests.test_lifecycle import plan

    world: CaseWorld = make_case(
        method="family_plan", steps=("start_meeting", "second_meeting", "assessment")
    )
    _login(client, world.worker.email)
    url = f"/cases/{world.case_id}"
    for member in MEMBERS:
        assert client.post(f"{url}/family", member).status_code == 302
    piotr, tomasz = _member_id(app, "Piotr"), _member_id(app, "Tomasz")
    other = make_case(method="family_plan", email="other@example.org", steps=("start_meeting",))
    _login(client, other.worker.email)
    client.post(f"/cases/{other.case_id}/family", {**MEMBERS[2], "first_name": "Obcy"})
    stranger = _member_id(app, "Obcy")
    _login(client, world.worker.email)

    page = client.get(f"{url}/steps/plan").get_data(as_text=True)
    assert "Tasks of the family members" in page and "Whose task" in page
    assert f'<option value="{tomasz}">Tomasz Nowak &amp; &lt;b&gt;' in page
    assert '<option value="person">Zofia Wójcik-Łęcka</option>' in page
    assert "Obcy" not in page  # another case's family is never offered
    answers = {
        **plan(date(2026, 12, 1)),
        "goals-0-area": "children",
        "member_tasks-0-member": "person",
        "member_tasks-0-task": "Złożyć wniosek o dodatek mieszkaniowy",
        "member_tasks-1-member": str(tomasz),
        "member_tasks-1-task": "Podjąć terapię & <i>{{ t }}</i>",
        "member_tasks-1-due_date": "2027-01-15",
        "member_tasks-2-member": str(piotr),
        "member_tasks-2-task": "Chodzić codziennie do szkoły",
    }
    for forged in (str(stranger), "1 OR 1=1", "-1"):
        response = client.post(f"{url}/steps/plan", {**answers, "member_tasks-2-member": forged})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, forged
        box = re.search(  # the message sits in the field's own cell
            r'<td class="has-error"[^>]*>(?:(?!</td>).)*?name="member_tasks-2-member"'
            r"(?:(?!</td>).)*</td>",
            page,
            re.S,
        )
        assert box is not None, forged
        assert "Choose the person or a member of the case&#39;s family." in box.group(0)
        assert "Chodzić codziennie do szkoły" in page  # kept
    response = client.post(f"{url}/steps/plan", answers)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert client.post(f"{url}/documents/plan", {}, form_url=url).status_code == 302
    data = _document(app, world.case_id, "plan")
    rows = {}
    for table in WordDocument(io.BytesIO(data)).tables:
        header = [c.text for c in table.rows[0].cells]
        if header and header[0] == "Czyje zadanie":
            rows = {r.cells[1].text: r.cells[0].text for r in table.rows[1:]}
    assert rows == {
        "Złożyć wniosek o dodatek mieszkaniowy": "Zofia Wójcik-Łęcka",
        "Podjąć terapię & <i>{{ t }}</i>": "Tomasz Nowak & <b>{{ x }}</b>",
        "Chodzić codziennie do szkoły": "Piotr Nowak",
    }
    assert "15 stycznia 2027" in docx_text(data)


def _document(app: Flask, case_id: int, doc_type: str) -> bytes:
    with app.app_context():
        document = db.session.scalars(
            sa.select(Document)
            .where(Document.case_id == case_id, Document.doc_type == doc_type)
            .order_by(Document.version.desc())
        ).first()
        assert document is not None
        return bytes(document.content)
