"""Consent withdrawal: offered only where consent was given, recorded only once confirmed."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import ConsentWithdrawal, Submission
from tests.conftest import FormClient
from tests.security.conftest import World


def record_second_meeting(app: Flask, case_id: int, user_id: int, consent: str) -> None:
    """A final second meeting with the given answer to the consent question."""
    with app.app_context():
        version = 1 + (
            db.session.scalar(
                sa.select(sa.func.max(Submission.version)).where(
                    Submission.case_id == case_id, Submission.step == "second_meeting"
                )
            )
            or 0
        )
        db.session.add(
            Submission(
                case_id=case_id,
                step="second_meeting",
                version=version,
                form_version="1",
                answers={"consent_to_share": consent},
                created_by_id=user_id,
            )
        )
        db.session.commit()


def withdrawals(app: Flask, case_id: int) -> int:
    with app.app_context():
        return len(
            db.session.scalars(
                sa.select(ConsentWithdrawal).where(ConsentWithdrawal.case_id == case_id)
            ).all()
        )


def test_without_consent_there_is_nothing_to_withdraw(
    app: Flask, client: FormClient, world: World
) -> None:
    own = world.own
    client.login(own.emails["worker"])
    case_url = f"/cases/{own.case_id}"
    for consent in (None, "no"):  # no second meeting yet, then one where the person said no
        if consent:
            record_second_meeting(app, own.case_id, own.users["worker"], consent)
        page = client.get(case_url).get_data(as_text=True)
        assert "No consent to share information has been given." in page
        assert "/consent/withdraw" not in page
        response = client.post(
            f"{case_url}/consent/withdraw",
            {"withdrawn_on": "2026-11-20", "confirmed": "yes"},
            form_url=case_url,
        )
        assert response.status_code == 302
        page = client.get(case_url).get_data(as_text=True)
        assert "No consent to share information has been given." in page
        assert withdrawals(app, own.case_id) == 0


def test_with_consent_the_first_post_asks_and_the_confirmed_one_records(
    app: Flask, client: FormClient, world: World
) -> None:
    own = world.own
    record_second_meeting(app, own.case_id, own.users["worker"], "yes")
    client.login(own.emails["worker"])
    case_url = f"/cases/{own.case_id}"
    page = client.get(case_url).get_data(as_text=True)
    assert f'action="{case_url}/consent/withdraw"' in page

    asked = client.post(
        f"{case_url}/consent/withdraw", {"withdrawn_on": "2026-11-20"}, form_url=case_url
    )
    assert asked.status_code == 200
    confirmation = asked.get_data(as_text=True)
    assert "no longer consents to information being shared" in confirmation
    assert 'name="confirmed" type="hidden" value="yes"' in confirmation
    assert 'value="2026-11-20"' in confirmation
    assert withdrawals(app, own.case_id) == 0

    # A confirmation without a date is explained beside the field, still nothing recorded.
    missing = client.client.post(
        f"{case_url}/consent/withdraw",
        data={"csrf_token": _token(confirmation), "withdrawn_on": "", "confirmed": "yes"},
    )
    assert missing.status_code == 200
    assert "Give the date of the withdrawal." in missing.get_data(as_text=True)
    assert withdrawals(app, own.case_id) == 0

    done = client.client.post(
        f"{case_url}/consent/withdraw",
        data={"csrf_token": _token(confirmation), "withdrawn_on": "2026-11-20", "confirmed": "yes"},
    )
    assert done.status_code == 302
    assert withdrawals(app, own.case_id) == 1
    page = client.get(case_url).get_data(as_text=True)
    assert "Consent withdrawn on Nov 20, 2026" in page
    assert "/consent/withdraw" not in page
    # Recording it again is refused.
    again = client.client.post(
        f"{case_url}/consent/withdraw",
        data={"csrf_token": _token(confirmation), "withdrawn_on": "2026-11-21", "confirmed": "yes"},
    )
    assert again.status_code == 302
    assert withdrawals(app, own.case_id) == 1


def test_a_read_only_caseworker_sees_the_consent_but_cannot_withdraw(
    app: Flask, client: FormClient, world: World
) -> None:
    own = world.own
    record_second_meeting(app, own.case_id, own.users["worker"], "yes")
    client.login(own.emails["caseworker"])
    page = client.get(f"/cases/{own.case_id}").get_data(as_text=True)
    assert "no withdrawal is recorded" in page and "/consent/withdraw" not in page


def _token(page: str) -> str:
    from tests.conftest import csrf_token

    return csrf_token(page)
