"""No personal data in logs or URLs, and hostile text typed anywhere comes back escaped."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from flask import Flask

from tests.conftest import FormClient
from tests.security.html_forms import fill
from tests.security.test_encryption import open_case_through_the_forms

NAME = ("Gunnhild", "Wróblewska-Tenggren")
PESEL = "44051401458"
STEPS = ("start_meeting", "second_meeting")


class RecordingClient(FormClient):
    """A FormClient that remembers every URL requested and every redirect target."""

    def __init__(self, inner: FormClient) -> None:
        super().__init__(inner.client)
        self.urls: list[str] = []

    def get(self, url: str, **kwargs: Any) -> Any:
        self.urls.append(url)
        response = self.client.get(url, **kwargs)
        self.urls.append(response.headers.get("Location", ""))
        return response

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        self.urls.append(url)
        response = super().post(url, data, **kwargs)
        self.urls.append(response.headers.get("Location", ""))
        return response


def fill_step(client: FormClient, case_url: str, step: str, text: str, action: str) -> str:
    """Type ``text`` into every text field of a step and submit it with ``action``."""
    step_url = f"{case_url}/steps/{step}"
    page = client.get(step_url)
    if page.status_code != 200:
        return step_url
    data, _typed = fill(page.get_data(as_text=True), text)
    client.post(step_url, {**data, "action": action}, form_url=step_url)
    return step_url


def test_no_name_or_number_in_logs_or_urls(
    app: Flask,
    logged_in: FormClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = RecordingClient(logged_in)
    person_url, case_url = open_case_through_the_forms(client, *NAME, number=PESEL)
    for step in STEPS:
        fill_step(client, case_url, step, f"{NAME[0]} {NAME[1]} {PESEL} berättar", "finalise")
    client.post(f"{case_url}/agreement", {}, form_url=case_url)
    client.get(case_url)
    client.get(person_url)
    client.get("/")
    client.post(f"{person_url}/export", {}, form_url=person_url)
    client.get(f"/language/sv?next={case_url}")
    client.post("/logout", {}, form_url="/")
    urls = [url for url in client.urls if url]
    assert urls, "no URL recorded"
    for needle in (*NAME, PESEL, "440514"):
        assert not [u for u in urls if needle in u], needle
        leaked = [r.getMessage() for r in caplog.records if needle in r.getMessage()]
        assert not leaked, leaked


XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% if 1 %}tpl{% endif %}",
]


@pytest.mark.parametrize("payload", XSS)
def test_hostile_text_in_every_field_comes_back_escaped(
    logged_in: FormClient, payload: str
) -> None:
    response = logged_in.post(
        "/persons/new",
        {
            "first_name": payload,
            "last_name": payload,
            "identity_country": "",
            "identity_number": "",
            "preferred_language": "sv",
            "date_of_birth": "",
            "address": payload,
            "phone": payload[:50],
            "email": "",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    person_url = response.headers["Location"]
    response = logged_in.post(
        f"{person_url}/cases/new",
        {
            "method": "buss",
            "referring_caseworker_name": payload,
            "assignment": payload,
        },
    )
    assert response.status_code == 302
    case_url = response.headers["Location"]
    pages = ["/", person_url, case_url]
    for step, action in zip(STEPS, ("finalise", "draft"), strict=True):
        pages.append(fill_step(logged_in, case_url, step, payload, action))
    for url in pages:
        html = logged_in.get(url).get_data(as_text=True)
        assert url == "/" or "alert(1)" in html or "tpl" in html, f"{url} does not show the text"
        if "<" in payload:
            assert payload not in html, url
        for tag in ("<script>alert", "<img src=x", "<svg onload"):
            assert tag not in html, (url, tag)
        assert not re.search(r"""(href|src|action)=["']?javascript:""", html), url
        assert "{{ 7*7 }}" in html or "{{ 7*7 }}" not in payload
        assert ">49<" not in html
