"""Filters and globals every page template may use."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from flask import Flask, g, request
from flask_babel import format_date, format_datetime, get_locale, get_timezone, get_translations
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from forms.builder import ActionRow, ProgressRow
from forms.fields import ShownIf
from forms.identity import format_identity
from forms.person import SEX_CHOICES
from service.access import can
from service.cases.actions import PARTY_LABELS
from service.cases.journey import MethodNames
from service.error_summary import wrong_answers
from service.i18n import LANGUAGE_NAMES

STATUS_LABELS = {
    "referred": _l("Referred"),
    "start_meeting": _l("Start meeting held"),
    "agreed": _l("Agreed"),
    "assessed": _l("Assessed"),
    "plan_active": _l("Plan active"),
    "closed": _l("Closed"),
}


def _day(value: date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if type(value) is date:  # a day alone reads the same in a language whatever the time zone
        return _day_in(value, str(get_locale()))
    return format_date(value, format="medium")


@lru_cache(maxsize=4096)
def _day_in(value: date, _locale: str) -> str:
    """``format_date(value, "medium")`` in the language ``_locale``, once per process."""
    return format_date(value, format="medium")


def _any_day(value: Any) -> str:
    """A stored ISO day as ``day`` shows it; anything else as it is (a posted hidden value)."""
    try:
        return _day(value)
    except (TypeError, ValueError):
        return str(value or "")


def _row_kind(field_list: Any) -> str:
    """ "progress" or "actions" for a follow-up's rows carried from the plan, else ""."""
    form_class = next(iter(getattr(field_list.unbound_field, "args", ())), None)
    if form_class is ProgressRow:
        return "progress"
    if form_class is ActionRow:
        return "actions"
    return ""


def _moment(value: datetime | None) -> str:
    """``value`` as date and time to the minute, in the user's language and the service's zone."""
    if not value:
        return ""
    return _moment_in(
        value.replace(second=0, microsecond=0), str(get_locale()), str(get_timezone())
    )


@lru_cache(maxsize=4096)
def _moment_in(value: datetime, _locale: str, _zone: str) -> str:
    """``format_datetime(value, "short")`` in ``_locale`` and ``_zone``, once per process (the
    short format shows minutes, so seconds never make another text)."""
    return format_datetime(value, format="short")


def _condition(field: Any) -> tuple[str, tuple[str, ...]] | None:
    """(name of the deciding field, values) for a question shown only on some answers."""
    for validator in field.validators:
        if isinstance(validator, ShownIf):
            prefix = field.name[: len(field.name) - len(field.short_name)]
            return prefix + validator.other, validator.values
    return None


def _required_when(field: Any) -> str:
    """For a question required only on some answers: what makes it required (translated),
    so the page says it without JavaScript; "" for any other field."""
    for validator in field.validators:
        if isinstance(validator, ShownIf) and validator.required and validator.other_label:
            answers = [_(label) for label in validator.value_labels]
            if len(answers) == 1:
                return _(
                    "Required when “%(question)s” is “%(answer)s”.",
                    question=_(validator.other_label),
                    answer=answers[0],
                )
            return _(
                "Required when the answer to “%(question)s” is one of: %(answers)s.",
                question=_(validator.other_label),
                answers=", ".join(f"“{answer}”" for answer in answers),
            )
    return ""


def answer_lines(form: Any, prefix: str = "") -> list[tuple[str, str]]:
    """(label, shown value) of every answered field of a form, nested rows included."""
    lines: list[tuple[str, str]] = []
    for field in form:
        if field.type in ("CSRFTokenField", "HiddenField"):
            continue
        label = f"{prefix}{field.label.text}"
        if field.type == "FormField":
            lines += answer_lines(field.form, f"{label} › ")
        elif field.type == "FieldList":
            for n, entry in enumerate(field.entries, start=1):
                sub = entry.form if entry.type == "FormField" else [entry]
                lines += answer_lines(sub, f"{label} {n} › ")
        elif field.data not in (None, "", []):
            lines.append((label, _shown(field)))
    return lines


def join_labels(labels: list[str]) -> str:
    """Chosen labels as one list: "Sms, telefonsamtal, hembesök", not "Sms, Telefonsamtal".

    Labels are written to stand alone (capitalised); inside a list, Swedish, Polish and English
    write common words in lower case. Abbreviations ("SMS", "PUP") keep their capitals.
    """
    return ", ".join(
        label if index == 0 else _lower_first(label) for index, label in enumerate(labels)
    )


def _lower_first(label: str) -> str:
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def _shown(field: Any) -> str:
    if field.type == "BooleanField":  # one checkbox: ticked or not
        return _("Yes") if field.data else _("No")
    choices = {
        str(c.value): str(c.label)
        for c in getattr(field, "choices", None) or []
        if hasattr(c, "value")
    }
    if isinstance(field.data, list):
        return join_labels([choices.get(str(v), str(v)) for v in field.data])
    if isinstance(field.data, date):
        return _day(field.data)
    return choices.get(str(field.data), str(field.data))


def _page_catalog() -> Any:
    """The catalog of the page's language, looked up once per language and request.

    Flask-Babel's own template callables look the catalog up again for every string (the case
    page has some 150); this is the same catalog, so the same words, found once.
    """
    locale = get_locale()
    catalogs: dict[Any, Any] = g.setdefault("_stegvis_catalogs", {})
    found = catalogs.get(locale)
    if found is None:
        found = catalogs[locale] = get_translations()
    return found


#: The name under which each page's context carries its catalog (see ``_catalog_of``).
CATALOG_KEY = "_stegvis_catalog"


def _catalog_of(context: Context) -> Any:
    """The catalog the page's context carries, or (a macro imported without context) the
    request's."""
    catalog = context.get(CATALOG_KEY)
    return catalog if catalog is not None else _page_catalog()


def _formatted(context: Context, text: str, variables: dict[str, Any]) -> str:
    """As Jinja's new-style gettext: escaped when autoescaping, always a format string."""
    if not variables and "%" not in text:  # nothing to format: the same text, sooner
        return Markup(text) if context.eval_ctx.autoescape else text  # noqa: S704 (our catalogs)
    if context.eval_ctx.autoescape:
        return Markup(text) % variables  # type: ignore[no-any-return]  # noqa: S704 (our catalogs)
    return text % variables


@pass_context
def _template_gettext(__context: Context, __string: str, **variables: Any) -> str:
    return _formatted(__context, _catalog_of(__context).ugettext(__string), variables)


@pass_context
def _template_ngettext(
    __context: Context, __singular: str, __plural: str, __num: int, **variables: Any
) -> str:
    variables.setdefault("num", __num)
    text = _catalog_of(__context).ungettext(__singular, __plural, __num)
    return _formatted(__context, text, variables)


@pass_context
def _template_pgettext(
    __context: Context, __string_ctx: str, __string: str, **variables: Any
) -> str:
    variables.setdefault("context", __string_ctx)
    text = _catalog_of(__context).upgettext(__string_ctx, __string)
    return _formatted(__context, text, variables)


@pass_context
def _template_npgettext(
    __context: Context,
    __string_ctx: str,
    __singular: str,
    __plural: str,
    __num: int,
    **variables: Any,
) -> str:
    variables.setdefault("context", __string_ctx)
    variables.setdefault("num", __num)
    text = _catalog_of(__context).unpgettext(__string_ctx, __singular, __plural, __num)
    return _formatted(__context, text, variables)


def register_template_helpers(app: Flask) -> None:
    """Attach the filters and globals to ``app``'s Jinja environment."""
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: _page_catalog().ugettext(s),
        ngettext=lambda s, p, n: _page_catalog().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _page_catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: _page_catalog().unpgettext(c, s, p, n),
    )
    # The same new-style callables, reading the catalog the page's context carries (put there
    # once per page by ``_globals``): one call per string instead of Jinja's three and
    # Flask-Babel's locale lookup each time. ``_`` is the same function, not an alias of it.
    app.jinja_env.globals.update(
        _=_template_gettext,
        gettext=_template_gettext,
        ngettext=_template_ngettext,
        pgettext=_template_pgettext,
        npgettext=_template_npgettext,
    )
    app.jinja_env.filters.update(
        condition=_condition,
        required_when=_required_when,
        inline_choices=lambda field: (
            field.type == "RadioField"
            and len(field.choices or []) > 4
            and all(len(str(c.label)) <= 3 for c in field.choices)
        ),
        answer_lines=answer_lines,
        wrong_answers=lambda form, *more: wrong_answers((form, *more)),
        nested_lists=lambda form: any(f.type == "FieldList" for f in form),
        day=_day,
        moment=_moment,
        row_kind=_row_kind,
        any_day=_any_day,
        party_label=lambda key: str(PARTY_LABELS.get(key, key)),
        identity=lambda person: format_identity(person.identity_kind, person.identity_number),
    )

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            CATALOG_KEY: _page_catalog(),
            "LANGUAGE_NAMES": LANGUAGE_NAMES,
            "SEX_LABELS": dict(SEX_CHOICES),
            "can": can,
            "METHODS": MethodNames(),
            "STATUS_LABELS": STATUS_LABELS,
            "current_locale": str(get_locale() or "sv"),
            "current_path": request.full_path.rstrip("?") if request else "/",
        }
