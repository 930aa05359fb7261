"""Encryption at rest: AES-GCM under keys from the environment, bound to the row that holds it.

Keys
    ``STEGVIS_DATA_KEYS`` holds ``id:base64key`` pairs separated by commas; the first key
    encrypts, every key decrypts (so a new key can be put first and ``stegvis rotate-key``
    re-encrypts the old values). ``STEGVIS_INDEX_KEY`` has the same form and keys the blind
    indexes (below). Development and testing use fixed derived keys when a variable is unset;
    production refuses to start without them (:func:`keyring_from_config`,
    :func:`index_keys_from_config`).

Stored format (version 2)
    ``2 | len(key id) | key id | len(identity) (2 bytes) | identity | nonce | ciphertext+tag``.
    The associated data is the whole header (version, key id, *row identity*) plus the
    column's ``"table.column"``. The row identity is the JSON list of the row's identity
    columns as text, e.g. ``["17","start_meeting","1","2"]`` for a submission. A value copied
    into another column, into another row or changed in any byte does not decrypt or is
    refused (:class:`MovedValue`); version 1 (no row identity) is only read by migration 0006,
    which re-encrypted every value.

How a model declares its row identity
    * A table with a ``uuid`` column (``String(36)``, unique, ``default=lambda:
      str(uuid.uuid4())``) needs nothing else: ``uuid`` is its identity. This is the way for
      new tables.
    * Otherwise the model names stable columns that identify the row without the database
      id, e.g. ``__row_identity__ = ("case_id", "step", "instance", "version")``.
    * The encrypted columns are declared as before: ``mapped_column(EncryptedText(
      "table.column"))`` (also :class:`EncryptedJSON`, :class:`EncryptedBytes`,
      :class:`EncryptedDate`). A model with encrypted columns and no identity fails when the
      mappers are configured, with a message saying what to add.
    * A blind index (keyed HMAC of a value, for exact search and uniqueness) is declared as
      ``__blind_indexes__ = {"identity_index": "identity_number"}`` (index column → source
      column, both column names); it is computed on every write of the source.

How it works
    On flush (``before_insert``/``before_update``) every encrypted value being written is
    wrapped with the row's identity, which the column type binds into the ciphertext; an
    identity column left empty gets its Python default first (the uuid). A value written
    without a row (a Core or bulk statement) is refused with :class:`UnboundValue`. On load
    every value decrypts with the identity in its header, and for every model object loaded
    the ORM compares that identity (read as the first bytes of the stored value, a small
    hidden column property) with the row's own (``load``/``refresh`` events):
    a value moved from another row raises :class:`MovedValue`, which the pages show as a
    damaged record (service/errors.py) and log without content. Identity columns must not
    change after the row is written (a change re-encrypts the row's values).

    A column selected on its own (``select(Submission.answers)``) decrypts, authenticated,
    but is not compared with its row; pages select the model object.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Mapper, Session, column_property
from sqlalchemy.orm.attributes import flag_modified, instance_dict, instance_state
from sqlalchemy.types import TypeDecorator

from service.config import ConfigError

log = logging.getLogger(__name__)

#: First byte of every encrypted value: 2 binds the row identity; 1 was the layout before.
FORMAT_VERSION = 2
LEGACY_VERSION = 1
NONCE_BYTES = 12
ENV_VARIABLE = "STEGVIS_DATA_KEYS"
INDEX_VARIABLE = "STEGVIS_INDEX_KEY"
#: Longest row identity (bytes of its JSON text).
IDENTITY_MAX = 300
#: Bytes of a stored value that always hold its whole header (read to check the row).
HEADER_MAX = 2 + 255 + 2 + IDENTITY_MAX
#: Prefix of the hidden column properties holding a value's header.
HEADER_PREFIX = "_sealed_header_"


class DataKeyError(ConfigError):
    """The keys are missing or malformed; the message says what to set."""


class DecryptionError(ValueError):
    """A stored value cannot be decrypted with any known key (wrong key or damaged data)."""


class MovedValue(DecryptionError):
    """A stored value decrypts but was encrypted for another row (or column): refused."""


class UnboundValue(ValueError):
    """An encrypted column was written without its row (a Core or bulk statement)."""


class RowIdentityMissing(TypeError):
    """A model has encrypted columns but no row identity to bind them to."""


@dataclass
class Keyring:
    """The data keys: ``keys[primary]`` encrypts, any of ``keys`` decrypts."""

    primary: str
    keys: dict[str, bytes] = field(default_factory=dict)

    def encrypt(self, plaintext: bytes, purpose: str = "", identity: str = "") -> bytes:
        """Encrypt under the primary key, bound to ``purpose`` (column) and ``identity`` (row)."""
        header = _header(self.primary, identity)
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.primary]).encrypt(
            nonce, plaintext, header + purpose.encode()
        )
        return header + nonce + sealed

    def decrypt(self, stored: bytes, purpose: str = "", identity: str | None = None) -> bytes:
        """The plaintext of a value made by :meth:`encrypt` under any known key.

        With ``identity`` the value must have been encrypted for that row
        (:class:`MovedValue` otherwise); without it the identity in the header is used.
        """
        header = parse_header(stored)
        if header.version != FORMAT_VERSION:
            raise DecryptionError(
                "Stored value is in the old format without its row (run `stegvis init-db`)."
            )
        if identity is not None and header.identity != identity:
            raise MovedValue(f"{purpose or 'value'}: encrypted for another row.")
        return self._open(stored, header, purpose)

    def encrypt_legacy(self, plaintext: bytes, purpose: str = "") -> bytes:
        """A version 1 value (bound to the column only); for migrations and their tests."""
        key_id = self.primary.encode()
        header = bytes([LEGACY_VERSION, len(key_id)]) + key_id
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.primary]).encrypt(
            nonce, plaintext, header + purpose.encode()
        )
        return header + nonce + sealed

    def decrypt_legacy(self, stored: bytes, purpose: str = "") -> bytes:
        """The plaintext of a version 1 value (no row identity); for migrations only."""
        header = parse_header(stored)
        if header.version != LEGACY_VERSION:
            raise DecryptionError("Stored value is not in the old format.")
        return self._open(stored, header, purpose)

    def _open(self, stored: bytes, header: Header, purpose: str) -> bytes:
        key = self.keys.get(header.key_id)
        if key is None:
            raise DecryptionError(f"Value was encrypted with unknown key {header.key_id!r}.")
        rest = stored[header.length :]
        try:
            return AESGCM(key).decrypt(
                rest[:NONCE_BYTES], rest[NONCE_BYTES:], stored[: header.length] + purpose.encode()
            )
        except Exception as exc:  # cryptography raises InvalidTag without a message
            raise DecryptionError(
                f"{purpose or 'value'}: stored value does not decrypt (damaged or wrong key)."
            ) from exc


def _header(key_id: str, identity: str) -> bytes:
    raw_id = key_id.encode()
    raw_identity = identity.encode("utf-8")
    if len(raw_identity) > IDENTITY_MAX:
        raise ValueError(f"A row identity is limited to {IDENTITY_MAX} bytes.")
    return (
        bytes([FORMAT_VERSION, len(raw_id)])
        + raw_id
        + len(raw_identity).to_bytes(2, "big")
        + raw_identity
    )


@dataclass(frozen=True)
class Header:
    """The readable start of a stored value."""

    version: int
    key_id: str
    #: The row identity (version 2), "" in version 1.
    identity: str
    #: Bytes of the header (the nonce follows).
    length: int


def parse_header(stored: bytes) -> Header:
    """The header of a stored value of either version; :class:`DecryptionError` if none."""
    stored = bytes(stored[:HEADER_MAX])
    if len(stored) < 2 or stored[0] not in (FORMAT_VERSION, LEGACY_VERSION):
        raise DecryptionError("Stored value is not in the encrypted format.")
    end = 2 + stored[1]
    try:
        key_id = stored[2:end].decode()
        if stored[0] == LEGACY_VERSION:
            return Header(LEGACY_VERSION, key_id, "", end)
        size = int.from_bytes(stored[end : end + 2], "big")
        if len(stored) < end + 2 + size:
            raise DecryptionError("Stored value is cut short.")
        identity = stored[end + 2 : end + 2 + size].decode("utf-8")
    except UnicodeDecodeError:
        raise DecryptionError("Stored value is not in the encrypted format.") from None
    return Header(FORMAT_VERSION, key_id, identity, end + 2 + size)


def split_header(stored: bytes) -> tuple[str, bytes, bytes]:
    """(key id, header bytes, nonce + ciphertext) of a stored value."""
    header = parse_header(stored)
    return header.key_id, bytes(stored[: header.length]), bytes(stored[header.length :])


def key_id_of(stored: bytes) -> str:
    """The id of the key a stored value was encrypted with."""
    return parse_header(stored).key_id


def identity_text(values: Iterable[Any]) -> str:
    """The row identity bound into a value: the identity columns' values as a JSON list."""
    return json.dumps([str(v) for v in values], ensure_ascii=False, separators=(",", ":"))


def parse_keys(text: str, variable: str = ENV_VARIABLE) -> Keyring:
    """Parse ``id:base64key,id2:base64key2``; each key must be 16, 24 or 32 bytes."""
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key_id, sep, encoded = item.partition(":")
        if not sep or not key_id or len(key_id) > 40:
            raise DataKeyError(f"{variable}: each entry must look like 'id:base64key'.")
        try:
            key = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DataKeyError(f"{variable}: the key {key_id!r} is not valid base64.") from None
        if len(key) not in (16, 24, 32):
            raise DataKeyError(f"{variable}: the key {key_id!r} must be 16, 24 or 32 bytes.")
        if key_id in keys:
            raise DataKeyError(f"{variable}: the key id {key_id!r} appears twice.")
        keys[key_id] = key
        order.append(key_id)
    if not order:
        raise DataKeyError(f"{variable} holds no key.")
    return Keyring(primary=order[0], keys=keys)


def development_keyring(env: str, kind: str = "data") -> Keyring:
    """A fixed key derived from the environment's name: for development and tests only."""
    key = hashlib.sha256(f"stegvis-{env}-only-{kind}-key".encode()).digest()
    key_id = f"{env}-0" if kind == "data" else f"{env}-{kind}-0"
    return Keyring(primary=key_id, keys={key_id: key})


def _missing_key_message(variable: str, what: str) -> str:
    return (
        f"{variable} is not set. Set it to 'k1:<base64 of 32 random bytes>' (e.g. "
        '`python -c \'import base64, os; print("k1:" + base64.b64encode(os.urandom(32))'
        f".decode())'`), keep the key safe ({what}), or set "
        "STEGVIS_ENV=development to run locally."
    )


def keyring_from_config(env: str, value: str | None) -> Keyring:
    """The keyring for ``STEGVIS_DATA_KEYS``; production without it is refused clearly."""
    if value:
        return parse_keys(value)
    if env == "production":
        raise DataKeyError(_missing_key_message(ENV_VARIABLE, "without it the data cannot be read"))
    return development_keyring(env)


def index_keys_from_config(env: str, value: str | None) -> Keyring:
    """The blind-index keys for ``STEGVIS_INDEX_KEY`` (first computes, all are searched)."""
    if value:
        return parse_keys(value, INDEX_VARIABLE)
    if env == "production":
        raise DataKeyError(
            _missing_key_message(
                INDEX_VARIABLE, "a different one from the data keys; it finds identity numbers"
            )
        )
    return development_keyring(env, "index")


def new_key_entry(key_id: str) -> str:
    """A fresh ``id:base64key`` entry to put first in ``STEGVIS_DATA_KEYS``."""
    return f"{key_id}:{base64.b64encode(os.urandom(32)).decode()}"


#: Keyrings of the most recently created app, for code that runs without an app context.
_default: Keyring | None = None
_default_index: Keyring | None = None


def install(app: Any, keyring: Keyring, index_keys: Keyring | None = None) -> None:
    """Attach the keys to ``app`` (and make them the default outside an app context)."""
    global _default, _default_index
    app.extensions["stegvis.keyring"] = keyring
    _default = keyring
    if index_keys is not None:
        app.extensions["stegvis.index_keys"] = index_keys
        _default_index = index_keys


def current_keyring() -> Keyring:
    """The current app's keyring."""
    if has_app_context() and "stegvis.keyring" in current_app.extensions:
        return current_app.extensions["stegvis.keyring"]  # type: ignore[no-any-return]
    if _default is None:
        raise RuntimeError("No data keys: create the app first.")
    return _default


def current_index_keys() -> Keyring:
    """The current app's blind-index keys."""
    if has_app_context() and "stegvis.index_keys" in current_app.extensions:
        return current_app.extensions["stegvis.index_keys"]  # type: ignore[no-any-return]
    if _default_index is None:
        raise RuntimeError("No index key: create the app first.")
    return _default_index


# --- blind indexes -------------------------------------------------------------------------


def _blind(key_id: str, key: bytes, value: str) -> str:
    digest = hmac.new(key, b"stegvis-blind-index\x00" + value.encode("utf-8"), hashlib.sha256)
    return f"{key_id}:{digest.hexdigest()}"


def blind_index(value: str, keys: Keyring | None = None) -> str:
    """The stored blind index of ``value`` (an already normalised number): ``keyid:hmac``.

    HMAC-SHA256 under the first key of ``STEGVIS_INDEX_KEY``: equal values give equal indexes,
    and without the key an index tells nothing about the number.
    """
    keys = keys or current_index_keys()
    return _blind(keys.primary, keys.keys[keys.primary], value)


def blind_index_candidates(value: str) -> list[str]:
    """The index of ``value`` under every index key (searches find rows not yet rotated)."""
    keys = current_index_keys()
    return [_blind(key_id, key, value) for key_id, key in keys.keys.items()]


# --- column types --------------------------------------------------------------------------


class _Bound:
    """A plaintext on its way into the database, with its row identity (set during flush)."""

    __slots__ = ("identity", "value")

    def __init__(self, value: Any, identity: str) -> None:
        self.value = value
        self.identity = identity


class EncryptedType(TypeDecorator[Any]):
    """Base of the encrypted column types: stored as bytes, bound to the column and its row."""

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

    def seal(self, value: Any, identity: str, keyring: Keyring | None = None) -> bytes:
        """The stored bytes of ``value`` in the row ``identity``."""
        return (keyring or current_keyring()).encrypt(self.to_bytes(value), self.purpose, identity)

    def open(self, stored: bytes, identity: str | None = None) -> Any:
        """The value of stored bytes (checked against the row ``identity`` when given)."""
        return self.from_bytes(current_keyring().decrypt(bytes(stored), self.purpose, identity))

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, _Bound):
            return None if value.value is None else self.seal(value.value, value.identity)
        raise UnboundValue(
            f"{self.purpose}: an encrypted value is bound to its row; write it through the "
            "model object (session.add / attribute), not a Core or bulk statement."
        )

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return self.open(value)


class EncryptedBytes(EncryptedType):
    """Bytes (issued documents) encrypted at rest."""

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return bytes(value)

    def from_bytes(self, data: bytes) -> bytes:
        return data


class EncryptedText(EncryptedType):
    """Free text (addresses, assignments, identity numbers) encrypted at rest."""

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return str(value).encode("utf-8")

    def from_bytes(self, data: bytes) -> str:
        return data.decode("utf-8")


class EncryptedDate(EncryptedType):
    """A date (birth dates) encrypted at rest, stored as its ISO text."""

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        if not isinstance(value, date):
            raise TypeError(f"{self.purpose}: a date is expected")
        return value.isoformat().encode()

    def from_bytes(self, data: bytes) -> date:
        return date.fromisoformat(data.decode())


class EncryptedJSON(EncryptedType):
    """JSON (answers, document contexts) encrypted at rest; not queryable inside the database."""

    cache_ok = True

    def to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def from_bytes(self, data: bytes) -> Any:
        return json.loads(data.decode("utf-8"))


# --- row identities ------------------------------------------------------------------------


@dataclass(frozen=True)
class RowSpec:
    """How one table's encrypted values are bound: identity columns, encrypted columns and
    blind indexes (columns of ``table``)."""

    table: sa.Table
    identity: tuple[sa.Column[Any], ...]
    encrypted: tuple[sa.Column[Any], ...]
    blind: tuple[tuple[sa.Column[Any], sa.Column[Any]], ...] = ()

    @property
    def key(self) -> sa.Column[Any]:
        """The single primary-key column (used to walk the table in order)."""
        columns = list(self.table.primary_key.columns)
        if len(columns) != 1:
            raise RowIdentityMissing(f"{self.table.name}: one primary-key column is needed.")
        return columns[0]

    def identity_of(self, row: Any) -> str:
        """The identity text of a raw row (a Row or mapping keyed by column name)."""
        mapping = row._mapping if hasattr(row, "_mapping") else row
        return identity_text(mapping[c.name] for c in self.identity)


#: Mapper → its spec (None for tables without encrypted columns).
_specs: dict[Mapper[Any], _MapperSpec | None] = {}


@dataclass(frozen=True)
class _MapperSpec:
    row: RowSpec
    #: attribute key of each column of the spec.
    keys: dict[str, str]
    #: (encrypted column, attribute key, header property key)
    encrypted: tuple[tuple[sa.Column[Any], str, str], ...]
    identity: tuple[tuple[sa.Column[Any], str], ...]
    blind: tuple[tuple[str, str], ...]
    primary_keys: tuple[str, ...]


def row_spec(cls_or_table: Any) -> RowSpec | None:
    """The :class:`RowSpec` of a model class or its table (None without encrypted columns)."""
    if isinstance(cls_or_table, sa.Table):
        table, cls = cls_or_table, _mapped_class(cls_or_table)
    else:
        table, cls = cls_or_table.__table__, cls_or_table
    encrypted = tuple(c for c in table.columns if isinstance(c.type, EncryptedType))
    if not encrypted:
        return None
    names = getattr(cls, "__row_identity__", None)
    if names is None and "uuid" in table.c:
        names = ("uuid",)
    if not names:
        raise RowIdentityMissing(
            f"{table.name} has encrypted columns but no row identity: add a column "
            "uuid = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4())) "
            "or name stable columns in __row_identity__ (see service/crypto.py)."
        )
    blind = getattr(cls, "__blind_indexes__", {}) or {}
    return RowSpec(
        table=table,
        identity=tuple(table.c[name] for name in names),
        encrypted=encrypted,
        blind=tuple((table.c[index], table.c[source]) for index, source in blind.items()),
    )


def _mapped_class(table: sa.Table) -> Any:
    from service.db import Base

    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    return None


def row_specs() -> list[RowSpec]:
    """The spec of every table with encrypted columns, in dependency order."""
    from service.db import Base

    return [spec for t in Base.metadata.sorted_tables if (spec := row_spec(t)) is not None]


def _build_mapper_spec(mapper: Mapper[Any]) -> _MapperSpec | None:
    table = mapper.local_table
    if not isinstance(table, sa.Table) or mapper.inherits is not None:
        return None
    spec = row_spec(mapper.class_)
    if spec is None:
        return None

    def key_of(column: sa.Column[Any]) -> str:
        return mapper.get_property_by_column(column).key

    return _MapperSpec(
        row=spec,
        keys={c.name: key_of(c) for c in table.columns},
        encrypted=tuple((c, key_of(c), HEADER_PREFIX + key_of(c)) for c in spec.encrypted),
        identity=tuple((c, key_of(c)) for c in spec.identity),
        blind=tuple((key_of(index), key_of(source)) for index, source in spec.blind),
        primary_keys=tuple(key_of(c) for c in table.primary_key.columns),
    )


def _spec_of(mapper: Mapper[Any]) -> _MapperSpec | None:
    try:
        return _specs[mapper]
    except KeyError:
        spec = _specs[mapper] = _build_mapper_spec(mapper)
        return spec


@event.listens_for(Mapper, "mapper_configured")
def _add_header_properties(mapper: Mapper[Any], cls: Any) -> None:
    """Give every encrypted column a hidden property: the first bytes of its stored value."""
    _specs.pop(mapper, None)
    spec = _spec_of(mapper)
    if spec is None:
        return
    for column, _key, header_key in spec.encrypted:
        if header_key not in mapper.attrs:
            expression = sa.type_coerce(sa.func.substr(column, 1, HEADER_MAX), sa.LargeBinary)
            mapper.add_property(header_key, column_property(expression))


def _default_of(column: sa.Column[Any]) -> Any:
    """The column's Python default (scalar, or the result of its function), else None."""
    default: Any = column.default
    if default is None:
        return None
    if getattr(default, "is_callable", False):
        return default.arg(None)  # SQLAlchemy wraps the function to take a context
    if getattr(default, "is_scalar", False):
        return default.arg
    return None


def _row_identity(spec: _MapperSpec, target: Any, values: dict[str, Any], fill: bool) -> str:
    parts = []
    for column, key in spec.identity:
        value = values.get(key)
        if value is None and fill:
            value = _default_of(column)
            if value is not None:
                setattr(target, key, value)
        if value is None:
            raise RowIdentityMissing(
                f"{spec.row.table.name}: the identity column {column.name} is empty."
            )
        parts.append(value)
    return identity_text(parts)


def _remember_bound(target: Any, key: str) -> None:
    session = instance_state(target).session
    if session is not None:
        session.info.setdefault("stegvis.bound", []).append((target, key))


def _seal_on_flush(mapper: Mapper[Any], target: Any, inserting: bool) -> None:
    spec = _spec_of(mapper)
    if spec is None:
        return
    state = instance_state(target)
    values = state.dict
    committed = state.committed_state
    identity = _row_identity(spec, target, values, fill=inserting)
    moved = not inserting and any(key in committed for _c, key in spec.identity)
    for index_key, source_key in spec.blind:
        if inserting or source_key in committed or moved:
            source = values.get(source_key)
            setattr(target, index_key, None if source is None else blind_index(str(source)))
    for column, key, _header in spec.encrypted:
        if inserting:
            if values.get(key) is None:
                default = _default_of(column)
                if default is None:
                    continue
                values[key] = default
        elif key not in committed:
            if not moved:
                continue
            getattr(target, key)  # loads a deferred value to bind it to the new identity
            flag_modified(target, key)
        elif not moved and committed[key] is not None and committed[key] == values.get(key):
            continue  # set to the value it had: nothing to write
        value = values.get(key)
        if value is None or isinstance(value, _Bound):
            continue
        values[key] = _Bound(value, identity)
        _remember_bound(target, key)


@event.listens_for(Mapper, "before_insert")
def _before_insert(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    _seal_on_flush(mapper, target, inserting=True)


@event.listens_for(Mapper, "before_update")
def _before_update(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    _seal_on_flush(mapper, target, inserting=False)


def _unwrap_bound(session: Session, *_args: Any) -> None:
    """Put the plain values back on the objects once the flush is over (or rolled back)."""
    for target, key in session.info.pop("stegvis.bound", []):
        values = instance_dict(target)
        value = values.get(key)
        if isinstance(value, _Bound):
            values[key] = value.value


event.listen(Session, "after_flush", _unwrap_bound)
event.listen(Session, "after_soft_rollback", _unwrap_bound)


def _check_loaded(target: Any, _context: Any, _attrs: Any = None) -> None:
    """Refuse a loaded object holding a value that was encrypted for another row."""
    spec = _spec_of(instance_state(target).mapper)
    if spec is None:
        return
    values = instance_dict(target)
    expected: str | None = None
    for column, _key, header_key in spec.encrypted:
        header = values.get(header_key)
        if header is None:
            continue
        if expected is None:
            if any(key not in values for _c, key in spec.identity):
                return  # loaded without its identity (load_only): nothing to compare with
            expected = identity_text(values[key] for _c, key in spec.identity)
        row = ",".join(str(values.get(k)) for k in spec.primary_keys)
        where = f"{spec.row.table.name}.{column.name} of row {row}"
        try:
            found = parse_header(header).identity
        except DecryptionError:
            raise DecryptionError(f"{where}: not in the encrypted format.") from None
        if found != expected:
            raise MovedValue(f"{where} was encrypted for another row.")


event.listen(Mapper, "load", _check_loaded)
event.listen(Mapper, "refresh", _check_loaded)


# --- key rotation --------------------------------------------------------------------------


def encrypted_columns() -> list[tuple[sa.Table, sa.Column[Any]]]:
    """Every (table, column) of the models stored with an encrypted type."""
    return [(spec.table, column) for spec in row_specs() for column in spec.encrypted]


def _batches(
    connection: sa.Connection, query: sa.Select[Any], key: sa.Column[Any], size: int
) -> Iterator[list[Any]]:
    """The rows of ``query`` in primary-key order, ``size`` at a time (keyset pages)."""
    last = None
    while True:
        page = query if last is None else query.where(key > last)
        rows = list(connection.execute(page.order_by(key).limit(size)).all())
        if not rows:
            return
        yield rows
        last = rows[-1]._mapping[key.name]


Progress = Callable[[str, int, int], None]


def _writer(table: sa.Table, key: sa.Column[Any], name: str, kind: Any) -> sa.Update:
    """``UPDATE table SET name = :new_value WHERE key = :row_key`` (run once per batch, with
    many parameter sets); the value is written as given (already encrypted)."""
    return (
        sa.update(table)
        .where(key == sa.bindparam("row_key"))
        .values({name: sa.bindparam("new_value", type_=kind)})
    )


def rotate_keys(
    connection: sa.Connection,
    keyring: Keyring,
    batch: int = 500,
    progress: Progress | None = None,
    commit: bool = False,
) -> dict[str, int]:
    """Re-encrypt every value not under the primary key; returns the count per column.

    Walks each table in primary-key order, ``batch`` rows at a time, reading the raw stored
    bytes and only the rows whose value is not yet under the primary key (so an interrupted
    run, run again, goes on where it stopped). With ``commit`` each batch is committed;
    ``progress(column, done in this batch, done so far)`` is called after each. A value that
    belongs to another row is not re-encrypted (that would make it belong here): it is counted
    under ``"<table.column>:damaged"`` and left as it is.
    """
    counts: dict[str, int] = {}
    current = _header(keyring.primary, "")[: 2 + len(keyring.primary.encode())]
    for spec in row_specs():
        key = spec.key
        for column in spec.encrypted:
            kind: EncryptedType = column.type  # type: ignore[assignment]
            raw = sa.type_coerce(column, sa.LargeBinary)
            prefix = sa.type_coerce(sa.func.substr(column, 1, len(current)), sa.LargeBinary)
            query = sa.select(key, *spec.identity, raw.label("raw")).where(
                column.is_not(None), prefix != sa.type_coerce(current, sa.LargeBinary)
            )
            name = f"{spec.table.name}.{column.name}"
            write = _writer(spec.table, key, column.name, sa.LargeBinary())
            done = damaged = 0
            for rows in _batches(connection, query, key, batch):
                fresh: list[dict[str, Any]] = []
                for row in rows:
                    identity = spec.identity_of(row)
                    try:
                        plain = keyring.decrypt(bytes(row.raw), kind.purpose, identity)
                    except MovedValue:
                        damaged += 1
                        continue
                    value = keyring.encrypt(plain, kind.purpose, identity)
                    fresh.append({"row_key": row._mapping[key.name], "new_value": value})
                if fresh:
                    connection.execute(write, fresh)
                changed = len(fresh)
                done += changed
                if commit:
                    connection.commit()
                if progress is not None:
                    progress(name, changed, done)
            counts[name] = done
            if damaged:
                counts[f"{name}:damaged"] = damaged
    return counts


def rotate_index_keys(
    connection: sa.Connection,
    keyring: Keyring,
    index_keys: Keyring,
    batch: int = 500,
    progress: Progress | None = None,
    commit: bool = False,
) -> dict[str, int]:
    """Recompute every blind index not under the first index key; returns the count per index.

    The source values are decrypted with the data keys, so the old index key is not needed.
    Indexes already under the first key are skipped (an interrupted run can be run again).
    """
    counts: dict[str, int] = {}
    prefix = f"{index_keys.primary}:"
    for spec in row_specs():
        key = spec.key
        for index, source in spec.blind:
            kind: EncryptedType = source.type  # type: ignore[assignment]
            raw = sa.type_coerce(source, sa.LargeBinary).label("raw")
            query = sa.select(key, *spec.identity, raw).where(
                source.is_not(None),
                sa.or_(index.is_(None), sa.not_(index.startswith(prefix, autoescape=True))),
            )
            name = f"{spec.table.name}.{index.name}"
            write = _writer(spec.table, key, index.name, index.type)
            done = 0
            for rows in _batches(connection, query, key, batch):
                fresh = []
                for row in rows:
                    value = kind.from_bytes(
                        keyring.decrypt(bytes(row.raw), kind.purpose, spec.identity_of(row))
                    )
                    fresh.append(
                        {
                            "row_key": row._mapping[key.name],
                            "new_value": blind_index(str(value), index_keys),
                        }
                    )
                connection.execute(write, fresh)
                done += len(rows)
                if commit:
                    connection.commit()
                if progress is not None:
                    progress(name, len(rows), done)
            counts[name] = done
    return counts
