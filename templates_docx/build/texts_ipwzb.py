"""The words of the IPWzB (templates_docx/build/ipwzb.py) beyond the common plan words
(texts_plan.PLAN["ipwzb", …], which they override): art. 49 u.p.s. in Polish, and the Polish
form in Swedish and English words. The same keys in every language."""

from __future__ import annotations

IPWZB: dict[str, dict[str, str]] = {
    "pl": {
        "plan_subtitle": "Program opracowany przez pracownika socjalnego wspólnie z osobą "
        "bezdomną i zatwierdzany przez kierownika ośrodka pomocy społecznej (art. 49 ustawy z "
        "dnia 12 marca 2004 r. o pomocy społecznej).",
        "address": "Adres pobytu",
        "h_analysis": "II. Analiza sytuacji życiowej osoby bezdomnej",
        "analysis_intro": "Analiza, na podstawie której opracowano program (diagnoza zapisana "
        "w sprawie).",
        "a_family": "Sytuacja rodzinna",
        "a_financial": "Sytuacja materialna",
        "a_education": "Wykształcenie i kwalifikacje zawodowe",
        "a_employability": "Możliwości zatrudnienia",
        "a_health": "Stan zdrowia, w tym uzależnienia",
        "a_homelessness": "Przyczyny i okres bezdomności",
        "a_causes": "Przyczyny trudnej sytuacji życiowej",
        "a_possibilities": "Możliwości osoby",
        "a_limitations": "Ograniczenia i bariery",
        "h_areas": "Ocena w obszarach życia",
        "h_goals": "III. Cele programu",
        "goals_intro": "Każdy cel główny dzieli się na cele szczegółowe. Cel ustalony zbyt "
        "wysoko można obniżyć – to nie jest porażka.",
        "others": "Kto odpowiada i kto wspiera",
        "h_person_actions": "IV. Działania osoby bezdomnej",
        "person_actions_intro": "Co osoba robi sama, aktywnie współdziałając z pracownikiem "
        "socjalnym w rozwiązywaniu swoich problemów:",
        "h_worker_actions": "V. Działania pracownika socjalnego",
        "worker_actions_intro": "Praca socjalna i pomoc, której udziela pracownik socjalny "
        "(z asystentem):",
        "action": "Działanie",
        "for_goal": "Cel",
        "h_help": "VI. Środki pomocy i podmioty odpowiedzialne",
        "help_intro": "Formy pomocy w programie i podmiot odpowiedzialny za realizację każdej "
        "z nich (art. 49 ust. 5 ustawy o pomocy społecznej).",
        "measure": "Forma pomocy",
        "details": "Zakres",
        "responsible": "Odpowiada",
        "period": "Okres",
        "no_help": "Nie wskazano jeszcze środków pomocy.",
        "h_participation": "VII. Udział osoby",
        "h_follow_up": "VIII. Terminy spotkań i ocena postępów",
        "meeting_day": "Termin spotkania",
        "stage": "Etap programu",
        "meeting_dates": "Terminy spotkań",
        "follow_up_rhythm": "Ocena postępów (rytm ustalony przez zespół)",
        "follow_up_how": "Sposób oceny postępów",
        "follow_up_note": "Osoba informuje pracownika socjalnego o trudnościach w realizacji "
        "programu. Program może być zmieniony za zgodą obu stron.",
    },
    "sv": {
        "plan_subtitle": "Programmet tas fram av socialarbetaren tillsammans med den hemlösa "
        "personen och godkänns av socialtjänstcentrets chef (art. 49 ustawy z dnia 12 marca "
        "2004 r. o pomocy społecznej, den polska lagen om socialt bistånd).",
        "address": "Vistelseadress",
        "h_analysis": "II. Analys av den hemlösa personens livssituation",
        "analysis_intro": "Analysen som programmet bygger på (kartläggningen i ärendet).",
        "a_family": "Familjesituation",
        "a_financial": "Ekonomisk situation",
        "a_education": "Utbildning och yrkeskunskaper",
        "a_employability": "Möjligheter till arbete",
        "a_health": "Hälsa, även beroende",
        "a_homelessness": "Orsaker till hemlösheten och hur länge den varat",
        "a_causes": "Orsaker till den svåra livssituationen",
        "a_possibilities": "Personens möjligheter",
        "a_limitations": "Begränsningar och hinder",
        "h_areas": "Bedömning per livsområde",
        "h_goals": "III. Programmets mål",
        "goals_intro": "Varje huvudmål delas i delmål. Ett mål som är för högt satt sänks – det är "
        "inget misslyckande.",
        "others": "Vem ansvarar och vem stöttar",
        "h_person_actions": "IV. Den hemlösa personens åtgärder",
        "person_actions_intro": "Det personen gör själv, i aktivt samarbete med socialarbetaren, "
        "för att lösa sina problem:",
        "h_worker_actions": "V. Socialarbetarens åtgärder",
        "worker_actions_intro": "Det sociala arbetet och den hjälp socialarbetaren ger (med "
        "assistenten):",
        "action": "Åtgärd",
        "for_goal": "Mål",
        "h_help": "VI. Former av stöd och vem som ansvarar",
        "help_intro": "Formerna av stöd i programmet och vem som ansvarar för var och en av dem "
        "(art. 49 ust. 5 i den polska lagen om socialt bistånd).",
        "measure": "Form av stöd",
        "details": "Omfattning",
        "responsible": "Ansvarar",
        "period": "Period",
        "no_help": "Inga former av stöd har angetts ännu.",
        "h_participation": "VII. Personens delaktighet",
        "h_follow_up": "VIII. Mötesdatum och bedömning av framstegen",
        "meeting_day": "Mötesdatum",
        "stage": "Del av programmet",
        "meeting_dates": "Mötesdatum",
        "follow_up_rhythm": "Bedömning av framstegen (så ofta som teamet bestämt)",
        "follow_up_how": "Hur framstegen bedöms",
        "follow_up_note": "Personen berättar för socialarbetaren om det blir svårt att genomföra "
        "programmet. Programmet kan ändras när båda parter är överens.",
    },
    "en": {
        "plan_subtitle": "The programme is drawn up by the social worker together with the "
        "homeless person and approved by the head of the social welfare centre (art. 49 ustawy "
        "z dnia 12 marca 2004 r. o pomocy społecznej, the Polish Social Assistance Act).",
        "address": "Address of stay",
        "h_analysis": "II. Analysis of the homeless person's life situation",
        "analysis_intro": "The analysis the programme is drawn up from (the assessment recorded "
        "in the case).",
        "a_family": "Family situation",
        "a_financial": "Financial situation",
        "a_education": "Education and occupational qualifications",
        "a_employability": "Possibilities of work",
        "a_health": "Health, including addictions",
        "a_homelessness": "Reasons for and length of homelessness",
        "a_causes": "Causes of the difficult life situation",
        "a_possibilities": "The person's possibilities",
        "a_limitations": "Limitations and barriers",
        "h_areas": "Assessment per life area",
        "h_goals": "III. Goals of the programme",
        "goals_intro": "Each main goal is broken into specific goals. A goal set too high is "
        "lowered – that is not a failure.",
        "others": "Who is responsible and who supports",
        "h_person_actions": "IV. Actions of the homeless person",
        "person_actions_intro": "What the person does themselves, working actively with the "
        "social worker on their own problems:",
        "h_worker_actions": "V. Actions of the social worker",
        "worker_actions_intro": "The social work and help the social worker gives (with the "
        "assistant):",
        "action": "Action",
        "for_goal": "Goal",
        "h_help": "VI. Forms of help and who is responsible",
        "help_intro": "The forms of help in the programme and who is responsible for carrying "
        "out each of them (art. 49 ust. 5 of the Polish Social Assistance Act).",
        "measure": "Form of help",
        "details": "Scope",
        "responsible": "Responsible",
        "period": "Period",
        "no_help": "No forms of help have been named yet.",
        "h_participation": "VII. The person's participation",
        "h_follow_up": "VIII. Meeting dates and assessment of progress",
        "meeting_day": "Meeting date",
        "stage": "Stage of the programme",
        "meeting_dates": "Meeting dates",
        "follow_up_rhythm": "Assessment of progress (as often as the team set)",
        "follow_up_how": "How progress is assessed",
        "follow_up_note": "The person tells the social worker about any difficulty in carrying "
        "out the programme. The programme can be changed with the consent of both parties.",
    },
}
