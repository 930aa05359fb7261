"""The whole journey with the keyboard alone, on a 768 px tablet, in Swedish (a BUSS case) and in
Polish (an IPWzB case with its kontrakt socjalny): Tab to each control (never a click), type,
Space for checkboxes, arrow keys for radio buttons, type-ahead for lists, Enter for links and
buttons. Every control reached shows where the focus is. What the page says is read in the
page's language from the service's own catalogue."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale, gettext
from playwright.sync_api import Browser, Page, expect

from service.models import Role
from tests.conftest import PASSWORD, FormClient
from tests.test_journey import issue_kontrakt

pytestmark = pytest.mark.browser

#: Where the focus is must be visible: an outline on the control, or on the label that a
#: radio button or checkbox draws as its target.
FOCUS_SHOWN = """(selector) => {
  const el = document.activeElement;
  if (!el || !el.matches(selector)) return 'elsewhere: ' + (el ? el.outerHTML.slice(0, 80) : 'none');
  const shows = e => { const cs = getComputedStyle(e);
    return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2; };
  const target = (el.type === 'radio' || el.type === 'checkbox') && el.labels.length ? el.labels[0] : el;
  return shows(el) || shows(target) ? '' : 'no visible focus on ' + el.outerHTML.slice(0, 80);
}"""


class Keyboard:
    """Moves through a page with Tab only and acts on what has the focus."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def tab_to(self, selector: str, limit: int = 400) -> None:
        """Press Tab until the control ``selector`` has the focus (and shows it)."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(
                "(s) => !!document.activeElement && document.activeElement.matches(s)", selector
            ):
                problem = self.page.evaluate(FOCUS_SHOWN, selector)
                assert not problem, problem
                return
        raise AssertionError(f"Tab never reached {selector} on {self.page.url}")

    def type(self, field_id: str, text: str) -> None:
        self.tab_to(f"#{field_id}")
        self.page.keyboard.type(text)
        expect(self.page.locator(f"#{field_id}")).to_have_value(text)

    def date(self, field_id: str, iso: str) -> None:
        """A date field: its parts in the order the browser shows them (its own language's,
        which need not be the page's: the other orders are tried after clearing the field)."""
        self.tab_to(f"#{field_id}")
        year, month, day = iso.split("-")
        parts = {"year": year, "month": month, "day": day}
        keyboard, field = self.page.keyboard, self.page.locator(f"#{field_id}")
        for order in (("month", "day", "year"), ("day", "month", "year"), ("year", "month", "day")):
            for key in ["ArrowLeft"] * 3 + ["Backspace", "ArrowRight"] * 3 + ["ArrowLeft"] * 3:
                keyboard.press(key)
            for name in order:
                keyboard.type(parts[name])
                if name == "year" and name != order[-1]:
                    keyboard.press("ArrowRight")  # two digits move on by themselves
            if field.input_value() == iso:
                return
        raise AssertionError(f"#{field_id} did not take {iso} ({field.input_value()!r})")

    def check(self, field_id: str) -> None:
        self.tab_to(f"#{field_id}")
        self.page.keyboard.press("Space")
        expect(self.page.locator(f"#{field_id}")).to_be_checked()

    def choose(self, field_id: str) -> None:
        """A radio button: Tab into its group, then arrow keys to it."""
        name = self.page.locator(f"#{field_id}").get_attribute("name")
        self.tab_to(f'input[type=radio][name="{name}"]')
        for _ in range(20):
            if self.page.evaluate("(i) => document.activeElement.id === i", field_id):
                break
            self.page.keyboard.press("ArrowRight")
        self.page.keyboard.press("Space")
        expect(self.page.locator(f"#{field_id}")).to_be_checked()

    def select(self, field_id: str, label: str, value: str) -> None:
        """A list: type the start of the option's text while it has the focus."""
        self.tab_to(f"#{field_id}")
        self.page.keyboard.type(label)
        expect(self.page.locator(f"#{field_id}")).to_have_value(value)

    def press(self, selector: str, navigates: bool = True) -> None:
        """Enter on a link or a button (which loads the next page unless told otherwise)."""
        self.tab_to(selector)
        if not navigates:
            self.page.keyboard.press("Enter")
            return
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def finalise(self) -> None:
        self.press('button[name="action"][value="finalise"]')

    def next_action(self, expected: str) -> None:
        """The case page's one primary action leads on."""
        action = self.page.locator("#next-action")
        expect(action).to_contain_text(expected)
        self.press("#next-action a.button, #next-action button")


@pytest.fixture
def tablet(browser: Browser, language: str) -> Any:
    context = browser.new_context(locale=language, viewport={"width": 768, "height": 1024})
    context.set_default_timeout(8000)
    yield context.new_page()
    context.close()


#: Each language's case: the unit's method, the person and their identity number, and the life
#: areas of the method's assessment (every one is rated).
JOURNEYS: dict[str, dict[str, Any]] = {
    "sv": {
        "unit": ("Tamira – BUSS", "buss"),
        "worker": ("anna@example.org", "Anna Berg"),
        "person": ("Åsa", "Öberg", "se", "850709-9805"),
        "areas": ["housing", "education", "occupation", "social"],
    },
    "pl": {
        "unit": ("MOPS – Asystent osoby bezdomnej", "ipwzb"),
        "worker": ("wojciech@example.org", "Wojciech Bodusz"),
        "person": ("Łucja", "Żółkiewska", "pl", "44051401458"),
        "areas": ["housing", "work", "health", "finances", "family"],
    },
}


@pytest.mark.parametrize("language", ["sv", "pl"])
def test_a_whole_case_with_the_keyboard_alone(
    tablet: Page, app: Flask, live_server: str, make_unit: Any, make_user: Any, language: str
) -> None:
    journey = JOURNEYS[language]

    def say(msgid: str, **values: Any) -> str:
        """What the page says for ``msgid`` in the journey's language."""
        with app.test_request_context(), force_locale(language):
            return gettext(msgid, **values)

    unit_name, method = journey["unit"]
    unit = make_unit(name=unit_name, methods=[method], default_locale=language)
    email, full_name = journey["worker"]
    worker = make_user(email=email, unit=unit, full_name=full_name)
    first_name, last_name, country, number = journey["person"]
    page, keys = tablet, Keyboard(tablet)
    page.goto(f"{live_server}/login")
    keys.tab_to("a.skip-link")  # the first stop: past the header, straight to the page
    assert page.locator("a.skip-link").bounding_box()["width"] > 40  # type: ignore[index]
    keys.type("email", worker.email)
    keys.type("password", PASSWORD)
    keys.press('main button[type="submit"]')
    expect(page.locator("h1")).to_have_text(say("My week"))  # a worker's start page

    keys.press("button.menu-toggle", navigates=False)  # the header's menu, collapsed on a tablet
    expect(page.locator("button.menu-toggle")).to_have_attribute("aria-expanded", "true")
    keys.press('nav.main a[href="/persons/new"]')
    keys.type("first_name", first_name)
    keys.type("last_name", last_name)
    kinds = {"se": "Swedish personnummer or samordningsnummer", "pl": "Polish PESEL"}
    keys.select("identity_country", say(kinds[country])[:6], country)
    keys.type("identity_number", number)
    keys.press('main form button[type="submit"]')
    expect(page.locator("h1")).to_have_text(f"{first_name} {last_name}")
    keys.press('a.button[href$="/cases/new"]')
    keys.press('main form button[type="submit"]')  # the unit's one method is chosen
    expect(page.locator("h1")).to_contain_text(f"{first_name} {last_name}")

    keys.next_action(say("Start meeting"))
    keys.date("meeting_date", "2026-11-02")
    keys.type("participants", f"{first_name}, {full_name}")
    keys.type("own_words", "Ett eget hem & trygghet" if language == "sv" else "Własny kąt & spokój")
    keys.choose("wants_to_take_part-0")
    keys.check("information_given-0")
    keys.check("information_given-1")
    keys.finalise()

    keys.next_action(say("Second meeting and agreement"))
    keys.date("meeting_date", "2026-11-09")
    keys.choose("expectations_confirmed-0")
    keys.choose("accepts_place-0")
    keys.check("contact_channels-0")
    keys.select("meeting_rhythm", say("Once a week"), "weekly")
    keys.select("contact_person_id", full_name.split()[0], str(worker.id))
    keys.type("purpose", "Eget boende" if language == "sv" else "Wyjście z bezdomności")
    if method != "ipwzb":  # the IPWzB's part I comes from the assessment instead
        keys.type("situation_causes", "Skulder")
        keys.type("situation_possibilities", "Vill ha eget boende")
        keys.type("situation_limitations", "Ensamhet")
    keys.type(
        "actions-0-what", "Ringa hyresvärden" if language == "sv" else "Złożyć wniosek o lokal"
    )
    keys.date("period_from", "2026-11-09")
    keys.date("period_to", "2027-05-09")
    keys.choose("consent_to_share-1")
    if method == "ipwzb":  # the kontrakt socjalny: its variant, date and the family party
        keys.choose("contract_variant-0")
        keys.date("concluded_on", "2026-11-09")
        keys.type("family_parties-0-last_name", last_name)
        keys.type("family_parties-0-first_name", first_name)
        keys.type("family_parties-0-family_role", "osoba bezdomna")
    keys.finalise()

    if method != "ipwzb":
        agreement = say("Agreement")  # issuing the agreement is the next thing to do
        keys.next_action(agreement)
        expect(page.locator("#documents")).to_contain_text("AGR-")

    keys.next_action(say("Assessment"))
    for index, area in enumerate(journey["areas"]):
        keys.type(
            f"areas-{area}-strengths", f"{'Styrka' if language == 'sv' else 'Mocna strona'} {index}"
        )
        keys.choose(f"areas-{area}-rating-{index + 2}")
    keys.type("values", "Familjen" if language == "sv" else "Rodzina")
    if method == "buss":
        keys.type("change_wanted", "Posten")
    if method == "ipwzb":  # the IPWzB's analysis of the situation
        keys.type("difficulty_causes", "Brak wsparcia bliskich")
        keys.type("possibilities", "Prawo do lokalu socjalnego")
        keys.type("limitations", "Długotrwała bezdomność")
        keys.type("homelessness_reasons", "Eksmisja")
    keys.date("meeting_date", "2026-11-16")
    keys.finalise()
    if method == "ipwzb":
        # The kontrakt is concluded by the pracownik socjalny: the asystent sees why not by her.
        action = page.locator("#next-action")
        expect(action).to_contain_text(
            say("The pracownik socjalny concludes the kontrakt socjalny.")
        )
        expect(action.locator("a.button, button:enabled")).to_have_count(0)
        colleague = make_user(
            email="ewa@example.org", unit=unit, role=Role.CASEWORKER, full_name="Ewa Żak"
        )
        client = FormClient(app.test_client())
        assert client.login(worker.email).status_code == 302
        case_url = "/" + page.url.split("/", 3)[3]
        assert issue_kontrakt(client, case_url, colleague, worker).status_code == 302
        page.reload()
        expect(page.locator("#documents")).to_contain_text("AGR-")

    plan = say("Individual plan")
    keys.next_action(plan)
    keys.select("goals-0-area", say("Housing"), "housing")
    keys.type("goals-0-goal", "Behålla bostaden" if language == "sv" else "Utrzymać mieszkanie")
    keys.type(
        "goals-0-sub_goals-0-sub_goal", "Betala hyran" if language == "sv" else "Płacić czynsz"
    )
    keys.date("goals-0-sub_goals-0-due_date", "2026-12-01")
    keys.type("participation", "Åsa valde målen" if language == "sv" else "Łucja wybrała cele")
    keys.date("adopted_on", "2026-11-20")
    keys.choose("follow_up_every-0")  # every week
    keys.type("follow_up_rhythm", "Tisdagar" if language == "sv" else "We wtorki")
    keys.finalise()
    expect(page.locator(".status")).to_contain_text(say("Plan active"))

    keys.next_action(plan)  # the plan document
    keys.next_action(f"{say('Follow-up')} 1")
    keys.date("meeting_date", "2026-11-27")
    keys.type("since_last_time", "Hyran betald" if language == "sv" else "Czynsz zapłacony")
    keys.select("progress-0-status", say("Reached"), "reached")
    keys.choose("areas-housing-rating-7")
    keys.finalise()
    expect(page.locator("svg.chart").first).to_be_attached()

    keys.press('.steps a.button[href$="/steps/closing"]')
    keys.date("closed_on", "2026-12-20")
    keys.type("final_evaluation", "Klarar sig själv" if language == "sv" else "Radzi sobie sam")
    keys.choose("reason-0")
    keys.check("outcomes-0")
    keys.finalise()
    expect(page.locator(".status")).to_contain_text(say("Closed"))
    expect(page.locator("#next-action")).to_contain_text(
        say("The case is closed: nothing is left to do.")
    )
