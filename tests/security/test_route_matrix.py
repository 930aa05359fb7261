"""Every route × every role × own/foreign unit, read from ``app.url_map``.

A route that is not in ``ROUTE_RULES`` fails :func:`test_every_route_has_a_rule` with the
endpoint's name: add it to the table with who may use it. Kinds:

* ``public`` — reachable by anyone (no answer is 403/404 because of the role);
* ``user`` — any logged-in member of staff, nothing of a case involved;
* ``unit:<action>`` — unit-level action (``register``, ``administer``): 403 for roles without it;
* ``case:<action>`` / ``person:<action>`` / ``document:<action>`` — on the object in the URL:
  404 when it is another unit's, 403 when the role may not do the action in its own unit.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule

from tests.conftest import FormClient, csrf_token
from tests.security.conftest import ROLES, World

#: (endpoint, method) → kind of rule. Keep in step with service/access.py.
ROUTE_RULES: dict[tuple[str, str], str] = {
    ("auth.login", "GET"): "public",
    ("auth.login", "POST"): "public",
    ("auth.set_language", "GET"): "public",
    ("auth.logout_view", "POST"): "user",
    ("session.ping", "POST"): "user",
    ("cases.index", "GET"): "user",
    ("cases.new_person", "GET"): "unit:register",
    ("cases.new_person", "POST"): "unit:register",
    ("cases.person", "GET"): "person:view",
    ("cases.edit_person", "GET"): "person:edit",
    ("cases.edit_person", "POST"): "person:edit",
    ("cases.new_case", "GET"): "person:register",
    ("cases.new_case", "POST"): "person:register",
    ("cases.case", "GET"): "case:view",
    ("cases.step", "GET"): "case:view",
    ("cases.step", "POST"): "case:edit",
    ("documents.issue_agreement_view", "POST"): "case:issue",
    ("documents.issue_view", "POST"): "case:issue",
    ("documents.download", "GET"): "document:download",
    ("documents.pdf", "GET"): "document:download",
    ("documents.verify", "GET"): "document:view",
    ("documents.file_document", "POST"): "document:file",
    ("documents.case_file", "GET"): "case:file",
    ("documents.sign", "GET"): "document:issue",
    ("documents.sign_scan", "POST"): "document:issue",
    ("documents.sign_drawn", "POST"): "document:issue",
    ("privacy.export_person", "POST"): "person:export",
    ("privacy.erase", "GET"): "person:erase",
    ("privacy.erase", "POST"): "person:erase",
    ("privacy.withdraw", "POST"): "case:edit",
    ("admin.audit", "GET"): "unit:administer",
    ("admin.users", "GET"): "unit:administer",
    ("reports.outcomes", "GET"): "user",
}

#: What each role may do in its own unit — stated here independently of service/access.py.
ALLOWED: dict[str, set[str]] = {
    "worker": {"view", "download", "file", "edit", "issue", "export", "register"},
    "caseworker": {"view", "download", "file"},
    "admin": {
        "view",
        "download",
        "file",
        "edit",
        "issue",
        "export",
        "erase",
        "register",
        "administer",
    },
}

#: Endpoints whose answer ends the session; walked last.
LAST = ("auth.logout_view",)


def routes(app: Flask) -> list[tuple[str, str, Rule]]:
    """(endpoint, method, rule) of every route except static files."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, rule))
    return sorted(found, key=lambda item: (item[0] in LAST, item[0], item[1], item[2].rule))


def test_every_route_has_a_rule(app: Flask) -> None:
    """A new route fails here until ROUTE_RULES says who may use it."""
    missing = sorted(
        {
            f"{endpoint} {method} ({rule.rule})"
            for endpoint, method, rule in routes(app)
            if (endpoint, method) not in ROUTE_RULES
        }
    )
    assert not missing, (
        "These routes have no access rule in tests/security/test_route_matrix.py ROUTE_RULES; "
        "add each (endpoint, method) with its kind ('case:view', 'case:edit', 'unit:register', …) "
        "and make the view check it with service.access:\n  " + "\n  ".join(missing)
    )


def url_values(rule: Rule, target: Any) -> dict[str, Any]:
    """Values for the rule's arguments, pointing at ``target`` (our or the other unit's)."""
    values: dict[str, Any] = {}
    for argument in sorted(rule.arguments):
        if argument == "case_id":
            values[argument] = target.case_id
        elif argument == "person_id":
            values[argument] = target.person_id
        elif argument == "document_id":
            values[argument] = target.document_id
        elif argument == "step_key":
            values[argument] = "start_meeting"
        elif argument == "instance":
            values[argument] = 1
        elif argument == "code":
            values[argument] = "en"
        elif argument == "doc_type":
            values[argument] = "agreement"
        elif argument == "number":  # a document's printed number (verification page)
            from service.extensions import db
            from service.models import Document

            values[argument] = db.session.get(Document, target.document_id).number
        elif argument == "doc_type":
            values[argument] = "agreement"
        elif argument == "number":
            values[argument] = target.document_number
        else:
            pytest.fail(
                f"{rule.endpoint}: the matrix cannot fill the URL argument {argument!r}; "
                "add it to url_values() in tests/security/test_route_matrix.py"
            )
    for argument, default in (rule.defaults or {}).items():
        values.setdefault(argument, default)
    return values


def expected(kind: str, role: str, scope: str) -> str:
    """'ok', '403' or '404' for a route of ``kind`` used by ``role`` on a ``scope`` object."""
    if kind in ("public", "user"):
        return "ok"
    target, action = kind.split(":")
    if target == "unit":
        return "ok" if action in ALLOWED[role] else "403"
    if scope == "foreign":
        return "404"
    return "ok" if action in ALLOWED[role] else "403"


def answer(status: int) -> str:
    if status in (403, 404):
        return str(status)
    assert status < 500, f"server error {status}"
    return "ok"


@pytest.mark.parametrize("scope", ["own", "foreign"])
@pytest.mark.parametrize("role", ROLES)
def test_route_matrix(app: Flask, client: FormClient, world: World, role: str, scope: str) -> None:
    """Each route answers as its rule says for this role on our / the other unit's objects."""
    own = world.own
    target = own if scope == "own" else world.foreign
    response = client.login(own.emails[role])
    assert response.status_code == 302
    token = csrf_token(client.get("/").get_data(as_text=True))
    wrong = []
    with app.test_request_context():
        from flask import url_for

        plan = [
            (endpoint, method, url_for(endpoint, **url_values(rule, target)))
            for endpoint, method, rule in routes(app)
            if (endpoint, method) in ROUTE_RULES
        ]
    for endpoint, method, url in plan:
        if method == "GET":
            response = client.get(url)
        else:
            response = client.client.post(url, data={"csrf_token": token})
        want = expected(ROUTE_RULES[(endpoint, method)], role, scope)
        got = answer(response.status_code)
        if got != want:
            wrong.append(
                f"{method} {url} ({endpoint}): expected {want}, got {response.status_code}"
            )
    assert not wrong, f"{role} on {scope} unit:\n  " + "\n  ".join(wrong)


def test_caseworker_reaches_cases_referred_by_them_read_only(
    app: Flask,
    client: FormClient,
    world: World,
) -> None:
    """A case in another unit referred by the caseworker: read and download, never change."""
    from service.extensions import db
    from service.models import Case

    with app.app_context():
        case = db.session.get(Case, world.foreign.case_id)
        case.referring_caseworker_id = world.own.users["caseworker"]
        db.session.commit()
    client.login(world.own.emails["caseworker"])
    foreign = world.foreign
    assert client.get(f"/cases/{foreign.case_id}").status_code == 200
    assert client.get(f"/persons/{foreign.person_id}").status_code == 200
    assert client.get(f"/documents/{foreign.document_id}/download").status_code == 200
    assert (
        client.post(
            f"/cases/{foreign.case_id}/agreement", {}, form_url=f"/cases/{foreign.case_id}"
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/cases/{foreign.case_id}/steps/start_meeting",
            {},
            form_url=f"/cases/{foreign.case_id}",
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/persons/{foreign.person_id}/export", {}, form_url=f"/cases/{foreign.case_id}"
        ).status_code
        == 403
    )
    # The worker of the same unit as the caseworker still cannot see that case.
    client.post("/logout", {}, form_url="/")
    client.login(world.own.emails["worker"])
    assert client.get(f"/cases/{foreign.case_id}").status_code == 404
