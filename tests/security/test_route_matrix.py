"""Every route × every role × own/other unit, and anonymous, read from ``app.url_map``.

``MATRIX`` states the answer of every cell explicitly; nothing is derived from
service/access.py. A route in ``app.url_map`` that is missing from the table fails
:func:`test_every_route_is_in_the_matrix`; a row whose route is gone fails too.

To add a route, add one line to ``MATRIX``::

    ("cases.edit_person", "POST"):  row("edit", "ok 404", "403 404", "ok 404", "login"),

* the first argument is the action the view must ask ``service.access.require`` about
  ("view", "edit", "issue", "download", "file", "export", "erase", "register",
  "administer"), or ``None`` for a route that involves no case, person or unit rule;
* then worker, caseworker and admin, each as two answers: on an object of their own unit,
  then on one of the other unit (what staff of another unit get); then the anonymous answer.

Answers: ``ok`` (2xx or a redirect other than to the login page), ``login`` (redirect to the
login page), or the exact status (``400`` the view refused the empty form, ``403``, ``404``).
Every request is an empty GET, or a POST carrying only a valid CSRF token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from service import access
from tests.conftest import FormClient, csrf_token
from tests.security.conftest import ROLES, World

SCOPES = ("own", "other")
ANSWERS = {"ok", "login", "400", "403", "404"}
Cells = dict[str, Any]


def row(checks: str | None, worker: str, caseworker: str, admin: str, anonymous: str) -> Cells:
    """One route's expected answers: ``checks`` and, per role, "<own unit> <other unit>"."""
    cells: Cells = {"checks": checks, "anonymous": anonymous}
    for role, answers in (("worker", worker), ("caseworker", caseworker), ("admin", admin)):
        own, other = answers.split()
        cells[role] = {"own": own, "other": other}
    assert {anonymous, *(c for r in ROLES[:3] for c in cells[r].values())} <= ANSWERS, cells
    return cells


#: (endpoint, method) → the action the view must ask service.access.require about, and the
#: answer every role gets on its own and on the other unit's objects, and anonymous visitors.
#: Stated here, independently of service/access.py. Logging out answers with the login page.
# fmt: off
MATRIX: dict[tuple[str, str], Cells] = {
    # (endpoint, method)                               checks        worker         caseworker     admin          anonymous
    #                                                                own other      own other      own other
    ("auth.login", "GET"):                         row(None,         "ok ok",       "ok ok",       "ok ok",       "ok"),
    ("auth.login", "POST"):                        row(None,         "ok ok",       "ok ok",       "ok ok",       "ok"),
    ("auth.set_language", "GET"):                  row(None,         "ok ok",       "ok ok",       "ok ok",       "ok"),
    ("auth.logout_view", "POST"):                  row(None,         "login login", "login login", "login login", "login"),
    ("session.ping", "POST"):                      row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("cases.index", "GET"):                        row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("cases.index", "POST"):                       row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("cases.persons", "GET"):                      row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("cases.persons", "POST"):                     row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("reports.outcomes", "GET"):                   row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("cases.new_person", "GET"):                   row("register",   "ok ok",       "403 403",     "ok ok",       "login"),
    ("cases.new_person", "POST"):                  row("register",   "ok ok",       "403 403",     "ok ok",       "login"),
    ("cases.person", "GET"):                       row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("cases.edit_person", "GET"):                  row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.edit_person", "POST"):                 row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.new_case", "GET"):                     row("register",   "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.new_case", "POST"):                    row("register",   "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.case", "GET"):                         row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("cases.step", "GET"):                         row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("cases.step", "POST"):                        row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.case_team", "GET"):                    row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("cases.case_team", "POST"):                   row("team",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.remove_team_member", "POST"):          row("team",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.contract_amendments", "GET"):          row("view",       "404 404",     "404 404",     "404 404",     "login"),
    ("cases.contract_amendments", "POST"):         row("edit",       "404 404",     "404 404",     "404 404",     "login"),
    ("cases.discard_draft", "GET"):                row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.discard_draft", "POST"):               row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("documents.issue_agreement_view", "POST"):    row("issue",      "ok 404",      "403 404",     "ok 404",      "login"),
    ("documents.issue_view", "POST"):              row("issue",      "ok 404",      "403 404",     "ok 404",      "login"),
    ("documents.download", "GET"):                 row("download",   "ok 404",      "ok 404",      "ok 404",      "login"),
    ("documents.pdf", "GET"):                      row("download",   "ok 404",      "ok 404",      "ok 404",      "login"),
    ("documents.verify", "GET"):                   row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    # With the code printed on the paper anyone sees the public facts (staff of the case more).
    ("documents.verify_public", "GET"):            row(None,         "ok ok",       "ok ok",       "ok ok",       "ok"),
    ("documents.file_document", "POST"):           row("file",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("documents.case_file", "GET"):                row("file",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("documents.approve", "POST"):                 row("approve",    "403 404",     "403 404",     "403 404",     "login"),
    ("documents.sign", "GET"):                     row("issue",      "ok 404",      "403 404",     "ok 404",      "login"),
    ("documents.sign_scan", "POST"):               row("issue",      "400 404",     "403 404",     "400 404",     "login"),
    ("documents.sign_drawn", "POST"):              row("issue",      "400 404",     "403 404",     "400 404",     "login"),
    ("reports.yearly", "GET"):                     row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("reports.yearly_download", "GET"):            row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("journal.journal", "GET"):                    row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("journal.journal", "POST"):                   row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.entry", "GET"):                      row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("journal.correct", "GET"):                    row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.correct", "POST"):                   row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.extract", "GET"):                    row("download",   "ok 404",      "ok 404",      "ok 404",      "login"),
    ("journal.network_page", "GET"):               row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("journal.network_page", "POST"):              row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.network_member", "GET"):             row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.network_member", "POST"):            row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("journal.network_remove", "POST"):            row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.family_page", "GET"):                  row("view",       "ok 404",      "ok 404",      "ok 404",      "login"),
    ("cases.family_page", "POST"):                 row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.family_member", "GET"):                row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.family_member", "POST"):               row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("cases.family_remove", "POST"):               row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    # Outreach contacts belong to a unit, not to a case: any staff reads them, a support worker
    # records them and registers the person met; another unit's contact answers 404.
    ("outreach.index", "GET"):                     row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("outreach.index", "POST"):                    row("register",   "ok ok",       "403 403",     "ok ok",       "login"),
    ("outreach.contact", "GET"):                   row(None,         "ok 404",      "ok 404",      "ok 404",      "login"),
    ("outreach.register", "GET"):                  row("register",   "ok 404",      "403 403",     "ok 404",      "login"),
    ("outreach.register", "POST"):                 row("register",   "ok 404",      "403 403",     "ok 404",      "login"),
    ("outreach.link", "POST"):                     row("register",   "ok 404",      "403 403",     "ok 404",      "login"),
    ("week.referrals", "GET"):                     row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.team", "GET"):                          row(None,         "403 403",     "403 403",     "ok ok",       "login"),
    ("week.my_week", "GET"):                       row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.record_contact", "POST"):               row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.calendar_link", "GET"):                 row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.calendar_link", "POST"):                row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.calendar_revoke", "POST"):              row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("week.calendar_feed", "GET"):                 row(None,         "404 404",     "404 404",     "404 404",     "404"),
    ("privacy.export_person", "POST"):             row("export",     "ok 404",      "403 404",     "ok 404",      "login"),
    ("privacy.erase", "GET"):                      row("erase",      "403 404",     "403 404",     "ok 404",      "login"),
    ("privacy.erase", "POST"):                     row("erase",      "403 404",     "403 404",     "ok 404",      "login"),
    ("privacy.withdraw", "POST"):                  row("edit",       "ok 404",      "403 404",     "ok 404",      "login"),
    ("admin.audit", "GET"):                        row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    ("admin.users", "GET"):                        row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    ("admin.new_user", "GET"):                     row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    ("admin.new_user", "POST"):                    row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    ("admin.user", "GET"):                         row("administer", "403 403",     "403 403",     "ok 404",      "login"),
    ("admin.change_role", "POST"):                 row("administer", "403 403",     "403 403",     "ok 404",      "login"),
    ("admin.set_active", "POST"):                  row("administer", "403 403",     "403 403",     "ok 404",      "login"),
    ("admin.reset_password", "POST"):              row("administer", "403 403",     "403 403",     "ok 404",      "login"),
    ("admin.user_two_factor", "POST"):             row("administer", "403 403",     "403 403",     "ok 404",      "login"),
    ("admin.unit_two_factor", "POST"):             row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    ("admin.unit_settings", "POST"):               row("administer", "403 403",     "403 403",     "ok ok",       "login"),
    # Signing in: the code step and the set-up need the password step first (else the login
    # page); a wrong set-password link answers 404 to everyone, logged in or not.
    ("auth.two_factor", "GET"):                    row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.two_factor", "POST"):                   row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.enrol", "GET"):                         row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.enrol", "POST"):                        row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.set_password", "GET"):                  row(None,         "404 404",     "404 404",     "404 404",     "404"),
    ("auth.set_password", "POST"):                 row(None,         "404 404",     "404 404",     "404 404",     "404"),
    ("auth.account", "GET"):                       row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.change_password", "GET"):               row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.change_password", "POST"):              row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
    ("auth.recovery_codes", "POST"):               row(None,         "ok ok",       "ok ok",       "ok ok",       "login"),
}
#: What the head of unit (manager: kierownik ośrodka, enhetschef) gets, "<own> <other>", per
#: row of MATRIX: they read the unit's cases and documents, change the case team and approve
#: what the method says they approve; they neither fill in steps nor issue.
MANAGER: dict[tuple[str, str], str] = {
    ("auth.login", "GET"): "ok ok",
    ("auth.login", "POST"): "ok ok",
    ("auth.set_language", "GET"): "ok ok",
    ("auth.logout_view", "POST"): "login login",
    ("session.ping", "POST"): "ok ok",
    ("cases.index", "GET"): "ok ok",
    ("reports.outcomes", "GET"): "ok ok",
    ("cases.new_person", "GET"): "403 403",
    ("cases.new_person", "POST"): "403 403",
    ("cases.person", "GET"): "ok 404",
    ("cases.edit_person", "GET"): "403 404",
    ("cases.edit_person", "POST"): "403 404",
    ("cases.new_case", "GET"): "403 404",
    ("cases.new_case", "POST"): "403 404",
    ("cases.case", "GET"): "ok 404",
    ("cases.case_team", "GET"): "ok 404",
    ("cases.case_team", "POST"): "ok 404",
    ("cases.remove_team_member", "POST"): "ok 404",
    ("cases.contract_amendments", "GET"): "404 404",  # the world's cases are Swedish (BUSS)
    ("cases.contract_amendments", "POST"): "404 404",
    ("cases.step", "GET"): "ok 404",
    ("cases.step", "POST"): "403 404",
    ("cases.discard_draft", "GET"): "403 404",
    ("cases.discard_draft", "POST"): "403 404",
    ("documents.issue_agreement_view", "POST"): "403 404",
    ("documents.issue_view", "POST"): "403 404",
    ("documents.download", "GET"): "ok 404",
    ("documents.pdf", "GET"): "ok 404",
    ("documents.verify", "GET"): "ok 404",
    ("documents.file_document", "POST"): "ok 404",
    ("documents.case_file", "GET"): "ok 404",
    ("documents.approve", "POST"): "403 404",
    ("documents.sign", "GET"): "403 404",
    ("documents.sign_scan", "POST"): "403 404",
    ("documents.sign_drawn", "POST"): "403 404",
    ("privacy.export_person", "POST"): "403 404",
    ("privacy.erase", "GET"): "403 404",
    ("privacy.erase", "POST"): "403 404",
    ("privacy.withdraw", "POST"): "403 404",
    ("admin.audit", "GET"): "403 403",
    ("admin.users", "GET"): "403 403",
    ("admin.new_user", "GET"): "403 403",
    ("admin.new_user", "POST"): "403 403",
    ("admin.user", "GET"): "403 403",
    ("admin.change_role", "POST"): "403 403",
    ("admin.set_active", "POST"): "403 403",
    ("admin.reset_password", "POST"): "403 403",
    ("admin.user_two_factor", "POST"): "403 403",
    ("admin.unit_two_factor", "POST"): "403 403",
    ("admin.unit_settings", "POST"): "403 403",
    ("auth.two_factor", "GET"): "ok ok",
    ("auth.two_factor", "POST"): "ok ok",
    ("auth.enrol", "GET"): "ok ok",
    ("auth.enrol", "POST"): "ok ok",
    ("auth.set_password", "GET"): "404 404",
    ("auth.set_password", "POST"): "404 404",
    ("auth.account", "GET"): "ok ok",
    ("auth.change_password", "GET"): "ok ok",
    ("auth.change_password", "POST"): "ok ok",
    ("auth.recovery_codes", "POST"): "ok ok",
    ("cases.index", "POST"): "ok ok",
    ("cases.persons", "GET"): "ok ok",
    ("cases.persons", "POST"): "ok ok",
    ("reports.yearly", "GET"): "ok ok",
    ("reports.yearly_download", "GET"): "ok ok",
    ("journal.journal", "GET"): "ok 404",
    ("journal.journal", "POST"): "403 404",
    ("journal.entry", "GET"): "ok 404",
    ("journal.correct", "GET"): "403 404",
    ("journal.correct", "POST"): "403 404",
    ("journal.extract", "GET"): "ok 404",
    ("journal.network_page", "GET"): "ok 404",
    ("journal.network_page", "POST"): "403 404",
    ("journal.network_member", "GET"): "403 404",
    ("journal.network_member", "POST"): "403 404",
    ("journal.network_remove", "POST"): "403 404",
    ("cases.family_page", "GET"): "ok 404",
    ("cases.family_page", "POST"): "403 404",
    ("cases.family_member", "GET"): "403 404",
    ("cases.family_member", "POST"): "403 404",
    ("cases.family_remove", "POST"): "403 404",
    ("outreach.index", "GET"): "ok ok",
    ("outreach.index", "POST"): "403 403",
    ("outreach.contact", "GET"): "ok 404",
    ("outreach.register", "GET"): "403 403",
    ("outreach.register", "POST"): "403 403",
    ("outreach.link", "POST"): "403 403",
    ("week.referrals", "GET"): "ok ok",
    ("week.team", "GET"): "ok ok",
    ("week.my_week", "GET"): "ok ok",
    ("week.record_contact", "POST"): "ok ok",
    ("week.calendar_link", "GET"): "ok ok",
    ("week.calendar_link", "POST"): "ok ok",
    ("week.calendar_revoke", "POST"): "ok ok",
    ("week.calendar_feed", "GET"): "404 404",
    ("documents.verify_public", "GET"): "ok ok",
}
# fmt: on
for _key, _answers in MANAGER.items():
    if _key in MATRIX:
        _own, _other = _answers.split()
        MATRIX[_key]["manager"] = {"own": _own, "other": _other}

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


def test_every_route_is_in_the_matrix(app: Flask) -> None:
    """A new route fails here until MATRIX says what every role gets; a stale row fails too."""
    present = {(endpoint, method) for endpoint, method, _rule in routes(app)}
    missing = sorted(
        f"{endpoint} {method} ({rule.rule})"
        for endpoint, method, rule in routes(app)
        if (endpoint, method) not in MATRIX
    )
    assert not missing, (
        "These routes are missing from MATRIX in tests/security/test_route_matrix.py; add a "
        "row() for each (see the module docstring) and make the view check it with "
        "service.access.require:\n  " + "\n  ".join(missing)
    )
    no_manager = sorted(f"{e} {m}" for e, m in MATRIX if (e, m) not in MANAGER)
    assert not no_manager, "MATRIX rows without a MANAGER answer:\n  " + "\n  ".join(no_manager)
    stale = sorted(f"{e} {m}" for e, m in MATRIX if (e, m) not in present)
    assert not stale, "MATRIX rows of routes that no longer exist:\n  " + "\n  ".join(stale)


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
        elif argument == "member_id" and rule.endpoint.startswith("cases.family_"):
            from service.extensions import db
            from service.models import FamilyMember

            values[argument] = db.session.scalar(  # the case's family member
                sa.select(FamilyMember.id).where(FamilyMember.case_id == target.case_id)
            )
        elif argument == "member_id" and not rule.endpoint.startswith("journal.network"):
            values[argument] = target.member_id  # the case team's member
        elif argument == "step_key":
            values[argument] = "start_meeting"
        elif argument in ("instance", "entry_no"):
            values[argument] = 1
        elif argument == "member_id":  # the case's network member
            from service.extensions import db
            from service.models import NetworkMember

            values[argument] = db.session.scalar(
                sa.select(NetworkMember.id).where(NetworkMember.case_id == target.case_id)
            )
        elif argument == "contact_id":  # the unit's anonymous outreach contact
            values[argument] = target.outreach_id
        elif argument == "fmt":  # the yearly report's format
            values[argument] = "csv"
        elif argument == "token" and rule.endpoint == "week.calendar_feed":  # no one's link
            values[argument] = "no-such-token"
        elif argument == "code":
            values[argument] = "en"
        elif argument == "user_id":  # a member of staff of the unit (admin pages)
            values[argument] = target.users["worker"]
        elif argument == "token" and rule.endpoint == "documents.verify_public":
            # the code printed with the document version (public verification page)
            from service.documents.verification import document_token
            from service.extensions import db
            from service.models import Document

            document = db.session.get(Document, target.document_id)
            values[argument] = document_token(document.number, document.version)
        elif argument == "token":  # a set-password link that was never made
            values[argument] = "no-such-link-token"
        elif argument == "doc_type":
            values[argument] = "agreement"
        elif argument == "number":  # a document's printed number (verification page)
            from service.extensions import db
            from service.models import Document

            values[argument] = db.session.get(Document, target.document_id).number
        else:
            pytest.fail(
                f"{rule.endpoint}: the matrix cannot fill the URL argument {argument!r}; "
                "add it to url_values() in tests/security/test_route_matrix.py"
            )
    for argument, default in (rule.defaults or {}).items():
        values.setdefault(argument, default)
    return values


def answer(response: TestResponse) -> str:
    """The answer as the table spells it."""
    status = response.status_code
    assert status < 500, f"server error {status}"
    location = response.headers.get("Location", "")
    if 300 <= status < 400 and location.split("?")[0].endswith("/login"):
        return "login"
    if status < 400:
        return "ok"
    return str(status)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The actions the views ask ``service.access.require`` about (the real check still runs)."""
    asked: list[str] = []
    real = access.require

    def spy(action: str, target: Any = None, **kwargs: Any) -> None:
        asked.append(action)
        real(action, target, **kwargs)

    monkeypatch.setattr(access, "require", spy)
    yield asked


def walk(
    app: Flask, client: FormClient, target: Any, token: str, asked: list[str], who: str
) -> list[str]:
    """Request every route of the table; the cells that answered otherwise than stated."""
    with app.test_request_context():
        from flask import url_for

        plan = [
            (endpoint, method, url_for(endpoint, **url_values(rule, target)))
            for endpoint, method, rule in routes(app)
            if (endpoint, method) in MATRIX
        ]
    wrong = []
    for endpoint, method, url in plan:
        cells = MATRIX[(endpoint, method)]
        want = cells["anonymous"] if who == "anonymous" else cells[who[0]][who[1]]
        asked.clear()
        if method == "GET":
            response = client.get(url)
        else:
            response = client.client.post(url, data={"csrf_token": token})
        got = answer(response)
        if got != want:
            wrong.append(
                f"{method} {url} ({endpoint}): expected {want}, got {response.status_code}"
            )
        elif got in ("ok", "400") and cells["checks"] and cells["checks"] not in asked:
            # Allowed, but without asking service.access: a missing rule that every role passes.
            wrong.append(
                f"{method} {url} ({endpoint}): answered {got} without "
                f"access.require({cells['checks']!r}, …) (asked: {asked or 'nothing'})"
            )
    return wrong


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("role", ROLES)
def test_route_matrix(
    app: Flask, client: FormClient, world: World, checked: list[str], role: str, scope: str
) -> None:
    """Each route answers as MATRIX states for this role on its own / the other unit's objects."""
    target = world.own if scope == "own" else world.foreign
    response = client.login(world.own.emails[role])
    assert response.status_code == 302
    token = csrf_token(client.get("/").get_data(as_text=True))
    wrong = walk(app, client, target, token, checked, (role, scope))
    assert not wrong, f"{role} on the {scope} unit:\n  " + "\n  ".join(wrong)


def test_route_matrix_anonymous(
    app: Flask, client: FormClient, world: World, checked: list[str]
) -> None:
    """Without logging in only the public routes answer; every other goes to the login page."""
    token = csrf_token(client.get("/login").get_data(as_text=True))
    wrong = walk(app, client, world.own, token, checked, "anonymous")
    assert not wrong, "anonymous:\n  " + "\n  ".join(wrong)


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


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("role", ROLES)
def test_route_matrix_holds_for_my_plan(
    app: Flask, client: FormClient, world: World, checked: list[str], role: str, scope: str
) -> None:
    """ "My plan" is issued through ``documents.issue_view`` like every document: the row of
    that route holds for it too (the walk above fills ``doc_type`` with the agreement)."""
    target = world.own if scope == "own" else world.foreign
    assert client.login(world.own.emails[role]).status_code == 302
    token = csrf_token(client.get("/").get_data(as_text=True))
    cells = MATRIX[("documents.issue_view", "POST")]
    response = client.client.post(
        f"/cases/{target.case_id}/documents/my_plan", data={"csrf_token": token}
    )
    assert answer(response) == cells[role][scope], (role, scope, response.status_code)
    if answer(response) == "ok":
        assert "issue" in checked
    client.client.post("/logout", data={"csrf_token": token})
    token = csrf_token(client.get("/login").get_data(as_text=True))
    anonymous = client.client.post(
        f"/cases/{target.case_id}/documents/my_plan", data={"csrf_token": token}
    )
    assert answer(anonymous) == cells["anonymous"]
