"""The one base form of the service and the field helpers shared by all forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from babel import support
from flask import has_request_context
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField as _DateField
from wtforms import Field, Form, PasswordField, SelectChoice, StringField
from wtforms import TimeField as _TimeField
from wtforms.fields.core import UnboundField
from wtforms.i18n import messages_path
from wtforms.meta import DefaultMeta

#: Characters no text may carry: XML 1.0 forbids them in documents and PostgreSQL refuses NUL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def strip_control_characters(value: Any) -> Any:
    """Drop control characters (tab and line breaks stay) from typed text."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


class CleanTextMeta(DefaultMeta):
    """Adds the control-character filter to every text field a form binds.

    Passwords are left as typed: they are only compared with their hash, never stored or
    printed, and changing a secret would make two different passwords the same.
    """

    def bind_field(self, form: Any, unbound_field: UnboundField, options: dict[str, Any]) -> Field:
        field_class = unbound_field.field_class
        # TextAreaField, EmailField and HiddenField are StringFields too.
        if issubclass(field_class, StringField) and not issubclass(field_class, PasswordField):
            filters = unbound_field.kwargs.get("filters", ())
            options = {**options, "filters": [strip_control_characters, *filters]}
        return super().bind_field(form, unbound_field, options)


class RowForm(Form):
    """A row of a repeat group: the same text cleaning as every other form."""

    Meta = CleanTextMeta


@lru_cache(maxsize=16)
def _wtforms_catalog(locale: str) -> support.NullTranslations:
    """WTForms' own messages in ``locale``, read from disk once per process (Flask-WTF reads
    them again for every request)."""
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class _WTFormsMessages:
    """WTForms' messages in the page's language."""

    @staticmethod
    def _catalog() -> Any:
        locale = get_locale() if has_request_context() else None
        return _wtforms_catalog(str(locale)) if locale else support.NullTranslations()

    def gettext(self, string: str) -> str:
        return str(self._catalog().ugettext(string))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return str(self._catalog().ungettext(singular, plural, n))


_MESSAGES = _WTFormsMessages()


class BaseForm(FlaskForm):
    """Every form: CSRF through Flask-WTF, translated messages through Flask-Babel."""

    class Meta(CleanTextMeta):
        locales = False

        def get_translations(self, form: Any) -> Any:
            return _MESSAGES

    #: Fields that steer the page, never answers.
    NOT_ANSWERS = frozenset({"csrf_token", "submit", "edit_token", "change_reason"})

    def answers(self) -> dict[str, Any]:
        """The validated data as JSON-safe answers (dates as ISO strings); empty rows dropped."""
        data = {k: v for k, v in self.data.items() if k not in self.NOT_ANSWERS}
        return _drop_empty_rows(_json_safe(data))


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(v) for k, v in value.items() if k not in ("who", "status", "ref"))
    if isinstance(value, list):
        return all(_blank(v) for v in value)
    return value in (None, "")


def blank_answer(value: Any) -> bool:
    """True for an answer or a repeat row left empty (the same rule that drops empty rows)."""
    return _blank(value)


def _drop_empty_rows(value: Any) -> Any:
    """Repeat rows left entirely empty are not answers (``who``-style defaults don't count)."""
    if isinstance(value, dict):
        return {k: _drop_empty_rows(v) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [_drop_empty_rows(v) for v in value if not _blank(v)]
    return value


def _json_safe(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items() if k != "csrf_token"}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, str):
        return value.strip()
    return value


def as_choices(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


#: The years a date of the service may fall in: a year of two digits (0026) or six (20266),
#: easily typed into a date picker's year, is refused instead of stored.
DATE_YEARS = range(1900, 2200)


class DateField(_DateField):
    """A day as ``<input type="date">``: a tablet shows its date picker, the browser sends
    YYYY-MM-DD. Anything else (or a year outside ``DATE_YEARS``) is refused beside the field
    in the page's language, and the typed text is shown again."""

    data: Any  # a date, or None (untyped in WTForms; the views read it after validation)

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(
                str(_l("This is not a valid date. Choose a day, as YYYY-MM-DD."))
            ) from None
        if isinstance(self.data, date) and self.data.year not in DATE_YEARS:
            self.data = None
            raise ValueError(
                str(_l("This year is not possible here. Check the date (YYYY-MM-DD)."))
            )


class TimeField(_TimeField):
    """A time of day as ``<input type="time">`` (HH:MM, or HH:MM:SS from a browser asked for
    seconds); anything else is refused beside the field in the page's language."""

    data: Any  # a time, or None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("format", ["%H:%M", "%H:%M:%S"])
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(str(_l("This is not a valid time. Write it as HH:MM."))) from None
