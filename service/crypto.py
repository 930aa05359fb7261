"""Encryption at rest: AES-GCM under keys from the environment, as SQLAlchemy column types.

``STEGVIS_DATA_KEYS`` holds ``id:base64key`` pairs separated by commas; the first key encrypts,
every key decrypts (so a new key can be put first and ``stegvis rotate-key`` re-encrypts the
old values). A stored value is ``version byte + key id length + key id + nonce + ciphertext``;
the version byte, the key id and the column's table/name are bound in as associated data, so a
value copied into another column or tampered with does not decrypt.

Development and testing use a fixed derived key when the variable is unset; production refuses
to start without it (see :func:`keyring_from_config`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app, has_app_context
from sqlalchemy.types import TypeDecorator

from service.config import ConfigError

#: First byte of every encrypted value; bumped if the layout ever changes.
FORMAT_VERSION = 1
NONCE_BYTES = 12
ENV_VARIABLE = "STEGVIS_DATA_KEYS"


class DataKeyError(ConfigError):
    """The keys are missing or malformed; the message says what to set."""


class DecryptionError(ValueError):
    """A stored value cannot be decrypted with any known key (wrong key or damaged data)."""


@dataclass
class Keyring:
    """The data keys: ``keys[primary]`` encrypts, any of ``keys`` decrypts."""

    primary: str
    keys: dict[str, bytes] = field(default_factory=dict)

    def encrypt(self, plaintext: bytes, purpose: str = "") -> bytes:
        """Encrypt ``plaintext`` under the primary key; ``purpose`` is bound in (column name)."""
        key_id = self.primary.encode()
        header = bytes([FORMAT_VERSION, len(key_id)]) + key_id
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.primary]).encrypt(
            nonce, plaintext, header + purpose.encode()
        )
        return header + nonce + sealed

    def decrypt(self, stored: bytes, purpose: str = "") -> bytes:
        """The plaintext of a value made by :meth:`encrypt` under any known key."""
        key_id, header, rest = split_header(stored)
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionError(f"Value was encrypted with unknown key {key_id!r}.")
        try:
            return AESGCM(key).decrypt(
                rest[:NONCE_BYTES], rest[NONCE_BYTES:], header + purpose.encode()
            )
        except Exception as exc:  # cryptography raises InvalidTag without a message
            raise DecryptionError("Stored value does not decrypt (damaged or wrong key).") from exc


def split_header(stored: bytes) -> tuple[str, bytes, bytes]:
    """(key id, header bytes, nonce + ciphertext) of a stored value."""
    if len(stored) < 2 or stored[0] != FORMAT_VERSION:
        raise DecryptionError("Stored value is not in the encrypted format.")
    end = 2 + stored[1]
    return stored[2:end].decode(), bytes(stored[:end]), bytes(stored[end:])


def key_id_of(stored: bytes) -> str:
    """The id of the key a stored value was encrypted with."""
    return split_header(stored)[0]


def parse_keys(text: str) -> Keyring:
    """Parse ``id:base64key,id2:base64key2``; each key must be 16, 24 or 32 bytes."""
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key_id, sep, encoded = item.partition(":")
        if not sep or not key_id or len(key_id) > 40:
            raise DataKeyError(f"{ENV_VARIABLE}: each entry must look like 'id:base64key'.")
        try:
            key = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DataKeyError(f"{ENV_VARIABLE}: the key {key_id!r} is not valid base64.") from None
        if len(key) not in (16, 24, 32):
            raise DataKeyError(f"{ENV_VARIABLE}: the key {key_id!r} must be 16, 24 or 32 bytes.")
        if key_id in keys:
            raise DataKeyError(f"{ENV_VARIABLE}: the key id {key_id!r} appears twice.")
        keys[key_id] = key
        order.append(key_id)
    if not order:
        raise DataKeyError(f"{ENV_VARIABLE} holds no key.")
    return Keyring(primary=order[0], keys=keys)


def development_keyring(env: str) -> Keyring:
    """A fixed key derived from the environment's name: for development and tests only."""
    key = hashlib.sha256(f"stegvis-{env}-only-data-key".encode()).digest()
    return Keyring(primary=f"{env}-0", keys={f"{env}-0": key})


def keyring_from_config(env: str, value: str | None) -> Keyring:
    """The keyring for ``STEGVIS_DATA_KEYS``; production without it is refused clearly."""
    if value:
        return parse_keys(value)
    if env == "production":
        raise DataKeyError(
            f"{ENV_VARIABLE} is not set. Set it to 'k1:<base64 of 32 random bytes>' (e.g. "
            '`python -c \'import base64, os; print("k1:" + base64.b64encode(os.urandom(32))'
            ".decode())'`), keep the key safe (without it the data cannot be read), or set "
            "STEGVIS_ENV=development to run locally."
        )
    return development_keyring(env)


def new_key_entry(key_id: str) -> str:
    """A fresh ``id:base64key`` entry to put first in ``STEGVIS_DATA_KEYS``."""
    return f"{key_id}:{base64.b64encode(os.urandom(32)).decode()}"


#: Keyring of the most recently created app, for code that runs without an app context.
_default: Keyring | None = None


def install(app: Any, keyring: Keyring) -> None:
    """Attach ``keyring`` to ``app`` (and make it the default outside an app context)."""
    global _default
    app.extensions["stegvis.keyring"] = keyring
    _default = keyring


def current_keyring() -> Keyring:
    """The current app's keyring."""
    if has_app_context() and "stegvis.keyring" in current_app.extensions:
        return current_app.extensions["stegvis.keyring"]  # type: ignore[no-any-return]
    if _default is None:
        raise RuntimeError("No data keys: create the app first.")
    return _default


class EncryptedType(TypeDecorator[Any]):
    """Base of the encrypted column types: stored as bytes, bound to the column's purpose."""

    impl = sa.LargeBinary
    cache_ok = True

    def __init__(self, purpose: str = "") -> None:
        super().__init__()
        #: "table.column": bound into the ciphertext so values cannot be swapped between columns.
        self.purpose = purpose

    def to_bytes(self, value: Any) -> bytes:
        """The plaintext bytes of a Python value."""
        raise NotImplementedError

    def from_bytes(self, data: bytes) -> Any:
        """The Python value of plaintext bytes."""
        raise NotImplementedError

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> bytes | None:
        if value is None:
            return None
        return current_keyring().encrypt(self.to_bytes(value), self.purpose)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return self.from_bytes(current_keyring().decrypt(bytes(value), self.purpose))


class EncryptedBytes(EncryptedType):
    """Bytes (issued documents) encrypted at rest."""

    cache_ok = True

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return bytes(value)

    def from_bytes(self, data: bytes) -> bytes:
        return data


class EncryptedText(EncryptedType):
    """Free text (addresses, assignments) encrypted at rest."""

    cache_ok = True

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return str(value).encode("utf-8")

    def from_bytes(self, data: bytes) -> str:
        return data.decode("utf-8")


class EncryptedJSON(EncryptedType):
    """JSON (answers, document contexts) encrypted at rest; not queryable inside the database."""

    cache_ok = True

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def from_bytes(self, data: bytes) -> Any:
        return json.loads(data.decode("utf-8"))


def encrypted_columns() -> list[tuple[sa.Table, sa.Column[Any]]]:
    """Every (table, column) of the models stored with an encrypted type."""
    from service.db import Base

    return [
        (table, column)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, EncryptedType)
    ]


def rotate_keys(connection: sa.Connection, keyring: Keyring, batch: int = 500) -> dict[str, int]:
    """Re-encrypt every value not under the primary key; returns the count per column.

    Reads the raw stored bytes (no decoding by the column type), so it works table by table
    without loading models; the caller commits.
    """
    counts: dict[str, int] = {}
    for table, column in encrypted_columns():
        purpose = column.type.purpose  # type: ignore[attr-defined]
        key_columns = list(table.primary_key.columns)
        raw = sa.type_coerce(column, sa.LargeBinary).label("raw")
        rows = connection.execute(sa.select(*key_columns, raw).where(column.is_not(None))).all()
        changed = 0
        for row in rows:
            stored = bytes(row.raw)
            if key_id_of(stored) == keyring.primary:
                continue
            fresh = keyring.encrypt(keyring.decrypt(stored, purpose), purpose)
            where = sa.and_(*(c == row[i] for i, c in enumerate(key_columns)))
            connection.execute(
                sa.update(table)
                .where(where)
                .values({column.key: sa.type_coerce(fresh, sa.LargeBinary)})
            )
            changed += 1
        counts[f"{table.name}.{column.key}"] = changed
    return counts
