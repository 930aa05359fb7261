"""The agreement templates render every field, literally and strictly, in all three languages."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from jinja2 import UndefinedError

from service.documents.rendering import (
    TEMPLATE_DIR,
    render_document,
    template_fields,
    template_variables,
)
from service.documents.stamp import render_stamped

from .sample_context import SAMPLE_CONTEXT

AGREEMENTS = [
    "agreement_se_sv",
    "agreement_se_en",
    "agreement_se_pl",
    "agreement_pl_pl",
    "agreement_pl_sv",
    "agreement_pl_en",
]

SWEDISH_FORM = [name for name in AGREEMENTS if name.startswith("agreement_se")]
POLISH_FORM = [name for name in AGREEMENTS if name.startswith("agreement_pl")]
#: The context keys only one form prints: the kontrakt's own part (and whose signatures the
#: method asks for, and the approval no agreement needs).
KONTRAKT_KEYS = {"kontrakt", "signs", "approval"}
#: Printed by the consent, not the överenskommelse (the consent's recipients and its GDPR
#: information: tests/documents/test_consent_law.py); the legal representative signs both.
CONSENT_ONLY = {"controller"}
CONSENT_ONLY_FIELDS = {"recipients", "confidentiality"}
#: Shown when consent.given is true in the överenskommelse; the kontrakt socjalny says that the
#: consent is its own document (RODO art. 7 ust. 4: never bundled into a contract).
CONSENT_WITHDRAWAL = {
    "agreement_se_sv": "Du kan när som helst ta tillbaka det",
    "agreement_se_en": "You can withdraw it at any time",
    "agreement_se_pl": "Można ją w każdej chwili wycofać",
    "agreement_pl_pl": "Zgoda na przekazywanie informacji nie jest częścią kontraktu",
    "agreement_pl_sv": "Samtycket till informationsutbyte är inte en del av kontraktet",
    "agreement_pl_en": "The consent to share information is not part of this contract",
}
NO_CONSENT = {
    "agreement_se_sv": "Inget samtycke till informationsutbyte har lämnats.",
    "agreement_se_en": "No consent to share information has been given.",
    "agreement_se_pl": "Nie wyrażono zgody na wymianę informacji.",
    "agreement_pl_pl": "Nie wyrażono zgody na przekazywanie informacji.",
    "agreement_pl_sv": "Inget samtycke till informationsutbyte har lämnats.",
    "agreement_pl_en": "No consent to share information has been given.",
}
#: The caption under each signer's "place and date" line: one per signer.
PLACE_AND_DATE = {
    "agreement_se_sv": "Ort och datum",
    "agreement_se_en": "Place and date",
    "agreement_se_pl": "miejscowość i data",
    "agreement_pl_pl": "miejscowość i data",
    "agreement_pl_sv": "Ort och datum",
    "agreement_pl_en": "Place and date",
}

HOSTILE = [
    "& < > \" '",
    "{{ 7*7 }}",
    "{% if %}",
    "</w:t></w:r></w:p>",
    "{_{ docxtpl }_} {_% tag %_}",
    "Emoji 😀👍🏽🏳️‍🌈",
    "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ åäö ÅÄÖ",
]


def _context() -> dict[str, Any]:
    """A private copy of the sample context to change in one test."""
    return copy.deepcopy(SAMPLE_CONTEXT)


def _paragraph_text(paragraph: Any) -> str:
    """The text of a ``w:p`` element, ``w:br`` as ``\\n`` and ``w:tab`` as ``\\t`` (python-docx);
    the no-break spaces inside phone and identity numbers read as spaces."""
    return str(paragraph.text).replace("\u00a0", " ")


def _paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph (body, tables, headers, footers); line breaks as ``\\n``."""
    document = Document(io.BytesIO(data))
    roots = [document.element.body]
    for section in document.sections:
        roots += [section.header._element, section.footer._element]
    return [_paragraph_text(p) for root in roots for p in root.iter(qn("w:p"))]


def _text(data: bytes) -> str:
    """All the document's text, one paragraph a line."""
    return "\n".join(_paragraphs(data))


def _strings(value: Any) -> Iterator[str]:
    """Every non-empty string (and number) inside a context value."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str | int) and not isinstance(value, bool) and str(value):
        yield str(value)


def _leaf_paths(value: Any, prefix: str = "") -> set[str]:
    """Dotted paths of the leaves of a context, lists spelled ``items[].field``."""
    if isinstance(value, dict):
        paths: set[str] = set()
        for key, item in value.items():
            paths |= _leaf_paths(item, f"{prefix}.{key}" if prefix else key)
        return paths
    if isinstance(value, list):
        paths = {prefix}
        for item in value:
            paths |= _leaf_paths(item, f"{prefix}[]")
        return paths
    return {prefix}


@pytest.mark.parametrize("name", AGREEMENTS)
def test_sample_renders_with_every_value(name: str) -> None:
    text = _text(render_stamped(name, SAMPLE_CONTEXT))
    if name in SWEDISH_FORM:
        printed: Any = {
            k: v for k, v in SAMPLE_CONTEXT.items() if k not in KONTRAKT_KEYS | CONSENT_ONLY
        }
        printed["consent"] = {
            k: v for k, v in printed["consent"].items() if k not in CONSENT_ONLY_FIELDS
        }
        # the legal representative signs; how to reach them is the consent's
        printed["legal_rep"] = {k: v for k, v in printed["legal_rep"].items() if k != "contact"}
    else:  # the kontrakt's own part, and the agreed actions of the second meeting
        printed = [SAMPLE_CONTEXT["kontrakt"], SAMPLE_CONTEXT["agreement"]["actions"]]
    for value in _strings(printed):
        if value in ("a", "b"):  # the variant chooses the part names; it is not printed
            continue
        if name in POLISH_FORM and value in _strings(SAMPLE_CONTEXT["kontrakt"]["unemployment"]):
            continue  # part I B only (test_kontrakt.py prints it)
        for line in value.split("\n"):
            assert line in text, f"{name}: {line!r} missing"
    assert CONSENT_WITHDRAWAL[name] in text
    assert NO_CONSENT[name] not in text
    assert "None" not in text


@pytest.mark.parametrize("name", AGREEMENTS)
def test_header_and_footer_carry_number_version_and_page_fields(name: str) -> None:
    document = Document(io.BytesIO(render_stamped(name, SAMPLE_CONTEXT)))
    section = document.sections[0]
    header = "\n".join(_paragraph_text(p) for p in section.header._element.iter(qn("w:p")))
    footer_xml = section.footer._element.xml
    assert "AGR-2026-000042" in header
    assert "MOPS Sopot – Asystent osoby bezdomnej" in header
    assert any(word + " 1" in header for word in ("version", "wersja"))
    assert "Zofia Wójcik-Łęcka" in "".join(
        t.text or "" for t in section.footer._element.iter(qn("w:t"))
    )
    instructions = "".join(
        node.text or "" for node in section.footer._element.iter(qn("w:instrText"))
    )
    assert " PAGE " in instructions and " NUMPAGES " in instructions
    assert footer_xml.count('w:fldCharType="begin"') == 2
    assert section.page_width is not None and round(section.page_width.cm, 1) == 21.0


@pytest.mark.parametrize("name", AGREEMENTS)
def test_actions_are_numbered_rows(name: str) -> None:
    document = Document(io.BytesIO(render_stamped(name, SAMPLE_CONTEXT)))
    actions = SAMPLE_CONTEXT["agreement"]["actions"]
    table = next(t for t in document.tables if actions[0]["what"] in t._tbl.xml)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[1:] == [[str(a["no"]), a["what"], a["who"], a["by_when"]] for a in actions]


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
def test_no_actions_and_empty_texts_print_dashes_never_none(name: str) -> None:
    context = _context()
    context["agreement"]["actions"] = []
    for key in ("purpose", "situation_causes", "contact_person", "period_from"):
        context["agreement"][key] = ""
    context["person"]["phone"] = None
    context["worker"]["title"] = None
    context["unit"]["phone"] = ""
    text = _text(render_stamped(name, context))
    assert "—" in text
    assert "None" not in text
    assert "Złożenie wniosku" not in text


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
def test_hostile_text_comes_out_literally(name: str) -> None:
    context = _context()
    hostile = "\n".join(HOSTILE)
    context["unit"]["name"] = HOSTILE[0] + HOSTILE[3]  # header
    context["person"]["full_name"] = HOSTILE[1] + " " + HOSTILE[6]  # body, signatures, footer
    context["agreement"]["purpose"] = hostile
    context["agreement"]["actions"][0]["what"] = HOSTILE[2] + " " + HOSTILE[4]
    context["consent"]["parties"] = HOSTILE[5]
    text = _text(render_stamped(name, context))
    for value in HOSTILE:
        assert value in text, f"{name}: {value!r} not literal"
    assert context["unit"]["name"] in text
    assert "49" not in text


@pytest.mark.parametrize("name", AGREEMENTS)
def test_characters_xml_forbids_are_dropped(name: str) -> None:
    context = _context()
    dirty = "A\x00B\x08C\x0bD\x0cE\x1fF\ud800G\ufffeH\uffffI\x07J"
    context["unit"]["name"] = dirty  # headers are parsed strictly
    context["agreement"]["purpose"] = dirty
    text = _text(render_stamped(name, context))
    assert text.count("ABCDEFGHIJ") >= 2


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
def test_multi_line_text_becomes_line_breaks(name: str) -> None:
    context = _context()
    context["agreement"]["situation_limitations"] = (
        "Pierwsza linia\r\nDruga linia\rTrzecia\tz tabem"
    )
    data = render_stamped(name, context)
    causes = SAMPLE_CONTEXT["agreement"]["situation_causes"]
    assert causes in _paragraphs(data)
    assert "Pierwsza linia\nDruga linia\nTrzecia\tz tabem" in _paragraphs(data)
    body = Document(io.BytesIO(data)).element.body
    paragraph = next(p for p in body.iter(qn("w:p")) if "Utrata mieszkania" in _paragraph_text(p))
    assert len(paragraph.findall(f".//{qn('w:br')}")) == causes.count("\n")


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
def test_consent_not_given_says_so(name: str) -> None:
    context = _context()
    context["consent"]["given"] = False
    text = _text(render_stamped(name, context))
    assert NO_CONSENT[name] in text
    assert CONSENT_WITHDRAWAL[name] not in text
    assert SAMPLE_CONTEXT["consent"]["parties"] not in text


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
def test_caseworker_signs_only_when_named(name: str) -> None:
    """The person and the service always sign; the caseworker and the person's legal
    representative (god man, förvaltare) only when there is one."""
    every_signer = _text(render_stamped(name, SAMPLE_CONTEXT))
    context = _context()
    context["caseworker"]["name"] = ""
    without = _text(render_stamped(name, context))
    context["legal_rep"]["name"] = ""
    only_the_parties = _text(render_stamped(name, context))
    assert every_signer.count(PLACE_AND_DATE[name]) == 4
    assert without.count(PLACE_AND_DATE[name]) == 3
    assert only_the_parties.count(PLACE_AND_DATE[name]) == 2


@pytest.mark.parametrize("name", AGREEMENTS)
def test_signature_block_cannot_break_across_pages(name: str) -> None:
    document = Document(io.BytesIO(render_stamped(name, SAMPLE_CONTEXT)))
    table = next(t for t in document.tables if PLACE_AND_DATE[name] in t._tbl.xml)
    assert table.rows, "signature table has rows"
    for row in table.rows:
        assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for paragraph in row._tr.iter(qn("w:p")):
            assert paragraph.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    heading = table._tbl.getprevious()
    while heading is not None and heading.tag == qn("w:p"):
        assert heading.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
        if heading.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None:
            break  # reached the section heading
        heading = heading.getprevious()


@pytest.mark.parametrize("name", SWEDISH_FORM)  # the kontrakt: test_kontrakt.py
@pytest.mark.parametrize(
    "path",
    [("consent", "valid_until"), ("caseworker", "name"), ("person",), ("agreement", "actions")],
)
def test_missing_key_raises(name: str, path: tuple[str, ...]) -> None:
    context = _context()
    parent = context
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    with pytest.raises(UndefinedError):
        render_stamped(name, context)


def test_missing_field_of_an_action_raises() -> None:
    context = _context()
    del context["agreement"]["actions"][2]["by_when"]
    with pytest.raises(UndefinedError):
        render_stamped("agreement_pl_pl", context)


def test_rendering_leaves_the_callers_context_alone() -> None:
    context = _context()
    context["agreement"]["purpose"] = "a\r\nb\x00c"
    before = copy.deepcopy(context)
    render_stamped("agreement_se_en", context)
    assert context == before


def test_all_agreements_of_a_form_read_the_same_variables() -> None:
    """The language only translates the form: every template of a form reads the same."""
    rendered = {"stamp", "qr", "signature"}  # added at rendering (render_stamped), not stored
    for form, first in ((SWEDISH_FORM, "agreement_se_sv"), (POLISH_FORM, "agreement_pl_pl")):
        variables = {name: template_variables(name) for name in form}
        assert all(found == variables[first] for found in variables.values()), form
    assert template_variables("agreement_se_sv") == (
        set(SAMPLE_CONTEXT) - KONTRAKT_KEYS - CONSENT_ONLY | rendered
    )
    assert template_variables("agreement_pl_pl") <= set(SAMPLE_CONTEXT) | rendered
    assert {"kontrakt", "signs"} <= template_variables("agreement_pl_pl")


def test_all_agreements_use_every_field_of_the_context() -> None:
    every = _leaf_paths(SAMPLE_CONTEXT) | {"stamp.hash"}
    swedish = {
        p
        for p in every
        if p.split(".")[0].split("[")[0] not in KONTRAKT_KEYS | CONSENT_ONLY
        and p.split(".")[1:2] != ["recipients"]
        and not p.startswith(("consent.recipients", "consent.confidentiality"))
        and p != "legal_rep.contact"  # the consent's (the agreement prints name and kind)
    }
    for name in SWEDISH_FORM:
        assert template_fields(name) == swedish, name
    kontrakt = {p for p in every if p.startswith("kontrakt.") and not p.endswith("[]")}
    for name in POLISH_FORM:
        fields = template_fields(name)
        assert kontrakt <= fields and fields <= every, name


@pytest.mark.parametrize(
    "bad", ["../agreement_se_sv", "agreement_se_sv.docx", "", "a/b", "/etc/passwd"]
)
def test_template_names_cannot_leave_the_template_dir(bad: str) -> None:
    with pytest.raises(ValueError, match="template name"):
        render_document(bad, SAMPLE_CONTEXT)


def test_unknown_template_is_reported() -> None:
    with pytest.raises(FileNotFoundError):
        render_document("no_such_template", SAMPLE_CONTEXT)
    assert (TEMPLATE_DIR / "agreement_se_sv.docx").is_file()
