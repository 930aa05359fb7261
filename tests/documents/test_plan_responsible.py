"""Who is responsible for each activity (sub-goal) of the plan: the named member of staff at
the provider (SOSFS 2014:5: a ``team_member`` question per sub-goal) and the members of the
case's network (a ``network_member`` question), printed with name and role beside the free
text "who else"; only the current network of the same case can be chosen, and anything else
posted is refused next to the field with everything typed kept."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from docx import Document as WordDocument
from flask import Flask

from service.documents.stamp import render_stamped
from service.extensions import db
from service.models import Document, NetworkMember, User
from tests.conftest import FormClient
from tests.test_journey import open_case, register
from tests.test_lifecycle import plan

from .helpers import context_of, docx_text
from .test_genomforandeplan import HOSTILE, _case, _issued_plan

KURATOR = {
    "kind": "probation_officer",
    "name": f"Łucja Żółw {HOSTILE}",
    "role": "kurator sądowy",
    "contact_details": "tel. 58 123 45 67",
    "may_contact": "y",
}
MOTHER = {"kind": "relative", "name": "Maria Ekström", "role": "mamma", "contact_details": ""}
#: The column's header and the refusals, per language of the page and the document.
HEADER = {"sv": "Vem ansvarar", "pl": "Kto odpowiada", "en": "Who is responsible"}
NOT_TEAM = "Choose someone from the case's team."
NOT_NETWORK = "Choose only members of this case's network."
SUB = "goals-0-sub_goals-0-"


def _member_ids(app: Flask) -> dict[str, int]:
    with app.app_context():
        return {m.role: m.id for m in db.session.scalars(sa.select(NetworkMember))}


def _sub_goal_rows(data: bytes) -> dict[str, list[str]]:
    """ref ("1.1") → the cells of its row in the sub-goal tables (the first table naming it)."""
    found = {}
    for table in WordDocument(io.BytesIO(data)).tables:
        header = [c.text for c in table.rows[0].cells]
        for row in table.rows[1:]:
            cells = [c.text.replace("\u00a0", " ") for c in row.cells]
            if re.fullmatch(r"\d+\.\d+", cells[0]):
                found.setdefault(cells[0], dict(zip(header, cells, strict=False)))
    return found  # type: ignore[return-value]


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_each_sub_goal_names_who_is_responsible_by_name_and_role(
    logged_in: FormClient,
    worker: User,
    make_user: Any,
    app: Flask,
    language: str,
    artifacts_dir: Path,
) -> None:
    case_url = _case(logged_in, worker, language)
    assert logged_in.post(f"{case_url}/network", KURATOR).status_code == 302
    assert logged_in.post(f"{case_url}/network", MOTHER).status_code == 302
    ours = _member_ids(app)
    other_case = open_case(logged_in, register(logged_in, identity_number="", identity_country=""))
    logged_in.post(f"{other_case}/network", {**MOTHER, "role": "granne", "name": "Grannen"})
    theirs = _member_ids(app)["granne"]
    with app.app_context():
        unit = db.session.get(User, worker.id).unit
    outsider = make_user(email="not-on-team@example.org", unit=unit, full_name="Olle Utanför")

    page = logged_in.get(f"{case_url}/steps/plan").get_data(as_text=True)
    select = re.search(rf'<select[^>]*name="{SUB}responsible_id".*?</select>', page, re.S)
    assert select is not None
    assert "Anna Berg" in select.group(0) and "Olle Utanför" not in select.group(0)
    assert f'name="{SUB}network_ids" type="checkbox" value="{ours["kurator sądowy"]}"' in page
    assert "Maria Ekström – mamma" in page
    assert "Grannen" not in page  # another case's network is never offered

    answers = {
        **plan(date(2026, 12, 1)),
        f"{SUB}sub_goal": f"Ringa hyresvärden {HOSTILE}",
        f"{SUB}responsible_id": str(worker.id),
        f"{SUB}network_ids": [str(ours["kurator sądowy"]), str(ours["mamma"])],
        f"{SUB}others_responsible": "Hyresvärden Stena",
    }
    for forged, message in (
        ({f"{SUB}responsible_id": str(outsider.id)}, NOT_TEAM),
        ({f"{SUB}responsible_id": "1 OR 1=1"}, NOT_TEAM),
        ({f"{SUB}network_ids": [str(ours["mamma"]), str(theirs)]}, NOT_NETWORK),
        ({f"{SUB}network_ids": ["-1"]}, NOT_NETWORK),
        ({f"{SUB}network_ids": ["abc"]}, NOT_NETWORK),
    ):
        response = logged_in.post(f"{case_url}/steps/plan", {**answers, **forged})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, forged
        field = "responsible_id" if message == NOT_TEAM else "network_ids"
        # the message sits in the field's own box, and what was typed is still there
        box = re.search(
            rf'<div class="field has-error"[^>]*>(?:(?!<div class="field).)*?name="{SUB}{field}"',
            page,
            re.S,
        )
        assert box is not None and message.replace("'", "&#39;") in box.group(0), forged
        assert "Ringa hyresvärden Ö &amp; &lt;b&gt;" in page
        assert "Hyresvärden Stena" in page
    # a sub-goal added (without JavaScript) offers the team and the network too
    added = logged_in.post(
        f"{case_url}/steps/plan", {**answers, "action": "add:goals-0-sub_goals"}
    ).get_data(as_text=True)
    new = re.search(
        r'<select[^>]*name="goals-0-sub_goals-2-responsible_id".*?</select>', added, re.S
    )
    assert new is not None and "Anna Berg" in new.group(0)
    assert 'name="goals-0-sub_goals-2-network_ids" type="checkbox"' in added
    assert logged_in.post(f"{case_url}/steps/plan", answers).status_code == 302
    # a member taken off the network since is no longer printed as responsible
    logged_in.post(f"{case_url}/network/{ours['mamma']}/remove", {}, form_url=f"{case_url}/network")
    assert logged_in.post(f"{case_url}/documents/plan", form_url=case_url).status_code == 302
    data = _issued_plan(app)
    (artifacts_dir / f"plan-responsible-{language}.docx").write_bytes(data)  # to look at
    rows = _sub_goal_rows(data)
    first, second = rows["1.1"], rows["1.2"]
    cell = first[HEADER[language]]
    lines = cell.split("\n")
    assert lines[0].startswith("Anna Berg (") and lines[0].endswith(")"), cell  # name (role)
    assert lines[1] == f"Łucja Żółw {HOSTILE} (kurator sądowy)", cell
    assert lines[2:] == ["Hyresvärden Stena"], cell
    assert "Maria Ekström" not in docx_text(data)
    assert second[HEADER[language]] == "—"  # a sub-goal with no one named: as every empty cell
    # the person's own "My plan" says who helps with the step, by name
    assert logged_in.post(f"{case_url}/documents/my_plan", form_url=case_url).status_code == 302
    with app.app_context():
        mine = db.session.scalars(sa.select(Document).where(Document.doc_type == "my_plan")).one()
        helps = docx_text(bytes(mine.content))
    assert "Anna Berg, Łucja Żółw Ö & <b>" in helps, helps


def test_a_plan_of_another_unit_s_staff_or_an_unknown_id_prints_no_one(
    logged_in: FormClient, worker: User, make_user: Any, make_unit: Any, app: Flask
) -> None:
    """Answers stored before the question, or naming someone who is not of the case's unit
    or team (a changed unit), print no name, and nothing else breaks."""
    from service.documents.implementation import add_sub_goal_responsibles
    from service.models import Case

    case_url = _case(logged_in, worker, "sv")
    assert logged_in.post(f"{case_url}/steps/plan", plan(date(2026, 12, 1))).status_code == 302
    stranger = make_user(email="stranger@example.org", unit=make_unit(), full_name="Främling")
    with app.app_context():
        case = db.session.scalars(sa.select(Case)).first()
        part = {"goals": [{"sub_goals": [{"others_responsible": ""}, {"others_responsible": ""}]}]}
        stored = {
            "goals": [
                {
                    "sub_goals": [
                        {"responsible_id": stranger.id, "network_ids": [999999, "x", None]},
                        {"responsible_id": "999999", "network_ids": "not a list"},
                    ]
                }
            ]
        }
        add_sub_goal_responsibles(case, stored, part)
        assert [s["responsible_text"] for s in part["goals"][0]["sub_goals"]] == ["", ""]


@pytest.mark.parametrize("name", ["plan_ipwzb_pl", "plan_ipwzb_en", "plan_family_sv"])
def test_the_polish_plans_print_who_is_responsible_too(app: Flask, name: str) -> None:
    with app.app_context():
        context = context_of(name)
        sub = context["plan"]["goals"][0]["sub_goals"][0]
        sub["responsible_text"] = "Ewa Żak (pracownik socjalny)\nŁucja Żółw (kurator sądowy)"
        text = docx_text(render_stamped(name, context))
    assert "Ewa Żak (pracownik socjalny)" in text and "Łucja Żółw (kurator sądowy)" in text
