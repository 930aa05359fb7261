"""Polish and Swedish wording: names never need declension, lists of chosen labels inside a
sentence are in lower case (acronyms keep their capitals)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from service.documents.labels import label_list
from tests.conftest import FormClient

from .answers import ASSESSMENT
from .conftest import add_answers, issue_by_role, second_meeting
from .helpers import docx_text
from .test_issuing import documents, issue

CHANNELS = {
    "pl": "SMS, rozmowa telefoniczna, wizyta domowa",
    "sv": "Sms, telefonsamtal, hembesök",
    "en": "Text message, phone call, home visit",
}
#: The contact person as the consent names them: after a label, never inside a sentence.
CONTACT = {
    ("ipwzb", "pl"): "Asystent: Anna Berg",
    ("buss", "pl"): "Osoba kontaktowa: Anna Berg",
    ("buss", "sv"): "Kontaktperson: Anna Berg",
    ("ipwzb", "sv"): "Assistent: Anna Berg",
    ("buss", "en"): "Contact person: Anna Berg",
}


@pytest.mark.parametrize(("method", "language"), [("ipwzb", "pl"), ("buss", "sv"), ("buss", "en")])
def test_chosen_ways_of_keeping_in_touch_are_a_list_in_lower_case(
    client: FormClient, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = make_case(method=method, language=language, steps=("start_meeting",))
    second = second_meeting(world.worker.id) | {"contact_channels": ["sms", "phone", "home_visit"]}
    with app.app_context():
        add_answers(world.case_id, world.worker.id, "second_meeting", second)
        # the kontrakt's part I is the final assessment
        add_answers(world.case_id, world.worker.id, "assessment", ASSESSMENT)
    assert client.login(world.worker.email).status_code == 302
    assert issue_by_role(client, world, "agreement").status_code == 302
    assert CHANNELS[language] in docx_text(documents(app)[0].content)


@pytest.mark.parametrize(("method", "language"), sorted(CONTACT))
def test_the_consent_names_the_contact_person_without_declension(
    client: FormClient, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = make_case(method=method, language=language, steps=("start_meeting", "second_meeting"))
    assert client.login(world.worker.email).status_code == 302
    assert issue(client, world.case_id, "consent").status_code == 302
    text = docx_text(documents(app)[0].content)
    assert CONTACT[method, language] in text
    assert "informując" not in text  # "informując Anna Berg" would need the accusative


def test_label_list_keeps_acronyms_and_the_first_capital() -> None:
    assert (
        label_list(["SMS", "Rozmowa telefoniczna", "", "E-mail"])
        == "SMS, rozmowa telefoniczna, e-mail"
    )
    assert label_list(["Wizyta domowa", "SMS", "PUP Sopot"]) == "Wizyta domowa, SMS, PUP Sopot"
    assert label_list([]) == ""
