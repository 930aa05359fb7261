"""Two people saving the same step at the same moment: one save wins, the other sees a conflict.

Two logged-in clients, each in its own thread, load the step page, wait at a barrier and post at
once — on an existing draft, on the first draft and on Finalise, 30 rounds each, on the test
database (SQLite, or PostgreSQL with TEST_DATABASE_URL). No round may answer a server error or
lose a save: the save that was acknowledged is the one stored, and the other person was shown
the conflict page with both versions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.exc import IntegrityError
from werkzeug.test import TestResponse

from service import integrity
from service.cases import operations
from service.extensions import db
from service.models import Case, CaseMember, StepDraft, Submission, TeamRole, Unit, User
from service.models.step_draft import UNIQUE_DRAFT
from service.models.submission import UNIQUE_VERSION
from tests.conftest import FormClient, hidden_inputs
from tests.test_journey import START, open_case, register

ROUNDS = 30
CONFLICT = "Someone else saved this step while you were editing"


@dataclass
class Outcome:
    """What one of the two racing posts was answered."""

    who: str
    words: str
    response: TestResponse

    @property
    def page(self) -> str:
        return self.response.get_data(as_text=True)

    @property
    def saved(self) -> bool:
        """Acknowledged: back to the case page, as after any successful save."""
        location = self.response.headers.get("Location", "")
        return (
            self.response.status_code == 302
            and "/steps/" not in location
            and "/login" not in location
        )

    @property
    def conflict(self) -> bool:
        return self.response.status_code == 200 and CONFLICT in self.page


def at_the_same_moment(posts: list[Callable[[], TestResponse]]) -> list[TestResponse]:
    """Run each post in its own thread, released together by a barrier; answers in order."""
    barrier = threading.Barrier(len(posts))
    answers: list[Any] = [None] * len(posts)

    def run(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            answers[n] = posts[n]()
        except BaseException as error:  # reported by the test, not lost in the thread
            answers[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    failures = [a for a in answers if not isinstance(a, TestResponse)]
    assert not failures, failures
    return answers


def race_each(
    clients: dict[str, FormClient], url: str, data: dict[str, dict[str, Any]], round_no: int
) -> list[Outcome]:
    """Both clients load ``url``, then post their own ``data[who]`` at the same moment."""
    forms = {
        who: {
            **hidden_inputs(client.get(url).get_data(as_text=True)),
            **data[who],
            "own_words": f"Runda {round_no} skriven av {who}",
        }
        for who, client in clients.items()
    }
    answers = at_the_same_moment(
        [partial(clients[who].client.post, url, data=forms[who]) for who in clients]
    )
    return [
        Outcome(who, forms[who]["own_words"], answer)
        for who, answer in zip(clients, answers, strict=True)
    ]


def race(
    clients: dict[str, FormClient], url: str, data: dict[str, Any], round_no: int
) -> list[Outcome]:
    """Both clients load ``url``, then post ``data`` with their own words at the same moment."""
    return race_each(clients, url, {who: data for who in clients}, round_no)


def judge(outcomes: list[Outcome], round_no: int) -> Outcome:
    """Exactly one save acknowledged, the other shown both versions; returns the winner."""
    errors = [o.response.status_code for o in outcomes if o.response.status_code >= 500]
    assert not errors, f"round {round_no}: server error {errors}"
    saved = [o for o in outcomes if o.saved]
    conflicts = [o for o in outcomes if o.conflict]
    assert len(saved) == 1 and len(conflicts) == 1, (
        f"round {round_no}: "
        f"{[(o.who, o.response.status_code, o.response.headers.get('Location')) for o in outcomes]}"
    )
    winner, loser = saved[0], conflicts[0]
    # The conflict page shows the stored version and keeps the loser's own answers in the form.
    assert winner.words in loser.page and loser.words in loser.page, f"round {round_no}"
    return winner


@pytest.fixture
def clients(logged_in: FormClient, colleague: FormClient) -> dict[str, FormClient]:
    return {"Anna": logged_in, "Erik": colleague}


@pytest.fixture
def person(logged_in: FormClient) -> str:
    return register(
        logged_in,
        first_name="Johan",
        last_name="Ekström",
        identity_country="se",
        identity_number="850709-9805",
        preferred_language="sv",
    )


@pytest.fixture
def new_case(app: Flask, logged_in: FormClient, person: str, worker: User) -> Callable[[], str]:
    """A fresh case of the person: the first through the form, the rest directly (speed)."""
    first = open_case(logged_in, person, method="buss")

    def make() -> str:
        with app.app_context():
            case = db.session.get(Case, int(first.rsplit("/", 1)[1]))
            copy = operations.open_case(
                case.person,
                db.session.get(User, worker.id),
                method="buss",
                caseworker=case.referring_caseworker_name,
                assignment=case.assignment,
            )
            return f"/cases/{copy.id}"

    return make


def stored_words(app: Flask, model: Any, case_url: str) -> list[str]:
    case_id = int(case_url.rstrip("/").rsplit("/", 1)[1])
    with app.app_context():
        rows = db.session.scalars(
            sa.select(model).where(model.case_id == case_id, model.step == "start_meeting")
        ).all()
        return [
            (row.formdata["own_words"][0] if model is StepDraft else row.answers["own_words"])
            for row in rows
        ]


def test_racing_on_an_existing_draft_loses_no_save(
    app: Flask, clients: dict[str, FormClient], logged_in: FormClient, new_case: Any
) -> None:
    case = new_case()
    url = f"{case}/steps/start_meeting"
    assert logged_in.post(url, {**START, "action": "draft"}).status_code == 302
    for n in range(ROUNDS):
        outcomes = race(clients, url, {**START, "action": "draft"}, n)
        winner = judge(outcomes, n)
        assert stored_words(app, StepDraft, case) == [winner.words], f"round {n}: save lost"


def test_racing_on_the_first_draft_loses_no_save(
    app: Flask, clients: dict[str, FormClient], new_case: Any
) -> None:
    for n in range(ROUNDS):
        case = new_case()
        outcomes = race(clients, f"{case}/steps/start_meeting", {**START, "action": "draft"}, n)
        winner = judge(outcomes, n)
        assert stored_words(app, StepDraft, case) == [winner.words], f"round {n}: save lost"


def test_racing_on_finalise_accepts_exactly_one(
    app: Flask, clients: dict[str, FormClient], new_case: Any, worker: User
) -> None:
    for n in range(ROUNDS):
        case = new_case()
        url = f"{case}/steps/start_meeting"
        if n % 2:  # every other round races on top of an existing draft
            with app.app_context():
                db.session.add(
                    StepDraft(
                        case_id=int(case.rsplit("/", 1)[1]),
                        step="start_meeting",
                        formdata={"own_words": ["Utkast"]},
                        updated_by_id=worker.id,
                    )
                )
                db.session.commit()
        outcomes = race(clients, url, START, n)
        winner = judge(outcomes, n)
        assert stored_words(app, Submission, case) == [winner.words], f"round {n}: two finals"
        assert stored_words(app, StepDraft, case) == [], f"round {n}: draft left behind"


MIXED_ROUNDS = 10


def test_a_draft_save_racing_a_finalise_loses_neither_silently(
    app: Flask, clients: dict[str, FormClient], new_case: Any
) -> None:
    """Anna saves the draft while Erik finalises from the same page state."""
    for n in range(MIXED_ROUNDS):
        case = new_case()
        url = f"{case}/steps/start_meeting"
        assert clients["Anna"].post(url, {**START, "action": "draft"}).status_code == 302
        outcomes = race_each(clients, url, {"Anna": {**START, "action": "draft"}, "Erik": START}, n)
        winner = judge(outcomes, n)
        finals, drafts = stored_words(app, Submission, case), stored_words(app, StepDraft, case)
        if winner.who == "Erik":
            assert (finals, drafts) == ([winner.words], []), f"round {n}"
        else:
            assert (finals, drafts) == ([], [winner.words]), f"round {n}"


def test_a_discard_racing_a_save_never_discards_the_newer_save(
    app: Flask, clients: dict[str, FormClient], new_case: Any
) -> None:
    """Anna confirms "Discard the draft" while Erik saves the same draft."""
    for n in range(MIXED_ROUNDS):
        case = new_case()
        url = f"{case}/steps/start_meeting"
        assert clients["Anna"].post(url, {**START, "action": "draft"}).status_code == 302
        discard = hidden_inputs(clients["Anna"].get(f"{url}/1/discard").get_data(as_text=True))
        erik = hidden_inputs(clients["Erik"].get(url).get_data(as_text=True))
        erik.update({**START, "action": "draft", "own_words": f"Erik {n}"})
        answers = at_the_same_moment(
            [
                partial(clients["Anna"].client.post, f"{url}/1/discard", data=discard),
                partial(clients["Erik"].client.post, url, data=erik),
            ]
        )
        assert all(a.status_code < 500 for a in answers), f"round {n}"
        anna, saved = answers[0].get_data(as_text=True), answers[1]
        left = stored_words(app, StepDraft, case)
        if saved.status_code == 302:  # Erik's save won: it stays, Anna is asked again
            assert left == [f"Erik {n}"], f"round {n}"
            assert answers[0].status_code == 200 and "saved this draft again" in anna
            assert f"Erik {n}" in anna
        else:  # the discard won: Erik is told, his answers still in his form
            assert left == [] and answers[0].status_code == 302, f"round {n}"
            page = saved.get_data(as_text=True)
            assert "Someone else discarded the draft of this step" in page, f"round {n}"
            assert f"Erik {n}" in page


def test_only_the_racing_constraints_count_as_a_conflict(
    app: Flask, new_case: Any, worker: User
) -> None:
    """The unique constraints of a race are recognised by name; any other refusal is not."""
    case_id = int(new_case().rsplit("/", 1)[1])

    def refusal(*rows: Any) -> IntegrityError:
        with app.app_context():
            db.session.add_all(rows)
            with pytest.raises(IntegrityError) as caught:
                db.session.commit()
            db.session.rollback()
            return caught.value

    def draft() -> StepDraft:
        return StepDraft(case_id=case_id, step="plan", formdata={}, updated_by_id=worker.id)

    def final(step: str) -> Submission:
        return Submission(case_id=case_id, step=step, answers={}, created_by_id=worker.id)

    twice = refusal(draft(), draft())
    assert integrity.violates(twice, UNIQUE_DRAFT)
    assert not integrity.violates(twice, UNIQUE_VERSION)
    assert integrity.violates(refusal(final("plan"), final("plan")), UNIQUE_VERSION)
    other = refusal(
        Submission(case_id=case_id, step="x", answers={}, version=0, created_by_id=worker.id)
    )
    assert not integrity.violates(other, UNIQUE_DRAFT, UNIQUE_VERSION)  # a check constraint


# Two people changing a case's team at the same moment: no server error, and the team stays
# whole: one row per member of staff, one contact person, the case's contact person the same.

TEAM_ROUNDS = 10


def _staff(app: Flask, make_user: Any, worker: User, n: int) -> list[int]:
    with app.app_context():
        unit = db.session.get(Unit, worker.unit_id)
        db.session.expunge(unit)
    return [
        make_user(email=f"team{k}@example.org", full_name=f"Team Member {k}", unit=unit).id
        for k in range(n)
    ]


def _team(app: Flask, case_id: int) -> tuple[list[tuple[int, str]], int | None]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(CaseMember.user_id, CaseMember.team_role).where(CaseMember.case_id == case_id)
        ).all()
        contact = db.session.get(Case, case_id).contact_person_id  # type: ignore[union-attr]
        return [(r[0], r[1]) for r in rows], contact


def _post_both(
    clients: dict[str, FormClient], url: str, data: dict[str, dict[str, str]]
) -> list[Any]:
    forms = {
        who: {**hidden_inputs(client.get(url).get_data(as_text=True)), **data[who]}
        for who, client in clients.items()
    }
    answers = at_the_same_moment(
        [partial(clients[who].client.post, url, data=forms[who]) for who in clients]
    )
    errors = [a.status_code for a in answers if a.status_code >= 500]
    assert not errors, f"server error {errors}"
    return answers


def test_adding_the_same_member_at_once_makes_one_row(
    app: Flask,
    clients: dict[str, FormClient],
    make_user: Any,
    worker: User,
    new_case: Any,
) -> None:
    staff = _staff(app, make_user, worker, TEAM_ROUNDS)
    for n in range(TEAM_ROUNDS):
        case_url = new_case()
        case_id = int(case_url.rsplit("/", 1)[1])
        both = {"user_id": str(staff[n]), "team_role": TeamRole.PSYCHOLOGIST.value}
        answers = _post_both(clients, f"{case_url}/team", {"Anna": both, "Erik": both})
        assert all(a.status_code == 302 for a in answers), [a.status_code for a in answers]
        members, _contact = _team(app, case_id)
        assert [m for m in members if m[0] == staff[n]] == [
            (staff[n], TeamRole.PSYCHOLOGIST.value)
        ], f"round {n}: {members}"


def test_naming_two_contact_persons_at_once_leaves_one(
    app: Flask,
    clients: dict[str, FormClient],
    make_user: Any,
    worker: User,
    new_case: Any,
) -> None:
    staff = _staff(app, make_user, worker, 2)
    for n in range(TEAM_ROUNDS):
        case_url = new_case()
        case_id = int(case_url.rsplit("/", 1)[1])
        role = TeamRole.CONTACT_PERSON.value
        _post_both(
            clients,
            f"{case_url}/team",
            {
                "Anna": {"user_id": str(staff[0]), "team_role": role},
                "Erik": {"user_id": str(staff[1]), "team_role": role},
            },
        )
        members, contact = _team(app, case_id)
        contacts = [m[0] for m in members if m[1] == role]
        assert len(contacts) == 1 and contacts == [contact], f"round {n}: {members}, {contact}"
