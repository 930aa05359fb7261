"""forms/html_params.py writes exactly what WTForms' html_params writes, escaping included."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from flask_babel import lazy_gettext
from markupsafe import Markup
from wtforms import Form, RadioField, SelectField, StringField, TextAreaField
from wtforms.widgets import core

from forms.base import as_choices
from forms.html_params import html_params, install, wtforms_html_params

HOSTILE = [
    "",
    "plain",
    'say "hi"',
    "Tom & Jerry",
    "<script>alert(1)</script>",
    "a'b",
    '"><img src=x onerror=alert(1)>',
    "&amp; already",
    "&quot;",
    "Ekström – Łódź ąę żółć",
    "line\nbreak\ttab",
    "\u2028\x00",
    Markup("<b>trusted</b>"),
    Markup('with "quote"'),
    Markup("&amp;"),
]
VALUES: list[Any] = [*HOSTILE, True, False, None, 0, 1, -3, 2.5, ["a", "b"], date_like := object()]
KEYS = [
    "id",
    "name",
    "class_",
    "for_",
    "data_shown_if",
    "data_min_date_from",
    "aria_describedby",
    "aria_invalid",
    "data__odd",
    "x__",
    "required",
    "checked",
    "value",
    "placeholder",
    "autocomplete",
]


def _same(**kwargs: Any) -> None:
    ours, theirs = html_params(**kwargs), wtforms_html_params(**kwargs)
    assert ours == theirs
    assert type(ours) is Markup


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("key", KEYS)
def test_one_attribute(key: str, value: Any) -> None:
    if value is date_like:
        value = "2026-12-02"
    _same(**{key: value})


def test_no_attributes() -> None:
    _same()


def test_many_attributes_sorted() -> None:
    for size in (2, 3, 5, len(KEYS)):
        for combo in itertools.islice(itertools.combinations(KEYS, size), 60):
            for shift in range(4):
                _same(**{k: VALUES[(i + shift) % len(HOSTILE)] for i, k in enumerate(combo)})
                _same(**{k: (i + shift) % 3 == 0 for i, k in enumerate(combo)})


def test_lazy_strings() -> None:
    from service import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.test_request_context():
        _same(placeholder=lazy_gettext("— choose —"), title=lazy_gettext('Say "why"'))


def test_hostile_names_are_escaped() -> None:
    _same(**{'a"b': "x", "<c>": True, "d&e": "&"})


def test_installed_widgets_render_the_same() -> None:
    class F(Form):
        text = StringField(
            "Name <b>", render_kw={"data_shown_if": 'a="b"', "aria_describedby": "h"}
        )
        area = TextAreaField("Story")
        pick = SelectField("Pick", choices=as_choices([("1", 'One "1"'), ("<2>", "Two & 2")]))
        radio = RadioField("R", choices=as_choices([("y", "Yes"), ("n", "No")]))

    def rendered() -> list[str]:
        form = F(data={"text": '"><x>', "area": "a & b", "pick": "<2>", "radio": "y"})
        return [
            str(form.text(class_="wide", required=True, readonly=False)),
            str(form.area(rows=4)),
            str(form.pick(data_x="1")),
            str(form.radio()),
            str(form.text.label(for_="x", class_="l")),
        ]

    install()
    ours = rendered()
    import wtforms.widgets

    try:
        core.html_params = wtforms_html_params
        wtforms.widgets.html_params = wtforms_html_params
        for name in dir(core):
            widget = getattr(core, name)
            if isinstance(widget, type) and widget.__dict__.get("html_params") is not None:
                setattr(widget, "html_params", staticmethod(wtforms_html_params))  # noqa: B010
        theirs = rendered()
    finally:
        install()
    assert ours == theirs
    assert core.html_params is html_params
