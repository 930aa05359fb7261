"""Words of the Swedish handlingsplan / genomförandeplan (SOSFS 2014:5, 6 kap.) that the plan
of the other forms does not have; they complete ``texts_plan.PLAN["se", language]``. The
headings follow the allmänna råd: which decision the plan carries out, the goal of each
activity, who at the provider is responsible, when and how, the cooperation with the nämnd and
other huvudmän, how the person took part, when the plan was adopted and when and how it is
followed up."""

from __future__ import annotations

SE_PLAN: dict[str, dict[str, str]] = {
    "sv": {
        "plan_subtitle": "Genomförandeplanen beskriver hur den beslutade insatsen ska "
        "genomföras (6 kap. SOSFS 2014:5). Den är gjord tillsammans med dig och utgår från "
        "nämndens beslut och uppdrag.",
        "h_plan_basis": "1. Beslutet som planen genomför",
        "decision_insats": "Beslutad insats",
        "decision_date": "Beslutsdatum",
        "assignment": "Mål för insatsen enligt nämndens beslut",
        "responsible": "Ansvarig hos utföraren",
        "h_goals": "3. Aktiviteter och mål",
        "goals_intro": "Varje mål delas i aktiviteter med ett eget delmål: vad som ska göras, av "
        "vem, när och hur. Ett delmål som visar sig vara för högt satt sänks – det är inget "
        "misslyckande.",
        "sub_goal": "Aktivitet och delmål",
        "h_cooperation": "4. Samverkan",
        "cooperation_board": "Samverkan med nämnden",
        "cooperation_principals": "Samverkan med andra utförare eller huvudmän",
        "h_participation": "5. Din delaktighet",
        "participation": "Hur du har varit delaktig och vilken hänsyn som tagits till dina "
        "synpunkter och önskemål",
        "other_participants": "Andra som har deltagit i planeringen",
        "adopted_on": "Planen fastställdes",
        "h_follow_up": "6. När och hur planen ska följas upp",
        "follow_up_rhythm": "När planen ska följas upp",
        "follow_up_how": "Hur planen ska följas upp",
    },
    "en": {
        "plan_subtitle": "The implementation plan sets out how the decided service is carried "
        "out (chapter 6 of the Swedish regulations SOSFS 2014:5). It is made together with you "
        "and starts from the board's decision and assignment.",
        "h_plan_basis": "1. The decision the plan carries out",
        "decision_insats": "Service decided",
        "decision_date": "Date of the decision",
        "assignment": "Goal of the service under the board's decision",
        "responsible": "Responsible at the provider",
        "h_goals": "3. Activities and goals",
        "goals_intro": "Each goal is broken into activities, each with its own sub-goal: what "
        "is done, by whom, when and how. A sub-goal set too high is lowered – that is not a "
        "failure.",
        "sub_goal": "Activity and its goal",
        "h_cooperation": "4. Cooperation",
        "cooperation_board": "Cooperation with the board",
        "cooperation_principals": "Cooperation with other providers or other principals",
        "h_participation": "5. How you took part",
        "participation": "How you took part and how your views and wishes were taken into account",
        "other_participants": "Others who took part in the planning",
        "adopted_on": "Plan adopted on",
        "h_follow_up": "6. When and how the plan is followed up",
        "follow_up_rhythm": "When the plan is followed up",
        "follow_up_how": "How the plan is followed up",
    },
    "pl": {
        "plan_subtitle": "Plan realizacji opisuje, jak zostanie wykonana przyznana usługa "
        "(rozdział 6 szwedzkich przepisów SOSFS 2014:5). Opracowano go wspólnie z osobą na "
        "podstawie decyzji i zlecenia komisji socjalnej gminy.",
        "h_plan_basis": "1. Decyzja, którą realizuje plan",
        "decision_insats": "Przyznana usługa",
        "decision_date": "Data decyzji",
        "assignment": "Cel usługi według decyzji komisji",
        "responsible": "Osoba odpowiedzialna u wykonawcy",
        "h_goals": "3. Działania i cele",
        "goals_intro": "Każdy cel dzieli się na działania, a każde z nich ma własny cel "
        "cząstkowy: co zostanie zrobione, przez kogo, kiedy i jak. Cel cząstkowy ustalony zbyt "
        "wysoko można obniżyć – to nie jest porażka.",
        "sub_goal": "Działanie i cel cząstkowy",
        "h_cooperation": "4. Współpraca",
        "cooperation_board": "Współpraca z komisją socjalną gminy",
        "cooperation_principals": "Współpraca z innymi wykonawcami lub podmiotami",
        "h_participation": "5. Udział osoby",
        "participation": "Jak osoba uczestniczyła w planowaniu i jak uwzględniono jej zdanie "
        "i życzenia",
        "other_participants": "Inne osoby biorące udział w planowaniu",
        "adopted_on": "Data przyjęcia planu",
        "h_follow_up": "6. Kiedy i jak plan będzie oceniany",
        "follow_up_rhythm": "Kiedy plan będzie oceniany",
        "follow_up_how": "Jak plan będzie oceniany",
    },
}
