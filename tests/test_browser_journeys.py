"""Whole journeys in headless Chromium: a BUSS case in Swedish, an IPWzB case in Polish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from service.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def page_for(browser: Browser) -> Any:  # noqa: F811
    contexts = []

    def _page(locale: str) -> Page:
        context = browser.new_context(locale=locale, viewport={"width": 1024, "height": 1366})
        context.set_default_timeout(8000)
        contexts.append(context)
        return context.new_page()

    yield _page
    for context in contexts:
        context.close()


def finalise(page: Page) -> None:
    page.locator('button[name="action"][value="finalise"]').click()


def fill(page: Page, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        page.locator(f"#{field_id}").fill(value)


def check(page: Page, *ids: str) -> None:
    for field_id in ids:
        page.locator(f"#{field_id}").check()


def start_case(page: Page, base: str, email: str, person: dict[str, str], method: str) -> None:
    page.goto(f"{base}/login")
    fill(page, {"email": email, "password": "correct horse battery"})
    page.locator('button[type="submit"]').click()
    page.goto(f"{base}/persons/new")
    fill(
        page,
        {
            "first_name": person["first"],
            "last_name": person["last"],
            "identity_number": person["number"],
        },
    )
    page.locator("#identity_country").select_option(person["country"])
    page.locator("#preferred_language").select_option(person["language"])
    page.locator('main form button[type="submit"]').first.click()
    page.locator("a.button").filter(has_text=person["open_case"]).click()
    page.locator("#method").select_option(method)
    page.locator('main form button[type="submit"]').first.click()


def meetings(page: Page, staff_id: str, situation: bool = True) -> None:
    """The start and second meetings; ``situation=False`` for a method whose assessment gives
    the situation (the IPWzB: part I of the kontrakt is not asked a second time)."""
    page.locator('a.button[href$="/steps/start_meeting"]').click()
    fill(
        page,
        {
            "meeting_date": "2026-11-02",
            "participants": "Klient, stödjare",
            "own_words": "Ha ett eget hem & trygghet <3",
        },
    )
    check(page, "wants_to_take_part-0", "information_given-0", "information_given-1")
    finalise(page)
    page.locator('a.button[href$="/steps/second_meeting"]').click()
    fill(
        page,
        {
            "meeting_date": "2026-11-09",
            "purpose": "Eget boende",
            **(
                {
                    "situation_causes": "Skulder",
                    "situation_possibilities": "Vill ha eget boende",
                    "situation_limitations": "Ensamhet",
                }
                if situation
                else {}
            ),
            "actions-0-what": "Ringa hyresvärden",
            "period_from": "2026-11-09",
            "period_to": "2027-05-09",
        },
    )
    check(
        page,
        "expectations_confirmed-0",
        "accepts_place-0",
        "contact_channels-0",
        "consent_to_share-1",
    )
    page.locator("#contact_person_id").select_option(staff_id)
    page.locator("#meeting_rhythm").select_option("weekly")
    finalise(page)


def assessment(page: Page, areas: list[str]) -> None:
    page.locator('a.button[href$="/steps/assessment"]').click()
    for index, area in enumerate(areas):
        page.locator(f"#areas-{area}-strengths").fill(f"Styrka {index}")
        page.locator(f"#areas-{area}-rating-{index % 5}").check()
    fill(page, {"values": "Familjen", "meeting_date": "2026-11-16"})


def test_a_whole_buss_case_in_swedish(
    page_for: Any,
    live_server: str,
    make_unit: Any,
    make_user: Any,
    artifacts_dir: Path,  # noqa: F811
) -> None:
    unit = make_unit(name="Tamira – BUSS", methods=["buss"], default_locale="sv")
    worker = make_user(email="anna@example.org", unit=unit, full_name="Anna Berg")
    page = page_for("sv-SE")
    start_case(
        page,
        live_server,
        worker.email,
        {
            "first": "Åsa",
            "last": "Öberg",
            "number": "850709-9805",
            "country": "se",
            "language": "sv",
            "open_case": "Öppna ett ärende",
        },
        "buss",
    )
    expect(page.locator("h1")).to_contain_text("Åsa Öberg")
    meetings(page, str(worker.id))
    assessment(page, ["housing", "education", "occupation", "social"])
    fill(page, {"change_wanted": "Posten"})
    page.screenshot(path=str(artifacts_dir / "buss-assessment-sv.png"), full_page=True)
    finalise(page)

    page.locator('a.button[href$="/steps/plan"]').click()
    page.locator("#goals-0-area").select_option("housing")
    fill(
        page,
        {
            "goals-0-goal": "Behålla bostaden",
            "goals-0-sub_goals-0-sub_goal": "Betala hyran",
            "goals-0-sub_goals-0-due_date": "2026-12-01",
            "participation": "Åsa valde målen",
            "adopted_on": "2026-11-20",
            "follow_up_rhythm": "på tisdagar",
        },
    )
    page.locator('input[name="follow_up_every"][value="weekly"]').check()
    page.locator('button[value="add:goals-0-sub_goals"]').click()  # a new row, no JavaScript needed
    fill(page, {"goals-0-sub_goals-1-sub_goal": "Öppna posten"})
    expect(page.locator("#goals-0-goal")).to_have_value("Behålla bostaden")
    page.screenshot(path=str(artifacts_dir / "buss-plan-sv.png"), full_page=True)
    finalise(page)
    expect(page.locator(".status")).to_contain_text("Handlingsplan")

    page.locator('a.button[href$="/steps/follow_up/1"]').click()
    fill(page, {"meeting_date": "2026-11-27", "since_last_time": "Hyran betald"})
    page.locator("#progress-0-status").select_option("reached")
    page.locator("#areas-housing-rating-7").check()
    finalise(page)
    expect(page.locator("figure.chart")).to_be_visible()

    page.locator('a.button[href$="/steps/closing"]').click()
    fill(page, {"closed_on": "2026-12-20", "final_evaluation": "Klarar sig själv"})
    page.locator("#reason-0").check()
    page.locator("#outcomes-0").check()
    finalise(page)
    expect(page.locator(".status")).to_contain_text("Avslutat")
    page.screenshot(path=str(artifacts_dir / "buss-case-closed-sv.png"), full_page=True)


def test_an_ipwzb_case_in_polish(
    page_for: Any,
    live_server: str,
    make_unit: Any,
    make_user: Any,
    artifacts_dir: Path,  # noqa: F811
) -> None:
    unit = make_unit(name="MOPS Sopot", methods=["ipwzb"], default_locale="pl")
    worker = make_user(email="wojciech@example.org", unit=unit, full_name="Wojciech Bodusz")
    social = make_user(
        email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak"
    )
    page = page_for("pl-PL")
    start_case(
        page,
        live_server,
        worker.email,
        {
            "first": "Zofia",
            "last": "Wójcik-Łęcka",
            "number": "44051401458",
            "country": "pl",
            "language": "pl",
            "open_case": "Załóż sprawę",
        },
        "ipwzb",
    )
    meetings(page, str(worker.id), situation=False)
    expect(page.locator("#agreement-blocker")).to_contain_text("pochodzi z diagnozy")
    assessment(page, ["housing", "work", "health", "finances", "family"])
    fill(
        page,
        {
            "difficulty_causes": "Utrata pracy",
            "possibilities": "Kwalifikacje",
            "limitations": "Długi",
            "homelessness_reasons": "Eksmisja",
            "homelessness_years": "3",
        },
    )
    finalise(page)
    expect(page.locator(".status")).to_contain_text("Diagnoza")
    # the kontrakt once the assessment its part I is taken from is final: the asystent sees
    # why its button is disabled, the pracownik socjalny concludes it
    expect(page.locator("#agreement-who")).to_have_text(
        "Kontrakt socjalny zawiera pracownik socjalny."
    )
    expect(page.locator('button[aria-describedby="agreement-who"]')).to_be_disabled()
    case_url = page.url
    hers = page_for("pl-PL")
    hers.goto(f"{live_server}/login")
    fill(hers, {"email": social.email, "password": "correct horse battery"})
    hers.locator('button[type="submit"]').click()
    hers.goto(case_url)
    hers.locator('form[action$="/agreement"] button').first.click()
    expect(hers.get_by_role("cell", name="AGR-", exact=False).first).to_be_visible()
    page.reload()
    expect(page.get_by_role("cell", name="AGR-", exact=False).first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "ipwzb-case-pl.png"), full_page=True)
