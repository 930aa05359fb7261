"""A client: the person the journey is about."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from service.cases.search_keys import KEY_LENGTH, name_key
from service.crypto import EncryptedDate, EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow

#: A search key: compared byte by byte (PostgreSQL's "C" collation), so that a range of keys is
#: exactly the names with one prefix and an ordinary index answers it.
SEARCH_KEY = sa.String(KEY_LENGTH).with_variant(sa.String(KEY_LENGTH, collation="C"), "postgresql")


class Person(Base):
    """A person registered by a unit; identity number optional (many clients have none)."""

    __tablename__ = "persons"
    __table_args__ = (
        sa.CheckConstraint(
            "identity_kind IS NULL OR identity_kind IN "
            "('personnummer', 'samordningsnummer', 'pesel', 'reserve')",
            name="identity_kind",
        ),
        sa.CheckConstraint(
            "(identity_kind IS NULL) = (identity_number IS NULL)", name="identity_pair"
        ),
        sa.CheckConstraint(
            "(identity_number IS NULL) = (identity_index IS NULL)", name="identity_index_pair"
        ),
        sa.CheckConstraint("preferred_language IN ('sv', 'pl', 'en')", name="language"),
        sa.CheckConstraint(
            "legal_rep_kind IS NULL OR legal_rep_kind IN "
            "('god_man', 'forvaltare', 'opiekun_prawny', 'kurator')",
            name="legal_rep_kind",
        ),
        sa.CheckConstraint("sex IS NULL OR sex IN ('female', 'male', 'other')", name="sex"),
        sa.CheckConstraint("version > 0", name="version"),
        sa.UniqueConstraint("unit_id", "identity_index", name="uq_persons_unit_identity"),
        # the person list (by name) and its name search (migration 0010); the case list's
        # name search reads the copies of these keys on the case (migration 0020)
        sa.Index("ix_persons_unit_sort_key", "unit_id", "sort_key", "id"),
        sa.Index("ix_persons_unit_given_key", "unit_id", "given_key"),
    )
    #: identity_index is the blind index of identity_number (service/crypto.py).
    __blind_indexes__ = {"identity_index": "identity_number"}

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Random identity the encrypted values are bound to (service/crypto.py).
    uuid: Mapped[str] = mapped_column(
        sa.String(36), unique=True, index=True, default=lambda: str(uuid.uuid4())
    )
    #: The unit that registered the person; only its staff see them.
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    #: personnummer / samordningsnummer / pesel / reserve; None when no number is known.
    identity_kind: Mapped[str | None] = mapped_column(sa.String(20), default=None)
    #: Normalised number: 12 digits for Swedish numbers, 11 for PESEL; encrypted at rest.
    identity_number: Mapped[str | None] = mapped_column(
        EncryptedText("persons.identity_number"), default=None
    )
    #: Keyed blind index of the number (``keyid:HMAC-SHA256``), for uniqueness and search;
    #: computed on every write of the number (service/identity_lookup.py searches it).
    identity_index: Mapped[str | None] = mapped_column(sa.String(120), default=None)
    #: Encrypted at rest.
    date_of_birth: Mapped[date | None] = mapped_column(
        EncryptedDate("persons.date_of_birth"), default=None
    )
    #: female / male / other, as the person gives it; None when not given (the field is
    #: optional: it serves the yearly report's counts only, e.g. "5 mężczyzn i 1 kobieta").
    sex: Mapped[str | None] = mapped_column(sa.String(10), default=None)
    #: Language of the person's documents.
    preferred_language: Mapped[str] = mapped_column(sa.String(5), default="sv")
    #: Free-text contact details, encrypted at rest (service/crypto.py). Loaded (and decrypted)
    #: together, only when read: the case pages and lists that join the person never show them.
    address: Mapped[str] = mapped_column(
        EncryptedText("persons.address"), default="", deferred=True, deferred_group="contact"
    )
    phone: Mapped[str] = mapped_column(
        EncryptedText("persons.phone"), default="", deferred=True, deferred_group="contact"
    )
    email: Mapped[str] = mapped_column(
        EncryptedText("persons.email"), default="", deferred=True, deferred_group="contact"
    )
    #: The person's legal representative, if any: god man or förvaltare (Sweden, FB 11 kap.),
    #: opiekun prawny or kurator (Poland, KRO); they sign the consent and the agreement too.
    legal_rep_kind: Mapped[str | None] = mapped_column(sa.String(20), default=None)
    #: The legal representative's name; encrypted at rest.
    legal_rep_name: Mapped[str | None] = mapped_column(
        EncryptedText("persons.legal_rep_name"), default=None
    )
    #: How to reach the legal representative (phone, address); encrypted at rest.
    legal_rep_contact: Mapped[str | None] = mapped_column(
        EncryptedText("persons.legal_rep_contact"), default=None
    )
    #: "last first" as the lists search and sort it (service/cases/search_keys.py), set on save.
    sort_key: Mapped[str] = mapped_column(SEARCH_KEY, default="", server_default="")
    #: "first last", the other order a name is typed in; set on save.
    given_key: Mapped[str] = mapped_column(SEARCH_KEY, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)
    #: When the person was anonymised (erasure or purge); None while the data is kept.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: Raised by one on every change by SQLAlchemy's version counter (erasure too): an edit
    #: page sends back the version it showed, and a save over a newer one is refused as a
    #: conflict (service/record_versions.py), never a silent overwrite.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    @property
    def full_name(self) -> str:
        """First and last name as printed on documents; an erased person is named only as
        such, in the reader's language (the stored placeholder is no name)."""
        if self.erased_at is not None:
            return erased_name()
        return f"{self.first_name} {self.last_name}".strip()

    def __repr__(self) -> str:
        return f"<Person {self.id}>"


def erased_name() -> str:
    """What an erased person is called on a page, in the reader's language (outside a
    request, in a command's output, in English)."""
    from flask import has_request_context
    from flask_babel import gettext

    if not has_request_context():
        return "Anonymised person"
    return gettext("Anonymised person")


@sa.event.listens_for(Person, "before_insert")
@sa.event.listens_for(Person, "before_update")
def _set_search_keys(_mapper: Mapper[Person], _connection: sa.Connection, target: Person) -> None:
    """The keys follow the names on every save (registering, editing, erasure)."""
    target.sort_key = name_key(f"{target.last_name} {target.first_name}")
    target.given_key = name_key(f"{target.first_name} {target.last_name}")
