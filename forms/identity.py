"""Swedish personnummer / samordningsnummer and Polish PESEL, validated with python-stdnum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.pl import pesel
from stdnum.se import personnummer

#: What the user picks in the form: a Swedish number (either kind) or a PESEL.
COUNTRY_SE = "se"
COUNTRY_PL = "pl"


class InvalidIdentityNumber(ValueError):
    """The number is not a valid number of the chosen kind."""


@dataclass(frozen=True)
class IdentityNumber:
    """A validated number: its kind, 12 or 11 digits, and the birth date it encodes."""

    kind: str
    number: str
    birth_date: date | None

    def formatted(self) -> str:
        """As printed: 19850709-9805 for Swedish numbers, 11 digits for PESEL."""
        if self.kind in ("personnummer", "samordningsnummer"):
            return f"{self.number[:8]}-{self.number[8:]}"
        return self.number


def parse_swedish(value: str) -> IdentityNumber:
    """Validate a personnummer or samordningsnummer (day + 60), 10 or 12 digits.

    python-stdnum's personnummer module rejects day + 60, so the Luhn digit is checked on the
    number as written (stdnum.luhn) and the date with the day lowered by 60.
    """
    raw = personnummer.compact(value)
    digits = raw.replace("-", "").replace("+", "")
    if not digits.isdigit() or len(digits) not in (10, 12):
        raise InvalidIdentityNumber(value)
    day_pos = 4 if len(digits) == 10 else 6
    day = int(digits[day_pos : day_pos + 2])
    kind = "samordningsnummer" if day > 60 else "personnummer"
    if not luhn.is_valid(digits[-10:]):
        raise InvalidIdentityNumber(value)
    candidate = raw
    if kind == "samordningsnummer":
        lowered = digits[:day_pos] + f"{day - 60:02d}" + digits[day_pos + 2 :]
        separator = "+" if "+" in raw else "-"
        candidate = lowered[:-4] + separator + lowered[-4:]
    try:
        birth = personnummer.get_birth_date(candidate)
    except (ValidationError, ValueError) as exc:
        raise InvalidIdentityNumber(value) from exc
    # Store with century (12 digits), day as given (a samordningsnummer keeps its +60).
    full = f"{birth.year:04d}{digits[-8:]}"
    return IdentityNumber(kind=kind, number=full, birth_date=birth)


def parse_pesel(value: str) -> IdentityNumber:
    """Validate a PESEL (checksum and the date with the century coded in the month)."""
    try:
        number = pesel.validate(value)
        birth = pesel.get_birth_date(number)
    except ValidationError as exc:
        raise InvalidIdentityNumber(value) from exc
    return IdentityNumber(kind="pesel", number=number, birth_date=birth)


def parse_identity_number(country: str, value: str) -> IdentityNumber:
    """Validate ``value`` as a number of ``country`` ("se" or "pl")."""
    if country == COUNTRY_SE:
        return parse_swedish(value)
    if country == COUNTRY_PL:
        return parse_pesel(value)
    raise InvalidIdentityNumber(value)


def format_identity(kind: str | None, number: str | None) -> str:
    """The stored number as printed, or "" when there is none."""
    if not kind or not number:
        return ""
    if kind == "reserve":
        return number
    return IdentityNumber(kind=kind, number=number, birth_date=None).formatted()


def stored_forms(value: str) -> list[str]:
    """Every stored number that ``value`` (as a person would type it) can stand for.

    "19121212-1212", "191212121212", "121212-1212" and "1212121212" all give "191212121212";
    "44051401458" (with or without spaces) gives the PESEL. A reserve number is matched as
    typed. Used to search by identity number (the stored numbers are only blind-indexed).
    """
    text = value.strip()
    found: list[str] = []
    for parse in (parse_swedish, parse_pesel):
        try:
            number = parse(text).number
        except (InvalidIdentityNumber, ValidationError, ValueError):
            continue
        if number not in found:
            found.append(number)
    if text and text not in found:
        found.append(text)
    return found
