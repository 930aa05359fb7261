"""The case list and the person list: pages, filters, search, and what they never do (read
another unit's cases, decrypt a column, put a searched name in a URL)."""

from __future__ import annotations

import re
import threading
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from forms.identity import parse_identity_number
from service.cases import operations
from service.cases.case_list import PAGE_SIZE
from service.cases.search_keys import name_key
from service.clock import local_today
from service.crypto import Keyring
from service.extensions import db
from service.models import Case, CaseStatus, Person, Unit, User
from service.numbering import next_number
from tests.conftest import FormClient, csrf_token

CASE_LINK = re.compile(r'href="/cases/(\d+)"')


def _person(user: User, first: str, last: str, pesel: str | None = None) -> Person:
    return operations.register_person(
        user,
        first_name=first,
        last_name=last,
        identity=parse_identity_number("pl", pesel) if pesel else None,
        preferred_language="pl",
        address="ul. Morska 1",
    )


def _open(user: User, person: Person, method: str = "buss", **columns: Any) -> Case:
    case = operations.open_case(person, user, method=method, caseworker="", assignment="Tajne")
    for key, value in columns.items():
        setattr(case, key, value)
    db.session.commit()
    return case


def _cases(page: str) -> list[int]:
    return [int(n) for n in CASE_LINK.findall(page)]


def _post(client: FormClient, url: str, **data: Any) -> str:
    token = csrf_token(client.get(url).get_data(as_text=True))
    response = client.client.post(url, data={"csrf_token": token, **data})
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.fixture
def world(app: Flask, logged_in: FormClient, worker: User, make_user: Any) -> dict[str, Any]:
    """Cases of the worker's unit (some theirs, one overdue, one closed) and of another unit."""
    with app.app_context():
        me = db.session.get(User, worker.id)
        unit = db.session.get(Unit, worker.unit_id)
        unit.methods = ["buss", "ipwzb"]
        db.session.commit()
        db.session.expunge(unit)
    colleague = make_user(email="colleague@example.org", full_name="Erik Lund", unit=unit)
    stranger = make_user(email="stranger@example.org", full_name="Olle Ek")
    with app.app_context():
        me = db.session.get(User, worker.id)
        other = db.session.get(User, colleague.id)
        zofia = _person(me, "Zofia", "Wójcik-Łęcka", "44051401458")
        ids = {
            "zofia": _open(me, zofia, "ipwzb", contact_person_id=me.id).id,
            "overdue": _open(
                other,
                _person(other, "Åsa", "Öberg"),
                due_on=local_today() - timedelta(days=3),
                next_meeting_on=local_today() - timedelta(days=3),
                next_step="follow_up",
            ).id,
            "closed": _open(
                other,
                _person(other, "Nora", "Lind"),
                status=CaseStatus.CLOSED.value,
                due_on=local_today() - timedelta(days=30),
            ).id,
            "colleagues": _open(other, _person(other, "Kim", "Andersson")).id,
        }
        far = db.session.get(User, stranger.id)
        ids["other_unit"] = _open(far, _person(far, "Zofia", "Wójcik-Łęcka")).id
        ids["reference"] = db.session.get(Case, ids["zofia"]).reference
    return ids


def test_the_list_shows_the_units_cases_with_the_planning_columns(
    logged_in: FormClient, world: dict[str, Any]
) -> None:
    page = logged_in.get("/").get_data(as_text=True)
    shown = _cases(page)
    assert set(shown) == {world[k] for k in ("zofia", "overdue", "closed", "colleagues")}
    assert shown == sorted(shown, reverse=True)  # newest first
    assert "Follow-up" in page and "overdue since" in page and "Anna Berg" in page
    assert page.count("overdue since") == 1  # the closed case is never overdue


@pytest.mark.parametrize(
    "typed,found",
    [
        ("lecka", set()),  # not the beginning of a name
        ("wojcik", {"zofia"}),
        ("WÓJCIK-ŁĘCKA", {"zofia"}),
        ("zofia w", {"zofia"}),
        ("Wójcik-Łęcka Zofia", {"zofia"}),
        ("oberg", {"overdue"}),
        ("åsa ö", {"overdue"}),
        ("440514 01458", {"zofia"}),
        ("44051401459", set()),  # a wrong check digit finds nobody
        ("{{ 7*7 }} <b>&", set()),
    ],
)
def test_search_by_name_and_identity_number(
    logged_in: FormClient, world: dict[str, Any], typed: str, found: set[str]
) -> None:
    page = _post(logged_in, "/", q=typed)
    assert set(_cases(page)) == {world[k] for k in found}
    assert world["other_unit"] not in _cases(page)
    assert "<b>&" not in page


def test_search_by_case_number_any_case(logged_in: FormClient, world: dict[str, Any]) -> None:
    assert _cases(_post(logged_in, "/", q=world["reference"].lower())) == [world["zofia"]]


def test_filters(logged_in: FormClient, world: dict[str, Any]) -> None:
    assert _cases(_post(logged_in, "/", mine="1")) == [world["zofia"]]
    assert _cases(_post(logged_in, "/", overdue="1")) == [world["overdue"]]
    assert _cases(_post(logged_in, "/", status="closed")) == [world["closed"]]
    assert _cases(_post(logged_in, "/", method="ipwzb")) == [world["zofia"]]
    assert set(_cases(_post(logged_in, "/", method="nonsense", status="x' OR 1=1"))) == {
        world[k] for k in ("zofia", "overdue", "closed", "colleagues")
    }


def test_a_searched_name_never_reaches_a_url(logged_in: FormClient, world: dict[str, Any]) -> None:
    page = logged_in.get("/").get_data(as_text=True)
    form = re.search(r'<form method="(\w+)"[^>]*id="case-filters"', page)
    assert form and form.group(1) == "post"
    result = _post(logged_in, "/", q="wojcik")
    assert not re.search(r'href="[^"]*wojcik', result, re.IGNORECASE)


def test_pages_follow_each_other_without_gaps_or_repeats(
    app: Flask, logged_in: FormClient, worker: User
) -> None:
    with app.app_context():
        me = db.session.get(User, worker.id)
        for n in range(PAGE_SIZE * 2 + 7):
            person = Person(
                unit_id=me.unit_id, first_name=f"P{n}", last_name="Nowak", created_by_id=me.id
            )
            db.session.add(person)
            db.session.flush()
            db.session.add(
                Case(
                    reference=f"C-2026-{n + 1:06d}",
                    person_id=person.id,
                    unit_id=me.unit_id,
                    method="buss",
                    created_by_id=me.id,
                )
            )
        db.session.commit()
    seen: list[int] = []
    after = ""
    for expected in (PAGE_SIZE, PAGE_SIZE, 7):
        page = (
            _post(logged_in, "/", after=after)
            if after
            else logged_in.get("/").get_data(as_text=True)
        )
        rows = _cases(page)
        assert len(rows) == expected
        assert len(page.encode()) < 100_000
        seen += rows
        more = re.search(r'name="after" value="(\d+)"', page)
        after = more.group(1) if more else ""
    assert not after  # the last page offers no more
    assert len(set(seen)) == len(seen) == PAGE_SIZE * 2 + 7
    persons: list[str] = []
    after = ""
    while True:
        page = _post(logged_in, "/persons", after=after)
        persons += re.findall(r'href="/persons/(\d+)"', page)
        more = re.search(r'name="after" value="(\d+)"', page)
        if not more:
            break
        after = more.group(1)
    assert len(set(persons)) == len(persons) == PAGE_SIZE * 2 + 7


def test_the_person_list_searches_and_sorts_by_name(
    logged_in: FormClient, world: dict[str, Any]
) -> None:
    page = logged_in.get("/persons").get_data(as_text=True)
    names = re.findall(r'href="/persons/\d+">([^<]+)</a>', page)
    assert names == sorted(names, key=name_key) and len(names) == 4
    found = _post(logged_in, "/persons", q="wójcik")
    assert re.findall(r'href="/persons/\d+">([^<]+)</a>', found) == ["Wójcik-Łęcka, Zofia"]


def test_the_person_list_finds_an_identity_number_as_typed(
    app: Flask, logged_in: FormClient, world: dict[str, Any]
) -> None:
    with app.app_context():
        zofia = db.session.get(Case, world["zofia"]).person_id
    persons = re.compile(r'href="/persons/(\d+)"')
    for typed in ("44051401458", "440514 01458", "440514-01458"):
        assert persons.findall(_post(logged_in, "/persons", q=typed)) == [str(zofia)]
    for nobody in ("44051401459", "0000000000", "1234567890123"):
        assert persons.findall(_post(logged_in, "/persons", q=nobody)) == []
        assert _cases(_post(logged_in, "/", q=nobody)) == []


def test_a_page_of_persons_never_starts_after_a_person_the_user_may_not_see(
    app: Flask, logged_in: FormClient, world: dict[str, Any]
) -> None:
    """``after`` names the person a page starts after; another unit's person gives the first
    page, so where their name falls among the user's persons is not told."""
    with app.app_context():
        hidden = db.session.get(Case, world["other_unit"]).person_id
        own = db.session.get(Case, world["colleagues"]).person_id
    names = re.compile(r'href="/persons/\d+">([^<]+)</a>')
    first = names.findall(_post(logged_in, "/persons"))
    assert len(first) == 4
    assert names.findall(_post(logged_in, "/persons", after=str(hidden))) == first
    assert names.findall(logged_in.get(f"/persons?after={hidden}").get_data(as_text=True)) == first
    # a person of the unit does start the page after them
    assert names.findall(_post(logged_in, "/persons", after=str(own))) == first[1:]


def test_no_encrypted_column_is_decrypted_for_the_lists(
    logged_in: FormClient, world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    purposes: list[str] = []
    decrypt = Keyring.decrypt

    def spy(self: Keyring, stored: bytes, purpose: str = "", *args: Any, **kwargs: Any) -> bytes:
        purposes.append(purpose)
        return decrypt(self, stored, purpose, *args, **kwargs)

    monkeypatch.setattr(Keyring, "decrypt", spy)
    assert logged_in.get("/").status_code == 200
    _post(logged_in, "/", q="zofia")
    assert logged_in.get("/persons").status_code == 200
    assert purposes == []
    logged_in.get(f"/cases/{world['zofia']}")
    assert purposes  # the spy sees decryption where something encrypted is shown


def test_the_case_page_decrypts_no_contact_details_it_does_not_show(
    logged_in: FormClient, world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    purposes: list[str] = []
    decrypt = Keyring.decrypt

    def spy(self: Keyring, stored: bytes, purpose: str = "", *args: Any, **kwargs: Any) -> bytes:
        purposes.append(purpose)
        return decrypt(self, stored, purpose, *args, **kwargs)

    monkeypatch.setattr(Keyring, "decrypt", spy)
    page = logged_in.get(f"/cases/{world['zofia']}").get_data(as_text=True)
    assert "Tajne" in page  # the assignment is shown, so decrypted
    contact = ("persons.address", "persons.phone", "persons.email")
    assert not [p for p in purposes if p in contact], purposes


def test_persons_reached_through_a_team_or_a_referral_are_listed_and_found(
    app: Flask, client: FormClient, logged_in: FormClient, world: dict[str, Any], make_user: Any
) -> None:
    """The person list and the searches merge the unit's persons with those of the other
    units' cases the user may see (a team they are on, a caseworker's referral), in name order;
    another unit's person reached by neither stays out."""
    from service.models import CaseMember, Role

    with app.app_context():
        me = db.session.scalar(sa.select(User).where(User.email == "worker@example.org"))
        assert me is not None
        far = db.session.get(Case, world["other_unit"])
        stranger = db.session.get(User, far.created_by_id)
        hidden = _open(stranger, _person(stranger, "Zofia", "Wójcik-Nowak")).id
        referred = _open(stranger, _person(stranger, "Ada", "Berg"))
        db.session.add(CaseMember(case_id=far.id, user_id=me.id, team_role="assistant"))
        db.session.commit()
        reached_person, hidden_person = far.person_id, db.session.get(Case, hidden).person_id
        unit = db.session.get(Unit, me.unit_id)
        db.session.expunge(unit)
    page = logged_in.get("/persons").get_data(as_text=True)
    names = re.findall(r'href="/persons/\d+">([^<]+)</a>', page)
    assert names == sorted(names, key=name_key) and len(names) == 5
    assert f'href="/persons/{reached_person}"' in page
    assert f'href="/persons/{hidden_person}"' not in page
    found = _post(logged_in, "/persons", q="wójcik")
    assert re.findall(r'href="/persons/(\d+)"', found).count(str(reached_person)) == 1
    assert f'href="/persons/{hidden_person}"' not in found
    cases = _cases(_post(logged_in, "/", q="wójcik"))
    assert sorted(cases) == sorted([world["zofia"], world["other_unit"]])
    assert logged_in.get(f"/persons/{reached_person}").status_code == 200
    assert logged_in.get(f"/persons/{hidden_person}").status_code == 404

    caseworker = make_user(email="cw@example.org", unit=unit, role=Role.CASEWORKER)
    with app.app_context():
        case = db.session.get(Case, referred.id)
        case.referring_caseworker_id = caseworker.id
        db.session.commit()
        referred_person = case.person_id
    logged_in.post("/logout", form_url="/")
    assert client.login(caseworker.email).status_code == 302
    page = client.get("/persons").get_data(as_text=True)
    assert f'href="/persons/{referred_person}"' in page
    assert f'href="/persons/{reached_person}"' not in page  # the team is the worker's
    assert _cases(_post(client, "/", q="ada")) == [referred.id]


def _keys_follow_the_persons(app: Flask) -> None:
    """Every case carries its person's search keys (the name search reads them)."""
    with app.app_context():
        stale = db.session.execute(
            sa.select(Case.id)
            .join(Person, Person.id == Case.person_id)
            .where(
                (Case.person_sort_key != Person.sort_key)
                | (Case.person_given_key != Person.given_key)
            )
        ).all()
    assert stale == []


def test_a_renamed_person_is_found_by_the_new_name_only(
    app: Flask, logged_in: FormClient, world: dict[str, Any]
) -> None:
    """The name search reads the person's keys kept on the case: they follow an edit through
    the person form, and a case opened later for the same person has them too."""
    _keys_follow_the_persons(app)
    with app.app_context():
        person_id = db.session.get(Case, world["overdue"]).person_id
    edit = logged_in.get(f"/persons/{person_id}/edit").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', edit))
    fields.update(first_name="Żaneta", last_name="Ćwik", preferred_language="pl")
    assert logged_in.post(f"/persons/{person_id}/edit", fields).status_code == 302
    _keys_follow_the_persons(app)
    assert _cases(_post(logged_in, "/", q="oberg")) == []
    assert _cases(_post(logged_in, "/", q="cwik")) == [world["overdue"]]
    assert _cases(_post(logged_in, "/", q="zaneta ć")) == [world["overdue"]]
    with app.app_context():
        me = db.session.scalar(sa.select(User).where(User.email == "worker@example.org"))
        second = _open(me, db.session.get(Person, person_id)).id
    _keys_follow_the_persons(app)
    assert _cases(_post(logged_in, "/", q="Ćwik Ż")) == [second, world["overdue"]]


def test_a_name_search_pages_and_filters_like_the_list(
    app: Flask, logged_in: FormClient, worker: User
) -> None:
    """A common name: the pages of its matches follow each other without gaps or repeats,
    newest first, a name matched both ways is listed once, and the filters still apply."""
    with app.app_context():
        me = db.session.get(User, worker.id)
        assert me is not None
        made = []
        for n in range(PAGE_SIZE + 9):
            first = "Nowak" if n == 3 else f"Ola{n}"  # "Nowak Nowak": both keys match
            status = CaseStatus.CLOSED if n % 2 else CaseStatus.REFERRED
            case = _open(me, _person(me, first, "Nowak"), status=status.value)
            made.append(case.id)
        _open(me, _person(me, "Ola", "Lis"))
    seen: list[int] = []
    page = _post(logged_in, "/", q="nowak")
    while True:
        rows = _cases(page)
        assert rows == sorted(rows, reverse=True)
        seen += rows
        more = re.search(r'name="after" value="(\d+)"', page)
        if not more:
            break
        page = _post(logged_in, "/", q="nowak", after=more.group(1))
    assert seen == sorted(made, reverse=True)
    closed = _cases(_post(logged_in, "/", q="nowak", status="closed"))
    assert closed == sorted(made[1::2], reverse=True)


@pytest.mark.parametrize("url", ["/", "/persons"])
def test_hostile_paging_and_search_values_give_a_page(
    logged_in: FormClient, world: dict[str, Any], url: str
) -> None:
    """``after`` that only Python calls digits, or too long to be an id, is no ``after``; a
    NUL or another control character in a search is dropped (PostgreSQL refuses a NUL)."""
    first = _post(logged_in, url)
    rows = re.compile(r'href="/(?:cases|persons)/(\d+)"')
    for after in ("²", "٣", "1" * 5000, "-1", "0", "1e3", " 7", "9" * 19):
        assert logged_in.client.get(url, query_string={"after": after}).status_code == 200
        assert rows.findall(_post(logged_in, url, after=after)) == rows.findall(first), after
    for typed in ("wój\x00cik", "\x00", "\x1b[31mwojcik", "zofia\tw", "wo\u200bjcik"):
        page = _post(logged_in, url, q=typed)
        assert "\x00" not in page and "\x1b" not in page
    assert "Wójcik-Łęcka" in _post(logged_in, url, q="zofia\tw")


def test_a_case_opened_while_its_person_is_renamed_takes_the_new_name(
    app: Flask, worker: User
) -> None:
    """Opening a case share-locks its person while it copies the keys: a rename meanwhile
    waits for the case to be committed, and then gives it the new keys too."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL only: SQLite lets one transaction write at a time")
        me = db.session.get(User, worker.id)
        person_id = _person(me, "Ola", "Kowalska").id
        db.session.commit()
        # a case being opened: written, not yet committed (open_case's own flush)
        case = Case(
            reference=next_number("C"),
            person_id=person_id,
            unit_id=me.unit_id,
            method="buss",
            referring_caseworker_name="",
            assignment="",
            status=CaseStatus.REFERRED.value,
            created_by_id=me.id,
        )
        db.session.add(case)
        db.session.flush()
        case_id = case.id
        renamed = threading.Event()

        def rename() -> None:
            with app.app_context():
                db.session.get(Person, person_id).last_name = "Nowak"
                db.session.commit()
            renamed.set()

        elsewhere = threading.Thread(target=rename)
        elsewhere.start()
        assert not renamed.wait(1.0)  # the rename waits for the case's transaction
        db.session.commit()
        elsewhere.join(10)
        assert renamed.is_set()
        db.session.expire_all()
        kept = db.session.get(Case, case_id)
        assert kept.person_sort_key == name_key("Nowak Ola")
        assert kept.person_given_key == name_key("Ola Nowak")
