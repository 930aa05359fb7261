"""In Chromium, logged out: the public verification page of a real issued document, on a phone,
a tablet and a desktop, without sideways scrolling. Screenshots land in test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, expect

from tests.conftest import FormClient

from .conftest import issue_by_role
from .test_issuing import documents
from .test_verification import path_of, printed_address

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_the_public_page_on_every_screen(
    browser: Browser,
    live_server: str,
    client: FormClient,
    make_case: Any,
    app: Flask,
    artifacts_dir: Path,
    width: int,
) -> None:
    world = make_case(language="pl", method="ipwzb")
    client.login(world.worker.email)
    issue_by_role(client, world, "agreement")
    issue_by_role(client, world, "agreement")
    first, _second = documents(app)
    context = browser.new_context(locale="pl-PL", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server + path_of(printed_address(first.content)))
    expect(page.locator("h1")).to_contain_text(first.number)
    expect(page.locator(".flash.warning")).to_contain_text("Ta wersja została zastąpiona")
    assert "Zofia" not in page.locator("main").inner_text()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{scroll} px wide at {width} px"
    page.screenshot(path=str(artifacts_dir / f"verify-public-{width}.png"), full_page=True)
    context.close()
