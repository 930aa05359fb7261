"""Two-factor sign-in: TOTP codes from an authenticator app (pyotp), the enrolment QR code
(segno, inline SVG: nothing is fetched from elsewhere) and ten one-time recovery codes."""

from __future__ import annotations

import hmac
import secrets
import time

import pyotp
import segno
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from markupsafe import Markup

from service.extensions import db
from service.models import RecoveryCode, User
from service.models._types import utcnow

ISSUER = "Stegvis"
RECOVERY_CODES = 10
#: Letters and digits that cannot be mistaken for one another when typed from paper.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
#: Codes of the step before and after the current one are accepted (clocks drift).
DRIFT_STEPS = 1
#: argon2id for the recovery codes, at OWASP's smallest recommended cost (19 MiB, 2 passes):
#: a code is 50 random bits, not a chosen password, and a login with one may have to try all
#: ten hashes, so the passwords' heavier setting would only make that slow.
_code_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def new_secret() -> str:
    """A fresh random base32 TOTP secret (160 bits)."""
    return pyotp.random_base32(32)


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// address the authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str, title: str) -> Markup:
    """The QR code of ``uri`` as inline SVG (no request leaves the page)."""
    svg = segno.make(uri, error="m").svg_inline(scale=4, title=title, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg role="img" class="qr" ', 1))  # noqa: S704 - segno's own SVG


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code ``code`` is (current ± drift), or None."""
    digits = "".join(code.split())
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    current = totp.timecode(moment)
    found = None
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        # Compare every candidate (constant time, no early exit).
        if hmac.compare_digest(totp.generate_otp(step), digits):
            found = step
    return found


def accept_code(user: User, code: str, secret: str | None = None) -> bool:
    """True when ``code`` is a current code of the user's secret not used before.

    The step of the accepted code is stored with a conditional UPDATE, so the same code
    (or an older one) is refused afterwards, also by another process at the same moment.
    """
    secret = secret or user.totp_secret
    if not secret:
        return False
    step = matching_step(secret, code)
    if step is None:
        return False
    result = db.session.execute(
        sa.update(User)
        .where(
            User.id == user.id,
            sa.or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
        # a used code's step: nothing a page shows (service/page_cache.py)
        .execution_options(synchronize_session=False, page_cache_neutral=True)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return False
    db.session.refresh(user, ["totp_last_step"])
    return True


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; the plain codes are returned once."""
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    for code in codes:
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_code_hasher.hash(_normal(code))))
    db.session.flush()
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """True when ``code`` is one of the user's unused recovery codes; it is used up."""
    typed = _normal(code)
    if len(typed) != 10:
        return False
    unused = db.session.scalars(
        sa.select(RecoveryCode).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    ).all()
    for candidate in unused:
        if _matches(candidate.code_hash, typed):
            result = db.session.execute(
                sa.update(RecoveryCode)
                .where(RecoveryCode.id == candidate.id, RecoveryCode.used_at.is_(None))
                .values(used_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]
    return False


def recovery_codes_left(user: User) -> int:
    """How many of the user's recovery codes are unused."""
    return int(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(RecoveryCode)
            .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
        )
        or 0
    )


def clear(user: User) -> None:
    """Remove the user's second factor (an admin's reset): they enrol again if required."""
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def _matches(code_hash: str, typed: str) -> bool:
    try:
        return _code_hasher.verify(code_hash, typed)
    except (VerificationError, InvalidHashError):
        return False


def _recovery_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _normal(code: str) -> str:
    """A recovery code as typed: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.lower() if ch.isalnum())
