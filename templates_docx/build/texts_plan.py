"""Wording of the individual plan, the follow-up record and the closing summary."""

from __future__ import annotations

PLAN = {
    "sv": {
        "plan_title": "Handlingsplan (genomförandeplan)",
        "plan_subtitle": "Planen är gjord tillsammans med dig och beskriver hur uppdraget ska "
                         "genomföras (SOSFS 2014:5): målen, vad som ska göras, av vem, när och "
                         "hur, och hur planen följs upp.",
        "h_plan_basis": "1. Uppdraget och planen", "assignment": "Mål och uppdrag enligt beslutet",
        "adopted_on": "Planen fastställd", "h_analysis": "2. Kartläggning",
        "assessment_intro": "Styrkor och resurser först, sedan det som gör det svårt. Egen "
                            "skattning 1–10 (1 = mycket svårt, 10 = mycket bra).",
        "strengths": "Styrkor och resurser", "situation": "Situationen nu", "causes": "Orsaker",
        "barriers": "Hinder", "rating": "Egen skattning", "h_matters": "Det som är viktigt för dig",
        "values": "Vad du värdesätter", "feels_safe": "Vad som känns tryggt",
        "interests": "Vad som intresserar dig", "network": "Nätverk och samverkan",
        "h_earlier": "Tidigare insatser och resultat", "intervention": "Insats", "result": "Resultat",
        "h_extras": "Mer om situationen", "question": "Fråga", "answer": "Svar",
        "h_goals": "3. Mål, delmål och insatser",
        "goals_intro": "Varje mål delas i små delmål. Ett delmål som visar sig vara för högt satt "
                       "sänks – det är inget misslyckande.",
        "from_assignment": "Del av uppdraget:", "person_actions": "Det gör du",
        "worker_actions": "Det gör personalen", "others": "Vem mer ansvarar",
        "progress_sign": "Så syns framsteg", "no_goals": "Inga mål har satts ännu.",
        "h_participation": "4. Delaktighet och samverkan",
        "participation": "Hur du har varit delaktig och dina egna synpunkter",
        "other_participants": "Andra som deltagit och samverkan med andra",
        "h_follow_up": "5. Uppföljning", "follow_up_rhythm": "När planen följs upp",
        "follow_up_how": "Hur planen följs upp", "meeting_dates": "Planerade mötesdatum",
        "follow_up_note": "Planen kan ändras när du och vi är överens. Du får en kopia.",
    },
    "en": {
        "plan_title": "Individual plan",
        "plan_subtitle": "The plan is made together with you. It sets out the goals, what will "
                         "be done, by whom, when and how, and how the plan is followed up.",
        "h_plan_basis": "1. The assignment and the plan", "assignment": "Assignment and decision",
        "adopted_on": "Plan adopted on", "h_analysis": "2. Assessment",
        "assessment_intro": "Strengths and resources first, then what makes things hard. Own "
                            "rating 1–10 (1 = very hard, 10 = very good).",
        "strengths": "Strengths and resources", "situation": "The situation now",
        "causes": "Causes", "barriers": "Barriers", "rating": "Own rating",
        "h_matters": "What matters to you", "values": "What you value",
        "feels_safe": "What feels safe", "interests": "What interests you",
        "network": "Network and cooperation", "h_earlier": "Earlier help and its results",
        "intervention": "What was tried", "result": "Result",
        "h_extras": "More about the situation", "question": "Question", "answer": "Answer",
        "h_goals": "3. Goals, sub-goals and actions",
        "goals_intro": "Each goal is broken into small sub-goals. A sub-goal set too high is "
                       "lowered – that is not a failure.",
        "from_assignment": "Part of the assignment:", "person_actions": "What you do",
        "worker_actions": "What the worker does", "others": "Who else is responsible",
        "progress_sign": "How progress is seen", "no_goals": "No goals have been set yet.",
        "h_participation": "4. Taking part and cooperation",
        "participation": "How you took part and your own views",
        "other_participants": "Other participants and cooperation with others",
        "h_follow_up": "5. Follow-up", "follow_up_rhythm": "When the plan is followed up",
        "follow_up_how": "How the plan is followed up", "meeting_dates": "Planned meeting dates",
        "follow_up_note": "The plan can be changed when you and we agree. You get a copy.",
    },
    "pl": {
        "plan_title": "Indywidualny Program Wychodzenia z Bezdomności",
        "plan_subtitle": "Program opracowany wspólnie z osobą bezdomną na podstawie art. 49 "
                         "ustawy z dnia 12 marca 2004 r. o pomocy społecznej; określa działania "
                         "osoby i asystenta, osoby i instytucje wspierające, harmonogram i "
                         "terminy spotkań.",
        "h_plan_basis": "I. Dane osoby i podstawa programu", "assignment": "Skierowanie i zadanie",
        "adopted_on": "Data opracowania programu", "h_analysis": "II. Analiza sytuacji osoby",
        "assessment_intro": "Najpierw mocne strony i zasoby, potem trudności. Samoocena 1–10 "
                            "(1 = bardzo trudno, 10 = bardzo dobrze).",
        "strengths": "Mocne strony i zasoby", "situation": "Sytuacja obecna",
        "causes": "Przyczyny", "barriers": "Ograniczenia i bariery", "rating": "Samoocena",
        "h_matters": "Co jest ważne dla osoby", "values": "Co osoba ceni",
        "feels_safe": "Co daje poczucie bezpieczeństwa", "interests": "Zainteresowania",
        "network": "Sieć wsparcia: rodzina, znajomi, instytucje",
        "h_earlier": "Dotychczasowa pomoc i jej rezultaty", "intervention": "Forma pomocy",
        "result": "Rezultat", "h_extras": "Analiza sytuacji (IPWzB)", "question": "Zagadnienie",
        "answer": "Opis",
        "h_goals": "III. Cele i działania",
        "goals_intro": "Każdy cel główny dzieli się na cele szczegółowe. Cel ustawiony zbyt "
                       "wysoko obniża się – to nie jest porażka.",
        "from_assignment": "Związek z zadaniem:", "person_actions": "Działania osoby",
        "worker_actions": "Działania asystenta / pracownika socjalnego",
        "others": "Osoby i instytucje wspierające (za co odpowiadają)",
        "progress_sign": "Miernik postępu", "no_goals": "Nie ustalono jeszcze celów.",
        "h_participation": "IV. Udział osoby",
        "participation": "Udział osoby w opracowaniu programu i jej stanowisko",
        "other_participants": "Inne osoby i instytucje współpracujące",
        "h_follow_up": "V. Harmonogram, terminy spotkań i ocena postępów",
        "follow_up_rhythm": "Harmonogram etapów i ocena postępów",
        "follow_up_how": "Sposób oceny postępów", "meeting_dates": "Terminy spotkań",
        "follow_up_note": "Postępy w realizacji programu są oceniane nie rzadziej niż raz na dwa "
                          "tygodnie. Program może być zmieniany za zgodą obu stron.",
    },
}

PLAN_FAMILY_PL = {
    **PLAN["pl"],
    "plan_title": "Plan pracy z rodziną",
    "plan_subtitle": "Plan opracowany przez asystenta rodziny wspólnie z rodziną (art. 15 "
                     "ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy "
                     "zastępczej): cele, zadania, terminy i okresowa ocena.",
    "h_plan_basis": "I. Rodzina i podstawa planu", "adopted_on": "Data opracowania planu",
    "h_analysis": "II. Diagnoza sytuacji rodziny", "h_extras": "Rodzina",
    "h_goals": "III. Cele i zadania", "worker_actions": "Działania asystenta rodziny",
    "person_actions": "Zadania rodziny", "h_participation": "IV. Udział rodziny",
    "participation": "Udział rodziny w opracowaniu planu i jej stanowisko",
    "h_follow_up": "V. Okresowa ocena",
    "follow_up_note": "Realizacja planu jest okresowo oceniana wspólnie z rodziną. Plan może być "
                      "zmieniany za zgodą obu stron.",
}

RECORDS = {
    "sv": {
        "fu_title": "Uppföljning – anteckning från mötet", "meeting_date": "Mötesdatum",
        "plan_ref": "Handlingsplan", "next_meeting": "Nästa möte",
        "h_since": "Vad har hänt sedan sist", "h_successes": "Det som har gått bra",
        "h_setbacks": "Motgångar och hur vi vänder dem", "h_progress": "Delmålen",
        "progress_note": "Ett delmål som var för högt satt sänks – det är inget misslyckande.",
        "h_ratings": "Egen skattning", "rating_before": "Förra gången", "rating_now": "Nu",
        "h_changes": "Ändringar i planen",
        "cl_title": "Avslutning – sammanfattning", "opened_on": "Ärendet öppnat",
        "closed_on": "Avslutat", "reason": "Skäl", "h_evaluation": "Slutlig bedömning",
        "h_goals_result": "Målen", "reached": "Delmål nådda",
        "h_ratings_change": "Egen skattning – från start till slut",
        "rating_start": "Vid kartläggningen", "rating_end": "Senast",
        "h_outcomes": "Resultat",
    },
    "en": {
        "fu_title": "Follow-up record", "meeting_date": "Date of the meeting",
        "plan_ref": "Individual plan", "next_meeting": "Next meeting",
        "h_since": "What has happened since last time", "h_successes": "Successes",
        "h_setbacks": "Setbacks and how to turn them", "h_progress": "Sub-goals",
        "progress_note": "A sub-goal that was set too high is lowered – that is not a failure.",
        "h_ratings": "Own rating", "rating_before": "Last time", "rating_now": "Now",
        "h_changes": "Changes to the plan",
        "cl_title": "Closing summary", "opened_on": "Case opened", "closed_on": "Closed",
        "reason": "Reason", "h_evaluation": "Final evaluation", "h_goals_result": "The goals",
        "reached": "Sub-goals reached", "h_ratings_change": "Own rating – from start to end",
        "rating_start": "At the assessment", "rating_end": "Latest", "h_outcomes": "Outcomes",
    },
    "pl": {
        "fu_title": "Monitoring – notatka ze spotkania", "meeting_date": "Data spotkania",
        "plan_ref": "Program / plan", "next_meeting": "Następne spotkanie",
        "h_since": "Co wydarzyło się od ostatniego spotkania", "h_successes": "Sukcesy",
        "h_setbacks": "Trudności i jak je pokonać", "h_progress": "Cele szczegółowe",
        "progress_note": "Cel ustawiony zbyt wysoko obniża się – to nie jest porażka.",
        "h_ratings": "Samoocena", "rating_before": "Poprzednio", "rating_now": "Obecnie",
        "h_changes": "Zmiany w programie",
        "cl_title": "Zakończenie współpracy – podsumowanie", "opened_on": "Data rozpoczęcia",
        "closed_on": "Data zakończenia", "reason": "Powód zakończenia",
        "h_evaluation": "Ocena końcowa", "h_goals_result": "Cele",
        "reached": "Osiągnięte cele szczegółowe", "h_ratings_change": "Samoocena – na początku "
        "i na końcu", "rating_start": "Przy diagnozie", "rating_end": "Ostatnio",
        "h_outcomes": "Rezultaty",
    },
}
