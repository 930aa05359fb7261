"""In Chromium: issue a plan from the case page, sign it on the pad with the mouse (as with a
finger on a tablet), and find the signed version on the verification page. Screenshots land in
test-artifacts/."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from service.extensions import db
from service.models import Document, DocumentSignature

pytestmark = pytest.mark.browser


@pytest.fixture
def tablet(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(locale="en-GB", viewport={"width": 1024, "height": 1366})
    yield context.new_page()
    context.close()


def test_sign_a_plan_on_the_tablet(
    tablet: Page,
    live_server: str,
    make_case: Any,
    app: Flask,
    artifacts_dir: Path,  # noqa: F811
) -> None:
    world = make_case(language="sv", method="buss")
    page = tablet
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(world.worker.email)
    page.locator("#password").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.goto(f"{live_server}/cases/{world.case_id}")
    documents = page.locator("#documents")
    documents.locator("form[action$='/documents/plan'] button").click()
    expect(page.locator("#documents")).to_contain_text("PLN-")
    page.locator("#documents").screenshot(path=str(artifacts_dir / "case-documents.png"))
    page.locator("#documents a", has_text="Sign").first.click()
    pad = page.locator("canvas[data-signature-pad]")
    expect(pad).to_be_visible()  # shown once the script runs
    box = pad.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 30, box["y"] + box["height"] * 0.7)
    page.mouse.down()
    for step in range(1, 30):
        height = box["height"] * (0.7 - (step % 5) * 0.1)
        page.mouse.move(box["x"] + 30 + step * 15, box["y"] + height)
    page.mouse.up()
    page.screenshot(path=str(artifacts_dir / "sign-pad.png"), full_page=True)
    page.locator("form[data-signature-form] button[type=submit]").click()
    expect(page.locator(".flash.success")).to_contain_text("carries the signature")
    with app.app_context():
        signature = db.session.scalar(sa.select(DocumentSignature))
        assert signature is not None and signature.kind == "drawn"
        signed = db.session.get(Document, signature.signed_document_id)
        assert signed is not None and signed.version == 2
        with zipfile.ZipFile(io.BytesIO(signed.content)) as package:
            media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
        assert signature.content in media
        number = signed.number
    page.goto(f"{live_server}/verify/{number}")
    expect(page.locator("main")).to_contain_text("Signed (drawn)")
    expect(page.locator("main")).to_contain_text("Carries the signature drawn")
    page.screenshot(path=str(artifacts_dir / "verify.png"), full_page=True)
