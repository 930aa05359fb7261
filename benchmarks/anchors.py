"""The anchors every page is measured against in the same run: a bare Flask "hello" and a bare
WTForms page with a CSRF token (a form of three fields rendered by Jinja), served by gunicorn
exactly like the service (``gunicorn -w 2 benchmarks.anchors:app``)."""

from __future__ import annotations

from flask import Flask, render_template_string
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, TextAreaField
from wtforms.validators import DataRequired

app = Flask(__name__)
app.config["SECRET_KEY"] = "anchor-only-not-a-secret"


class AnchorForm(FlaskForm):
    """Three fields, as a small questionnaire has."""

    name = StringField("Name", validators=[DataRequired()])
    email = EmailField("E-mail")
    notes = TextAreaField("Notes")


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form</title></head>
<body><main><h1>Form</h1><form method="post">{{ form.csrf_token }}
{% for field in [form.name, form.email, form.notes] %}
<div class="field">{{ field.label }} {{ field() }}</div>{% endfor %}
<button type="submit">Save</button></form></main></body></html>"""


@app.route("/hello")
def hello() -> str:
    """The least a Flask page can do."""
    return "Hello"


@app.route("/form")
def form() -> str:
    """A WTForms page with a CSRF token (which puts the token in the session)."""
    return render_template_string(PAGE, form=AnchorForm())
