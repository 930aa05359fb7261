"""Every document type × language: renders, opens, carries the page stamp, prints each section;
the languages of a type carry the same fields; the sample contexts provide every variable."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from flask import Flask

from service.documents import rendering
from service.documents.rendering import template_fields, template_variables
from service.documents.stamp import context_hash, qr_png, render_stamped, short_hash

from .helpers import (
    ALL_TEMPLATES,
    RENDER_EXTRAS,
    TEMPLATES,
    context_of,
    docx_text,
    part_text,
)

pytestmark = pytest.mark.usefixtures("app_ctx")

#: Words of each section, per template (titles and headings in the document's language).
SECTIONS: dict[str, list[str]] = {
    "consent_se_sv": [
        "Samtycke till att dela information",
        "1. Parter",
        "2. Vilka som får dela",
        "3. Vilka uppgifter",
        "4. För vilket syfte",
        "5. Giltighetstid",
        "6. Så tar du tillbaka samtycket",
        "Underskrifter",
    ],
    "consent_se_en": [
        "Consent to share information",
        "1. Parties",
        "2. Who may share",
        "3. Which information",
        "4. For what purpose",
        "5. Valid until",
        "6. How to withdraw the consent",
        "Signatures",
    ],
    "consent_pl_pl": [
        "Zgoda na przekazywanie informacji",
        "1. Strony",
        "2. Podmioty",
        "3. Zakres danych",
        "4. Cel",
        "5. Okres ważności",
        "6. Jak wycofać zgodę",
        "art. 7 ust. 3 RODO",
        "Podpisy",
    ],
    "plan_se_sv": [
        "Handlingsplan (genomförandeplan)",
        "SOSFS 2014:5",
        "1. Beslutet som planen genomför",
        "2. Kartläggning",
        "3. Aktiviteter och mål",
        "4. Samverkan",
        "5. Din delaktighet",
        "6. När och hur planen ska följas upp",
        "Underskrifter",
    ],
    "plan_se_en": [
        "Individual plan",
        "1. The decision the plan carries out",
        "2. Assessment",
        "3. Activities and goals",
        "4. Cooperation",
        "5. How you took part",
        "6. When and how the plan is followed up",
        "Signatures",
    ],
    "plan_ipwzb_pl": [
        "Indywidualny program wychodzenia z bezdomności",
        "art. 49",
        "I. Dane osoby",
        "II. Analiza sytuacji życiowej osoby bezdomnej",
        "III. Cele programu",
        "IV. Działania osoby bezdomnej",
        "V. Działania pracownika socjalnego",
        "VI. Środki pomocy i podmioty odpowiedzialne",
        "VII. Udział osoby",
        "VIII. Terminy spotkań i ocena postępów",
        "Terminy spotkań",
        "Kto odpowiada i kto wspiera",
        "Zatwierdzam – kierownik ośrodka",
        "Podpisy",
    ],
    "plan_family_pl": [
        "Plan pracy z rodziną",
        "II. Diagnoza sytuacji rodziny",
        "III. Cele i zadania",
        "Zadania rodziny",
        "V. Okresowa ocena",
        "Podpisy",
    ],
    "follow_up_se_sv": [
        "Uppföljning – anteckning från mötet",
        "Vad har hänt sedan sist",
        "Det som har gått bra",
        "Motgångar",
        "Delmålen",
        "Egen skattning",
        "Ändringar i planen",
        "Underskrifter",
    ],
    "follow_up_se_en": [
        "Follow-up record",
        "What has happened since last time",
        "Successes",
        "Setbacks",
        "Sub-goals",
        "Own rating",
        "Changes to the plan",
        "Signatures",
    ],
    "follow_up_pl_pl": [
        "Monitoring – notatka ze spotkania",
        "Co wydarzyło się",
        "Sukcesy",
        "Trudności",
        "Cele szczegółowe",
        "Samoocena",
        "Zmiany w programie",
        "Podpisy",
    ],
    "closing_se_sv": [
        "Avslutning – sammanfattning",
        "Slutlig bedömning",
        "Målen",
        "Egen skattning – från start till slut",
        "Resultat",
        "Underskrifter",
    ],
    "closing_se_en": [
        "Closing summary",
        "Final evaluation",
        "The goals",
        "Own rating – from start to end",
        "Outcomes",
        "Signatures",
    ],
    "closing_pl_pl": [
        "Zakończenie współpracy – podsumowanie",
        "Ocena końcowa",
        "Cele",
        "Samoocena – na początku i na końcu",
        "Rezultaty",
        "Podpisy",
    ],
}


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_renders_opens_and_carries_the_page_stamp(name: str) -> None:
    context = context_of(name)
    data = render_stamped(name, context)
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    header, footer = part_text(section.header._element), part_text(section.footer._element)
    number = context["document"]["number"]
    assert number in header
    assert context["document"]["issued_on"] in header
    assert context["unit"]["name"] in header
    assert context["person"]["full_name"] in header and "44051401458" in header
    assert ("wersja 1" if name.endswith("_pl") else "version 1") in header
    assert short_hash(context_hash(context)) in footer
    assert f"/verify/{number}" in footer
    instructions = "".join(n.text or "" for n in section.footer._element.iter(qn("w:instrText")))
    assert " PAGE " in instructions and " NUMPAGES " in instructions
    # The QR code in the header is the picture of the verification address.
    images = [
        rel.target_part.blob for rel in section.header.part.rels.values() if "image" in rel.reltype
    ]
    assert images == [qr_png(context["document"]["verify_url"])]
    assert "None" not in docx_text(data)


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_every_section_is_printed(name: str) -> None:
    text = docx_text(render_stamped(name, context_of(name)))
    for words in SECTIONS[name]:
        assert words in text, f"{name}: {words!r} missing"


@pytest.mark.parametrize("name", TEMPLATES["plan"])
def test_plan_has_a_sub_goal_table_per_goal_with_repeating_rows(name: str) -> None:
    context = context_of(name)
    data = render_stamped(name, context)
    tables = Document(io.BytesIO(data)).tables
    goals = context["plan"]["goals"]
    text = docx_text(data)
    for goal in goals:
        assert f"{goal['no']}: {goal['area']}" in text and goal["goal"] in text
        first = goal["sub_goals"][0]["sub_goal"]
        table = next(t for t in tables if first in t._tbl.xml)
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert [r[0] for r in rows[1:]] == [s["ref"] for s in goal["sub_goals"]]
        when = 3 if name.startswith("plan_ipwzb_") else 5  # the IPWzB's actions have sections
        assert rows[1][when] == goal["sub_goals"][0]["when"] != ""  # due date in full
        header_row = table.rows[0]._tr
        assert header_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    # Every life area of the assessment is a row, with its rating (the IPWzB leaves out an
    # area with nothing written).
    for area in context.get("ipwzb", {}).get("areas") or context["assessment"]["areas"]:
        assert area["label"] in text


@pytest.mark.parametrize("doc_type", sorted(TEMPLATES))
def test_every_language_of_a_type_carries_the_same_fields(doc_type: str) -> None:
    """The language only translates a form: the templates of one form print the same fields."""
    fields = {name: template_fields(name) for name in TEMPLATES[doc_type]}
    for name, found in fields.items():
        first = next(
            n for n in TEMPLATES[doc_type] if n.rsplit("_", 1)[0] == name.rsplit("_", 1)[0]
        )
        assert found == fields[first], f"{name} differs from {first}: {found ^ fields[first]}"


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_the_context_provides_every_variable_and_field(name: str) -> None:
    context = context_of(name)
    assert template_variables(name) <= set(context) | RENDER_EXTRAS
    for path in template_fields(name):
        assert _resolve(context | {"stamp": {"hash": "x"}}, path), f"{name}: {path} missing"


def _resolve(context: dict[str, Any], path: str) -> bool:
    """True when the dotted path (``a.items[].b``) exists in ``context`` (lists: every item)."""
    values: list[Any] = [context]
    for part in path.split("."):
        many = part.endswith("[]")
        key = part.removesuffix("[]")
        next_values = []
        for value in values:
            if not isinstance(value, dict) or key not in value:
                return False
            next_values.append(value[key])
        if many:
            next_values = [item for value in next_values for item in value]
            if not next_values:
                return True  # an empty list: nothing more to check
        values = next_values
    return True


def test_curly_quotes_inside_tags_are_tolerated(tmp_path: Path, monkeypatch: Any) -> None:
    """Word turns " into “ ” while typing; a tag with curly quotes still renders."""
    from docx import Document as NewDocument

    word = NewDocument()
    word.add_paragraph("Name: {{ person.full_name or “—” }} / {{ person.phone or ‘none’ }}")
    word.save(tmp_path / "curly.docx")
    monkeypatch.setattr(rendering, "TEMPLATE_DIR", tmp_path)
    data = rendering.render_document("curly", {"person": {"full_name": "Åsa", "phone": ""}})
    assert "Name: Åsa / none" in docx_text(data)


def test_empty_plan_says_so_and_prints_dashes() -> None:
    context = context_of("plan_se_sv")
    context["plan"]["goals"] = []
    context["assessment"]["earlier_interventions"] = []
    context["assessment"]["extras"] = []
    text = docx_text(render_stamped("plan_se_sv", context))
    assert "Inga mål har satts ännu." in text
    assert "Mer om situationen" not in text


@pytest.mark.parametrize("name", ["plan_ipwzb_pl", "plan_se_sv"])
def test_the_head_signs_only_when_the_method_asks_for_an_approval(name: str, app: Flask) -> None:
    context = context_of(name)
    context["approval"]["needed"] = True
    with_head = docx_text(render_stamped(name, context))
    context["approval"]["needed"] = False
    without = docx_text(render_stamped(name, context))
    caption = "miejscowość i data" if name.endswith("_pl") else "Ort och datum"
    assert with_head.count(caption) == without.count(caption) + 1 == 4


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_no_context_key_is_shadowed_by_a_dict_method(name: str) -> None:
    """Jinja reads ``a.values`` as the method ``dict.values``: no key may be called so."""
    methods = set(dir(dict))

    def keys(value: Any) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for item in value.values() for k in keys(item)}
        if isinstance(value, list):
            return {k for item in value for k in keys(item)}
        return set()

    assert not keys(context_of(name)) & methods
    assert "built-in method" not in docx_text(render_stamped(name, context_of(name)))


@pytest.mark.parametrize("name", ["consent_se_sv", "plan_ipwzb_pl", "agreement_se_en"])
def test_without_an_identity_number_the_header_shows_the_date_of_birth(name: str) -> None:
    context = context_of(name)
    context["person"]["identity_number"] = ""
    context["person"]["identity_kind"] = ""
    header = part_text(
        Document(io.BytesIO(render_stamped(name, context))).sections[0].header._element
    )
    assert f"Zofia Wójcik-Łęcka · {context['person']['date_of_birth']}" in header
