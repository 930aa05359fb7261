"""Two people changing one person, network member or family member: the second save is refused.

Anna and Erik open the same edit page; Anna saves, then Erik saves what he typed on his older
page. Erik is shown the page again with what Anna saved above his form and his own text still in
it, and nothing of his is stored; saving again (the page now carries the stored version) saves
his. The same when the row changes between the view reading it and writing it (StaleDataError),
and when the page's version is missing or tampered with: a conflict, never a server error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.cases import family, operations
from service.extensions import db
from service.journal import network
from service.models import AuditEvent, Case, FamilyMember, NetworkMember, Person, Role, Unit, User
from tests.conftest import FormClient, hidden_inputs
from tests.test_journey import open_case, register

#: The conflict box's heading in each language of the service.
CONFLICT = {
    "en": "Someone else saved these details while you were editing",
    "sv": "Någon annan sparade uppgifterna medan du redigerade",
    "pl": "Ktoś inny zapisał te dane w trakcie Twojej edycji",
}
#: The conflict box, as the page renders it (templates/_record_conflict.html).
BOX = re.compile(r'<div class="conflict"[^>]*id="record-conflict".*?</div>', re.S)


@dataclass(frozen=True)
class Record:
    """One kind of versioned record: how to make one and which of its texts both people type."""

    name: str
    model: type[Any]
    #: Makes a record through the forms and returns its edit page.
    create: Callable[[FormClient], str]
    #: A valid post of the edit form (what both people keep).
    data: dict[str, str]
    #: The free-text field both people change.
    field: str


def _person(client: FormClient) -> str:
    return f"{register(client, address='ul. Długa 1')}/edit"


def _case(client: FormClient) -> str:
    return open_case(client, register(client, identity_number="", identity_country=""))


def _network_member(client: FormClient) -> str:
    case_url = _case(client)
    assert client.post(f"{case_url}/network", NETWORK_DATA).status_code == 302
    page = client.get(f"{case_url}/network").get_data(as_text=True)
    return re.findall(r'href="(/cases/\d+/network/\d+)"', page)[0]


def _family_member(client: FormClient) -> str:
    case_url = _case(client)
    assert client.post(f"{case_url}/family", FAMILY_DATA).status_code == 302
    return _family_member_url(client, case_url)


def _family_member_url(client: FormClient, case_url: str) -> str:
    page = client.get(f"{case_url}/family").get_data(as_text=True)
    return re.findall(r'href="(/cases/\d+/family/\d+)"', page)[0]


PERSON_DATA = {
    "first_name": "Zofia",
    "last_name": "Wójcik-Łęcka",
    "identity_country": "pl",
    "identity_number": "44051401458",
    "date_of_birth": "",
    "preferred_language": "pl",
    "address": "ul. Długa 1",
    "phone": "",
    "email": "",
}
NETWORK_DATA = {
    "kind": "probation_officer",
    "name": "Łucja Żółw",
    "role": "kurator sądowy",
    "contact_details": "tel. 58 123 45 67",
    "may_contact": "",
}
FAMILY_DATA = {
    "first_name": "Tomasz",
    "last_name": "Nowak",
    "family_role": "partner",
    "age": "adult",
    "identity_country": "pl",
    "identity_number": "",
    "address": "ul. Krótka 2",
    "party": "y",
}
RECORDS = [
    Record("person", Person, _person, PERSON_DATA, "address"),
    Record("network member", NetworkMember, _network_member, NETWORK_DATA, "contact_details"),
    Record("family member", FamilyMember, _family_member, FAMILY_DATA, "address"),
]


def changed_first(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, **values: Any
) -> Callable[..., Any]:
    """Make ``module.name`` (an operation on a record, the record first) find its row changed
    by another request that committed after the view read the row: its version raised by one
    (and ``values`` written). Returns the operation itself."""
    original: Callable[..., Any] = getattr(module, name)

    def after_another_save(row: Any, *args: Any, **kwargs: Any) -> Any:
        table = type(row).__table__
        with db.engine.begin() as other:
            other.execute(
                sa.update(table)
                .where(table.c.id == row.id)
                .values(version=table.c.version + 1, **values)
            )
        return original(row, *args, **kwargs)

    monkeypatch.setattr(module, name, after_another_save)
    return original


def record_id(url: str) -> int:
    """The id in an edit page's address (/persons/<id>/edit, /cases/<c>/family/<id>)."""
    return int(re.findall(r"\d+", url)[-1])


def stored(app: Flask, record: Record, url: str) -> tuple[str, int]:
    """The record's text field and version as the database holds them."""
    with app.app_context():
        row = db.session.get(record.model, record_id(url))
        assert row is not None
        return getattr(row, record.field), row.version


def edit_form(client: FormClient, url: str) -> dict[str, str]:
    """What the browser sends back of the edit page: its hidden inputs (token and version)."""
    response = client.get(url)
    assert response.status_code == 200
    return hidden_inputs(response.get_data(as_text=True))


def conflict_box(page: str) -> str:
    found = BOX.search(page)
    assert found, "no conflict box on the page"
    return found.group(0)


def the_edit_form(page: str) -> str:
    """The page's edit form (the last form of the page: the lists' small forms come first)."""
    form = page.rsplit('<form method="post"', 1)[1].split("</form>", 1)[0]
    assert 'name="version"' in form
    return form


@pytest.mark.parametrize("language", ["sv", "pl"])
@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_the_later_save_of_an_older_page_is_shown_as_a_conflict_and_can_then_replace(
    app: Flask, logged_in: FormClient, colleague: FormClient, record: Record, language: str
) -> None:
    url = record.create(logged_in)
    anna, erik = edit_form(logged_in, url), edit_form(colleague, url)
    assert anna["version"] == erik["version"] == "1"
    saved = logged_in.client.post(url, data={**anna, **record.data, record.field: "Annas text"})
    assert saved.status_code == 302
    assert stored(app, record, url) == ("Annas text", 2)

    colleague.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    response = colleague.client.post(url, data={**erik, **record.data, record.field: "Eriks text"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    box = conflict_box(page)
    assert CONFLICT[language] in box
    assert "Anna Berg" in box and "Annas text" in box  # who saved, and what is saved now
    typed = the_edit_form(page)
    assert "Eriks text" in typed and "Annas text" not in typed  # the form holds Erik's text
    assert 'name="version" type="hidden" value="2"' in page  # saving again replaces Anna's
    assert stored(app, record, url) == ("Annas text", 2)
    with app.app_context():  # refused: not audited as a change
        assert (
            db.session.scalar(
                sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action.like("%.update"))
            )
            == 1
        )

    again = colleague.client.post(
        url, data=hidden_inputs(page) | record.data | {record.field: "Eriks text"}
    )
    assert again.status_code == 302
    assert stored(app, record, url) == ("Eriks text", 3)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_a_save_between_reading_and_writing_the_row_is_a_conflict(
    app: Flask,
    logged_in: FormClient,
    record: Record,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another save commits after the view checked the page's version, before its UPDATE: the
    version counter's ``WHERE version = …`` matches no row, nothing is written."""
    url = record.create(logged_in)
    form = edit_form(logged_in, url)
    module, name = {
        "person": (operations, "update_person"),
        "network member": (network, "update_member"),
        "family member": (family, "update_member"),
    }[record.name]
    original = changed_first(monkeypatch, module, name)
    response = logged_in.client.post(url, data={**form, **record.data, record.field: "Mine"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert CONFLICT["en"] in conflict_box(page)
    assert "Mine" in the_edit_form(page)
    assert stored(app, record, url)[1] == 2 and stored(app, record, url)[0] != "Mine"
    assert 'name="version" type="hidden" value="2"' in page

    monkeypatch.setattr(module, name, original)
    again = logged_in.client.post(
        url, data=hidden_inputs(page) | record.data | {record.field: "Mine"}
    )
    assert again.status_code == 302
    assert stored(app, record, url) == ("Mine", 3)


@pytest.mark.parametrize(
    "version", ["", "abc", "-1", "0", "1.0", "²", "99999999999999999999", "1" * 10_000]
)
@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_a_missing_or_tampered_version_is_a_conflict_never_a_server_error(
    app: Flask, logged_in: FormClient, record: Record, version: str
) -> None:
    url = record.create(logged_in)
    form = {**edit_form(logged_in, url), **record.data, record.field: "Mine", "version": version}
    response = logged_in.client.post(url, data=form)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert CONFLICT["en"] in conflict_box(page)
    assert stored(app, record, url) != ("Mine", 1) and stored(app, record, url)[1] == 1
    again = logged_in.client.post(
        url, data=hidden_inputs(page) | record.data | {record.field: "Mine"}
    )
    assert again.status_code == 302 and stored(app, record, url) == ("Mine", 2)


def test_without_the_version_field_nothing_is_saved(app: Flask, logged_in: FormClient) -> None:
    """A form posted without the field (a page from before the field existed) saves nothing."""
    record = RECORDS[0]
    url = record.create(logged_in)
    form = {**edit_form(logged_in, url), **record.data, record.field: "Mine"}
    del form["version"]
    response = logged_in.client.post(url, data=form)
    assert response.status_code == 200 and CONFLICT["en"] in response.get_data(as_text=True)
    assert stored(app, record, url) == ("ul. Długa 1", 1)


@pytest.mark.parametrize("race", [False, True], ids=["before the post", "while saving"])
@pytest.mark.parametrize("record", RECORDS[1:], ids=lambda r: r.name)
def test_a_member_removed_meanwhile_is_not_found(
    app: Flask,
    logged_in: FormClient,
    colleague: FormClient,
    record: Record,
    race: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Removed after Erik's page was filled, or between the view reading and writing the row."""
    url = record.create(logged_in)
    erik = edit_form(colleague, url)
    module = network if record.model is NetworkMember else family
    if race:
        changed_first(monkeypatch, module, "update_member", removed_at=sa.func.current_timestamp())
    else:
        removed = logged_in.post(f"{url}/remove", {}, form_url=url.rsplit("/", 1)[0])
        assert removed.status_code == 302
        assert stored(app, record, url)[1] == 2  # the removal raised the version too
    response = colleague.client.post(url, data={**erik, **record.data, record.field: "Mine"})
    assert response.status_code == 404
    assert stored(app, record, url)[0] != "Mine"


@pytest.mark.parametrize("record", RECORDS[1:], ids=lambda r: r.name)
def test_a_removal_racing_a_save_removes_nothing_and_says_so(
    app: Flask, logged_in: FormClient, record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = record.create(logged_in)
    list_url = url.rsplit("/", 1)[0]
    changed_first(
        monkeypatch, network if record.model is NetworkMember else family, "remove_member"
    )
    response = logged_in.post(f"{url}/remove", {}, form_url=list_url, follow_redirects=True)
    assert response.status_code == 200
    assert "Someone else changed this member just now, so nothing was removed." in (
        response.get_data(as_text=True)
    )
    with app.app_context():
        row = db.session.get(record.model, record_id(url))
        assert row is not None and row.removed_at is None and row.version == 2


def test_an_erasure_raises_the_versions_and_a_stale_page_then_changes_nothing(
    app: Flask, logged_in: FormClient, colleague: FormClient
) -> None:
    from service.privacy.erasure import erase_person

    person_url = register(logged_in, address="ul. Długa 1")
    case_url = open_case(logged_in, person_url)
    assert logged_in.post(f"{case_url}/family", FAMILY_DATA).status_code == 302
    member_url = _family_member_url(logged_in, case_url)
    person_form = edit_form(colleague, f"{person_url}/edit")
    member_form = edit_form(colleague, member_url)
    with app.app_context():
        person = db.session.get(Person, record_id(person_url))
        assert person is not None
        erase_person(person, reason="art. 17", actor=None)
        assert person.version == 2
        member = db.session.get(FamilyMember, record_id(member_url))
        assert member is not None and member.version == 2 and member.first_name == ""

    response = colleague.client.post(
        f"{person_url}/edit", data={**person_form, **PERSON_DATA, "address": "Mine"}
    )
    assert response.status_code == 302 and response.headers["Location"] == person_url
    # an erased case takes no personal data again: not a changed member, not a new one, not
    # a removal; each is refused with the reason, the add forms are gone
    response = colleague.client.post(member_url, data={**member_form, **FAMILY_DATA})
    assert response.status_code == 302 and response.headers["Location"] == f"{case_url}/family"
    page = colleague.client.get(f"{case_url}/family").get_data(as_text=True)
    assert "The case&#39;s data is erased under the data protection rules" in page
    assert 'id="member-form"' not in page and "/remove" not in page
    for url, data in (
        (f"{case_url}/family", FAMILY_DATA),
        (f"{case_url}/network", NETWORK_DATA),
        (f"{member_url}/remove", {}),
    ):
        response = colleague.client.post(url, data={**member_form, **data})
        assert response.status_code == 302, url
    assert 'id="member-form"' not in colleague.client.get(f"{case_url}/network").get_data(
        as_text=True
    )
    with app.app_context():
        person = db.session.get(Person, record_id(person_url))
        assert person is not None and person.address == "" and person.version == 2
        member = db.session.get(FamilyMember, record_id(member_url))
        assert member is not None and member.first_name == "" and member.removed_at is None
        case_id = int(case_url.rsplit("/", 1)[1])
        assert (
            db.session.scalar(sa.select(sa.func.count()).where(FamilyMember.case_id == case_id))
            == 1
        )
        assert not db.session.scalar(
            sa.select(sa.func.count()).where(NetworkMember.case_id == case_id)
        )


def test_an_erasure_racing_a_save_erases_nothing_and_asks_again(
    app: Flask,
    logged_in: FormClient,
    make_user: Any,
    worker: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.privacy import views as privacy_views

    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        db.session.expunge(unit)
    make_user(email="admin@example.org", unit=unit, role=Role.ADMIN)
    person_url = register(logged_in)
    person_id = record_id(person_url)
    logged_in.switch_to("admin@example.org")
    original = changed_first(monkeypatch, privacy_views, "erase_person")
    response = logged_in.post(f"/persons/{person_id}/erase", {"reason": "Begäran", "confirm": "y"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Someone else saved a change to this person just now, so nothing was erased." in page
    assert "Begäran</textarea>" in page
    with app.app_context():
        person = db.session.get(Person, person_id)
        assert person is not None and person.erased_at is None and person.first_name == "Zofia"
    monkeypatch.setattr(privacy_views, "erase_person", original)
    response = logged_in.post(f"/persons/{person_id}/erase", {"reason": "Begäran", "confirm": "y"})
    assert response.status_code == 302


@pytest.mark.parametrize("record", RECORDS[1:], ids=lambda r: r.name)
@pytest.mark.parametrize("operation", ["update_member", "remove_member"])
def test_an_erasure_landing_mid_save_changes_nothing_and_says_why(
    app: Flask,
    logged_in: FormClient,
    monkeypatch: pytest.MonkeyPatch,
    record: Record,
    operation: str,
) -> None:
    """The case is erased after the view read the member and before its write: the write is
    refused by the version (the erasure raised it), and the editor is told the case is erased,
    not shown the blanks as someone else's save."""
    from service.models._types import utcnow

    url = record.create(logged_in)
    list_url = url.rsplit("/", 1)[0]
    case_id = int(re.findall(r"/cases/(\d+)/", url)[0])
    page = edit_form(logged_in, url)
    module = network if record.model is NetworkMember else family
    original = getattr(module, operation)

    def erased_first(row: Any, *args: Any, **kwargs: Any) -> Any:
        # another request, the retention purge, commits: the case marked erased and the
        # member's row changed (erase_case_content blanks it), its version raised
        table = type(row).__table__
        with db.engine.begin() as other:
            other.execute(sa.update(Case).where(Case.id == case_id).values(erased_at=utcnow()))
            other.execute(
                sa.update(table).where(table.c.id == row.id).values(version=table.c.version + 1)
            )
        return original(row, *args, **kwargs)

    monkeypatch.setattr(module, operation, erased_first)
    if operation == "update_member":
        response = logged_in.client.post(url, data={**page, **record.data, record.field: "Mine"})
    else:
        response = logged_in.client.post(f"{url}/remove", data=page)
    assert response.status_code == 302 and response.headers["Location"] == list_url
    shown = logged_in.client.get(list_url).get_data(as_text=True)
    assert "The case&#39;s data is erased under the data protection rules" in shown
    assert CONFLICT["en"] not in shown
    with app.app_context():
        row = db.session.get(record.model, record_id(url))
        assert row is not None and row.removed_at is None
        assert getattr(row, record.field) != "Mine"
