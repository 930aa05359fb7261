"""Every page of the journey, found by walking the demo's links, and what a page must be on a
tablet and a phone: no sideways scrolling, 44 × 44 px touch targets, 16 px inputs, text of at
least 12 px (the chart's too), a header no higher than 130 px with the language switcher on
one line, and no axe-core violation.

How a new page gets covered: every GET route of ``app.url_map`` is either reached by following
links from the demo's start pages (a page linked from the header, the case page or another
journey page is found by itself), built by one line in ``EXTRA_PAGES`` (a page only reached by
a form), made by the test set-up in ``TOKEN_PAGES`` (a one-time link, the code step of a sign-in,
a printed QR code), or named in ``NOT_PAGES`` (downloads, redirects). A route that is
none of these fails ``tests/test_browser_layout.py`` by its endpoint's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from flask import Flask
from playwright.sync_api import Page
from werkzeug.exceptions import HTTPException

#: The widths every page is checked at: phone, tablet upright, tablet across, desktop.
WIDTHS = (390, 768, 1024, 1280)
#: The widths of the axe-core run and the screenshots.
SHOT_WIDTHS = (390, 768, 1280)

#: GET routes that answer with no page of their own (a file, a redirect).
NOT_PAGES = {
    "static": "style sheets and scripts",
    "auth.set_language": "redirects back to the page it was asked from",
    "documents.download": "a Word file",
    "documents.pdf": "a PDF file",
    "documents.case_file": "a ZIP file",
    "reports.yearly_download": "an XLSX or CSV file",
    "journal.extract": "a Word file",
    "week.calendar_feed": "an iCalendar feed",
}


def _discard_draft_url(page: Page, case_url: str) -> str | None:
    """The discard page needs a saved draft: save one of the case's next step, as a user would."""
    page.goto(case_url)
    step = page.locator('#next-action a.button[href*="/steps/"], .steps a.button[href*="/steps/"]')
    if not step.count():
        return None
    step_url = step.first.get_attribute("href") or ""
    page.goto(urljoin(case_url, step_url))
    page.locator('button[name="action"][value="draft"]').click()
    page.wait_for_load_state()
    page.goto(urljoin(case_url, step_url))  # saving leads back to the case page
    discard = page.locator('a[href$="/discard"]')
    return discard.first.get_attribute("href") if discard.count() else None


#: Pages no link leads to, one line each: endpoint → how to reach its URL, given the journey
#: worker's browser page and the URL of the demo case the walk started from (None: not here).
def _referrals_url(_page: Page, _case_url: str) -> str:
    """A caseworker's start page; the walkers (a worker, the admin) open it by its address."""
    return "/referrals"


def _outreach_contact_url(page: Page, case_url: str) -> str | None:
    """An outreach contact of the walker's unit: record one through the form, as a user would."""
    parts = urlsplit(case_url)
    page.goto(f"{parts.scheme}://{parts.netloc}/outreach")
    if not page.locator("#record").count():
        return None
    page.locator('input[name="place_kind"][value="station"]').check()
    page.locator("#record button[type=submit]").click()
    page.wait_for_load_state()
    link = page.locator('main a[href^="/outreach/"]')
    return link.first.get_attribute("href") if link.count() else None


def _outreach_register_url(page: Page, case_url: str) -> str | None:
    """Registering the person met: the page the contact's primary button leads to."""
    contact = _outreach_contact_url(page, case_url)
    return f"{contact}/register" if contact else None


def _family_member_url(page: Page, case_url: str) -> str | None:
    """A family member's page: add one to the walk's case through its Family page's form."""
    page.goto(f"{case_url}/family")
    if not page.locator("#member-form").count():
        return None
    page.locator("#first_name").fill("Tomasz")
    page.locator("#last_name").fill("Nowak")
    page.locator('input[name="family_role"][value="partner"]').check()
    page.locator("#member-form button[type=submit]").click()
    page.wait_for_load_state()
    link = page.locator('main a[href*="/family/"]')
    return link.first.get_attribute("href") if link.count() else None


EXTRA_PAGES: dict[str, Callable[[Page, str], str | None]] = {
    "cases.family_member": _family_member_url,
    "cases.discard_draft": _discard_draft_url,
    "week.referrals": _referrals_url,
    "outreach.contact": _outreach_contact_url,
    "outreach.register": _outreach_register_url,
}

#: Pages that exist for one country's methods only, and the walk's language that reaches them.
ONLY_IN = {"cases.contract_amendments": "pl"}  # the kontrakt socjalny's amendments (aneks)


@dataclass(frozen=True)
class TokenPages:
    """What the set-up made for the pages behind a one-time token or code."""

    #: The path of a real one-time set-password link (a reset or an invitation).
    set_password: str
    #: A demo account with two-factor sign-in switched on (it signs in with its password).
    two_factor_email: str
    #: The public verification path printed on one of the demo's issued documents.
    verify_public: str


def make_token_pages(language: str) -> TokenPages:
    """Make a set-password link, switch two-factor sign-in on for one account and find an
    issued document's verification code, all in a unit of ``language`` (call in the app's
    context, on the demo data; the caller commits)."""
    import pyotp
    import sqlalchemy as sa

    from service.auth import links
    from service.documents.verification import document_token
    from service.extensions import db
    from service.models import Case, Document, User
    from service.models._types import utcnow

    def user(email: str) -> User:
        return db.session.scalars(sa.select(User).where(User.email == email)).one()

    link_for, coded, purpose = {
        "sv": ("erik@tamira.example", "calle@nytida.example", "reset"),
        "pl": ("ewa@mops-sopot.example", "iza@mops-boleslawiec.example", "invite"),
    }[language]
    token = links.make_link_token(user(link_for), purpose, None)
    account = user(coded)
    account.totp_secret = pyotp.random_base32(32)
    account.totp_enabled_at = utcnow()
    worker = user(LOGINS[language][0])
    document = db.session.scalars(
        sa.select(Document)
        .join(Case, Case.id == Document.case_id)
        .where(Case.unit_id == worker.unit_id)
        .order_by(Document.id)
    ).first()
    assert document is not None, f"the demo has no issued document in {language}"
    code = document_token(document.number, document.version)
    return TokenPages(
        set_password=f"/set-password/{token}",
        two_factor_email=account.email,
        verify_public=f"/verify/{document.number}/{code}",
    )


def _password_step(page: Page, base: str, made: TokenPages) -> str:
    """Sign in with the password of an account with two-factor sign-in on: the code step."""
    from service.demo import DEMO_PASSWORD

    page.goto(f"{base}/login")
    page.locator("#email").fill(made.two_factor_email)
    page.locator("#password").fill(DEMO_PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(f"{base}/login/code")
    return "/login/code"


#: Pages behind a one-time token or code, walked logged out in the walk's language after the
#: logged-in walks, from what ``make_token_pages`` made in the test set-up: endpoint → how to reach
#: its URL, given a logged-out browser page, the site's address and the made ``TokenPages``.
#: (In this order: the last one signs in half-way, up to the code step.)
TOKEN_PAGES: dict[str, Callable[[Page, str, TokenPages], str]] = {
    "auth.set_password": lambda _page, _base, made: made.set_password,
    "documents.verify_public": lambda _page, _base, made: made.verify_public,
    "auth.two_factor": _password_step,
}

#: Pages visited without logging in.
ANONYMOUS_PAGES = ("/login",)

#: Who walks the journey in each language: a worker of a unit of that language (the case
#: pages), then the admin (staff and audit pages, erasure).
LOGINS = {
    "sv": ("anna@tamira.example", "admin@tamira.example"),
    "pl": ("wojciech@mops-sopot.example", "admin@tamira.example"),
}
#: The demo person whose case the walk starts from: the case that has reached every step.
FIRST_PERSON = {"sv": "Ekström", "pl": "Wójcik-Łęcka"}


def axe_script() -> str:
    """axe-core's browser bundle (MPL-2.0), as the axe-playwright-python package ships it."""
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def endpoint_of(app: Flask, url: str) -> tuple[str, dict[str, object]] | None:
    """The endpoint and arguments a path answers with (None when no route matches)."""
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, args = adapter.match(urlsplit(url).path, method="GET")
    except HTTPException:
        return None
    return str(endpoint), args


def page_kind(app: Flask, url: str) -> str:
    """What makes two URLs the same kind of page: the endpoint and its non-id arguments
    ("cases.step:plan"), so every step of the journey is a page of its own."""
    found = endpoint_of(app, url)
    if found is None:
        return "error"
    endpoint, args = found
    named = [
        str(v)
        for k, v in sorted(args.items())
        if not k.endswith("_id") and k not in ("number", "token")
    ]
    named = [v for v in named if not v.isdigit()]
    return ":".join([endpoint, *named])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Walk:
    """The pages one language's walk reached, and everything wrong on them."""

    language: str
    visited: dict[str, str] = field(default_factory=dict)  # page kind → URL
    problems: list[str] = field(default_factory=list)

    def endpoints(self) -> set[str]:
        return {kind.split(":")[0] for kind in self.visited}


def links_on(page: Page, base: str) -> list[str]:
    """Same-site link targets of the page (path and query, no fragment), in page order."""
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base:
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


# --- what every page must be ---------------------------------------------------------------

WIDTH_CHECK = """() => {
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  const out = [];
  const doc = document.documentElement.scrollWidth;
  if (doc > vw) out.push('the page is ' + doc + ' px wide');
  const clipped = [];  // visually hidden (clipped to nothing) with everything inside them
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('[hidden], script, style, template')) continue;
    if (el.parentElement && el.parentElement.closest('svg')) continue;
    if (clipped.some(root => root.contains(el))) continue;
    const cs = getComputedStyle(el);
    if (cs.clipPath !== 'none' || (cs.clip && cs.clip !== 'auto')) { clipped.push(el); continue; }
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 1 || r.left < -1)
      out.push(name(el) + ' reaches from ' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px');
    else if (el.tagName === 'TABLE' && el.parentElement) {
      const box = el.parentElement.getBoundingClientRect();
      const edge = box.right - parseFloat(getComputedStyle(el.parentElement).paddingRight) -
                   parseFloat(getComputedStyle(el.parentElement).borderRightWidth);
      if (r.right > edge + 1) out.push(name(el) + ' sticks ' + Math.round(r.right - edge) + ' px out of its box');
    }
    if (['auto', 'scroll', 'hidden', 'clip'].includes(cs.overflowX) &&
             !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) &&
             el.scrollWidth > el.clientWidth + 1)
      out.push(name(el) + ' hides or scrolls ' + (el.scrollWidth - el.clientWidth) + ' px of its content');
    if (out.length > 8) break;
  }
  return out;
}"""

TOUCH_CHECK = """() => {
  const out = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
    ((el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent) || el.value || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 30) + '"';
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(targets)) {
    if (el.closest('[hidden], .visually-hidden') || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden') continue;
    // WCAG 2.5.5's exception: a link inside a sentence or a block of text.
    if (el.tagName === 'A' && !el.classList.contains('button') && cs.display === 'inline' &&
        !el.closest('header, nav')) continue;
    let box = el;
    if (el.type === 'radio' || el.type === 'checkbox') {
      if (!el.labels || !el.labels.length) { out.push(name(el) + ' has no label to tap'); continue; }
      box = el.labels[0];
    }
    const r = box.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5)
      out.push(name(el) + ' is ' + Math.round(r.width) + ' × ' + Math.round(r.height) + ' px');
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && !['radio', 'checkbox'].includes(el.type)
        && parseFloat(cs.fontSize) < 16)
      out.push(name(el) + ' has ' + cs.fontSize + ' text (a phone zooms in on it)');
    if (out.length > 8) break;
  }
  return out;
}"""

TEXT_SIZE_CHECK = """() => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, [hidden]') || el.getClientRects().length === 0) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) size *= el.getScreenCTM().a;
    if (size < 11.95)
      out.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 30) + '" is ' +
               size.toFixed(1) + ' px');
    if (out.length > 5) break;
  }
  return out;
}"""


HEADER_CHECK = """() => {
  const out = [];
  const header = document.querySelector('header.site');
  if (header && header.getBoundingClientRect().height > 130)
    out.push('the header is ' + Math.round(header.getBoundingClientRect().height) + ' px high');
  const tops = [...document.querySelectorAll('.lang li')].filter(li => li.getClientRects().length)
    .map(li => Math.round(li.getBoundingClientRect().top));
  if (new Set(tops).size > 1) out.push('the language switcher takes ' + new Set(tops).size + ' lines');
  return out;
}"""


def axe_violations(page: Page, script: str) -> list[str]:
    """axe-core's violations of every impact, one line per rule with its first elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(script)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"axe {v['id']} ({v['impact']}): "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]


def check_page(page: Page, kind: str, axe: str, shots: Path | None) -> list[str]:
    """Everything wrong with the loaded page at every width (screenshots into ``shots``)."""
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        found = [
            *page.evaluate(WIDTH_CHECK),
            *page.evaluate(TOUCH_CHECK),
            *page.evaluate(TEXT_SIZE_CHECK),
            *page.evaluate(HEADER_CHECK),
        ]
        if width in SHOT_WIDTHS:
            found += axe_violations(page, axe)
            if shots is not None:
                page.screenshot(path=str(shots / f"{slug(kind)}-{width}.png"), full_page=True)
        problems += [f"{kind} at {width} px ({page.url}): {p}" for p in found]
    return problems
