"""The case overview and the contact journal on paper (Chromium's print media, A4 width, and a
real PDF): no header, menu, buttons, forms or action links; every table within the page;
the figures of the chart as a table; in Swedish and Polish on the demo data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page

from service.demo import DEMO_PASSWORD, load_demo
from service.extensions import db
from tests.journey_pages import FIRST_PERSON, LOGINS

pytestmark = pytest.mark.browser

#: A4's width at 96 px per inch, less Chromium's default print margins (1 cm each side).
PAPER_WIDTH = 718

#: What a printed page shows that only the screen needs, by what it is.
SCREEN_ONLY = """() => {
  const seen = el => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const out = [];
  const name = el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
    ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  for (const el of document.querySelectorAll(
      'header.site, nav, button, a.button, form, input, select, textarea, .skip-link, ' +
      'main a[href*="/correct"], main a[href*="/team"], main a[href$="/journal"]'))
    if (seen(el)) out.push(name(el) + ' is printed');
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    out.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
  for (const table of document.querySelectorAll('table'))
    if (seen(table) && table.getBoundingClientRect().right > width + 1)
      out.push(name(table) + ' reaches ' + Math.round(table.getBoundingClientRect().right) + ' px');
  return out;
}"""


@pytest.fixture
def demo(app: Flask) -> Iterator[None]:
    with app.app_context():
        load_demo()
        db.session.remove()
    yield


def _signed_in(browser: Browser, base: str, language: str) -> tuple[Page, str]:
    context = browser.new_context(locale=language, viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/login")
    page.locator("#email").fill(LOGINS[language][0])
    page.locator("#password").fill(DEMO_PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(lambda url: "/login" not in url)  # the role's start page
    page.goto(f"{base}/")
    row = page.locator("tr", has_text=FIRST_PERSON[language]).locator("a[href]").first
    return page, base + (row.get_attribute("href") or "")


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_the_case_overview_and_the_journal_print_cleanly(
    app: Flask, browser: Browser, live_server: str, demo: None, artifacts_dir: Path, language: str
) -> None:
    page, case_url = _signed_in(browser, live_server, language)
    shots = artifacts_dir / "print"
    shots.mkdir(exist_ok=True)
    for name, url in (("case", case_url), ("journal", f"{case_url}/journal")):
        page.goto(url)
        page.emulate_media(media="screen")
        assert page.locator("main form").count(), f"{name}: the screen page has its forms"
        page.emulate_media(media="print")
        page.set_viewport_size({"width": PAPER_WIDTH, "height": 1000})
        problems = page.evaluate(SCREEN_ONLY)
        assert not problems, f"{name} in {language}:\n" + "\n".join(problems)
        assert page.locator("main table.list").first.is_visible()  # the contacts
        if name == "case":  # the chart's figures, printed as a table under the drawing
            assert page.locator("figure.chart table").first.is_visible()
        pdf = page.pdf(format="A4", path=str(shots / f"{name}-{language}.pdf"))
        assert pdf.startswith(b"%PDF")
    page.context.close()
