"""Words of the follow-up record, the closing summary and the plan for the work between
meetings: who took part, the worker's assessment, the agreed actions, lowered sub-goals, the
tapering rhythm and the person's own words at the end. Merged into ``texts_plan.RECORDS``."""

from __future__ import annotations

SV = {
    "participants": "Deltagare",
    "engagement": "Engagemang (personalens bedömning)",
    "h_actions": "Överenskomna åtgärder",
    "action": "Åtgärd",
    "who": "Vem",
    "by_when": "Senast",
    "action_status": "Hur det gick",
    "rating_worker": "Självständighet enligt personalen",
    "ratings_note": "Personens egen skattning och personalens bedömning av självständigheten, "
    "1–10.",
    "h_observations": "Personalens iakttagelser: engagemang och självständighet",
    "h_own_words": "Med personens egna ord",
    "h_lowered": "Delmål som sänkts vid uppföljningar",
    "lowered_note": "Ett delmål som var för högt satt sänktes; planen fick då en ny version.",
    "lowered_on": "Datum",
    "before": "Tidigare",
    "after": "Nu",
    "new_due": "Nytt datum:",
    "why": "Varför",
    "plan_version": "Version",
    "phase_out": "Nedtrappning av kontakterna",
}
EN = {
    "participants": "Participants",
    "engagement": "Engagement (the worker's assessment)",
    "h_actions": "Agreed actions",
    "action": "Action",
    "who": "Who",
    "by_when": "By when",
    "action_status": "How it went",
    "rating_worker": "Independence, as the worker sees it",
    "ratings_note": "The person's own rating and the worker's assessment of independence, 1–10.",
    "h_observations": "The worker's observations: engagement and independence",
    "h_own_words": "In the person's own words",
    "h_lowered": "Sub-goals lowered at follow-ups",
    "lowered_note": "A sub-goal set too high was lowered; the plan then got a new version.",
    "lowered_on": "Date",
    "before": "Before",
    "after": "Now",
    "new_due": "New due date:",
    "why": "Why",
    "plan_version": "Version",
    "phase_out": "Tapering off the contacts",
}
PL = {
    "participants": "Uczestnicy spotkania",
    "engagement": "Zaangażowanie (ocena asystenta)",
    "h_actions": "Uzgodnione działania",
    "action": "Działanie",
    "who": "Kto",
    "by_when": "Termin",
    "action_status": "Realizacja",
    "rating_worker": "Poziom samodzielności – ocena asystenta",
    "ratings_note": "Samoocena osoby i ocena poziomu samodzielności dokonana przez asystenta, "
    "w skali 1–10.",
    "h_observations": "Obserwacje asystenta: zaangażowanie i poziom samodzielności",
    "h_own_words": "Słowami osoby",
    "h_lowered": "Cele szczegółowe obniżone podczas monitoringu",
    "lowered_note": "Cel ustalony zbyt wysoko został obniżony; program otrzymał wtedy nową wersję.",
    "lowered_on": "Data",
    "before": "Wcześniej",
    "after": "Obecnie",
    "new_due": "Nowy termin:",
    "why": "Powód",
    "plan_version": "Wersja",
    "phase_out": "Stopniowe ograniczanie kontaktów",
}
#: (country of the form, language) → the words; a Swedish form in Polish says "pracownik"
#: where the Polish form says "asystent", and "cele cząstkowe" as its plan does.
FOLLOW_UP_WORDS: dict[tuple[str, str], dict[str, str]] = {
    ("se", "sv"): SV,
    ("se", "en"): EN,
    ("se", "pl"): {
        **PL,
        "engagement": "Zaangażowanie (ocena pracownika)",
        "rating_worker": "Poziom samodzielności – ocena pracownika",
        "ratings_note": "Samoocena osoby i ocena poziomu samodzielności dokonana przez "
        "pracownika, w skali 1–10.",
        "h_observations": "Obserwacje pracownika: zaangażowanie i poziom samodzielności",
        "h_lowered": "Cele cząstkowe obniżone podczas spotkań kontrolnych",
        "lowered_note": "Cel cząstkowy ustalony zbyt wysoko został obniżony; plan otrzymał "
        "wtedy nową wersję.",
    },
    ("pl", "pl"): PL,
    ("pl", "sv"): {
        **SV,
        "engagement": "Engagemang (assistentens bedömning)",
        "rating_worker": "Självständighet enligt assistenten",
        "ratings_note": "Personens egen skattning och assistentens bedömning av "
        "självständigheten, 1–10.",
        "h_observations": "Assistentens iakttagelser: engagemang och självständighet",
        "lowered_note": "Ett delmål som var för högt satt sänktes; programmet fick då en ny "
        "version.",
    },
    ("pl", "en"): {
        **EN,
        "engagement": "Engagement (the assistant's assessment)",
        "rating_worker": "Independence, as the assistant sees it",
        "ratings_note": "The person's own rating and the assistant's assessment of "
        "independence, 1–10.",
        "h_observations": "The assistant's observations: engagement and independence",
        "lowered_note": "A sub-goal set too high was lowered; the programme then got a new "
        "version.",
    },
}
