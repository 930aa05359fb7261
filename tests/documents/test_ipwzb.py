"""The IPWzB (art. 49 u.p.s.), read from the document the service issues: the analysis of the
life situation, the actions of the person and of the social worker, every form of help with
who is responsible for it, the meeting dates as dates and the team's rhythm; rows with nothing
to say are left out; a programme answered before the forms of help still renders. The Polish
form in Polish, Swedish and English words."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask

from service.documents.operations import issue_document
from service.extensions import db
from service.models import Case, Submission, User
from tests.test_journey import docx_text

from .answers import ASSESSMENT, PLAN
from .conftest import CaseWorld

ANALYSIS = {
    **ASSESSMENT,
    "family_situation": "Rozwiedziona; córka w Gdyni & <wnuk>",
    "financial_situation": "Zasiłek stały, zadłużenie {{ 8 000 zł }}",
    "education": "Zasadnicza szkoła zawodowa, krawiectwo",
    "health_addictions": "Uzależnienie od alkoholu, od roku w abstynencji",
    "homelessness_reasons": "Eksmisja",
    "homelessness_years": 3,
    "employability": "with_support",
}


def _replace(world: CaseWorld, step: str, answers: dict[str, Any]) -> None:
    db.session.add(
        Submission(
            case_id=world.case_id,
            step=step,
            version=2,
            answers=answers,
            created_by_id=world.worker.id,
        )
    )
    db.session.commit()


def _ipwzb(
    app: Flask, world: CaseWorld, *, plan: dict[str, Any] | None = None, assessment: Any = None
) -> str:
    with app.app_context():
        if plan is not None:
            _replace(world, "plan", plan)
        if assessment is not None:
            _replace(world, "assessment", assessment)
        case = db.session.get(Case, world.case_id)
        user = db.session.get(User, world.worker.id)
        assert case is not None and user is not None
        return docx_text(issue_document(case, user, "plan", today=date(2026, 11, 30)).content)


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


WORDS = {
    "pl": {
        "analysis": "II. Analiza sytuacji życiowej osoby bezdomnej",
        "family": "Sytuacja rodzinna\nRozwiedziona; córka w Gdyni & <wnuk>",
        "financial": "Sytuacja materialna\nZasiłek stały, zadłużenie {{ 8 000 zł }}",
        "education": "Wykształcenie i kwalifikacje zawodowe\nZasadnicza szkoła zawodowa",
        "employability": "Możliwości zatrudnienia\nMoże pracować ze wsparciem",
        "health": "Stan zdrowia, w tym uzależnienia\nUzależnienie od alkoholu",
        "homeless": "Przyczyny i okres bezdomności\nEksmisja; okres bezdomności: 3 lata",
        "person": "IV. Działania osoby bezdomnej",
        "worker": "V. Działania pracownika socjalnego",
        "help": "VI. Środki pomocy i podmioty odpowiedzialne",
        "shelter": "Schronienie: noclegownia, schronisko lub ogrzewalnia",
        "therapy": "Leczenie lub terapia uzależnień",
        "period": "20 listopada 2026 – 20 maja 2027",
        "meetings": "VIII. Terminy spotkań i ocena postępów",
        "first": "4 grudnia 2026\nRejestracja w urzędzie pracy",
        "rhythm": "Ocena postępów (rytm ustalony przez zespół)\nCo dwa tygodnie",
    },
    "sv": {
        "analysis": "II. Analys av den hemlösa personens livssituation",
        "family": "Familjesituation\nRozwiedziona; córka w Gdyni & <wnuk>",
        "financial": "Ekonomisk situation\nZasiłek stały, zadłużenie {{ 8 000 zł }}",
        "education": "Utbildning och yrkeskunskaper\nZasadnicza szkoła zawodowa",
        "employability": "Möjligheter till arbete\nKan arbeta med stöd",
        "health": "Hälsa, även beroende\nUzależnienie od alkoholu",
        "homeless": "Orsaker till hemlösheten och hur länge den varat\nEksmisja; "
        "tid i hemlöshet: 3 år",
        "person": "IV. Den hemlösa personens åtgärder",
        "worker": "V. Socialarbetarens åtgärder",
        "help": "VI. Former av stöd och vem som ansvarar",
        "shelter": "Tak över huvudet: härbärge, boende för hemlösa eller värmestuga",
        "therapy": "Behandling eller terapi mot beroende",
        "period": "20 november 2026 – 20 maj 2027",
        "meetings": "VIII. Mötesdatum och bedömning av framstegen",
        "first": "4 december 2026\nRejestracja w urzędzie pracy",
        "rhythm": "Bedömning av framstegen (så ofta som teamet bestämt)\nVarannan vecka",
    },
    "en": {
        "analysis": "II. Analysis of the homeless person's life situation",
        "family": "Family situation\nRozwiedziona; córka w Gdyni & <wnuk>",
        "financial": "Financial situation\nZasiłek stały, zadłużenie {{ 8 000 zł }}",
        "education": "Education and occupational qualifications\nZasadnicza szkoła zawodowa",
        "employability": "Possibilities of work\nCan work with support",
        "health": "Health, including addictions\nUzależnienie od alkoholu",
        "homeless": "Reasons for and length of homelessness\nEksmisja; "
        "length of homelessness: 3 years",
        "person": "IV. Actions of the homeless person",
        "worker": "V. Actions of the social worker",
        "help": "VI. Forms of help and who is responsible",
        "shelter": "Shelter: night shelter, shelter or warming centre",
        "therapy": "Addiction treatment or therapy",
        "period": "20 November 2026 – 20 May 2027",
        "meetings": "VIII. Meeting dates and assessment of progress",
        "first": "4 December 2026\nRejestracja w urzędzie pracy",
        "rhythm": "Assessment of progress (as often as the team set)\nEvery second week",
    },
}


@pytest.mark.parametrize("language", ["pl", "sv", "en"])
def test_the_ipwzb_prints_the_analysis_the_actions_the_help_and_the_dated_meetings(
    app: Flask, make_case: Any, language: str
) -> None:
    words = WORDS[language]
    world = make_case(language=language)
    text = _ipwzb(app, world, assessment=ANALYSIS)
    analysis = _section(text, words["analysis"], "III.")
    for key in ("family", "financial", "education", "employability", "health", "homeless"):
        assert words[key] in analysis, key
    # the actions of the person and of the social worker, each with its sub-goal
    person = _section(text, words["person"], words["worker"])
    assert "Ringer själv, skriver ner frågorna i förväg" in person and "4.3" in person
    worker = _section(text, words["worker"], words["help"])
    assert "Följer med till första besöket" in worker
    assert "Ringer själv" not in worker
    # every form of help with who is responsible and when; the empty row is left out
    help_part = _section(text, words["help"], words["meetings"])
    assert words["shelter"] in help_part and "MOPS Sopot" in help_part
    assert words["therapy"] in help_part and "Poradnia Terapii Uzależnień" in help_part
    assert words["period"] in help_part
    assert "\n3\n" not in help_part  # two forms of help, numbered 1 and 2
    # the meetings as dates in date order, the rhythm the team chose
    meetings = text[text.index(words["meetings"]) :]
    assert words["first"] in meetings
    assert meetings.index(words["first"]) < meetings.index("Wniosek o lokal socjalny")
    assert words["rhythm"] in meetings
    assert "dwa tygodnie" not in meetings.replace("Co dwa tygodnie", "")  # no rule of law
    assert "—" not in text


def test_rows_with_nothing_to_say_are_left_out(app: Flask, make_case: Any) -> None:
    world = make_case()
    bare = {k: v for k, v in PLAN.items() if k not in ("help_measures", "meetings")}
    bare.update(other_participants="", follow_up_how="", meeting_dates="")
    text = _ipwzb(app, world, plan=bare, assessment={**ASSESSMENT, "employability": None})
    assert "Możliwości zatrudnienia" not in text  # not answered: no row
    assert "Sytuacja rodzinna" not in text
    assert "Inne osoby i instytucje współpracujące" not in text
    assert "Sposób oceny postępów" not in text
    assert "Nie wskazano jeszcze środków pomocy." in text
    assert "—" not in text


def test_a_programme_answered_before_the_forms_of_help_still_renders(
    app: Flask, make_case: Any
) -> None:
    world = make_case()
    old = {k: v for k, v in PLAN.items() if k not in ("help_measures", "meetings")}
    text = _ipwzb(app, world, plan=old)
    assert "Terminy spotkań\n4.12, 18.12.2026" in text  # the typed dates of earlier plans
    assert "Przyczyny i okres bezdomności\nEksmisja; okres bezdomności: 2 lata" in text
