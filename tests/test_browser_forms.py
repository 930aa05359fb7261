"""Form pages in headless Chromium: the error summary takes focus, and a question that
becomes required shows the required marker when it is revealed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from service.models import User
from tests.conftest import PASSWORD, FormClient
from tests.test_journey import (
    START,
    ipwzb_assessment,
    issue_kontrakt,
    open_case,
    register,
    second,
)

pytestmark = pytest.mark.browser
REQUIRED = re.compile(r"\brequired\b")


@pytest.fixture
def page(browser: Browser, live_server: str, worker: User) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1024, "height": 1366})
    context.set_default_timeout(8000)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(worker.email)
    page.locator("#password").fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    expect(page.locator("h1")).not_to_have_text("Log in")
    yield page
    context.close()


@pytest.fixture
def second_meeting(logged_in: FormClient, live_server: str) -> str:
    """The second meeting page of a case whose start meeting is held."""
    case_url = open_case(logged_in, register(logged_in))
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    return f"{live_server}{case_url}/steps/second_meeting"


def test_consent_details_are_marked_required_when_yes_reveals_them(
    page: Page, second_meeting: str
) -> None:
    page.goto(second_meeting)
    details = page.locator("#consent_data")
    label = page.locator('label[for="consent_data"]')
    expect(details).to_be_hidden()
    page.locator("#consent_to_share-0").check()  # "Yes"
    expect(details).to_be_visible()
    expect(label).to_have_class(REQUIRED)
    expect(details).to_have_attribute("aria-required", "true")
    expect(page.locator("#consent_valid_until")).to_have_attribute("aria-required", "true")
    expect(page.locator('label[for="consent_valid_until"]')).to_have_class(REQUIRED)
    page.locator("#consent_to_share-1").check()  # "No" hides them again
    expect(details).to_be_hidden()
    expect(label).not_to_have_class(REQUIRED)


def test_focus_lands_on_the_error_summary_and_its_links_lead_to_the_fields(
    page: Page, second_meeting: str, live_server: str
) -> None:
    page.goto(second_meeting)
    page.locator("#consent_to_share-0").check()
    page.locator('button[name="action"][value="finalise"]').click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary.locator("h2")).to_have_text(re.compile(r"^\d+ answers need correcting$"))
    summary.locator('a[href="#consent_data"]').click()
    expect(page.locator("#consent_data")).to_be_focused()

    page.goto(f"{live_server}/persons/new")  # every form page, not only steps
    page.locator('main form button[type="submit"]').click()
    expect(page.locator("#form-errors")).to_be_focused()
    page.locator('#form-errors a[href="#first_name"]').click()
    expect(page.locator("#first_name")).to_be_focused()


def test_a_phone_wide_page_does_not_scroll_sideways(
    browser: Browser, live_server: str, logged_in: FormClient, worker: User, social_worker: User
) -> None:
    """At 390 px the person page, the case page with its documents table and the step page's
    sub-goal table stay within the screen: a wide table stacks its rows."""
    person_url = register(logged_in, phone="070-000 00 01")
    case_url = open_case(logged_in, person_url)
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    assert logged_in.post(f"{case_url}/steps/assessment", ipwzb_assessment()).status_code == 302
    assert issue_kontrakt(logged_in, case_url, social_worker, worker).status_code == 302
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    context.set_default_timeout(8000)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(worker.email)
    page.locator("#password").fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    expect(page.locator("h1")).not_to_have_text("Log in")
    for url in (person_url, case_url, f"{person_url}/edit", f"{case_url}/steps/second_meeting"):
        page.goto(f"{live_server}{url}")
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], (url, widths)
    context.close()
