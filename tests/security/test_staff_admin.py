"""The admin manages the unit's staff in the web UI: add (a one-time set-password link, 24 h,
single use, stored only hashed), change role, deactivate, reset password, require two-factor.
Never outside the own unit (404), never the own role or account; all of it audited."""

from __future__ import annotations

import html
import logging
import re
import urllib.request
from datetime import timedelta
from functools import partial

import pytest
import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import AuditEvent, PasswordToken, Role, Unit, User
from tests.conftest import FormClient, hidden_inputs
from tests.security.conftest import World
from tests.security.dbsearch import rows_containing
from tests.test_concurrency import at_the_same_moment

LINK = re.compile(r'value="(https?://[^"]+/set-password/([^"]+))"')
NEW_PASSWORD = "tre ord som inte hör ihop"


def _admin(client: FormClient, world: World) -> FormClient:
    assert client.login(world.own.emails["admin"]).status_code == 302
    return client


def _add(client: FormClient, email: str = "ny.kollega@example.org", **extra: str) -> str:
    response = client.post(
        "/admin/users/new",
        {"full_name": "Åsa Öberg-Ł", "email": email, "role": "worker", **extra},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    found = LINK.search(response.get_data(as_text=True))
    assert found, "no one-time link on the page"
    return html.unescape(found.group(1))


def _path(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def _actions(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_admin_adds_staff_and_the_link_sets_the_password_once(
    app: Flask, client: FormClient, world: World, database_url: str
) -> None:
    admin = _admin(client, world)
    link = _add(admin)
    token = link.rsplit("/", 1)[1]
    # Only the hash is stored: the token is nowhere in the database.
    with app.app_context():
        row = db.session.scalar(sa.select(PasswordToken))
        assert row is not None and row.token_hash != token and row.purpose == "invite"
        assert row.expires_at - row.created_at == timedelta(hours=24)
    assert rows_containing(app, token) == []
    # The page works logged out.
    visitor = FormClient(app.test_client())
    visitor.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = visitor.get(_path(link))
    assert page.status_code == 200
    assert "Welcome to Stegvis" in page.get_data(as_text=True)
    short = visitor.post(_path(link), {"password": "kort", "repeat": "kort"})
    assert "Use 12 to 200 characters." in short.get_data(as_text=True)
    done = visitor.post(_path(link), {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"].endswith("/login")
    # Single use.
    assert visitor.get(_path(link)).status_code == 404
    assert visitor.login("ny.kollega@example.org", NEW_PASSWORD).status_code == 302
    assert "user.create" in _actions(app) and "password.set" in _actions(app)


def test_a_link_expires_after_24_hours_and_a_new_one_replaces_it(
    app: Flask, client: FormClient, world: World
) -> None:
    admin = _admin(client, world)
    first = _add(admin)
    with app.app_context():
        user_id = db.session.scalar(
            sa.select(User.id).where(User.email == "ny.kollega@example.org")
        )
    second = _path(
        html.unescape(
            LINK.search(
                admin.post(
                    f"/admin/users/{user_id}/reset-password",
                    {"confirm": "y"},
                    form_url=f"/admin/users/{user_id}",
                ).get_data(as_text=True)
            ).group(1)
        )
    )
    assert admin.get(_path(first)).status_code == 404  # replaced by the newer link
    assert admin.get(second).status_code == 200
    with app.app_context():
        for row in db.session.scalars(sa.select(PasswordToken)):
            row.expires_at = row.expires_at - timedelta(hours=25)
        db.session.commit()
    page = admin.get(second)
    assert page.status_code == 404
    assert "This link does not work" in page.get_data(as_text=True)


def test_a_taken_email_is_refused_beside_the_field_and_nothing_typed_is_lost(
    client: FormClient, world: World
) -> None:
    admin = _admin(client, world)
    response = admin.post(
        "/admin/users/new",
        {
            "full_name": "Zofia <b>&amp; {{ x }}",
            "email": world.foreign.emails["worker"],
            "role": "worker",
        },
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Someone already logs in with this e-mail address." in text
    assert "Zofia &lt;b&gt;&amp;amp; {{ x }}" in text


def test_roles_come_from_the_enum_and_a_change_is_audited(
    app: Flask, client: FormClient, world: World
) -> None:
    from service.models import Role

    admin = _admin(client, world)
    worker = world.own.users["worker"]
    page = admin.get(f"/admin/users/{worker}").get_data(as_text=True)
    for role in Role:
        assert f'value="{role.value}"' in page
    response = admin.post(f"/admin/users/{worker}/role", {"role": "caseworker"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(User, worker).role == "caseworker"
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "user.role"))
        assert event.details == {
            "target_user_id": worker,
            "role_from": "worker",
            "role_to": "caseworker",
        }
    log = admin.get("/admin/audit").get_data(as_text=True)
    assert "Changed the role of Worker A: Worker → Caseworker" in log


def test_an_admin_cannot_change_their_own_role_or_deactivate_themselves(
    app: Flask, client: FormClient, world: World
) -> None:
    admin = _admin(client, world)
    me = world.own.users["admin"]
    response = admin.post(f"/admin/users/{me}/role", {"role": "worker"})
    assert "You cannot change your own role." in response.get_data(as_text=True)
    response = admin.post(
        f"/admin/users/{me}/active",
        {"confirm": "y"},
        form_url=f"/admin/users/{world.own.users['worker']}",
    )
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, me)
        assert user.role == "admin" and user.active
    assert admin.get("/").status_code == 200


@pytest.mark.parametrize(
    "method, path, data",
    [
        ("GET", "/admin/users/{id}", {}),
        ("POST", "/admin/users/{id}/role", {"role": "admin"}),
        ("POST", "/admin/users/{id}/active", {"confirm": "y"}),
        ("POST", "/admin/users/{id}/reset-password", {"confirm": "y"}),
        ("POST", "/admin/users/{id}/two-factor", {"required": "y", "reset": "y"}),
    ],
)
def test_another_units_staff_answer_404_and_stay_unchanged(
    app: Flask, client: FormClient, world: World, method: str, path: str, data: dict[str, str]
) -> None:
    admin = _admin(client, world)
    foreign = world.foreign.users["worker"]
    url = path.format(id=foreign)
    if method == "GET":
        response = admin.get(url)
    else:
        response = admin.post(url, data, form_url="/admin/users")
    assert response.status_code == 404
    with app.app_context():
        user = db.session.get(User, foreign)
        assert (user.role, user.active, user.auth_version, user.two_factor_required) == (
            "worker",
            True,
            0,
            False,
        )
    assert "Worker B" not in admin.get("/admin/users").get_data(as_text=True)


def test_deactivate_keeps_the_account_and_reactivate_gives_access_back(
    app: Flask, client: FormClient, world: World
) -> None:
    admin = _admin(client, world)
    worker = world.own.users["worker"]
    unconfirmed = admin.post(f"/admin/users/{worker}/active", {})
    assert "Confirm the deactivation." in unconfirmed.get_data(as_text=True)
    assert admin.post(f"/admin/users/{worker}/active", {"confirm": "y"}).status_code == 302
    assert FormClient(app.test_client()).login(world.own.emails["worker"]).status_code == 200
    assert admin.post(f"/admin/users/{worker}/active", {}).status_code == 302  # reactivate
    assert FormClient(app.test_client()).login(world.own.emails["worker"]).status_code == 302
    actions = _actions(app)
    assert actions.index("user.deactivate") < actions.index("user.reactivate")


def test_two_factor_required_per_user_and_for_the_unit(
    app: Flask, client: FormClient, world: World
) -> None:
    admin = _admin(client, world)
    worker = world.own.users["worker"]
    assert admin.post(f"/admin/users/{worker}/two-factor", {"required": "y"}).status_code == 302
    other = FormClient(app.test_client())
    assert other.login(world.own.emails["worker"]).headers["Location"].endswith("/login/setup")
    assert (
        admin.post("/admin/unit/two-factor", {"required": "y"}, form_url="/admin/users").status_code
        == 302
    )
    with app.app_context():
        assert db.session.get(Unit, world.own.unit_id).two_factor_required
    # The admin is taken to the set-up too (at their next request).
    assert admin.get("/admin/users").headers["Location"].endswith("/login/setup")
    actions = _actions(app)
    assert "user.two_factor_required" in actions and "unit.two_factor_required" in actions


def test_the_set_password_link_stays_out_of_the_access_log(
    app: Flask, client: FormClient, world: World, live_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    link = _add(_admin(client, world))
    token = link.rsplit("/", 1)[1]
    caplog.set_level(logging.INFO, logger="werkzeug")
    with urllib.request.urlopen(live_server + _path(link), timeout=10) as response:  # noqa: S310
        assert response.status == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/set-password/" in logged  # the request was logged ...
    assert token not in logged  # ... without the token


@pytest.mark.parametrize(
    "language, words", [("sv", "Lägg till en medarbetare"), ("pl", "Dodaj pracownika")]
)
def test_the_staff_pages_are_translated(
    client: FormClient, world: World, language: str, words: str
) -> None:
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    admin = _admin(client, world)
    assert words in admin.get("/admin/users").get_data(as_text=True)
    assert words in admin.get("/admin/users/new").get_data(as_text=True)


NASTY = "Łucja Ñandú & <b>Ö</b> {{ 7*7 }} {% if 1 %}x{% endif %} ' \" ; DROP"
CONTROL = "Zo\x00fia\x07\x1b[31m\u200b\ufeff"
LONG = "Å" * 20_000


@pytest.mark.parametrize(
    "fields",
    [
        {"full_name": NASTY, "email": "lucja@example.org", "title": NASTY, "phone": NASTY},
        {"full_name": CONTROL, "email": "zofia@example.org", "phone": CONTROL},
        {"full_name": LONG, "email": LONG, "title": LONG, "phone": LONG},
        {"full_name": "X", "email": "ä@<script>.pl", "role": "{{ x }}"},
        {"full_name": "X", "email": "x@example.org", "role": "superuser"},
        {"full_name": "", "email": "", "role": ""},
    ],
)
def test_adding_staff_takes_hostile_input_without_a_server_error(
    app: Flask, client: FormClient, world: World, fields: dict[str, str]
) -> None:
    admin = _admin(client, world)
    response = admin.post("/admin/users/new", {"role": "worker", **fields})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<b>Ö</b>" not in text and "<script>" not in text
    with app.app_context():
        for user in db.session.scalars(sa.select(User)):
            assert "\x00" not in user.full_name and user.role in {role.value for role in Role}
            assert len(user.full_name) <= 200


@pytest.mark.parametrize("typed", [NASTY, CONTROL, LONG, "{{ config }}"])
def test_set_password_and_change_password_take_hostile_input(
    app: Flask, client: FormClient, world: World, typed: str
) -> None:
    link = _add(_admin(client, world))
    visitor = FormClient(app.test_client())
    visitor.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = visitor.post(_path(link), {"password": typed, "repeat": typed + "x"})
    assert response.status_code == 200
    assert "The two passwords are not the same." in response.get_data(as_text=True) or (
        "Use 12 to 200 characters." in response.get_data(as_text=True)
    )
    response = client.post(
        "/account/password", {"current": typed, "password": typed, "repeat": typed}
    )
    assert response.status_code == 200


def test_two_admins_adding_the_same_address_at_once_get_one_account(
    app: Flask, world: World
) -> None:
    admins = []
    for _ in range(2):
        other = FormClient(app.test_client())
        other.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        admins.append(_admin(other, world))
    for n in range(5):
        email = f"samtidigt{n}@example.org"
        forms = [
            {
                **hidden_inputs(a.get("/admin/users/new").get_data(as_text=True)),
                "full_name": f"Åsa {n}",
                "email": email,
                "role": "worker",
            }
            for a in admins
        ]
        answers = at_the_same_moment(
            [
                partial(a.client.post, "/admin/users/new", data=f)
                for a, f in zip(admins, forms, strict=True)
            ]
        )
        assert [r.status_code for r in answers] == [200, 200], f"round {n}"
        pages = [r.get_data(as_text=True) for r in answers]
        assert sum(bool(LINK.search(p)) for p in pages) == 1, f"round {n}"
        assert sum("Someone already logs in with this e-mail address." in p for p in pages) == 1
        with app.app_context():
            assert (
                db.session.scalar(sa.select(sa.func.count(User.id)).where(User.email == email)) == 1
            )
