"""Dates and times are the browser's own pickers: every date field of every form (the methods'
date questions, the person, the journal, amendments, consent, the filters) is an
``<input type="date">`` and every time an ``<input type="time">``, so a tablet shows its picker;
the server takes what the picker sends (YYYY-MM-DD, HH:MM); anything else, and a year nobody
means (0026, 20266), is refused beside the field in the page's language with the typed text
kept."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import wtforms
from flask import Flask
from flask_babel import force_locale, gettext
from wtforms.fields.core import UnboundField

import forms
import service
from forms.base import BaseForm, DateField, RowForm, TimeField
from forms.builder import build_step_form
from forms.method_registry import shipped_methods
from service.models import Role, User
from tests.conftest import FormClient
from tests.test_journal import buss_plan_case, contact
from tests.test_journey import register

#: A field name that holds a day or a time of day.
DATE_NAME = re.compile(r"(^|_)(date|day|on|from|to|until|at|time|birth)$|date|_day_")
#: Text fields whose name only looks like a date's.
# lowered_to: a sub-goal's new, smaller wording (it ends in "_to" like a date)
NOT_DATES = {"expected_time", "when", "follow_up_rhythm", "meeting_dates", "by_whom", "lowered_to"}
BAD_DATE = "This is not a valid date. Choose a day, as YYYY-MM-DD."
BAD_YEAR = "This year is not possible here. Check the date (YYYY-MM-DD)."
BAD_TIME = "This is not a valid time. Write it as HH:MM."
PICKERS = (wtforms.DateField, wtforms.DateTimeField, wtforms.DateTimeLocalField)


def _form_classes() -> Iterator[type[Any]]:
    """Every form class of the service, and one of every step of every shipped method."""
    for package in (forms, service):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not module.name.endswith(".uno_bridge"):  # Debian's python3 runs that one
                importlib.import_module(module.name)
    seen: set[type[Any]] = set()
    todo: list[type[Any]] = [BaseForm, RowForm]
    while todo:
        cls = todo.pop()
        if cls not in seen:
            seen.add(cls)
            todo.extend(cls.__subclasses__())
    yield from seen
    for method in shipped_methods().values():
        for step in method.steps.values():
            yield build_step_form(method, step)


def _fields(cls: type[Any], prefix: str = "") -> Iterator[tuple[str, UnboundField]]:
    """(dotted name, unbound field) of a form class, rows of repeat groups included."""
    for name in dir(cls):
        value = getattr(cls, name, None)
        if not isinstance(value, UnboundField):
            continue
        yield prefix + name, value
        inner = value
        while issubclass(inner.field_class, wtforms.FieldList) and inner.args:
            inner = inner.args[0]
        if issubclass(inner.field_class, wtforms.FormField) and inner.args:
            yield from _fields(inner.args[0], f"{prefix}{name}.")


def test_every_date_and_time_field_is_a_native_picker(app: Flask) -> None:
    wrong = []
    checked = 0
    for cls in _form_classes():
        for name, field in _fields(cls):
            kind, short = field.field_class, name.rsplit(".", 1)[-1]
            if issubclass(kind, PICKERS + (wtforms.TimeField,)):
                checked += 1
                if not issubclass(kind, (DateField, TimeField)):
                    wrong.append(f"{cls.__name__}.{name} is WTForms' own {kind.__name__}")
            elif (
                issubclass(kind, wtforms.StringField)
                and not issubclass(kind, wtforms.TextAreaField)  # a text, never one day
                and DATE_NAME.search(short)
                and short not in NOT_DATES
            ):
                wrong.append(f"{cls.__name__}.{name} is typed as text ({kind.__name__})")
    assert not wrong, "\n".join(sorted(set(wrong)))
    assert checked > 30  # the methods' date questions, the person, journal, amendments, consent
    with app.test_request_context():
        form = type("F", (BaseForm,), {"day": DateField("Day"), "at": TimeField("At")})(
            meta={"csrf": False}
        )
        assert 'type="date"' in form.day() and 'type="time"' in form.at()


def test_every_date_typed_into_a_template_is_a_picker() -> None:
    """Filters written straight into a template (the audit log's) are pickers too."""
    wrong = []
    root = Path(service.__file__).parent
    for template in root.rglob("*.html"):
        for tag in re.findall(r"<input\b[^>]*>", template.read_text("utf-8")):
            name = re.search(r'name="([^"{]+)"', tag)
            kind = re.search(r'type="([^"]+)"', tag)
            if name and DATE_NAME.search(name.group(1)) and kind and kind.group(1) == "text":
                wrong.append(f"{template.relative_to(root)}: {tag}")
    assert not wrong, "\n".join(wrong)


def _say(app: Flask, language: str, msgid: str) -> str:
    with app.test_request_context(), force_locale(language):
        said = gettext(msgid)
    assert said != msgid, f"{msgid!r} is not translated into {language}"
    return said


def _beside(page: str, field_id: str, message: str) -> None:
    """The message stands in the field's own error line, and the field points at it."""
    found = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">([^<]*)</p>', page)
    assert found, f"no error beside #{field_id}"
    assert found.group(1) == message
    tag = re.search(rf'<input\b[^>]*\bid="{re.escape(field_id)}"[^>]*>', page)
    assert tag and f"{field_id}-error" in tag.group(0), tag


def _value(page: str, field_id: str) -> str:
    tag = re.search(rf'<input\b[^>]*\bid="{re.escape(field_id)}"[^>]*>', page)
    assert tag, f"no #{field_id}"
    found = re.search(r'value="([^"]*)"', tag.group(0))
    return found.group(1) if found else ""


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_the_person_form_takes_the_pickers_date_and_refuses_others_beside_it(
    logged_in: FormClient, app: Flask, language: str
) -> None:
    logged_in.get(f"/language/{language}")
    person = {
        "first_name": "Zofia",
        "last_name": "Łęcka",
        "identity_country": "",
        "identity_number": "",
        "preferred_language": "pl",
    }
    for typed, message in (
        ("2026-02-30", BAD_DATE),
        ("9.7.1985", BAD_DATE),
        ("0085-07-09", BAD_YEAR),
    ):
        response = logged_in.post("/persons/new", {**person, "date_of_birth": typed})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        _beside(page, "date_of_birth", _say(app, language, message))
        assert _value(page, "date_of_birth") == typed
    response = logged_in.post("/persons/new", {**person, "date_of_birth": "1985-07-09"})
    assert response.status_code == 302
    page = logged_in.get(f"{response.headers['Location']}/edit").get_data(as_text=True)
    assert _value(page, "date_of_birth") == "1985-07-09"
    assert re.search(
        r'<input\b[^>]*id="date_of_birth"[^>]*type="date"|type="date"[^>]*id="date_of_birth"', page
    )


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_a_steps_date_question_refuses_a_typed_date_beside_it(
    logged_in: FormClient, app: Flask, language: str
) -> None:
    logged_in.get(f"/language/{language}")
    person_url = register(logged_in)
    case_url = logged_in.post(
        f"{person_url}/cases/new",
        {"method": "ipwzb", "referring_caseworker_name": "Ewa Żak", "assignment": "Program"},
    ).headers["Location"]
    response = logged_in.post(
        f"{case_url}/steps/start_meeting",
        {"meeting_date": "20266-11-02", "participants": "Zofia", "action": "finalise"},
    )
    page = response.get_data(as_text=True)
    _beside(page, "meeting_date", _say(app, language, BAD_DATE))
    assert _value(page, "meeting_date") == "20266-11-02"


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_the_journal_refuses_a_wrong_time_beside_it(
    logged_in: FormClient, worker: User, app: Flask, language: str
) -> None:
    case_url = buss_plan_case(logged_in, worker)
    logged_in.get(f"/language/{language}")
    page = logged_in.post(f"{case_url}/journal", contact(at="25:99")).get_data(as_text=True)
    _beside(page, "at", _say(app, language, BAD_TIME))
    assert _value(page, "at") == "25:99"
    response = logged_in.post(f"{case_url}/journal", contact(at="09:05:00"))  # with seconds
    assert response.status_code == 302


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_the_audit_filter_says_a_wrong_date_and_keeps_it(
    client: FormClient, make_user: Any, app: Flask, language: str
) -> None:
    admin = make_user(email="admin@example.org", role=Role.ADMIN)
    client.login(admin.email)
    client.get(f"/language/{language}")
    page = client.get("/admin/audit?from=2026-13-01&to=2026-12-01").get_data(as_text=True)
    _beside(page, "f-from", _say(app, language, BAD_DATE))
    assert _value(page, "f-from") == "2026-13-01" and _value(page, "f-to") == "2026-12-01"
    assert 'id="f-to-error"' not in page
