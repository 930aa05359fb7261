"""Reading a page's main form and filling every text field, as a person at the keyboard would."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

TEXT_INPUTS = {"text", "search", "tel", ""}


class _FormParser(HTMLParser):
    """Collects the fields of every POST form on a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._form = {"action": a.get("action", ""), "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            self._form["fields"].append(
                ("input", a.get("type", "text").lower(), name, a.get("value", ""), "checked" in a)
            )
        elif tag == "textarea" and name:
            self._textarea = name
            self._form["fields"].append(("textarea", "textarea", name, "", False))
        elif tag == "select" and name:
            self._select = name
            self._form["fields"].append(("select", "select", name, None, "multiple" in a))
        elif tag == "option" and self._select is not None:
            self._form["fields"].append(
                ("option", "option", self._select, a.get("value", ""), False)
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def main_form(html: str) -> dict[str, Any]:
    """The POST form with the most fields (not the header's log-out form)."""
    parser = _FormParser()
    parser.feed(html)
    assert parser.forms, "no POST form on the page"
    return max(parser.forms, key=lambda form: len(form["fields"]))


def fill(html: str, text: str, *, skip: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[str]]:
    """Data for the main form: ``text`` in every free-text field, a valid pick elsewhere.

    Returns the data and the names of the fields that got ``text``.
    """
    data: dict[str, Any] = {}
    typed: list[str] = []
    first_option: dict[str, str] = {}
    for kind, input_type, name, value, _flag in main_form(html)["fields"]:
        if name in skip:
            continue
        if kind == "textarea" or (kind == "input" and input_type in TEXT_INPUTS):
            data[name] = text
            typed.append(name)
        elif kind == "input" and input_type == "hidden":
            data[name] = value
        elif kind == "input" and input_type == "date":
            data[name] = "2026-11-02"
        elif kind == "input" and input_type in ("radio", "checkbox"):
            data.setdefault(name, value if input_type == "radio" else [value])
        elif kind == "input" and input_type == "email":
            data[name] = "person@example.org"
        elif kind == "input" and input_type == "number":
            data[name] = "3"
        elif kind == "option" and value and name not in first_option:
            first_option[name] = value
    for name, value in first_option.items():
        data.setdefault(name, value)
    return data, typed
