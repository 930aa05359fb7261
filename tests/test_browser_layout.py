"""Every journey page in Swedish and Polish, walked in Chromium on the demo data: at 390, 768,
1024 and 1280 px nothing is wider than the screen, every touch target is 44 × 44 px, inputs
have 16 px text, no text is under 12 px, and axe-core finds nothing (at 390, 768 and 1280 px).
Screenshots of every page at the three widths land in test-artifacts/pages/<language>/.

A page added later is covered by being linked from a journey page, or by one line in
EXTRA_PAGES of tests/journey_pages.py; test_every_page_route_is_walked names the routes that
are neither (see that module's docstring)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext

from service.demo import DEMO_PASSWORD, load_demo
from service.extensions import db
from tests.journey_pages import (
    ANONYMOUS_PAGES,
    EXTRA_PAGES,
    FIRST_PERSON,
    LOGINS,
    NOT_PAGES,
    ONLY_IN,
    TOKEN_PAGES,
    TokenPages,
    Walk,
    axe_script,
    check_page,
    endpoint_of,
    links_on,
    make_token_pages,
    page_kind,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(app: Flask) -> Iterator[None]:
    with app.app_context():
        load_demo()
        db.session.remove()
    yield


@pytest.fixture
def tokens(app: Flask, demo: None, language: str) -> TokenPages:
    """A real set-password link, an account at the code step and a printed verification code."""
    with app.app_context():
        made = make_token_pages(language)
        db.session.commit()
        db.session.remove()
    return made


def _context(browser: Browser, language: str) -> BrowserContext:
    context = browser.new_context(locale=language, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10000)
    return context


def walk_journey(
    app: Flask,
    browser: Browser,
    base: str,
    language: str,
    shots: Path | None,
    tokens: TokenPages | None = None,
) -> Walk:
    """Visit every kind of page once (see tests/journey_pages.py) and check it."""
    axe = axe_script()
    walk = Walk(language)

    def visit(context: BrowserContext, url: str, kind: str = "", check: bool = True) -> list[str]:
        kind = kind or page_kind(app, url)
        page = context.pages[0] if context.pages else context.new_page()
        response = page.goto(base + url)
        if response is None or (response.status >= 400 and kind != "error"):
            walk.problems.append(f"{url}: answered {response.status if response else 'nothing'}")
            return []
        if check:
            walk.visited[kind] = url
            walk.problems.extend(check_page(page, kind, axe, shots))
        return links_on(page, base)

    context = _context(browser, language)
    for url in ANONYMOUS_PAGES:
        visit(context, url)
    context.close()
    for email in LOGINS[language]:
        context = _context(browser, language)
        page = context.new_page()
        page.goto(f"{base}/login")
        page.locator("#email").fill(email)
        page.locator("#password").fill(DEMO_PASSWORD)
        page.locator('main button[type="submit"]').click()
        page.wait_for_url(lambda url: "/login" not in url)  # the role's start page
        page.goto(f"{base}/")
        first = page.locator("tr", has_text=FIRST_PERSON[language]).locator("a[href]")
        case_url = first.first.get_attribute("href") or "/" if first.count() else "/"
        queue, expanded = [case_url, "/"], set()
        while queue:
            url = queue.pop(0)
            found = endpoint_of(app, url)
            kind = page_kind(app, url)
            if found is None or found[0] in NOT_PAGES or kind in expanded:
                continue
            expanded.add(kind)
            # A kind another login already checked is still read for its links (this login
            # may see more of them: the admin's pages).
            queue.extend(visit(context, url, check=kind not in walk.visited))
        for endpoint, reach in EXTRA_PAGES.items():
            extra = reach(page, base + case_url) if endpoint not in walk.endpoints() else None
            if extra:
                visit(context, extra)
        if "error" not in walk.visited:
            visit(context, "/cases/999999999", "error")  # another unit's or no case
        context.close()
    if tokens is not None:  # logged out, with the links and codes the set-up made
        context = _context(browser, language)
        page = context.new_page()
        for reach in TOKEN_PAGES.values():
            visit(context, reach(page, base, tokens))
        context.close()
    return walk


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_every_journey_page_fits_a_tablet_and_a_phone(
    app: Flask,
    browser: Browser,
    live_server: str,
    tokens: TokenPages,
    artifacts_dir: Path,
    language: str,
) -> None:
    shots = artifacts_dir / "pages" / language
    shots.mkdir(parents=True, exist_ok=True)
    walk = walk_journey(app, browser, live_server, language, shots, tokens)
    assert len(walk.visited) >= 15, sorted(walk.visited)
    assert set(TOKEN_PAGES) <= walk.endpoints(), sorted(walk.visited)
    assert not walk.problems, f"{len(walk.problems)} problems:\n" + "\n".join(walk.problems)
    page_routes = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or set())
        and rule.endpoint not in NOT_PAGES
        and ONLY_IN.get(rule.endpoint, language) == language
    }
    missing = sorted(page_routes - walk.endpoints())
    assert not missing, (
        "No journey page links to these pages, so their layout and accessibility are not "
        "checked: link them from a page, or add one line for each to EXTRA_PAGES in "
        f"tests/journey_pages.py: {missing}"
    )
