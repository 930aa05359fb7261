"""Translations: complete in sv and pl, placeholders intact, every msgid extracted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalog(language: str) -> list:  # type: ignore[type-arg]
    with open(ROOT / "locales" / language / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return [m for m in read_po(fh) if m.id]


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_no_untranslated_or_fuzzy_entries(language: str) -> None:
    bad = [m.id for m in catalog(language) if not m.string or m.fuzzy]
    assert bad == []


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_placeholders_survive_translation(language: str) -> None:
    for message in catalog(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(set(PLACEHOLDER.findall(" ".join(ids))))
        for string in strings:
            assert sorted(set(PLACEHOLDER.findall(string))) == expected, message.id


def extracted_msgids(directory: Path) -> set[object]:
    """Every msgid the code and the method files use, as `make i18n-extract` finds them."""
    pot = directory / "messages.pot"
    subprocess.run(  # noqa: S603  (our own interpreter and fixed arguments)
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with open(pot, "rb") as fh:
        return {m.id for m in read_po(fh) if m.id}


@pytest.fixture(scope="module")
def in_use(tmp_path_factory: pytest.TempPathFactory) -> set[object]:
    """The msgids in use (a catalog may still hold an entry nothing shows any more)."""
    return extracted_msgids(tmp_path_factory.mktemp("pot"))


def test_every_msgid_in_the_code_is_in_the_catalogs(in_use: set[object]) -> None:
    """Extraction now finds nothing the catalogs lack (a new string must be translated)."""
    for language in ("sv", "pl"):
        known = {m.id for m in catalog(language)}
        assert in_use - known == set(), language


#: Words of Swedish (and letters Polish does not have) that a Polish text never needs.
SWEDISH = re.compile(
    r"\b(och|eller|att|för|med|som|inte|är|det|till|på|av|ärende\w*|\w*handläggare\w*|"
    r"socialsekreterare\w*|boendestödj\w*|överenskommelse\w*|handlingsplan\w*|uppföljning\w*|"
    r"samtycke\w*)\b|\w*[åäÅÄ]\w*|\w*[öÖ]\w*",
    re.IGNORECASE,
)
#: English words that neither a Swedish nor a Polish text needs.
ENGLISH = re.compile(r"\b(the|and|with|please|your|this|of|is|are|for|you)\b", re.IGNORECASE)
#: Names a translation keeps as they are: Swedish identity numbers, the Kliv ut method.
KEPT_NAMES = re.compile(r"personnummer|samordningsnummer|Kliv ut|Stegvis")


def _strings(message) -> list[str]:  # type: ignore[no-untyped-def]
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [KEPT_NAMES.sub("", s) for s in strings]


def test_polish_translations_hold_no_swedish_or_english(in_use: set[object]) -> None:
    bad = {
        message.id: string
        for message in catalog("pl")
        if message.id in in_use
        for string in _strings(message)
        if SWEDISH.search(string) or ENGLISH.search(string)
    }
    assert bad == {}


def test_swedish_translations_hold_no_english_sentence(in_use: set[object]) -> None:
    bad = {
        message.id: string
        for message in catalog("sv")
        if message.id in in_use
        for string in _strings(message)
        if ENGLISH.search(string)
        or (string == message.id and len(string.split()) > 2)  # left in English
    }
    assert bad == {}
