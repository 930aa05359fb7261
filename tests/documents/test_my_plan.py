""" "My plan" / "Mój plan": the person's own one-page plan, easy-read, in the case's document
language, for Swedish and Polish methods alike: each goal with its picture and next small
steps, who helps, the next meeting, the contact person's name and phone. Four goals with three
steps each fit on one page (LibreOffice)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from docx import Document as WordDocument
from docx.shared import Pt
from flask import Flask

from service.clock import local_today
from service.documents.pdf import pdf_available, to_pdf
from service.extensions import db
from service.models import Document, User
from tests.conftest import FormClient

from .conftest import CaseWorld, add_answers
from .helpers import docx_text
from .test_pdf import pdf_pages

AREAS = {
    "buss": ["housing", "education", "occupation", "social"],
    "ipwzb": ["housing", "work", "health", "finances"],
}
GOALS = [
    "Ha en egen lägenhet & <nyckel>",
    "Lära mig betala räkningarna själv varje månad",
    "Ha något att göra på dagarna, helst ett jobb",
    "Träffa vänner och inte vara ensam på helgerna",
]


def _plan(areas: list[str]) -> dict[str, Any]:
    return {
        "goals": [
            {
                "area": area,
                "goal": GOALS[g],
                "sub_goals": [
                    {
                        "sub_goal": f"Steg {g + 1}.{s + 1}: boka en tid {{{{ x }}}}",
                        "due_date": "2027-01-15" if s == 0 else None,
                        "expected_time": "" if s == 0 else "om två veckor",
                        "others_responsible": "Socialsekreteraren Eva" if s == 1 else "",
                    }
                    for s in range(4)  # one more than the page shows: only three are printed
                ],
            }
            for g, area in enumerate(areas)
        ],
        "participation": "Johan valde målen",
        "adopted_on": "2026-11-20",
        "follow_up_every": "weekly",
    }


def _follow_up(next_meeting: date) -> dict[str, Any]:
    return {
        "meeting_date": "2026-11-27",
        "since_last_time": "Det har gått bra",
        "progress": [
            {
                "ref": "0.0",
                "sub_goal": _plan(["housing"])["goals"][0]["sub_goals"][0]["sub_goal"],
                "status": "reached",
                "comment": "",
            }
        ],
        "next_meeting": next_meeting.isoformat(),
    }


WORDS = {
    "sv": [
        "Min plan",
        "Din kontaktperson:",
        "Telefon:",
        "Nästa möte:",
        "Mitt mål:",
        "Nästa steg:",
        "Sedan:",
        "Hjälper dig:",
    ],
    "pl": [
        "Mój plan",
        "Twoja osoba kontaktowa:",
        "Telefon:",
        "Następne spotkanie:",
        "Mój cel:",
        "Następny krok:",
        "Potem:",
        "Kto Ci pomaga:",
    ],
    "en": [
        "My plan",
        "Your contact person:",
        "Phone:",
        "Next meeting:",
        "My goal:",
        "Next step:",
        "Then:",
        "Who helps you:",
    ],
}
WEEKDAY = {"sv": "onsdag", "pl": "środa", "en": "Wednesday"}


def _issue(client: FormClient, app: Flask, world: CaseWorld) -> bytes:
    page = client.get(f"/cases/{world.case_id}").get_data(as_text=True)
    assert f'action="/cases/{world.case_id}/documents/my_plan"' in page  # on the case page
    response = client.post(
        f"/cases/{world.case_id}/documents/my_plan", form_url=f"/cases/{world.case_id}"
    )
    assert response.status_code == 302
    with app.app_context():
        found = db.session.scalars(sa.select(Document).where(Document.doc_type == "my_plan")).one()
        assert found.number.startswith("MYP-")
        return bytes(found.content)


def _world(app: Flask, make_case: Any, method: str, language: str) -> CaseWorld:
    world = make_case(
        steps=("start_meeting", "second_meeting", "assessment"), language=language, method=method
    )
    with app.app_context():
        user = db.session.get(User, world.worker.id)
        user.phone = "070-123 45 67"
        db.session.commit()
        add_answers(world.case_id, world.worker.id, "plan", _plan(AREAS[method]))
        # a Wednesday some weeks ahead: the next meeting is printed with its weekday
        ahead = local_today() + timedelta(days=21)
        ahead += timedelta(days=(2 - ahead.weekday()) % 7)
        add_answers(world.case_id, world.worker.id, "follow_up", _follow_up(ahead), instance=1)
    return world


CASES = [("buss", "sv"), ("ipwzb", "pl"), ("buss", "en")]


@pytest.mark.parametrize(("method", "language"), CASES)
def test_my_plan_is_issued_from_the_case_page_in_the_persons_language(
    client: FormClient, app: Flask, make_case: Any, method: str, language: str
) -> None:
    world = _world(app, make_case, method, language)
    assert client.login(world.worker.email).status_code == 302
    data = _issue(client, app, world)
    text = docx_text(data)
    for words in WORDS[language]:
        assert words in text, (language, words)
    for goal in GOALS:
        assert goal in text
    assert "Anna Berg" in text and "070-123 45 67" in text
    assert WEEKDAY[language] in text
    assert "Steg 1.1" not in text  # reached: no longer a next step
    assert "Steg 1.2: boka en tid {{ x }}" in text
    assert "Steg 2.1" in text and "Steg 2.3" in text and "Steg 2.4" not in text  # three a goal
    assert "Socialsekreteraren Eva" in text  # who else helps
    # easy read: no text smaller than 14 pt in the body
    sizes = {
        run.font.size
        for p in WordDocument(io.BytesIO(data)).paragraphs
        for run in p.runs
        if run.text.strip()
    }
    assert sizes and all(size is not None and size >= Pt(14) for size in sizes), sizes
    # one picture per goal, the one of its life area
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    embedded = re.findall(r'r:embed="rIdPictogram([a-z]+)"', body)
    assert embedded == AREAS[method]


@pytest.mark.skipif(
    not pdf_available() or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
)
@pytest.mark.parametrize(("method", "language"), CASES)
def test_four_goals_with_three_steps_fit_on_one_page(
    client: FormClient,
    app: Flask,
    make_case: Any,
    method: str,
    language: str,
    tmp_path: Path,
    artifacts_dir: Path,
) -> None:
    world = _world(app, make_case, method, language)
    assert client.login(world.worker.email).status_code == 302
    pdf = to_pdf(_issue(client, app, world))
    (artifacts_dir / f"my_plan_{method}_{language}.pdf").write_bytes(pdf)  # to look at
    pages = [page for page in pdf_pages(pdf, tmp_path) if page.strip()]
    assert len(pages) == 1
    assert WORDS[language][0] in pages[0] and GOALS[3].split()[0] in pages[0]


def test_my_plan_waits_for_the_plan(client: FormClient, app: Flask, make_case: Any) -> None:
    world = make_case(
        steps=("start_meeting", "second_meeting", "assessment"), language="sv", method="buss"
    )
    assert client.login(world.worker.email).status_code == 302
    page = client.get(f"/cases/{world.case_id}").get_data(as_text=True)
    assert 'aria-describedby="my_plan-blocker"' in page  # disabled, saying why
    client.post(f"/cases/{world.case_id}/documents/my_plan", form_url=f"/cases/{world.case_id}")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Document.id))) == 0


#: A sub-goal as long as the form takes (500 characters), in words that wrap as words do.
LONG_STEP = ("Ringa hyresvärden på måndag förmiddag och fråga om visning, " * 10)[:500]
LONG_HELPER = ("Socialsekreteraren Eva Lindqvist-Åström på mottagningen, " * 6)[:300]


@pytest.mark.skipif(
    not pdf_available() or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
)
@pytest.mark.parametrize(("method", "language"), CASES)
def test_long_sub_goals_still_fit_on_one_page(
    client: FormClient,
    app: Flask,
    make_case: Any,
    method: str,
    language: str,
    tmp_path: Path,
    artifacts_dir: Path,
) -> None:
    """Four goals of three steps each, every step and helper as long as the form allows: the
    page still holds them (a long text is shortened at a word, with "…")."""
    world = make_case(
        steps=("start_meeting", "second_meeting", "assessment"), language=language, method=method
    )
    plan = _plan(AREAS[method])
    for goal in plan["goals"]:
        goal["goal"] = (goal["goal"] + " – " + LONG_STEP)[:1000]
        for row in goal["sub_goals"]:
            row["sub_goal"] = LONG_STEP
            row["others_responsible"] = LONG_HELPER
    with app.app_context():
        add_answers(world.case_id, world.worker.id, "plan", plan)
    assert client.login(world.worker.email).status_code == 302
    content = _issue(client, app, world)
    text = docx_text(content)
    assert "…" in text  # shortened, said so
    assert "Ringa hyresvärden på måndag" in text  # the beginning of every step is kept
    pdf = to_pdf(content)
    (artifacts_dir / f"my_plan_long_{method}_{language}.pdf").write_bytes(pdf)  # to look at
    pages = [page for page in pdf_pages(pdf, tmp_path) if page.strip()]
    assert len(pages) == 1, f"{len(pages)} pages"
    assert WORDS[language][0] in pages[0] and WORDS[language][1] in pages[0]
