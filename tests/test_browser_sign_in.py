"""A new colleague's first day in a real browser: the admin adds them and reads out the
one-time link; they choose a password, set up the authenticator app (the unit requires it)
and arrive at the case list. Screenshots at phone, tablet and desktop widths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from service.extensions import db
from service.models import Role, Unit

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1280)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE", viewport={"width": 768, "height": 1024})
    yield context.new_page()
    context.close()


def _no_sideways_scrolling(page: Page, name: str, artifacts_dir: Path) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 1000})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px wide)"
        page.screenshot(path=str(artifacts_dir / f"sign-in-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 768, "height": 1024})


def test_a_new_colleague_from_link_to_two_factor_sign_in(
    app: Flask,
    page: Page,
    browser: Browser,
    live_server: str,
    make_unit: Any,
    make_user: Any,
    artifacts_dir: Path,
) -> None:
    unit = make_unit(name="Tamira – BUSS", methods=["buss"])
    with app.app_context():
        db.session.get(Unit, unit.id).two_factor_required = True
        db.session.commit()
    make_user(email="admin@tamira.example", unit=unit, role=Role.ADMIN, full_name="Admin Tamira")
    with app.app_context():  # the admin has set up the app already
        from service.models import User
        from service.models._types import utcnow

        admin = db.session.query(User).filter_by(email="admin@tamira.example").one()
        admin.totp_secret = pyotp.random_base32(32)
        admin.totp_enabled_at = utcnow()
        admin_secret = admin.totp_secret
        db.session.commit()

    page.goto(f"{live_server}/login")
    page.get_by_label("E-post").fill("admin@tamira.example")
    page.get_by_label("Lösenord").fill("correct horse battery")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Tvåstegsinloggning")).to_be_visible()
    page.get_by_label("Kod").fill(pyotp.TOTP(admin_secret).now())
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Teamet")).to_be_visible()  # the admin's start page

    page.get_by_role("button", name="Meny").click()  # the header's menu is collapsed at 768 px
    page.get_by_role("link", name="Personal").click()
    _no_sideways_scrolling(page, "staff", artifacts_dir)
    page.get_by_role("link", name="Lägg till en medarbetare").click()
    page.get_by_label("Namn").fill("Åsa Öberg")
    page.get_by_label("E-post").fill("asa@tamira.example")
    page.get_by_label("Medarbetare", exact=True).check()
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("Kontot är skapat.")).to_be_visible()
    _no_sideways_scrolling(page, "link", artifacts_dir)
    link = page.get_by_label("Länk för att välja lösenord").input_value()
    path = "/set-password/" + link.rsplit("/set-password/", 1)[1]

    newcomer = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 900})
    try:
        tab = newcomer.new_page()
        tab.goto(live_server + path)
        tab.get_by_label("Nytt lösenord", exact=True).fill("tre ord som hör ihop")
        tab.get_by_label("Nytt lösenord igen").fill("tre ord som hör ihop")
        tab.get_by_role("button", name="Spara lösenordet").click()
        expect(tab.get_by_text("Ditt lösenord är sparat.")).to_be_visible()

        tab.get_by_label("E-post").fill("asa@tamira.example")
        tab.get_by_label("Lösenord").fill("tre ord som hör ihop")
        tab.get_by_role("button", name="Logga in").click()
        expect(tab.get_by_role("heading", name="Ställ in tvåstegsinloggning")).to_be_visible()
        expect(tab.locator("svg.qr")).to_be_visible()
        _no_sideways_scrolling(tab, "set-up", artifacts_dir)
        secret = tab.locator("code.secret").inner_text().replace(" ", "")
        tab.get_by_label("Kod från appen").fill(pyotp.TOTP(secret).now())
        tab.get_by_role("button", name="Slå på tvåstegsinloggning").click()
        expect(tab.get_by_role("heading", name="Dina reservkoder")).to_be_visible()
        assert tab.locator("ol.recovery-codes li").count() == 10
        _no_sideways_scrolling(tab, "recovery-codes", artifacts_dir)
        tab.get_by_role("link", name="Jag har sparat koderna – fortsätt").click()
        expect(
            tab.get_by_role("heading", name="Min vecka")
        ).to_be_visible()  # a worker starts on My week
        # The link was used: a second visit says so.
        tab.goto(live_server + path)
        expect(tab.get_by_role("heading", name="Länken fungerar inte")).to_be_visible()
    finally:
        newcomer.close()
