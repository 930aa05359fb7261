"""The wrong answers of a form, for the error summary at the top of every form page.

The GOV.UK error-summary pattern: one entry per wrong answer, its label and message, linked to
the element the person has to change (the field itself, or the first option of a radio or
checkbox group, whose inputs carry ``<id>-0``, ``<id>-1``, …).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

#: Field types rendered as a group of inputs; their own id is on no element.
GROUPED = frozenset({"RadioField", "MultiCheckboxField", "NetworkMembersField"})
#: Field types with nothing to type into; their message is listed without label or link.
UNLINKED = frozenset({"CSRFTokenField"})
#: Field types filled in by the page (e.g. a drawn signature); the link goes to their message.
HIDDEN = frozenset({"HiddenField"})


@dataclass(frozen=True)
class WrongAnswer:
    """One entry of the error summary: the label, the message and where to go (or "")."""

    label: str
    message: str
    href: str


def wrong_answers(forms: Iterable[Any]) -> list[WrongAnswer]:
    """Every field with an error in ``forms`` (nested rows and per-area forms too), in page
    order, with its first message."""
    found: list[WrongAnswer] = []
    for form in forms:
        if form is not None:
            found.extend(_walk(form, ""))
    return found


def _walk(form: Any, prefix: str) -> Iterator[WrongAnswer]:
    for field in form:
        label = f"{prefix}{field.label.text}" if field.label else prefix
        if field.type == "FormField":
            inner = field.form
            container = all(sub.type == "FormField" for sub in inner)
            # A container of per-area forms adds nothing to the labels; an area form does.
            yield from _walk(inner, prefix if container else f"{label}: ")
        elif field.type == "FieldList":
            for message in field.errors:
                if isinstance(message, str):  # about the whole list (e.g. too few rows)
                    yield WrongAnswer(label, message, f"#{field.id}")
            # A row is named as the page names it: "Action 2", "Sub-goal 1" (a msgid).
            item = (field.render_kw or {}).get("data-item-label")
            row = f"{prefix}{_(item)}" if item else label
            for index, entry in enumerate(field.entries, start=1):
                if entry.type == "FormField":
                    yield from _walk(entry.form, f"{row} {index}: ")
                elif entry.errors:
                    yield _answer(entry, f"{row} {index}")
        elif field.errors:
            yield _answer(field, label)


def _answer(field: Any, label: str) -> WrongAnswer:
    message = str(field.errors[0])
    if field.type in UNLINKED:
        return WrongAnswer("", message, "")
    if field.type in HIDDEN:
        return WrongAnswer(label, message, f"#{field.id}-error")
    if field.type in GROUPED and field.choices:
        return WrongAnswer(label, message, f"#{field.id}-0")
    return WrongAnswer(label, message, f"#{field.id}")
