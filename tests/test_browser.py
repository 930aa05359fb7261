"""The first path once in a real browser: headless Chromium driven by Playwright."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from service.extensions import db
from service.models import Case, Role, User
from tests.test_journey import docx_text

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="pl-PL", viewport={"width": 1024, "height": 1366}, accept_downloads=True
    )
    yield context.new_page()
    context.close()


def _assess(app: Flask, url: str, worker: User) -> None:
    """The final assessment of the case at ``url`` (its form is tested in the journey tests)."""
    from service.demo.common import assessment_answers, finalise

    found = re.search(r"/cases/(\d+)", url)
    assert found is not None
    with app.app_context():
        case = db.session.get(Case, int(found.group(1)))
        user = db.session.get(User, worker.id)
        assert case is not None and user is not None
        areas = ("housing", "work", "health", "finances", "family")
        answers = assessment_answers(
            date(2026, 11, 12),
            "Zofia, Wojciech",
            {area: ("Chce zmiany", "", 3) for area in areas},
            "Córka",
            difficulty_causes="Utrata pracy",
            possibilities="Kwalifikacje krawcowej",
            limitations="Długi",
            homelessness_reasons="Eksmisja",
        )
        finalise(case, "assessment", answers, user)
        db.session.commit()


def _conclude_as(browser: Browser, base: str, case_url: str, email: str) -> None:
    """The pracownik socjalny, in her own browser, presses the kontrakt's issue button."""
    context = browser.new_context(locale="pl-PL")
    try:
        hers = context.new_page()
        hers.goto(f"{base}/login")
        hers.get_by_label("E-mail").fill(email)
        hers.get_by_label("Hasło").fill("correct horse battery")
        hers.get_by_role("button", name="Zaloguj się").click()
        hers.goto(case_url)
        hers.get_by_role("button", name="Kontrakt socjalny").click()
        expect(hers.get_by_role("cell", name=re.compile(r"AGR-\d{4}-\d{6}"))).to_be_visible()
    finally:
        context.close()


def test_person_to_agreement_in_chromium(
    app: Flask,
    browser: Browser,
    page: Page,
    live_server: str,
    make_unit: object,
    make_user: object,
    artifacts_dir: Path,
    tmp_path: Path,
) -> None:
    unit = make_unit(
        name="MOPS Sopot – Asystent osoby bezdomnej",
        default_locale="pl",  # type: ignore[operator]
        methods=["ipwzb"],
        place="Sopot",
    )
    worker: User = make_user(
        email="wojciech@example.org",
        unit=unit,  # type: ignore[operator]
        full_name="Wojciech Bodusz",
    )
    social: User = make_user(  # type: ignore[operator]
        email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak"
    )
    page.goto(f"{live_server}/login")
    page.get_by_label("E-mail").fill(worker.email)
    page.get_by_label("Hasło").fill("correct horse battery")
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", name="Mój tydzień")).to_be_visible()  # her start page
    page.goto(f"{live_server}/")

    page.get_by_role("link", name="Zarejestruj osobę").first.click()
    page.get_by_label("Imię", exact=True).fill("Zofia")
    page.get_by_label("Nazwisko", exact=True).fill("Wójcik-Łęcka")
    page.get_by_label("Rodzaj numeru identyfikacyjnego").select_option("pl")
    page.get_by_label("Numer identyfikacyjny").fill("44051401459")  # wrong checksum first
    page.get_by_role("button", name="Zarejestruj").click()
    expect(page.locator("#identity_number-error")).to_have_text(
        "To nie jest prawidłowy numer PESEL."
    )
    expect(page.get_by_label("Nazwisko", exact=True)).to_have_value("Wójcik-Łęcka")  # kept
    page.screenshot(path=str(artifacts_dir / "person-error-pl.png"), full_page=True)
    page.get_by_label("Numer identyfikacyjny").fill("44051401458")
    page.get_by_role("button", name="Zarejestruj").click()

    page.get_by_role("link", name="Załóż sprawę").click()
    page.get_by_label("Zadanie wskazane w skierowaniu").fill(
        "Program wychodzenia z bezdomności & <test>"
    )
    page.get_by_role("button", name="Załóż sprawę").click()

    page.locator('a.button[href$="/steps/start_meeting"]').click()
    page.get_by_label("Data spotkania", exact=True).fill("2026-11-02")
    page.get_by_label("Uczestnicy").fill("Zofia, Wojciech")
    page.get_by_label("Co osoba chce zmienić – jej własnymi słowami").fill("Własny pokój {{ 7*7 }}")
    page.get_by_role("radio", name="Tak").check()
    page.get_by_role("button", name="Zatwierdź").click()

    page.locator('a.button[href$="/steps/second_meeting"]').click()
    page.get_by_label("Data spotkania", exact=True).fill("2026-11-09")
    page.get_by_role("group", name="Czy obie strony potwierdziły oczekiwania?").get_by_role(
        "radio", name="Tak"
    ).check()
    page.get_by_role("group", name="Czy osoba przyjmuje miejsce w programie?").get_by_role(
        "radio", name="Tak"
    ).check()
    page.get_by_role("checkbox", name="SMS").check()
    page.locator("#meeting_rhythm").select_option("weekly")
    page.get_by_label("Cel współpracy").fill("Wyjście z bezdomności")
    # part I of the kontrakt (causes, possibilities, limitations) is the assessment's
    expect(page.locator("#situation_causes")).to_have_count(0)
    page.get_by_label("Co 1", exact=True).fill("Złożyć wniosek o lokal socjalny")
    page.get_by_label("Kontrakt obowiązuje od").fill("2026-11-09")
    page.get_by_label("Kontrakt obowiązuje do").fill("2027-05-09")
    page.get_by_role(
        "group", name="Czy osoba wyraża zgodę na udostępnianie informacji?"
    ).get_by_role("radio", name="Nie").check()
    page.screenshot(path=str(artifacts_dir / "second-meeting-pl.png"), full_page=True)
    page.get_by_role("button", name="Zatwierdź").click()
    # the kontrakt waits for the assessment its part I is taken from
    expect(page.get_by_text("Część I kontraktu socjalnego pochodzi z diagnozy")).to_be_visible()
    _assess(app, page.url, worker)
    page.reload()

    # the asystent prepared the kontrakt; the pracownik socjalny concludes it (ipwzb.yaml roles)
    expect(page.locator("#agreement-who")).to_have_text(
        "Kontrakt socjalny zawiera pracownik socjalny."
    )
    expect(page.locator('button[aria-describedby="agreement-who"]')).to_be_disabled()
    _conclude_as(browser, live_server, page.url, social.email)
    page.reload()
    expect(page.get_by_role("cell", name=re.compile(r"AGR-\d{4}-\d{6}"))).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "case-pl.png"), full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Pobierz (Word)").click()
    target = tmp_path / "agreement.docx"
    download_info.value.save_as(target)
    text = docx_text(target.read_bytes())
    assert "KONTRAKT SOCJALNY" in text and "Zofia Wójcik-Łęcka" in text and "44051401458" in text
    assert "Złożyć wniosek o lokal socjalny" in text
    assert "Przyczyny trudnej sytuacji życiowej\nUtrata pracy" in text  # from the assessment
    (artifacts_dir / "agreement-pl.docx").write_bytes(target.read_bytes())
