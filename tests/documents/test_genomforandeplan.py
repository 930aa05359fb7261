"""The Swedish handlingsplan / genomförandeplan after SOSFS 2014:5, 6 kap.: the decision it
carries out, who at the provider is responsible (a named member of the case's team), the
cooperation with the nämnd and with other huvudmän apart from the other participants, how the
person took part, when the plan was adopted and when and how it is followed up. A row with
nothing to say is left out, and plans written before these questions still render."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from docx import Document as WordDocument
from flask import Flask

from service.extensions import db
from service.models import Document, User
from tests.conftest import FormClient
from tests.test_journey import START, open_case, register, second
from tests.test_lifecycle import assessment, plan

from .helpers import docx_text

HOSTILE = "Ö & <b> {{ 7*7 }} {% if %}"

#: What the plan prints, per language: headings and labels of the regulation's items.
WORDS = {
    "sv": [
        "1. Beslutet som planen genomför",
        "Beslutad insats",
        "Beslutsdatum",
        "Ansvarig hos utföraren",
        "3. Aktiviteter och mål",
        "4. Samverkan",
        "Samverkan med nämnden",
        "Samverkan med andra utförare eller huvudmän",
        "5. Din delaktighet",
        "Andra som har deltagit i planeringen",
        "Planen fastställdes",
        "6. När och hur planen ska följas upp",
        "När planen ska följas upp",
        "Hur planen ska följas upp",
        "6 kap. SOSFS 2014:5",
    ],
    "pl": [
        "1. Decyzja, którą realizuje plan",
        "Przyznana usługa",
        "Data decyzji",
        "Osoba odpowiedzialna u wykonawcy",
        "3. Działania i cele",
        "4. Współpraca",
        "Współpraca z komisją socjalną gminy",
        "Współpraca z innymi wykonawcami lub podmiotami",
        "5. Udział osoby",
        "Inne osoby biorące udział w planowaniu",
        "Data przyjęcia planu",
        "6. Kiedy i jak plan będzie oceniany",
        "SOSFS 2014:5",
    ],
    "en": [
        "1. The decision the plan carries out",
        "Service decided",
        "Date of the decision",
        "Responsible at the provider",
        "3. Activities and goals",
        "4. Cooperation",
        "Cooperation with the board",
        "Cooperation with other providers or other principals",
        "5. How you took part",
        "Others who took part in the planning",
        "Plan adopted on",
        "6. When and how the plan is followed up",
        "SOSFS 2014:5",
    ],
}
DECISION_DAY = {"sv": "3 november 2026", "pl": "3 listopada 2026", "en": "3 November 2026"}


def _case(client: FormClient, worker: User, language: str) -> str:
    person = register(
        client,
        first_name="Johan",
        last_name="Ekström",
        identity_country="se",
        identity_number="850709-9805",
        preferred_language=language,
    )
    case_url = open_case(client, person, method="buss")
    assert client.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert client.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    assert client.post(f"{case_url}/steps/assessment", assessment()).status_code == 302
    return case_url


def _issued_plan(app: Flask) -> bytes:
    with app.app_context():
        found = db.session.scalars(
            sa.select(Document).where(Document.doc_type == "plan").order_by(Document.id.desc())
        ).first()
        assert found is not None
        return bytes(found.content)


def _rows(data: bytes) -> dict[str, str]:
    """Label → value of every two-cell row of the document's tables."""
    rows = {}
    for table in WordDocument(io.BytesIO(data)).tables:
        for row in table.rows:
            cells = [c.text.replace("\u00a0", " ") for c in row.cells]
            if len(cells) == 2:
                rows[cells[0]] = cells[1]
    return rows


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_the_plan_prints_the_decision_the_responsible_and_the_cooperation(
    logged_in: FormClient, worker: User, make_user: Any, app: Flask, language: str
) -> None:
    case_url = _case(logged_in, worker, language)
    with app.app_context():
        unit = db.session.get(User, worker.id).unit
    outsider = make_user(email="not-on-team@example.org", unit=unit, full_name="Olle Utanför")
    page = logged_in.get(f"{case_url}/steps/plan").get_data(as_text=True)
    select = re.search(r'<select[^>]*name="responsible_id".*?</select>', page, re.S)
    assert select is not None
    assert "Anna Berg" in select.group(0)  # the contact person is on the case's team
    assert "Olle Utanför" not in select.group(0)  # staff of the unit, not of this case
    answers = {
        **plan(date(2026, 12, 1)),
        "decision_insats": f"Boendestöd enligt 4 kap. 1 § SoL {HOSTILE}",
        "decision_date": "2026-11-03",
        "responsible_id": str(worker.id),
        "cooperation_board": "Handläggaren är med på uppföljningarna",
        "cooperation_principals": "Vårdcentralen Rosengård",
        "other_participants": "Johans bror Erik",
        "follow_up_how": "Samtal och egen skattning",
    }
    refused = {**answers, "responsible_id": str(outsider.id)}
    assert logged_in.post(f"{case_url}/steps/plan", refused).status_code == 200  # not a choice
    assert logged_in.post(f"{case_url}/steps/plan", answers).status_code == 302
    assert logged_in.post(f"{case_url}/documents/plan", form_url=case_url).status_code == 302
    data = _issued_plan(app)
    text = docx_text(data)
    for words in WORDS[language]:
        assert words in text, (language, words)
    rows = _rows(data)
    values = list(rows.values())
    assert f"Boendestöd enligt 4 kap. 1 § SoL {HOSTILE}" in values
    assert DECISION_DAY[language] in values
    assert any(v.startswith("Anna Berg, ") for v in values)  # name and team role
    assert "Handläggaren är med på uppföljningarna" in values
    assert "Vårdcentralen Rosengård" in values
    assert "Johans bror Erik" in values  # the other participants, a row of their own
    assert "Samtal och egen skattning" in values
    assert "—" not in values, [k for k, v in rows.items() if v == "—"]


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_a_plan_written_before_these_questions_still_renders_without_empty_rows(
    logged_in: FormClient, worker: User, app: Flask, language: str
) -> None:
    case_url = _case(logged_in, worker, language)
    assert logged_in.post(f"{case_url}/steps/plan", plan(date(2026, 12, 1))).status_code == 302
    assert logged_in.post(f"{case_url}/documents/plan", form_url=case_url).status_code == 302
    data = _issued_plan(app)
    text = docx_text(data)
    labels = WORDS[language]
    for absent in (labels[1], labels[2], labels[3], labels[5], labels[6], labels[7], labels[9]):
        assert absent not in text, (language, absent)  # no answer: the row is left out
    assert labels[0] in text and labels[8] in text  # the sections that have something stay
    assert "—" not in _rows(data).values()
