"""The pages the consent per recipient changed, in Chromium on the demo data (the checks of the
layout walk: width at 390/768/1024/1280 px, 44 px targets, axe-core): the case page's consent
card, the confirmation of a withdrawal for one recipient, the network page, the person page
with a legal representative, the person form and the admin's unit settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page

from service.demo import DEMO_PASSWORD, load_demo
from service.extensions import db
from tests.journey_pages import axe_script, check_page

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(app: Flask) -> Iterator[None]:
    with app.app_context():
        load_demo()
        db.session.remove()
    yield


def _login(browser: Browser, base: str, language: str, email: str) -> Page:
    context = browser.new_context(locale=language, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10000)
    page = context.new_page()
    page.goto(f"{base}/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(DEMO_PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(lambda url: "/login" not in url)  # the role's start page
    page.goto(f"{base}/")
    return page


@pytest.mark.parametrize(
    ("language", "email", "person"),
    [("sv", "anna@tamira.example", "Ekström"), ("pl", "wojciech@mops-sopot.example", "Wójcik")],
)
def test_the_consent_pages_fit_a_tablet_and_a_phone(
    app: Flask,
    browser: Browser,
    live_server: str,
    demo: None,
    artifacts_dir: Path,
    language: str,
    email: str,
    person: str,
) -> None:
    shots = artifacts_dir / "pages" / language
    shots.mkdir(parents=True, exist_ok=True)
    axe = axe_script()
    page = _login(browser, live_server, language, email)
    case_url = page.locator("tr", has_text=person).locator("a[href]").first.get_attribute("href")
    assert case_url
    problems: list[str] = []
    page.goto(live_server + case_url)
    assert page.locator("#consent table.consent-recipients tbody tr").count() >= 3
    problems += check_page(page, "consent_case", axe, shots)
    # the confirmation of a withdrawal for one recipient
    page.locator("#consent form.inline button").first.click()
    page.wait_for_load_state()
    assert page.locator("main h1").count() == 1
    problems += check_page(page, "consent_withdraw_recipient", axe, shots)
    page.goto(live_server + case_url + "/network")
    problems += check_page(page, "consent_network", axe, shots)
    page.goto(live_server + case_url)
    person_url = page.locator("main a[href^='/persons/']").first.get_attribute("href")
    assert person_url
    page.goto(live_server + person_url)
    problems += check_page(page, "consent_person", axe, shots)
    page.goto(live_server + person_url + "/edit")
    problems += check_page(page, "consent_person_form", axe, shots)
    admin = _login(browser, live_server, language, "admin@tamira.example")
    admin.goto(live_server + "/admin/users")
    assert admin.locator("#unit-settings select").count() == 1
    problems += check_page(admin, "consent_unit_settings", axe, shots)
    assert not problems, "\n".join(problems)
