"""A week of a BUSS case in Swedish and of an IPWzB case in Polish, in headless Chromium:
contacts from My week and from the journal, a missed visit, the overdue rhythm flagged, a
follow-up that carries the progress forward and lowers a sub-goal, the journal extract."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document as Docx
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from service.clock import local_today
from tests.test_my_week import add_case

pytestmark = pytest.mark.browser

WEEKS = {
    "sv": {
        "unit": ("Tamira – BUSS", "buss", "sv"),
        "person": ("Åsa", "Öberg"),
        "words": {
            "caseload": "Du arbetar med 1 ärende.",
            "recorded": "Kontakten är dokumenterad",
            "ago": "senaste kontakt för 9 dagar sedan",
            "overdue": "försenad",
            "record": "Dokumentera en kontakt",
            "missed": "Ägde inte rum",
            "today": "senaste kontakt i dag",
            "follow_up": "Uppföljning 1",
            "follow_up_today": "senaste uppföljning i dag",
            "lowered": "Betala halva hyran själv, resten med stöd",
            "reason": "Hela hyran var för högt satt & <i>nu</i>",
            "history": "Delmål 1.1 sänktes vid uppföljning 1",
            "extract": "Journalutdrag",
            "kind": "Hembesök",
        },
    },
    "pl": {
        "unit": ("MOPS Sopot – Asystent osoby bezdomnej", "ipwzb", "pl"),
        "person": ("Zofia", "Wójcik-Łęcka"),
        "words": {
            "caseload": "Prowadzisz 1 sprawę.",
            "recorded": "Kontakt został odnotowany",
            "ago": "ostatni kontakt 9 dni temu",
            "overdue": "po terminie",
            "record": "Odnotuj kontakt",
            "missed": "Nie doszło do kontaktu",
            "today": "ostatni kontakt dzisiaj",
            "follow_up": "Monitoring 1",
            "follow_up_today": "ostatni monitoring dzisiaj",
            "lowered": "Opłacić połowę czynszu samodzielnie, resztę ze wsparciem",
            "reason": "Cały czynsz to było za wysoko & <i>teraz</i>",
            "history": "Cel szczegółowy 1.1 obniżony podczas monitoringu 1",
            "extract": "Wyciąg z dziennika kontaktów",
            "kind": "Wizyta domowa",
        },
    },
}


@pytest.fixture
def page_for(browser: Browser) -> Any:
    contexts = []

    def _page(locale: str, width: int = 1280) -> Page:
        context = browser.new_context(
            locale=locale, viewport={"width": width, "height": 1000}, accept_downloads=True
        )
        context.set_default_timeout(8000)
        contexts.append(context)
        return context.new_page()

    yield _page
    for context in contexts:
        context.close()


def no_sideways_scroll(page: Page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
        )
    )


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_a_week_of_a_case(
    language: str,
    page_for: Any,
    live_server: str,
    make_unit: Any,
    make_user: Any,
    app: Flask,
    artifacts_dir: Path,
) -> None:
    spec = WEEKS[language]
    words = spec["words"]
    name, method, locale = spec["unit"]
    unit = make_unit(name=name, methods=[method], default_locale=locale)
    worker = make_user(email=f"{language}@example.org", unit=unit, full_name="Anna Łukasz")
    first, last = spec["person"]
    add_case(
        app,
        worker,
        1,
        contact_days_ago=None,
        method=method,
        language=locale,
        first=first,
        last=last,
        draft=False,
    )
    page = page_for({"sv": "sv-SE", "pl": "pl-PL"}[language])
    page.goto(f"{live_server}/login")
    page.locator("#email").fill(worker.email)
    page.locator("#password").fill("correct horse battery")
    page.locator('button[type="submit"]').click()

    # Monday: an SMS nine days ago is recorded late, from My week
    page.goto(f"{live_server}/my-week")
    expect(page.locator("#caseload")).to_contain_text(words["caseload"])
    form = page.locator("#quick-contact form")
    form.locator("#case_id").select_option(index=1)
    form.locator('input[name="kind"][value="sms"]').check()
    form.locator("#day").fill((local_today() - timedelta(days=9)).isoformat())
    form.locator("#at").fill("10:15")
    form.locator("#note").fill("Svarade på sms & <ok> {{ x }}")
    form.locator('button[type="submit"]').click()
    expect(page.locator(".flash.success")).to_contain_text(words["recorded"])
    row = page.locator("tr[data-case]")
    expect(row.locator('[data-rhythm="contact"]')).to_contain_text(words["ago"])
    expect(row.locator('[data-rhythm="contact"]')).to_contain_text(words["overdue"])
    for width in (1280, 768, 390):
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=str(artifacts_dir / f"my-week-{language}-{width}.png"), full_page=True)
        assert no_sideways_scroll(page), f"My week scrolls sideways at {width} px"
    page.set_viewport_size({"width": 1280, "height": 1000})

    # Tuesday: a home visit, the person does not open: recorded from the case's journal
    row.locator("a.button").filter(has_text=words["record"]).click()
    page.locator('input[name="kind"][value="home_visit"]').check()
    page.locator('input[name="took_place"][value="no"]').check()
    page.locator("#note").fill("Ingen öppnade; lapp i dörren")
    page.locator("#record button[type=submit]").click()
    expect(page.locator("#my-cases")).to_be_visible()  # back on My week
    expect(row.locator('[data-rhythm="contact"]')).to_contain_text(words["overdue"])

    # Wednesday: a phone call that took place; the rhythm is kept again
    page.locator("tr[data-case] a").first.click()  # the case page
    page.locator("#contacts a.button").first.click()
    page.locator('input[name="kind"][value="phone"]').check()
    page.locator("#duration").fill("20")
    page.locator("#record button[type=submit]").click()
    expect(page.locator("table.journal")).to_contain_text(words["missed"])
    for width in (1280, 768, 390):
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=str(artifacts_dir / f"journal-{language}-{width}.png"), full_page=True)
        assert no_sideways_scroll(page), f"the journal scrolls sideways at {width} px"
    page.set_viewport_size({"width": 1280, "height": 1000})

    # Thursday: the follow-up carries the sub-goal forward and lowers it
    page.goto(f"{live_server}/my-week")
    expect(row.locator('[data-rhythm="contact"]')).to_contain_text(words["today"])
    expect(row.locator('[data-rhythm="contact"]')).not_to_contain_text(words["overdue"])
    expect(row.locator('[data-rhythm="follow_up"]')).to_contain_text(words["overdue"])
    row.get_by_role("link", name=words["follow_up"]).click()
    expect(page.locator("#progress-0-status")).to_be_visible()
    page.locator("#meeting_date").fill(local_today().isoformat())
    page.locator("#since_last_time").fill("Hyran betald, men målet var för högt satt")
    page.locator('input[name="participants"][value="person"]').check()
    page.locator("#progress-0-status").select_option("in_progress")
    page.locator("details.lower summary").first.click()  # "set too high? lower it"
    page.locator("#progress-0-lowered_to").fill(words["lowered"])
    page.locator("#progress-0-lower_reason").fill(words["reason"])
    page.locator("#areas-housing-worker_rating-4").check()  # the worker's assessment: 5
    page.locator('button[name="action"][value="finalise"]').click()
    # the lowered sub-goal is a new version of the plan, in the plan's history
    history = page.locator("#plan-history")
    expect(history).to_contain_text(words["history"])
    expect(history).to_contain_text(words["lowered"])
    expect(history).to_contain_text(words["reason"])
    history.screenshot(path=str(artifacts_dir / f"plan-history-{language}.png"))
    page.goto(f"{live_server}/my-week")
    expect(row.locator('[data-rhythm="follow_up"]')).to_contain_text(words["follow_up_today"])
    expect(row).not_to_have_class("needs-attention")  # the lowered sub-goal is no longer late
    # the next follow-up starts from it: the smaller sub-goal, marked lowered
    page.locator("tr[data-case] a").first.click()
    page.goto(f"{page.url}/steps/follow_up/2")
    expect(page.locator("#progress-0-status")).to_have_value("lowered")
    expect(page.locator("table.rows").first).to_contain_text(words["lowered"])
    page.locator("table.rows").first.screenshot(
        path=str(artifacts_dir / f"follow-up-progress-{language}.png")
    )
    for width in (1280, 768, 390):
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(
            path=str(artifacts_dir / f"follow-up-{language}-{width}.png"), full_page=True
        )
        assert no_sideways_scroll(page), f"the follow-up scrolls sideways at {width} px"
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{live_server}/my-week")

    # Friday: the week's journal extract
    page.locator("tr[data-case] a").first.click()
    page.locator('#contacts a[href$="/journal"]').click()
    page.locator("#date_from").fill((local_today() - timedelta(days=10)).isoformat())
    with page.expect_download() as download:
        page.locator("#extract button[type=submit]").click()
    content = Path(download.value.path()).read_bytes()
    (artifacts_dir / f"journal-extract-{language}.docx").write_bytes(content)
    document = Docx(io.BytesIO(content))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert words["extract"] in text and words["kind"] in text and words["missed"] in text
    assert "Svarade på sms & <ok> {{ x }}" in text
