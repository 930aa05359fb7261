"""Public verification: the code in the QR code and the printed link of a real issued document
opens a page anyone can read, logged out, that says what the paper is and never whose it is.
A wrong code and an unknown number get one and the same answer."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import zxingcpp
from docx import Document as WordDocument
from flask import Flask
from PIL import Image

from service import create_app
from service.config import ConfigError
from service.documents.pdf import pdf_available, to_pdf
from service.documents.stamp import short_hash
from service.documents.verification import document_token
from service.extensions import db, limiter
from service.models import AuditEvent, Case, Role, Unit
from tests.conftest import FormClient

from .conftest import CaseWorld, issue_by_role
from .helpers import part_text
from .test_issuing import documents, issue

#: Words of the person and of the content that the public page must never show.
PERSONAL = (
    "Zofia",
    "Wójcik",
    "44051401458",
    "C-2026-",  # the case reference
    "Wyjście z bezdomności",  # the agreement's purpose (content)
    "worker@example.org",
)


def printed_address(content: bytes) -> str:
    """The verification address printed in the document's footer."""
    footer = part_text(WordDocument(io.BytesIO(content)).sections[0].footer._element)
    found = re.search(r"https?://\S+/verify/\S+", footer)
    assert found, footer
    return found.group(0)


def qr_address(content: bytes) -> str:
    """What the QR code in the document's header says, read from its picture by a decoder."""
    section = WordDocument(io.BytesIO(content)).sections[0]
    pictures = [
        rel.target_part.blob for rel in section.header.part.rels.values() if "image" in rel.reltype
    ]
    assert len(pictures) == 1
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(pictures[0])))
    assert len(decoded) == 1 and decoded[0].format == zxingcpp.BarcodeFormat.QRCode
    return str(decoded[0].text)


def token(app: Flask, number: str, version: int, key: bytes | None = None) -> str:
    with app.app_context():
        return document_token(number, version, key)


def path_of(address: str) -> str:
    return "/" + address.split("/", 3)[3]


def logged_out(client: FormClient) -> FormClient:
    client.post("/logout", form_url="/")
    return client


def test_the_printed_code_opens_the_public_page_logged_out(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    assert issue_by_role(staff, full_case, "agreement").status_code == 302
    (document,) = documents(app)
    address = printed_address(document.content)
    assert qr_address(document.content) == address  # the QR code and the printed line agree
    assert address.startswith(f"http://127.0.0.1:5000/verify/{document.number}/")
    assert len(address) <= 64  # short enough for a small QR code and one printed line
    client = logged_out(staff)
    response = client.get(path_of(address))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"  # a status can change: no stale copy
    page = response.get_data(as_text=True)
    assert "<dt>Document</dt><dd>Agreement</dd>" in page
    assert f'<dd class="nowrap">{document.number}</dd>' in page
    assert "<dt>Version</dt><dd>1</dd>" in page
    assert re.search(r"<dt>Issued</dt><dd>\w+ \d+, 20\d\d</dd>", page)  # the date issued
    with app.app_context():
        unit = db.session.get(Unit, full_case.unit_id)
        assert unit is not None
        assert f"<dt>Unit</dt><dd>{unit.name}</dd>" in page
    assert "This is the current version of the document." in page
    assert "<dt>Status</dt><dd>Current</dd>" in page
    assert short_hash(document.context_sha256 or "") in page and document.sha256 in page
    for private in PERSONAL:
        assert private not in page, private
    with app.app_context():
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "document.verify_public")
        )
        assert event is not None
        assert event.user_id is None and event.case_id == full_case.case_id
        assert event.details == {"number": document.number, "version": 1}


def test_each_version_has_its_own_code_and_an_older_one_says_it_is_superseded(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    issue(staff, full_case.case_id, "plan")
    issue(staff, full_case.case_id, "plan")
    first, second = documents(app)
    old, new = printed_address(first.content), printed_address(second.content)
    assert old != new and qr_address(second.content) == new
    client = logged_out(staff)
    page = client.get(path_of(old)).get_data(as_text=True)
    assert "This version has been replaced: version 2 was issued on" in page
    assert "Superseded" in page and first.sha256 in page and second.sha256 not in page
    page = client.get(path_of(new)).get_data(as_text=True)
    assert "This is the current version of the document." in page and second.sha256 in page
    # The code of version 1 is no code of version 2: a code opens only its own version.
    assert token(app, first.number, 1) != token(app, first.number, 2)


def test_a_signed_version_says_so_and_a_drawn_signature_gets_its_own_code(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    from tests.documents.test_signing import PNG  # a real PNG

    issue(staff, full_case.case_id, "plan")
    (plan,) = documents(app)
    response = staff.post(
        f"/documents/{plan.id}/sign/drawn",
        {"drawing": "data:image/png;base64," + base64.b64encode(PNG).decode()},
        form_url=f"/documents/{plan.id}/sign",
    )
    assert response.status_code == 302
    _unsigned, signed = documents(app)
    assert signed.version == 2
    address = printed_address(signed.content)
    assert qr_address(signed.content) == address
    assert address.endswith("/" + token(app, signed.number, 2))
    client = logged_out(staff)
    page = client.get(path_of(address)).get_data(as_text=True)
    assert "This version is signed: the signature was drawn on a tablet on" in page
    assert "<dd>Signed</dd>" in page
    page = client.get(path_of(printed_address(plan.content))).get_data(as_text=True)
    assert "Superseded" in page  # the paper shown on the tablet, before the signature


def test_a_withdrawn_consent_shows_on_the_agreement(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    issue_by_role(staff, full_case, "agreement")
    (agreement,) = documents(app)
    case_url = f"/cases/{full_case.case_id}"
    staff.post(
        f"{case_url}/consent/withdraw",
        {"withdrawn_on": "2026-11-20", "confirmed": "yes"},
        form_url=case_url,
    )
    page = logged_out(staff).get(path_of(printed_address(agreement.content))).get_data(True)
    assert "The consent to share information was withdrawn on Nov 20, 2026" in page
    assert "Consent withdrawn" in page


def test_staff_of_the_unit_get_their_page_and_others_the_public_one(
    client: FormClient, make_case: Any, make_unit: Any, make_user: Any, app: Flask
) -> None:
    world = make_case()
    client.login(world.worker.email)
    issue_by_role(client, world, "agreement")
    (agreement,) = documents(app)
    path = path_of(printed_address(agreement.content))
    page = client.get(path).get_data(as_text=True)
    assert "Zofia Wójcik-Łęcka" in page and "The paper you checked" in page
    logged_out(client)
    stranger = make_user(email="stranger@example.org", unit=make_unit(name="Elsewhere"))
    client.login(stranger.email)
    page = client.get(path).get_data(as_text=True)
    assert "This is the current version of the document." in page
    for private in PERSONAL:
        assert private not in page, private


def test_the_public_page_is_translated(staff: FormClient, full_case: CaseWorld, app: Flask) -> None:
    issue_by_role(staff, full_case, "agreement")
    (agreement,) = documents(app)
    client = logged_out(staff)
    path = path_of(printed_address(agreement.content))
    polish = client.get(path, headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert "To jest aktualna wersja dokumentu." in polish
    swedish = client.get(path, headers={"Accept-Language": "sv"}).get_data(as_text=True)
    assert "Det här är den gällande versionen av dokumentet." in swedish


def test_after_erasure_the_number_still_verifies_without_any_content(
    client: FormClient, make_case: Any, make_unit: Any, make_user: Any, app: Flask
) -> None:
    unit = make_unit(default_locale="pl", methods=["ipwzb"])
    world = make_case(unit=unit)
    client.login(world.worker.email)
    issue_by_role(client, world, "agreement")
    (agreement,) = documents(app)
    path = path_of(printed_address(agreement.content))
    logged_out(client)
    make_user(email="admin@example.org", role=Role.ADMIN, unit=unit)
    with app.app_context():
        case = db.session.get(Case, world.case_id)
        assert case is not None
        erase_url = f"/persons/{case.person_id}/erase"
    client.login("admin@example.org")
    assert client.post(erase_url, {"reason": "Request", "confirm": "y"}).status_code == 302
    page = logged_out(client).get(path).get_data(as_text=True)
    assert "has been erased under the data protection rules" in page
    assert agreement.sha256 in page


HOSTILE_TOKENS = [
    "A" * 16,
    "Xq3vT0kQ8mZp1LwA",
    "Xq3vT0kQ8mZp1Lw",  # one short
    "Xq3vT0kQ8mZp1LwAA",  # one long
    "x" * 2000,
    "%7B%7B%207*7%20%7D%7D",  # {{ 7*7 }}
    "%00%00%00",
    "%C3%85%C3%A4%C5%81%3C%3E%26",  # Åäł<>&
    "'%20OR%201=1%20--",
    "%E2%80%AE%E2%80%8B",  # bidi override, zero width space
    "%2E%2E%5C%2E%2E%5Cetc",
]


def refused(client: FormClient, path: str) -> tuple[int, bytes]:
    response = client.get(path)
    return response.status_code, response.get_data()


def test_a_wrong_code_and_an_unknown_number_answer_exactly_the_same(
    staff: FormClient, full_case: CaseWorld, app: Flask
) -> None:
    issue_by_role(staff, full_case, "agreement")
    issue(staff, full_case.case_id, "plan")
    agreement, plan = documents(app)
    good = token(app, agreement.number, 1)
    client = logged_out(staff)
    baseline = refused(client, f"/verify/AGR-2099-999999/{good}")
    assert baseline[0] == 404
    assert b"No document matches this address." in baseline[1]
    assert b"AGR-2099-999999" not in baseline[1] and good.encode() not in baseline[1]
    flipped = good[:-1] + ("B" if good[-1] != "B" else "C")
    swapped_case = good.swapcase() if good.swapcase() != good else "Q" * 16
    attempts = [
        f"/verify/{agreement.number}/{flipped}",  # one character changed
        f"/verify/{agreement.number}/{swapped_case}",
        f"/verify/{plan.number}/{good}",  # another document's code
        f"/verify/{agreement.number}/{token(app, agreement.number, 2)}",  # no version 2
        f"/verify/{agreement.number}/{token(app, agreement.number, 1, b'other key')}",
        *(f"/verify/{agreement.number}/{token}" for token in HOSTILE_TOKENS),
        *(f"/verify/{number}/{good}" for number in ("%00", "A" * 500, "%7B%7Bx%7D%7D", "-")),
    ]
    for path in attempts:
        assert refused(client, path) == baseline, path
    with app.app_context():
        actions = list(db.session.scalars(sa.select(AuditEvent.action)))
    assert "document.verify_public" not in actions  # a refusal shows and records nothing


def test_hostile_numbers_on_the_staff_page_are_404(staff: FormClient) -> None:
    for number in ("%00", "A" * 500, "%7B%7B7*7%7D%7D", "%3Cscript%3E"):
        assert staff.get(f"/verify/{number}").status_code == 404, number


@pytest.fixture
def strict_verify_limit(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setitem(app.config, "VERIFY_RATE_LIMIT", "3 per minute")
    with app.app_context():
        limiter.reset()
    yield
    with app.app_context():
        limiter.reset()


def test_visitors_are_rate_limited_staff_are_not(
    staff: FormClient, full_case: CaseWorld, app: Flask, strict_verify_limit: None
) -> None:
    issue_by_role(staff, full_case, "agreement")
    (agreement,) = documents(app)
    path = path_of(printed_address(agreement.content))
    for _ in range(5):
        assert staff.get(path).status_code == 200  # logged in: not counted
    client = logged_out(staff)
    assert [client.get(path).status_code for _ in range(3)] == [200, 200, 200]
    assert client.get(path).status_code == 429
    assert client.get("/verify/AGR-2099-000001/" + "A" * 16).status_code == 429  # guesses too
    limited = client.get(path).get_data(as_text=True)
    assert "Too many requests" in limited


def test_the_code_depends_on_the_key_and_old_keys_still_open(
    staff: FormClient, full_case: CaseWorld, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_by_role(staff, full_case, "agreement")
    (agreement,) = documents(app)
    path = path_of(printed_address(agreement.content))
    client = logged_out(staff)
    old_key = app.config["STEGVIS_VERIFY_KEY"]
    monkeypatch.setitem(app.config, "STEGVIS_VERIFY_KEY", "a-new-key-" + "n" * 30)
    assert client.get(path).status_code == 404  # the old paper's code needs the old key
    monkeypatch.setitem(app.config, "STEGVIS_VERIFY_KEY", f"a-new-key-{'n' * 30},{old_key}")
    assert client.get(path).status_code == 200  # kept after the new one: still opens
    assert token(app, agreement.number, 1) != path.rsplit("/", 1)[1]  # new codes


def test_production_refuses_to_start_without_a_verification_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import base64
    import os

    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("STEGVIS_DATA_KEYS", "p1:" + base64.b64encode(os.urandom(32)).decode())
    monkeypatch.setenv("STEGVIS_INDEX_KEY", "i1:" + base64.b64encode(os.urandom(32)).decode())
    monkeypatch.delenv("STEGVIS_VERIFY_KEY", raising=False)
    with pytest.raises(ConfigError, match="STEGVIS_VERIFY_KEY is not set"):
        create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})
    monkeypatch.setenv("STEGVIS_VERIFY_KEY", "short")
    with pytest.raises(ConfigError, match="at least 32 characters"):
        create_app({"STEGVIS_ENV": "production", "DATABASE_URL": "sqlite://"})


@pytest.mark.skipif(
    not pdf_available() or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice, python3-uno) or poppler-utils missing",
)
def test_the_printed_qr_code_scans_at_150_dpi(
    staff: FormClient, full_case: CaseWorld, app: Flask, tmp_path: Path
) -> None:
    """The PDF as printed, rasterised at 150 dpi (a phone camera sees more): the QR code reads
    as the address printed under it."""
    issue(staff, full_case.case_id, "plan")
    (plan,) = documents(app)
    (tmp_path / "plan.pdf").write_bytes(to_pdf(plan.content))
    subprocess.run(  # noqa: S603  (fixed arguments)
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "plan.pdf", "page"],  # noqa: S607
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    (picture,) = tmp_path.glob("page*.png")
    decoded = [found.text for found in zxingcpp.read_barcodes(Image.open(picture))]
    assert decoded == [printed_address(plan.content)]
