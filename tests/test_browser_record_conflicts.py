"""The conflict page of a person, network member and family member in Chromium, in Swedish and
Polish: the box with what is saved now takes focus, and the page passes the layout checks of
every journey page (390 to 1280 px, 44 px targets, axe-core); screenshots land in
test-artifacts/pages/<language>/record-conflict-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from service.models import User
from tests.conftest import PASSWORD, FormClient, hidden_inputs
from tests.journey_pages import axe_script, check_page
from tests.test_record_conflicts import CONFLICT, RECORDS, Record

pytestmark = pytest.mark.browser


@pytest.fixture(params=["sv", "pl"])
def page(
    request: pytest.FixtureRequest, browser: Browser, live_server: str, worker: User
) -> Iterator[Page]:
    context = browser.new_context(locale=request.param, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(8000)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(worker.email)
    page.locator("#password").fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(lambda url: "/login" not in url)
    yield page
    context.close()


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_the_conflict_page_fits_a_phone_and_a_tablet(
    page: Page, logged_in: FormClient, live_server: str, artifacts_dir: Path, record: Record
) -> None:
    language = page.evaluate("document.documentElement.lang")
    url = record.create(logged_in)
    page.goto(f"{live_server}{url}")
    # Someone else saves while the page is open in the browser.
    other = hidden_inputs(logged_in.get(url).get_data(as_text=True))
    saved = logged_in.client.post(url, data={**other, **record.data, record.field: "Sparat först"})
    assert saved.status_code == 302
    page.locator(f"#{record.field}").fill("Skrivet i webbläsaren, ul. Źródlana 3")
    page.locator("main form:has(input[name=version]) button[type=submit]").click()
    box = page.locator("#record-conflict")
    expect(box).to_be_focused()
    expect(box.locator("h2")).to_have_text(CONFLICT[language])
    expect(page.locator(f"#{record.field}")).to_have_value("Skrivet i webbläsaren, ul. Źródlana 3")
    shots = artifacts_dir / "pages" / language
    shots.mkdir(parents=True, exist_ok=True)
    kind = f"record-conflict-{record.name.replace(' ', '-')}"
    assert check_page(page, kind, axe_script(), shots) == []
