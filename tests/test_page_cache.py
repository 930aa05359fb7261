"""The case page's body is kept per process under the case's and the shared revision
(service/page_cache.py): a second view is the same page, every change through the app shows at
once, every viewer and language gets their own, and the kept page's CSRF token is the viewer's
current one."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import sqlalchemy as sa
from flask import Flask

from service import integrity, page_cache
from service.extensions import db
from service.models import Case, Document, DocumentFiling, PageRevision, Role, Unit, User
from tests.conftest import FormClient, csrf_token
from tests.test_family import TOMASZ
from tests.test_journal import contact
from tests.test_journey import START, open_case, register

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _case(client: FormClient) -> str:
    return open_case(client, register(client, identity_number="", identity_country=""))


def _id(case_url: str) -> int:
    return int(case_url.rstrip("/").rsplit("/", 1)[-1])


def _store(app: Flask) -> page_cache._Store:
    with app.app_context():
        return page_cache.store()


def _kept(app: Flask, name: str) -> int:
    """How many copies of the part (or, as "page:…", the whole page) ``name`` are kept."""
    return sum(1 for key in _store(app)._items if key[0] == name)


def _revision(app: Flask, case_id: int) -> int:
    with app.app_context():
        return int(db.session.scalar(sa.select(Case.revision).where(Case.id == case_id)))


def _shared(app: Flask) -> int:
    with app.app_context():
        return page_cache.shared_revision()


def _without_tokens(html: str) -> str:
    return CSRF.sub('name="csrf_token" value=""', html)


def test_a_second_view_is_the_kept_page_and_still_logged(logged_in: FormClient, app: Flask) -> None:
    case_url = _case(logged_in)
    flashed = logged_in.get(case_url).get_data(as_text=True)
    assert "The case is opened." in flashed  # the message is the page's, never kept
    with app.app_context():
        page_cache.store().clear()
    first = logged_in.get(case_url).get_data(as_text=True)
    hits = _store(app).hits
    second = logged_in.get(case_url).get_data(as_text=True)
    assert _store(app).hits == hits + 1
    assert "The case is opened." not in second
    assert _without_tokens(second) == _without_tokens(first)
    assert page_cache.CSRF_MARK not in second
    with app.app_context():
        views = db.session.scalar(
            sa.text("SELECT count(*) FROM audit_events WHERE action = 'case.view'")
        )
    assert views == 3  # a kept page is logged like a rendered one


def test_every_change_through_the_app_shows_at_once(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = _case(logged_in)
    case_id = _id(case_url)
    logged_in.get(case_url)
    # a step (a draft, then a final version)
    before = _revision(app, case_id)
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert _revision(app, case_id) > before
    page = logged_in.get(case_url).get_data(as_text=True)
    assert "finalised" in page
    # a family member (a row with the case's id)
    before = _revision(app, case_id)
    assert logged_in.post(f"{case_url}/family", TOMASZ).status_code == 302
    assert _revision(app, case_id) > before
    # a contact in the journal
    before = _revision(app, case_id)
    assert (
        logged_in.post(f"{case_url}/journal", contact(note="Rozmowa & <b>nota</b>")).status_code
        == 302
    )
    assert _revision(app, case_id) > before
    page = logged_in.get(case_url).get_data(as_text=True)
    assert "Rozmowa &amp; &lt;b&gt;nota&lt;/b&gt;" in page
    # the person's name (the person's every case)
    with app.app_context():
        person_id = db.session.scalar(sa.select(Case.person_id).where(Case.id == case_id))
    edit = logged_in.get(f"/persons/{person_id}/edit").get_data(as_text=True)
    fields = {
        name: value
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', edit)
    }
    fields.update(first_name="Zuzanna", last_name="Żółć-Nowa", preferred_language="pl")
    response = logged_in.post(f"/persons/{person_id}/edit", fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "Zuzanna Żółć-Nowa" in logged_in.get(case_url).get_data(as_text=True)
    # a staff member's name (the shared revision)
    shared = _shared(app)
    with app.app_context():
        found = db.session.get(User, worker.id)
        assert found is not None
        found.full_name = "Agnieszka Renamed"
        db.session.commit()
    assert _shared(app) == shared + 1
    assert "Agnieszka Renamed" in logged_in.get(case_url).get_data(as_text=True)


def test_a_sign_in_does_not_empty_the_cache(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    shared = _shared(app)
    with app.app_context():
        found = db.session.get(User, worker.id)
        assert found is not None
        found.auth_version += 1  # a sign-in or password change: nothing a page shows
        found.password_hash = found.password_hash
        db.session.commit()
    assert _shared(app) == shared


def test_rows_hanging_on_a_document_raise_its_case(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_id = _id(_case(logged_in))
    with app.app_context():
        content = b"document"
        document = Document(
            case_id=case_id,
            doc_type="agreement",
            number="DOC-2026-000001",
            version=1,
            language="pl",
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            context={},
            template="agreement_pl",
            issued_by_id=worker.id,
        )
        db.session.add(document)
        db.session.commit()
        document_id = document.id
    before = _revision(app, case_id)
    with app.app_context():
        db.session.add(DocumentFiling(document_id=document_id, filed_by_id=worker.id))
        db.session.commit()
    assert _revision(app, case_id) == before + 1


def test_a_bulk_statement_raises_the_shared_revision_unless_neutral(
    logged_in: FormClient, app: Flask
) -> None:
    case_id = _id(_case(logged_in))
    shared, revision = _shared(app), _revision(app, case_id)
    with app.app_context():
        integrity.hold_row(Case, case_id)  # a row lock: changes nothing shown
        db.session.commit()
    assert (_shared(app), _revision(app, case_id)) == (shared, revision)
    with app.app_context():
        db.session.execute(sa.update(Unit).values(name=Unit.name + " (renamed)"))
        db.session.commit()
    assert _shared(app) == shared + 1
    with app.app_context():
        assert db.session.scalar(sa.select(PageRevision.revision)) == shared + 1


def test_each_viewer_and_language_has_its_own_page(
    logged_in: FormClient, client: FormClient, make_user: Any, worker: User, app: Flask
) -> None:
    case_url = _case(logged_in)
    logged_in.get(case_url)  # the message of the opening: a page never kept
    assert _kept(app, "case") == 1 and _kept(app, "page:case") == 0
    mine = logged_in.get(case_url).get_data(as_text=True)
    head = make_user(
        role=Role.MANAGER,
        unit=db_unit(app, worker),
        email="head@example.org",
        full_name="Kierownik",
    )
    other = FormClient(app.test_client())
    other.login(head.email)
    theirs = other.get(case_url).get_data(as_text=True)
    assert csrf_token(theirs) != csrf_token(mine)
    assert set(CSRF.findall(theirs)).isdisjoint(CSRF.findall(mine))
    assert _kept(app, "case") == 2 and _kept(app, "page:case") == 2
    logged_in.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pl"
    polish = logged_in.get(case_url).get_data(as_text=True)
    assert 'lang="pl"' in polish and "Dokumenty" in polish
    assert "Documents</h2>" not in polish
    assert _kept(app, "case") == 3 and _kept(app, "page:case") == 3


def db_unit(app: Flask, user: User) -> Unit:
    with app.app_context():
        unit = db.session.get(Unit, user.unit_id)
        assert unit is not None
        db.session.expunge(unit)
        return unit


def test_a_kept_page_carries_the_current_sessions_token(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    case_url = _case(logged_in)
    first = logged_in.get(case_url).get_data(as_text=True)
    response = logged_in.client.post("/logout", data={"csrf_token": csrf_token(first)})
    assert response.status_code == 302
    logged_in.login(worker.email)
    hits = _store(app).hits
    kept = logged_in.get(case_url).get_data(as_text=True)
    assert _store(app).hits == hits + 1
    assert CSRF.findall(kept)
    with app.app_context():
        stored = [html.decode() for html in page_cache.store()._items.values()]
    assert stored and all(page_cache.CSRF_MARK in html for html in stored)
    assert not any(token in html for html in stored for token in CSRF.findall(kept))
    # the kept page's forms post with the new session's token
    response = logged_in.client.post("/logout", data={"csrf_token": CSRF.findall(kept)[-1]})
    assert response.status_code == 302


def test_the_cache_can_be_turned_off(logged_in: FormClient, app: Flask) -> None:
    case_url = _case(logged_in)
    app.config["PAGE_CACHE"] = False
    try:
        hits = _store(app).hits
        logged_in.get(case_url)
        logged_in.get(case_url)
        assert _store(app).hits == hits
    finally:
        app.config["PAGE_CACHE"] = True


def test_the_store_is_bounded() -> None:
    store = page_cache._Store(max_entries=3, max_bytes=10)
    for n in range(5):
        store.put(n, "ab")
    assert len(store) == 3 and store.get(0) is None and store.get(4) == "ab"
    store.put("big", "ż" * 5)  # 10 bytes in UTF-8
    assert store.get("big") == "ż" * 5 and len(store) == 1


def test_a_step_page_is_kept_until_its_draft_changes(logged_in: FormClient, app: Flask) -> None:
    case_url = _case(logged_in)
    url = f"{case_url}/steps/start_meeting"
    logged_in.get(case_url)  # the message of the opening
    first = logged_in.get(url).get_data(as_text=True)
    hits = _store(app).hits
    again = logged_in.get(url).get_data(as_text=True)
    assert _store(app).hits == hits + 1  # the whole page (its body and title are kept too)
    assert _without_tokens(again) == _without_tokens(first)
    assert "<title>Start meeting – Stegvis</title>" in again
    draft = {**START, "action": "draft", "participants": "Zofia & <i>{{ x }}</i> Żółć"}
    assert logged_in.post(url, draft).status_code == 302
    page = logged_in.get(url).get_data(as_text=True)
    assert "Zofia &amp; &lt;i&gt;{{ x }}&lt;/i&gt; Żółć" in page and "Draft saved" in page
    # the draft's edit token is the new one: finalising from the shown page is no conflict
    assert logged_in.post(url, START).status_code == 302
    # a step that cannot be filled in yet is never kept: it sends back to the case page each time
    for _ in range(2):
        response = logged_in.get(f"{case_url}/steps/plan")
        assert response.status_code == 302 and response.headers["Location"].endswith(case_url)


def test_a_kept_whole_page_shows_the_header_of_now(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    """The site's header is kept with the page: a new name of the viewer or of the unit is
    shown at once, and each address has its own copy (the language links lead back to it)."""
    case_url = _case(logged_in)
    logged_in.get(case_url)  # the message of the opening
    logged_in.get(case_url)
    hits = _store(app).hits
    logged_in.get(case_url)
    assert _store(app).hits == hits + 1  # the whole page, kept
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        assert unit is not None
        unit.name = "Enheten Öst"
        db.session.commit()
    assert "Enheten Öst" in logged_in.get(case_url).get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, worker.id)
        assert user is not None
        user.full_name = "Anna Ny & <Namn>"
        db.session.commit()
    assert "Anna Ny &amp; &lt;Namn&gt;" in logged_in.get(case_url).get_data(as_text=True)
    other = logged_in.get(f"{case_url}?from=list").get_data(as_text=True)
    assert f"?next={case_url}?from%3Dlist" in other
    assert "from%3Dlist" not in logged_in.get(case_url).get_data(as_text=True)


def _rows_kept(app: Flask) -> page_cache._Store:
    with app.app_context():
        return page_cache.row_store()


def _lists_kept(app: Flask) -> page_cache._Store:
    with app.app_context():
        return page_cache.list_store()


def _list_row(page: str, case_id: int) -> str:
    found = re.search(rf'<tr>\s*<td[^>]*><a href="/cases/{case_id}">.*?</tr>', page, re.S)
    assert found, page
    return found.group(0)


def test_a_case_lists_line_is_kept_until_its_case_changes(
    logged_in: FormClient, worker: User, app: Flask
) -> None:
    """The case list keeps each line under the values of its row: a second view renders no
    line again, and a step, the person's name, a staff member's name and the language show at
    once."""
    person_url = register(logged_in, last_name="Wójcik & <b>Łęcka</b>", identity_number="")
    case_url = open_case(logged_in, person_url)
    case_id = _id(case_url)
    first = _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    assert "Wójcik &amp; &lt;b&gt;Łęcka&lt;/b&gt;" in first
    logged_in.get("/")  # the first view without the opening's message: kept from here on
    hits = _lists_kept(app).hits
    again = _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    assert again == first and _lists_kept(app).hits > hits  # the whole page, kept
    # a step finalised: the next step moves on
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    moved = _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    assert moved != first
    # the person's name
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case is not None
        case.person.first_name = "Zuzanna"
        db.session.commit()
    assert "Zuzanna" in _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    # the contact person's name (staff: the shared revision)
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case is not None
        case.contact_person_id = worker.id
        db.session.commit()
    assert worker.full_name in _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    with app.app_context():
        staff = db.session.get(User, worker.id)
        assert staff is not None
        staff.full_name = "Agnieszka Renamed"
        db.session.commit()
    assert "Agnieszka Renamed" in _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    # another language: its own lines
    swedish = _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    logged_in.get("/language/pl")
    polish = _list_row(logged_in.get("/").get_data(as_text=True), case_id)
    assert 'data-label="Sprawa"' in polish and polish != swedish


def test_a_kept_line_is_shown_to_no_one_the_list_does_not_show_it_to(
    logged_in: FormClient, app: Flask, make_user: Any
) -> None:
    case_id = _id(_case(logged_in))
    assert f'href="/cases/{case_id}"' in logged_in.get("/").get_data(as_text=True)
    assert len(_rows_kept(app)) > 0
    make_user(email="elsewhere@example.org")  # staff of another unit
    logged_in.switch_to("elsewhere@example.org")
    assert f'href="/cases/{case_id}"' not in logged_in.get("/").get_data(as_text=True)


def test_a_person_lists_line_follows_the_persons_cases(logged_in: FormClient, app: Flask) -> None:
    person_url = register(logged_in, first_name="Łucja", last_name="<i>Ek</i>", identity_number="")
    person_id = _id(person_url)

    def line() -> str:
        page = logged_in.get("/persons").get_data(as_text=True)
        found = re.search(rf'<tr>\s*<td[^>]*><a href="/persons/{person_id}">.*?</tr>', page, re.S)
        assert found, page
        return found.group(0)

    first = line()
    assert "&lt;i&gt;Ek&lt;/i&gt;, Łucja" in first and '"num">0<' in first
    line()  # the first view without the registration's message: kept from here on
    hits = _lists_kept(app).hits
    assert line() == first and _lists_kept(app).hits > hits
    open_case(logged_in, person_url)
    assert '"num">1<' in line()


def test_a_kept_list_page_is_the_viewers_asked_for_and_carries_the_current_token(
    logged_in: FormClient, worker: User, app: Flask, make_user: Any
) -> None:
    """A whole list page is kept under its rows and also what it was asked for (a posted
    search is not in the address), who looks (the header names them) and the session's
    token; a line kept for one viewer's page is shown on another's only with their header."""
    case_id = _id(_case(logged_in))
    page = logged_in.get("/").get_data(as_text=True)
    # two searches that both find nothing: the same rows, not the same page
    for typed in ("Ångström", "Żółw"):
        found = logged_in.client.post("/", data={"csrf_token": csrf_token(page), "q": typed})
        assert f'value="{typed}"' in found.get_data(as_text=True)
    # the whole page is kept, with a marker where the token stood
    logged_in.get("/")
    hits = _lists_kept(app).hits
    kept = logged_in.get("/").get_data(as_text=True)
    assert _lists_kept(app).hits == hits + 1
    with app.app_context():
        stored = [html.decode() for html in page_cache.list_store()._items.values()]
    assert stored and all(page_cache.CSRF_MARK in html for html in stored)
    assert not any(token in html for html in stored for token in CSRF.findall(kept))
    # a new session: the kept page comes with its token, and its forms post with it
    assert (
        logged_in.client.post("/logout", data={"csrf_token": csrf_token(kept)}).status_code == 302
    )
    logged_in.login(worker.email)
    again = logged_in.get("/").get_data(as_text=True)
    assert csrf_token(again) != csrf_token(kept)
    posted = logged_in.client.post("/", data={"csrf_token": csrf_token(again), "q": "nobody"})
    assert posted.status_code == 200
    # a colleague of the same unit sees the same rows under their own name
    make_user(email="colleague@example.org", full_name="Erik Lund", unit=db_unit(app, worker))
    logged_in.switch_to("colleague@example.org")
    theirs = logged_in.get("/").get_data(as_text=True)
    assert f'href="/cases/{case_id}"' in theirs
    assert "Erik Lund" in theirs and worker.full_name not in theirs
