"""Any text is safe in every document: markup, template syntax, right-to-left text, emoji,
very long text, and characters XML forbids (dropped, never a corrupt file)."""

from __future__ import annotations

from typing import Any

import pytest

from service.documents.stamp import render_stamped

from .helpers import ALL_TEMPLATES, context_of, docx_text, split_name

pytestmark = pytest.mark.usefixtures("app_ctx")

CORPUS = [
    "& < > \" '",
    "{{ 7*7 }}",
    "{% if x %}{%p endfor %}{%tr for a in b %}",
    "</w:t></w:r></w:p><w:p>",
    "{_{ docxtpl }_} {_% tag %_}",
    "مرحبا بالعالم – שלום עולם",  # right-to-left
    "\u202eevil\u202c",  # right-to-left override
    "😀👍🏽🏳️‍🌈 👨‍👩‍👧",
    "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ åäö ÅÄÖ",
]
FORBIDDEN = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\ud800\udfff\ufffe\uffff"
#: A long free-text field of each document type.
LONG_FIELD = {
    "agreement": ("agreement", "purpose"),
    "consent": ("consent", "purpose"),
    "plan": ("plan", "participation"),
    "follow_up": ("follow_up", "since_last_time"),
    "closing": ("closing", "final_evaluation"),
}


def _long_field(name: str, context: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The dict and key of the long free-text field ``name`` prints (the kontrakt socjalny's
    part I, its own part of the context, for the Polish form of the agreement)."""
    if name.startswith("agreement_pl"):
        return context["kontrakt"]["part_one"], "causes"
    part, key = LONG_FIELD[split_name(name)[0]]
    return context[part], key


def poison(value: Any, text: str, path: str = "") -> Any:
    """``value`` with every string replaced by ``text`` (the QR address stays an address)."""
    if isinstance(value, dict):
        return {
            k: v if f"{path}.{k}" == ".document.verify_url" else poison(v, text, f"{path}.{k}")
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(item, text, path) for item in value]
    if isinstance(value, str):
        return text
    return value


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_every_field_takes_the_hostile_corpus_literally(name: str) -> None:
    hostile = " | ".join(CORPUS)
    context = poison(context_of(name), hostile + FORBIDDEN)
    text = docx_text(render_stamped(name, context))
    for piece in CORPUS:
        assert piece in text, f"{name}: {piece!r} not literal"
    for character in FORBIDDEN:
        assert character not in text
    assert "None" not in text


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_ten_thousand_characters_in_a_field(name: str) -> None:
    context = context_of(name)
    long_text = ("Lång text – długi tekst – 😀 " * 400)[:10_000]
    assert len(long_text) == 10_000
    part, key = _long_field(name, context)
    part[key] = long_text
    context["person"]["full_name"] = "Ä" * 300  # in every page header and footer too
    text = docx_text(render_stamped(name, context))
    assert long_text in text and "Ä" * 300 in text


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_multi_line_text_keeps_its_lines(name: str) -> None:
    context = context_of(name)
    part, key = _long_field(name, context)
    part[key] = "Rad ett\r\nrad två\rrad tre\ttab"
    assert "Rad ett\nrad två\nrad tre\ttab" in docx_text(render_stamped(name, context))
