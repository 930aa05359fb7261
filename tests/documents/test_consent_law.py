"""The consent that holds up in law (issue 10, items 13–17), read from the issued document.

Per recipient yes or no, the withdrawal of one recipient, the legal representative's signature
line, the information of GDPR art. 13 with the supervisory authority of the method's country and
the unit's confidentiality law: each in the Swedish and the Polish form, in sv, pl and en.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service.extensions import db
from service.models import Person
from tests.conftest import FormClient

from .conftest import CaseWorld, add_answers, issue_by_role, second_meeting
from .helpers import docx_text
from .test_issuing import documents, issue

HOSTILE = "Erik Lund & <Co> {{ 7*7 }} {% if %}"
RECIPIENTS = [
    {"who": "social_services", "name": HOSTILE, "consents": "yes"},
    {"who": "habilitation", "name": "Habiliteringen Södermalm", "consents": "no"},
    {"who": "probation_officer", "name": "Jan Kowalski", "consents": "yes"},
]
#: The recipient kinds and the yes/no words as each language prints them.
WORDS = {
    "sv": {
        "kinds": ["Socialtjänsten", "Habilitering", "Frivårdsinspektör (kurator)"],
        "yes": "Ja",
        "no": "Nej",
        "withdrawn": "Nej – återkallat den",
        "rights": ["tillgång", "rättelse", "radering", "begränsning", "invändning"],
        "special": ["hälsa", "missbruk"],
        "rep": "Ställföreträdare",
    },
    "pl": {
        "kinds": ["Ośrodek pomocy społecznej", "Habilitacja", "Kurator sądowy"],
        "yes": "Tak",
        "no": "Nie",
        "withdrawn": "Nie – wycofano",
        "rights": ["dostępu", "sprostowania", "usunięcia", "ograniczenia", "sprzeciwu"],
        "special": ["zdrowiu", "uzależnieniach"],
        "rep": "Przedstawiciel ustawowy",
    },
    "en": {
        "kinds": ["Social services", "Habilitation", "Probation officer (kurator)"],
        "yes": "Yes",
        "no": "No",
        "withdrawn": "No – withdrawn on",
        "rights": ["access", "rectification", "erasure", "restriction", "objection"],
        "special": ["health", "addiction"],
        "rep": "Legal representative",
    },
}
COUNTRY_CASES = [(m, lang) for m in ("buss", "ipwzb") for lang in ("sv", "pl", "en")]


def consent_case(
    make_unit: Any,
    make_case: Any,
    app: Flask,
    method: str,
    language: str,
    *,
    answers: dict[str, Any] | None = None,
    confidentiality: str | None = None,
) -> CaseWorld:
    """A case of ``method`` (person speaking ``language``) whose second meeting names the
    recipients; the unit is its country's, with its own organisation as the controller."""
    swedish = method == "buss"
    unit = make_unit(
        default_locale="sv" if swedish else "pl",
        methods=[method],
        organisation="Tamira AB" if swedish else "Miejski Ośrodek Pomocy Społecznej w Sopocie",
        address="Långholmsgatan 34, Stockholm" if swedish else "ul. Kolejowa 14, Sopot",
        retention_years=5,
        confidentiality=confidentiality or ("osl" if swedish else "ups"),
    )
    world = make_case(method=method, language=language, unit=unit, steps=("start_meeting",))
    second = {**second_meeting(world.worker.id), "consent_recipients": RECIPIENTS}
    second.update(answers or {})
    with app.app_context():
        add_answers(world.case_id, world.worker.id, "second_meeting", second)
    return world


def consent_text(client: FormClient, app: Flask, world: CaseWorld) -> str:
    assert client.login(world.worker.email).status_code == 302
    assert issue(client, world.case_id, "consent").status_code == 302
    return docx_text(documents(app)[-1].content)


def rows(text: str) -> list[str]:
    return text.split("\n")


@pytest.mark.parametrize(("method", "language"), COUNTRY_CASES)
def test_the_consent_prints_one_row_per_recipient_with_yes_or_no(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = consent_case(make_unit, make_case, app, method, language)
    text = consent_text(client, app, world)
    words = WORDS[language]
    lines = rows(text)
    for kind, name, answer in zip(
        words["kinds"],
        [HOSTILE, "Habiliteringen Södermalm", "Jan Kowalski"],
        [words["yes"], words["no"], words["yes"]],
        strict=True,
    ):
        at = lines.index(kind)
        assert lines[at + 1 : at + 3] == [name, answer], (kind, lines[at : at + 3])
    assert "49" not in text.split(HOSTILE)[0][-3:]  # the name is printed, not evaluated
    assert "MOPS Sopot, PUP" in text  # the fixture's free text is still read and printed
    # valid until a date (item 14), in the language's words
    until = {
        "sv": "till och med 9 november 2027",
        "pl": "do 9 listopada 2027",
        "en": "until 9 November 2027",
    }
    assert until[language] in text


@pytest.mark.parametrize(("method", "language"), COUNTRY_CASES)
def test_the_consent_prints_the_information_of_gdpr_article_13(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = consent_case(make_unit, make_case, app, method, language)
    text = consent_text(client, app, world)
    words = WORDS[language]
    controller = "Tamira AB" if method == "buss" else "Miejski Ośrodek Pomocy Społecznej w Sopocie"
    assert controller in text
    assert "Poszukiwanie mieszkania" in text  # the purpose
    assert {"sv": "5 år", "pl": "5 lat", "en": "5 years"}[language] in text
    for right in words["rights"]:
        assert right in text, right
    for category in words["special"]:
        assert category in text, category
    if method == "buss":
        assert "Integritetsskyddsmyndigheten" in text and "IMY" in text and "www.imy.se" in text
        assert "PUODO" not in text
    else:
        assert "Prezes" in text and "Urzędu Ochrony Danych Osobowych" in text and "PUODO" in text
        assert "IMY" not in text


#: How each language cites the chapter and section of each Swedish confidentiality law.
CITED = {
    "osl": {"sv": "26 kap.", "en": "chapter 26", "pl": "rozdz. 26"},
    "sol": {"sv": "15 kap. 1 §", "en": "chapter 15, section 1", "pl": "rozdz. 15 § 1"},
    "lss": {"sv": "29 §", "en": "section 29", "pl": "§ 29"},
}


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
@pytest.mark.parametrize(("setting", "other"), [("osl", "sol"), ("sol", "osl"), ("lss", "osl")])
def test_a_swedish_consent_cites_the_confidentiality_law_of_the_unit(
    client: FormClient,
    make_unit: Any,
    make_case: Any,
    app: Flask,
    language: str,
    setting: str,
    other: str,
) -> None:
    world = consent_case(make_unit, make_case, app, "buss", language, confidentiality=setting)
    text = consent_text(client, app, world)
    assert CITED[setting][language] in text
    assert CITED[other][language] not in text
    assert ("2009:400" in text) == (setting == "osl")
    assert "art. 100" not in text


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_a_polish_consent_cites_article_100_of_the_social_assistance_act(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, language: str
) -> None:
    text = consent_text(client, app, consent_case(make_unit, make_case, app, "ipwzb", language))
    assert "art. 100 ustawy o pomocy społecznej" in text
    assert "26 kap." not in text and "15 kap." not in text and "2009:400" not in text


@pytest.mark.parametrize(("method", "language"), COUNTRY_CASES)
def test_a_legal_representative_signs_the_consent_when_there_is_one(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = consent_case(make_unit, make_case, app, method, language)
    words = WORDS[language]
    assert words["rep"] not in consent_text(client, app, world)
    with app.app_context():
        case_person = db.session.scalar(sa.select(Person))
        assert case_person is not None
        case_person.legal_rep_kind = "god_man" if method == "buss" else "opiekun_prawny"
        case_person.legal_rep_name = "Gunilla Öst & <Söner>"
        case_person.legal_rep_contact = "070-123 45 67"
        db.session.commit()
    assert issue(client, world.case_id, "consent").status_code == 302
    lines = rows(docx_text(documents(app)[-1].content))
    at = lines.index(words["rep"])
    assert lines[at + 1] == "Gunilla Öst & <Söner>"
    kind = {
        ("buss", "sv"): "god man",
        ("buss", "pl"): "god man",
        ("buss", "en"): "trustee (god man)",
        ("ipwzb", "pl"): "opiekun prawny",
        ("ipwzb", "sv"): "opiekun prawny",
        ("ipwzb", "en"): "legal guardian (opiekun prawny)",
    }[method, language]
    assert kind in lines[at + 2]
    assert any("070-123 45 67" in line for line in lines)


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_a_legal_representative_signs_the_kontrakt_socjalny(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, language: str
) -> None:
    # part I of the kontrakt is the final assessment's
    steps = ("start_meeting", "second_meeting", "assessment")
    world = make_case(method="ipwzb", language=language, steps=steps)
    with app.app_context():
        found = db.session.scalar(sa.select(Person))
        assert found is not None
        found.legal_rep_kind, found.legal_rep_name = "kurator", "Adam Nowak"
        db.session.commit()
    assert client.login(world.worker.email).status_code == 302
    assert issue_by_role(client, world, "agreement").status_code == 302
    lines = rows(docx_text(documents(app)[-1].content))
    at = lines.index(WORDS[language]["rep"])
    assert lines[at + 1] == "Adam Nowak"


@pytest.mark.parametrize(("method", "language"), COUNTRY_CASES)
def test_a_withdrawal_for_one_recipient_prints_and_keeps_the_others(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask, method: str, language: str
) -> None:
    world = consent_case(make_unit, make_case, app, method, language)
    assert client.login(world.worker.email).status_code == 302
    url = f"/cases/{world.case_id}/consent/withdraw"
    data = {"recipient": "2", "withdrawn_on": "2026-11-20", "confirmed": "yes"}
    assert client.post(url, data, form_url=f"/cases/{world.case_id}").status_code == 302
    assert issue(client, world.case_id, "consent").status_code == 302
    lines = rows(docx_text(documents(app)[-1].content))
    words = WORDS[language]
    first = lines.index(words["kinds"][0])
    assert lines[first + 2] == words["yes"]
    third = lines.index(words["kinds"][2])
    assert lines[third + 2].startswith(words["withdrawn"])
    assert {"sv": "20 november 2026", "pl": "20 listopada 2026", "en": "20 November 2026"}[
        language
    ] in lines[third + 2]


def test_an_earlier_consent_in_free_text_is_still_printed(
    client: FormClient, make_unit: Any, make_case: Any, app: Flask
) -> None:
    world = consent_case(
        make_unit,
        make_case,
        app,
        "buss",
        "sv",
        answers={"consent_recipients": None, "consent_parties": "Skolan & <BUP>"},
    )
    text = consent_text(client, app, world)
    assert "Parter som namngavs i fritext:" in text and "Skolan & <BUP>" in text
    assert "Mottagare\nNamn\nSamtycker" not in text  # no empty table of recipients


@pytest.mark.parametrize(
    ("years", "language", "printed"),
    [
        (2, "pl", "przez 2 lata po"),
        (1, "pl", "przez 1 rok po"),
        (12, "pl", "przez 12 lat po"),
        (1, "en", "for 1 year after"),
        (2, "sv", "i 2 år efter"),
    ],
)
def test_the_retention_is_printed_in_the_languages_grammar(
    client: FormClient,
    make_unit: Any,
    make_case: Any,
    app: Flask,
    years: int,
    language: str,
    printed: str,
) -> None:
    world = consent_case(make_unit, make_case, app, "buss", language)
    with app.app_context():
        from service.models import Unit

        unit = db.session.get(Unit, world.unit_id)
        assert unit is not None
        unit.retention_years = years
        db.session.commit()
    assert printed in consent_text(client, app, world)


#: The Swedish överenskommelse's signature captions: the person, and the service right after.
SE_SIGNERS = {
    "sv": ("Personen", "För verksamheten", "förvaltare"),
    "pl": ("Osoba", "W imieniu jednostki", "zarządca ustanowiony przez sąd"),
    "en": ("The person", "For the service", "administrator (förvaltare)"),
}


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_a_legal_representative_signs_the_swedish_agreement(
    client: FormClient, make_case: Any, app: Flask, language: str
) -> None:
    """Item 15: a god man or förvaltare signs the överenskommelse with the person, on a line
    right under the person's; without a representative there is no such line."""
    person, service, kind = SE_SIGNERS[language]
    world = make_case(method="buss", language=language, steps=("start_meeting", "second_meeting"))
    assert client.login(world.worker.email).status_code == 302
    assert issue(client, world.case_id, "agreement").status_code == 302
    lines = rows(docx_text(documents(app)[-1].content))
    assert WORDS[language]["rep"] not in lines
    at = len(lines) - 1 - lines[::-1].index(person)  # the signature block closes the document
    assert lines[at + 1] == "Zofia Wójcik-Łęcka"
    assert service in lines[at + 2 : at + 8]
    with app.app_context():
        found = db.session.scalar(sa.select(Person))
        assert found is not None
        found.legal_rep_kind, found.legal_rep_name = "forvaltare", "Gunilla Öst & <Söner> {{ x }}"
        db.session.commit()
    assert issue(client, world.case_id, "agreement").status_code == 302
    lines = rows(docx_text(documents(app)[-1].content))
    at = len(lines) - 1 - lines[::-1].index(person)
    rep = lines.index(WORDS[language]["rep"])
    assert at < rep < lines.index(service, at)
    assert lines[rep + 1] == "Gunilla Öst & <Söner> {{ x }}"
    assert kind in lines[rep + 2]
    # the representative has a place-and-date and a signature line like the person
    caption = {"sv": "Ort och datum", "pl": "miejscowość i data", "en": "Place and date"}[language]
    assert lines[rep:].index(caption) < lines[rep:].index(service)
    assert lines[at + 1] == "Zofia Wójcik-Łęcka"
