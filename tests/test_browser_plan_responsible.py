"""The plan's sub-goal in headless Chromium at 390, 768 and 1280 px: who at the provider is
responsible (the case's team) and the case's network members to tick, within the screen;
and the follow-up's "lower it" with its optional new due date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from service.models import User
from tests.conftest import PASSWORD, FormClient
from tests.documents.test_genomforandeplan import _case
from tests.documents.test_plan_responsible import KURATOR, MOTHER, SUB
from tests.test_follow_up_carry import _planned

pytestmark = pytest.mark.browser


def _login(browser: Browser, live_server: str, worker: User, width: int):  # noqa: ANN202
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": 1000})
    context.set_default_timeout(8000)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(worker.email)
    page.locator("#password").fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    expect(page.locator("h1")).not_to_have_text("Log in")
    return context, page


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_the_sub_goal_names_who_is_responsible_on_every_screen(
    browser: Browser,
    live_server: str,
    logged_in: FormClient,
    worker: User,
    width: int,
    artifacts_dir: Path,
) -> None:
    case_url = _case(logged_in, worker, "sv")
    logged_in.post(f"{case_url}/network", KURATOR)
    logged_in.post(f"{case_url}/network", MOTHER)
    context, page = _login(browser, live_server, worker, width)
    page.goto(f"{live_server}{case_url}/steps/plan")
    select = page.locator(f'select[name="{SUB}responsible_id"]')
    expect(select).to_be_visible()
    select.select_option(label=f"{worker.full_name} – Contact person")
    boxes = page.locator(f'input[name="{SUB}network_ids"]')
    expect(boxes).to_have_count(2)
    boxes.nth(1).check()
    expect(
        page.get_by_role("group", name="Network members who are responsible").first
    ).to_be_visible()
    widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert widths[0] <= widths[1], widths
    card = page.locator("fieldset.card-row").first
    card.screenshot(path=str(artifacts_dir / f"plan-sub-goal-responsible-{width}.png"))
    context.close()


def test_a_lowered_sub_goal_takes_a_new_due_date_in_the_browser(
    browser: Browser,
    live_server: str,
    logged_in: FormClient,
    worker: User,
    artifacts_dir: Path,
) -> None:
    case_url = _planned(logged_in, worker, "buss", "en")
    context, page = _login(browser, live_server, worker, 390)
    page.goto(f"{live_server}{case_url}/steps/follow_up/1")
    page.locator("details.lower summary").first.click()
    due = page.locator('input[name="progress-0-lowered_due"]')
    expect(due).to_be_visible()
    assert due.get_attribute("type") == "date"
    due.fill(date(2027, 1, 15).isoformat())
    page.locator("details.lower").first.screenshot(
        path=str(artifacts_dir / "follow-up-lowered-due-390.png")
    )
    widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert widths[0] <= widths[1], widths
    context.close()
