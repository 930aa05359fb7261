"""Input that used to answer 500: an e-mail address on a person (the Email validator's package
was missing) and control characters in forms that did not derive from the base form."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask_wtf import FlaskForm
from wtforms import Form

import forms
import service
from forms.base import BaseForm, RowForm
from service.extensions import db
from service.models import AuditEvent, Person
from tests.conftest import FormClient
from tests.security.conftest import World

PERSON = {
    "first_name": "Zofia",
    "last_name": "Wójcik-Łęcka",
    "identity_country": "",
    "identity_number": "",
    "preferred_language": "pl",
    "address": "",
    "phone": "",
    "date_of_birth": "",
}


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_all_subclasses(sub)}
    return found


def _import_everything() -> None:
    """Import every module of the service and the forms, so every form class exists."""
    for package in (service, forms):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if module.name.endswith("uno_bridge"):  # runs under Debian's python3, not here
                continue
            importlib.import_module(module.name)


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] in ("service", "forms")


def test_registering_a_person_with_an_e_mail_address(app: Flask, logged_in: FormClient) -> None:
    response = logged_in.post("/persons/new", {**PERSON, "email": "zofia.wojcik@example.org"})
    assert response.status_code == 302, response.get_data(as_text=True)
    person_page = logged_in.get(response.headers["Location"])
    assert person_page.status_code == 200
    with app.app_context():
        person = db.session.scalars(sa.select(Person)).one()
        assert person.email == "zofia.wojcik@example.org"


def test_a_wrong_e_mail_address_is_explained_beside_the_field(
    app: Flask, logged_in: FormClient
) -> None:
    expected = {
        "en": "Write the whole e-mail address, such as name@example.org.",
        "sv": "Skriv hela e-postadressen, till exempel namn@example.org.",
        "pl": "Wpisz pełny adres e-mail, na przykład imie@example.org.",
    }
    for language, message in expected.items():
        logged_in.get(f"/language/{language}")
        response = logged_in.post("/persons/new", {**PERSON, "email": "zofia@"})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert f'id="email-error">{message}</p>' in page, language
        assert 'value="Wójcik-Łęcka"' in page  # what was typed stays
    with app.app_context():
        assert db.session.scalars(sa.select(Person)).all() == []


def test_every_form_derives_from_the_base_form() -> None:
    _import_everything()
    flask_forms = {cls for cls in _all_subclasses(FlaskForm) if _ours(cls)} - {BaseForm}
    assert len(flask_forms) >= 6  # person, case, login, erasure, withdrawal, scan, drawing…
    outside = sorted(f"{c.__module__}.{c.__name__}" for c in flask_forms if BaseForm not in c.mro())
    assert outside == []
    rows = {c for c in _all_subclasses(Form) if _ours(c) and not issubclass(c, FlaskForm)}
    rows.discard(RowForm)
    loose = sorted(f"{c.__module__}.{c.__name__}" for c in rows if RowForm not in c.mro())
    assert loose == [], "a repeat-group row form must derive from forms.base.RowForm"


def test_login_with_a_nul_in_the_e_mail_is_an_ordinary_answer(
    client: FormClient, worker: Any
) -> None:
    wrong = client.post("/login", {"email": "nobody\x00@example.org", "password": "x\x00y"})
    assert wrong.status_code == 200
    assert "Wrong e-mail or password." in wrong.get_data(as_text=True)
    # The NUL is dropped, so the real address still logs in.
    email = worker.email.replace("@", "\x00@")
    right = client.post("/login", {"email": email, "password": "correct horse battery"})
    assert right.status_code == 302
    assert client.get("/").status_code == 200


def test_an_erasure_reason_is_stored_without_control_characters(
    app: Flask, client: FormClient, world: World
) -> None:
    own = world.own
    client.login(own.emails["admin"])
    response = client.post(
        f"/persons/{own.person_id}/erase",
        {"reason": "Begäran\x00 2026-11-20,\x1b dnr\t123\r\n", "confirm": "y"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        event = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "person.erase")
        ).one()
        assert event.details["reason"].strip() == "Begäran 2026-11-20, dnr\t123"
        assert db.session.get(Person, own.person_id).erased_at is not None
