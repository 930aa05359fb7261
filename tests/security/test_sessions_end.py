"""A password change, a reset or a deactivation ends every session of that user: each session
carries the user's auth version, and the user loader refuses an older one."""

from __future__ import annotations

import re

from flask import Flask

from service.extensions import db
from service.models import User
from tests.conftest import PASSWORD, FormClient
from tests.security.conftest import World

NEW_PASSWORD = "a quite different passphrase"


def _two_sessions(app: Flask, email: str) -> tuple[FormClient, FormClient]:
    clients = []
    for _ in range(2):
        client = FormClient(app.test_client())
        client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        assert client.login(email).status_code == 302
        assert client.get("/").status_code == 200
        clients.append(client)
    return clients[0], clients[1]


def _logged_out(client: FormClient) -> bool:
    response = client.get("/")
    return response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_password_change_ends_the_other_sessions(app: Flask, world: World) -> None:
    email = world.own.emails["worker"]
    here, elsewhere = _two_sessions(app, email)
    response = here.post(
        "/account/password",
        {"current": PASSWORD, "password": NEW_PASSWORD, "repeat": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert here.get("/").status_code == 200  # the browser that changed it stays in
    assert _logged_out(elsewhere)
    fresh = FormClient(app.test_client())
    assert fresh.login(email).status_code == 200  # the old password no longer works
    assert fresh.login(email, NEW_PASSWORD).status_code == 302


def test_a_wrong_current_password_changes_nothing(app: Flask, world: World) -> None:
    here, elsewhere = _two_sessions(app, world.own.emails["worker"])
    response = here.post(
        "/account/password",
        {"current": "not it", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD},
    )
    assert "This is not your current password." in response.get_data(as_text=True)
    assert elsewhere.get("/").status_code == 200


def test_a_reset_by_the_admin_ends_every_session(
    app: Flask, client: FormClient, world: World
) -> None:
    one, two = _two_sessions(app, world.own.emails["worker"])
    client.login(world.own.emails["admin"])
    user_id = world.own.users["worker"]
    response = client.post(
        f"/admin/users/{user_id}/reset-password",
        {"confirm": "y"},
        form_url=f"/admin/users/{user_id}",
    )
    assert response.status_code == 200
    assert _logged_out(one) and _logged_out(two)
    assert FormClient(app.test_client()).login(world.own.emails["worker"]).status_code == 200


def test_a_deactivation_ends_every_session(app: Flask, client: FormClient, world: World) -> None:
    one, two = _two_sessions(app, world.own.emails["worker"])
    client.login(world.own.emails["admin"])
    user_id = world.own.users["worker"]
    response = client.post(
        f"/admin/users/{user_id}/active", {"confirm": "y"}, form_url=f"/admin/users/{user_id}"
    )
    assert response.status_code == 302
    assert _logged_out(one) and _logged_out(two)
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user is not None and not user.active  # kept, never deleted
    assert FormClient(app.test_client()).login(world.own.emails["worker"]).status_code == 200


def test_a_session_of_an_older_version_loads_nobody(app: Flask, world: World) -> None:
    client, _other = _two_sessions(app, world.own.emails["worker"])
    with client.client.session_transaction() as session:
        assert re.fullmatch(r"\d+\.0", session["_user_id"])
        session["_user_id"] = session["_user_id"].split(".")[0]  # as sessions used to be
    assert _logged_out(client)


def test_a_logout_ends_the_sessions_form_token_and_keeps_its_language(
    app: Flask, world: World
) -> None:
    """A page left open before a logout cannot post after the next login in that browser, and
    the login page stays in the language chosen."""
    email = world.own.emails["worker"]
    client = FormClient(app.test_client())
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.client.get("/language/pl").status_code == 302
    assert client.login(email).status_code == 302
    before = client.get("/").get_data(as_text=True)
    old_token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', before)
    assert old_token is not None
    assert client.client.post("/logout", data={"csrf_token": old_token[1]}).status_code == 302
    assert 'lang="pl"' in client.client.get("/login").get_data(as_text=True)
    assert client.login(email).status_code == 302
    late = client.client.post("/", data={"csrf_token": old_token[1], "q": "x"})
    assert late.status_code == 400
    fresh = re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/").get_data(as_text=True)
    )
    assert fresh is not None and fresh[1] != old_token[1]
    assert client.client.post("/", data={"csrf_token": fresh[1], "q": "x"}).status_code == 200
