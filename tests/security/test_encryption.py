"""Encryption at rest: AES-GCM values, keys from the environment, rotation, and no plaintext
of a typed sentence anywhere in the database file."""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service import create_app
from service.config import ConfigError
from service.crypto import DecryptionError, Keyring, key_id_of, parse_keys
from service.extensions import db
from service.models import Person, Submission
from tests.conftest import FormClient
from tests.security.dbsearch import rows_containing, sqlite_file_bytes
from tests.security.html_forms import fill

SENTENCE = "Kvarglampan lyser over Brunnsviken 7391"
ASSIGNMENT = "Uppdrag Lindormen 5521"


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def open_case_through_the_forms(
    client: FormClient, first: str = "Maja", last: str = "Kvist", number: str = ""
) -> tuple[str, str]:
    """Register a person and open a case as a worker would; returns (person_url, case_url)."""
    response = client.post(
        "/persons/new",
        {
            "first_name": first,
            "last_name": last,
            "identity_country": "pl" if number else "",
            "identity_number": number,
            "preferred_language": "sv",
            "date_of_birth": "",
            "address": "",
            "phone": "",
            "email": "",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    person_url = response.headers["Location"]
    response = client.post(
        f"{person_url}/cases/new",
        {
            "method": "buss",
            "referring_caseworker_name": "Erik Lund",
            "assignment": ASSIGNMENT,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return person_url, response.headers["Location"]


def type_into_start_meeting(client: FormClient, case_url: str, text: str) -> list[str]:
    """Fill every free-text field of the start meeting with ``text``: a draft, then final."""
    step_url = f"{case_url}/steps/start_meeting"
    page = client.get(step_url)
    assert page.status_code == 200
    data, typed = fill(page.get_data(as_text=True), text)
    assert typed, "the start meeting has no text field"
    client.client.post(step_url, data={**data, "action": "draft"})
    data, typed = fill(client.get(step_url).get_data(as_text=True), text)  # the draft's new token
    response = client.client.post(step_url, data={**data, "action": "finalise"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return typed


def test_a_typed_sentence_is_nowhere_in_plaintext(app: Flask, logged_in: FormClient) -> None:
    """The sentence typed into a meeting form is stored, readable in the app, and encrypted."""
    _person, case_url = open_case_through_the_forms(logged_in)
    type_into_start_meeting(logged_in, case_url, SENTENCE)
    with app.app_context():
        stored = db.session.scalars(sa.select(Submission)).all()
        assert any(SENTENCE in str(s.answers) for s in stored), "the answers were not saved"
    assert SENTENCE in logged_in.get(f"{case_url}/steps/start_meeting").get_data(as_text=True)
    assert rows_containing(app, SENTENCE) == []
    assert rows_containing(app, ASSIGNMENT) == []
    content = sqlite_file_bytes(app)
    if content is not None:
        assert SENTENCE.encode() not in content
        assert ASSIGNMENT.encode() not in content


def test_values_carry_version_and_key_id_and_refuse_tampering() -> None:
    keyring = parse_keys(f"new:{_key()},old:{_key()}")
    sealed = keyring.encrypt(b"secret", "persons.address")
    assert sealed[0] == 2 and key_id_of(sealed) == "new"
    assert keyring.decrypt(sealed, "persons.address") == b"secret"
    with pytest.raises(DecryptionError):
        keyring.decrypt(sealed, "persons.phone")  # a value moved to another column
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(DecryptionError):
        keyring.decrypt(tampered, "persons.address")
    with pytest.raises(DecryptionError):
        Keyring("other", {"other": os.urandom(32)}).decrypt(sealed, "persons.address")


@pytest.mark.parametrize(
    "value, message",
    [
        ("k1", "id:base64key"),
        ("k1:not base64!", "not valid base64"),
        ("k1:" + base64.b64encode(b"short").decode(), "16, 24 or 32 bytes"),
        (" , ", "holds no key"),
    ],
)
def test_malformed_keys_are_explained(value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_keys(value)


def test_production_without_data_keys_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.delenv("STEGVIS_DATA_KEYS", raising=False)
    with pytest.raises(ConfigError, match="STEGVIS_DATA_KEYS is not set"):
        create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})


def test_rotate_key_re_encrypts_everything_under_the_first_key(
    app: Flask,
    logged_in: FormClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _person, case_url = open_case_through_the_forms(logged_in)
    type_into_start_meeting(logged_in, case_url, SENTENCE)
    old = app.extensions["stegvis.keyring"]
    old_id, old_key = old.primary, old.keys[old.primary]
    new_entry = f"fresh:{_key()}"
    rotated = parse_keys(f"{new_entry},{old_id}:{base64.b64encode(old_key).decode()}")
    monkeypatch.setitem(app.extensions, "stegvis.keyring", rotated)
    result = app.test_cli_runner().invoke(args=["rotate-key"])
    assert result.exit_code == 0, result.output
    assert '"fresh"' in result.output
    with app.app_context(), db.engine.connect() as conn:
        raw = conn.execute(sa.text("SELECT answers FROM submissions")).scalars().all()
        assert raw and all(key_id_of(bytes(value)) == "fresh" for value in raw)
        address = conn.execute(sa.text("SELECT address FROM persons")).scalars().all()
        assert all(key_id_of(bytes(value)) == "fresh" for value in address)
    # Only the new key is needed now.
    only_new = parse_keys(new_entry)
    monkeypatch.setitem(app.extensions, "stegvis.keyring", only_new)
    with app.app_context():
        db.session.remove()
        answers: list[Any] = [s.answers for s in db.session.scalars(sa.select(Submission))]
        assert any(SENTENCE in str(a) for a in answers)
        assert db.session.scalars(sa.select(Person)).first() is not None
        db.session.remove()
