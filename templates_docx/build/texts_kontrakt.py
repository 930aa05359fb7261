"""The words of the kontrakt socjalny (templates_docx/build/kontrakt.py) in each language: the
Polish pattern's part names (Dz.U. 2010 nr 218 poz. 1439) and their Swedish and English words.
The same keys in every language; a template is the Polish form in the person's language."""

from __future__ import annotations

_PERIOD = '{{ agreement.period_from or "……………………" }}'
_UNTIL = '{{ agreement.period_to or "……………………" }}'
_REACHED = "{{ kontrakt.evaluation.reached }}"
_OF = "{{ kontrakt.evaluation.sub_goals }}"
_AS_OF = "{{ kontrakt.evaluation.as_of }}"
_CLOSED = "{% if kontrakt.evaluation.closed_on %} ({{ kontrakt.evaluation.closed_on }}){% endif %}"

KONTRAKT: dict[str, dict[str, str]] = {
    "pl": {
        "stamp": "(pieczęć ośrodka pomocy społecznej)",
        "concluded": "Data zawarcia kontraktu socjalnego:",
        "on_day": "dnia",
        "kontrakt_title": "KONTRAKT SOCJALNY",
        "between": "określający sposób współdziałania między:",
        "variant_a": "osobą/rodziną a pracownikiem socjalnym w zakresie rozwiązywania trudnej "
        "sytuacji życiowej (część I A i II A)",
        "variant_b": "osobą a pracownikiem socjalnym w celu wzmocnienia aktywności i "
        "samodzielności życiowej, zawodowej lub przeciwdziałania wykluczeniu społecznemu "
        "(część I B i II B)",
        "h_person_family": "Panią/Panem (osobą, członkami rodziny):",
        "last_name": "Nazwisko",
        "first_name": "Imię",
        "residence": "Adres zamieszkania/pobytu",
        "pesel": "PESEL",
        "h_social_worker": "a pracownikiem socjalnym:",
        "sw_name": "Imię i nazwisko",
        "sw_phone": "Nr telefonu kontaktowego",
        "centre": "Ośrodek",
        "part_one_a": "Część I A. Ocena sytuacji życiowej osoby/rodziny i ustalone w związku z tą "
        "sytuacją cele (plan pracy socjalnej)",
        "part_one_b": "Część I B. Ocena sytuacji życiowej osoby i ustalone w związku z tą sytuacją "
        "cele (plan pracy socjalnej)",
        "from_assessment": "Na podstawie diagnozy sytuacji zapisanej w sprawie.",
        "causes": "Przyczyny trudnej sytuacji życiowej",
        "possibilities": "Możliwości osoby/rodziny pozwalające na rozwiązanie trudnej sytuacji "
        "życiowej",
        "limitations": "Ograniczenia osoby/rodziny lub bariery w środowisku utrudniające "
        "rozwiązanie trudnej sytuacji życiowej",
        "unemployment_causes": "Przyczyny pozostawania bez pracy",
        "work_limitations": "Czynniki ograniczające możliwość znalezienia pracy",
        "earlier_activation": "Dotychczasowe działania aktywizacyjne i przyczyny ich "
        "nieskuteczności",
        "main_goal": "Cel główny",
        "sub_goals": "Cele szczegółowe",
        "part_two_a": "Część II A. Ustalenia kontraktu",
        "part_two_b": "Część II B. Ustalenia kontraktu",
        "actions_intro": "Strony uzgadniają następujące działania:",
        "action": "Działanie (co zostanie zrobione)",
        "who": "Kto realizuje",
        "by_when": "Termin realizacji",
        "period": f"Kontrakt zawarto na okres od {_PERIOD} do {_UNTIL}.",
        "changes": "Kontrakt może być zmieniony za zgodą obu stron. Zmiany wprowadza się "
        "pisemnym aneksem podpisanym przez strony; wymienia je część „Zmiany kontraktu”.",
        "art_11": "Odmowa zawarcia kontraktu socjalnego, niedotrzymanie jego postanowień lub "
        "nieuzasadniona odmowa realizacji uzgodnionych działań mogą stanowić podstawę odmowy "
        "przyznania świadczenia, uchylenia decyzji o przyznaniu świadczenia albo wstrzymania "
        "świadczeń pieniężnych z pomocy społecznej (art. 11 ust. 2 ustawy z dnia 12 marca "
        "2004 r. o pomocy społecznej).",
        "consent_apart": "Zgoda na przekazywanie informacji nie jest częścią kontraktu: jest "
        "odrębnym, dobrowolnym dokumentem, a jej odmowa lub wycofanie nie wpływa na kontrakt ani "
        "na świadczenia.",
        "h_cooperation": "Ustalenia dotyczące współpracy",
        "contact": "Osoba kontaktowa (asystent)",
        "rhythm": "Częstotliwość spotkań",
        "channels": "Formy kontaktu",
        "h_amendments": "Zmiany kontraktu (aneksy)",
        "date": "Data",
        "change": "Treść zmiany",
        "signatures": "Podpisy stron",
        "no_amendments": "Kontrakt nie był zmieniany.",
        "h_evaluation": "Ocena realizacji kontraktu socjalnego",
        "meeting": "Spotkanie monitorujące",
        "actions_as_of": "Realizacja działań uzgodnionych w części II według spotkania "
        f"monitorującego z dnia {_AS_OF}:",
        "status": "Stan realizacji",
        "comment": "Uwagi",
        "carried_out": "Co zostało zrealizowane",
        "reached": f"Zrealizowane cele szczegółowe: {_REACHED} z {_OF}.",
        "final": f"Ocena końcowa{_CLOSED}",
        "no_evaluation": "Ocenę sporządza się na podstawie monitoringu; spotkanie monitorujące "
        "jeszcze się nie odbyło.",
        "h_signatures": "Podpisy stron",
        "kontrakt_copies": "Kontrakt sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym "
        "dla każdej ze stron.",
        "sig_party": "Osoba",
        "sig_family": "Członek rodziny",
        "sig_legal_rep": "Przedstawiciel ustawowy",
        "sig_caseworker": "Pracownik socjalny",
        "sig_worker": "Asystent",
        "place_and_date": "miejscowość i data",
        "signature": "podpis",
        "no": "Lp.",
        "case": "Sprawa",
    },
    "sv": {
        "stamp": "(socialtjänstcentrets stämpel)",
        "concluded": "Kontraktet ingicks:",
        "on_day": "den",
        "kontrakt_title": "SOCIALT KONTRAKT (KONTRAKT SOCJALNY)",
        "between": "som anger hur följande parter samarbetar:",
        "variant_a": "personen/familjen och socialarbetaren, för att lösa en svår livssituation "
        "(del I A och II A)",
        "variant_b": "personen och socialarbetaren, för att stärka aktiviteten och "
        "självständigheten i livet och i arbetet eller motverka social utestängning "
        "(del I B och II B)",
        "h_person_family": "Personen (och de familjemedlemmar som är parter):",
        "last_name": "Efternamn",
        "first_name": "Förnamn",
        "residence": "Adress där personen bor eller vistas",
        "pesel": "PESEL",
        "h_social_worker": "och socialarbetaren:",
        "sw_name": "Namn",
        "sw_phone": "Telefon",
        "centre": "Socialtjänstcentret",
        "part_one_a": "Del I A. Bedömning av personens/familjens livssituation och de mål som "
        "satts utifrån den (plan för det sociala arbetet)",
        "part_one_b": "Del I B. Bedömning av personens livssituation och de mål som satts utifrån "
        "den (plan för det sociala arbetet)",
        "from_assessment": "Utifrån kartläggningen av situationen i ärendet.",
        "causes": "Orsaker till den svåra livssituationen",
        "possibilities": "Personens/familjens möjligheter att lösa den svåra livssituationen",
        "limitations": "Personens/familjens begränsningar eller hinder i omgivningen som gör det "
        "svårt att lösa den",
        "unemployment_causes": "Orsaker till att personen står utan arbete",
        "work_limitations": "Det som begränsar möjligheten att hitta arbete",
        "earlier_activation": "Tidigare aktiveringsinsatser och varför de inte gav resultat",
        "main_goal": "Huvudmål",
        "sub_goals": "Delmål",
        "part_two_a": "Del II A. Det parterna har kommit överens om",
        "part_two_b": "Del II B. Det parterna har kommit överens om",
        "actions_intro": "Parterna kommer överens om följande åtgärder:",
        "action": "Åtgärd (vad som ska göras)",
        "who": "Vem gör det",
        "by_when": "Senast",
        "period": f"Kontraktet gäller från och med {_PERIOD} till och med {_UNTIL}.",
        "changes": "Kontraktet kan ändras när båda parter är överens. Ändringar görs skriftligt i "
        "ett tillägg som parterna undertecknar; de står under ”Ändringar av kontraktet”.",
        "art_11": "Om personen vägrar att ingå kontraktet, inte håller det eller utan skäl vägrar "
        "att genomföra de överenskomna åtgärderna kan det leda till att en förmån nekas, att "
        "beslutet om förmånen upphävs eller att utbetalningar av socialhjälp stoppas (art. 11 ust. 2 "
        "ustawy z dnia 12 marca 2004 r. o pomocy społecznej, den polska lagen om socialhjälp).",
        "consent_apart": "Samtycket till informationsutbyte är inte en del av kontraktet: det är "
        "ett eget, frivilligt dokument, och att säga nej eller ta tillbaka det påverkar varken "
        "kontraktet eller förmånerna.",
        "h_cooperation": "Hur vi samarbetar",
        "contact": "Kontaktperson (assistent)",
        "rhythm": "Hur ofta vi träffas",
        "channels": "Kontaktvägar",
        "h_amendments": "Ändringar av kontraktet (tillägg)",
        "date": "Datum",
        "change": "Ändring",
        "signatures": "Parternas underskrifter",
        "no_amendments": "Kontraktet har inte ändrats.",
        "h_evaluation": "Bedömning av hur kontraktet har genomförts",
        "meeting": "Uppföljningsmöte",
        "actions_as_of": "Hur de överenskomna åtgärderna i del II har genomförts enligt "
        f"uppföljningsmötet den {_AS_OF}:",
        "status": "Hur det gick",
        "comment": "Kommentar",
        "carried_out": "Det som har genomförts",
        "reached": f"Uppnådda delmål: {_REACHED} av {_OF}.",
        "final": f"Slutbedömning{_CLOSED}",
        "no_evaluation": "Bedömningen görs utifrån uppföljningen; inget uppföljningsmöte har "
        "hållits ännu.",
        "h_signatures": "Parternas underskrifter",
        "kontrakt_copies": "Kontraktet har upprättats i två likalydande exemplar, ett till var "
        "part.",
        "sig_party": "Personen",
        "sig_family": "Familjemedlem",
        "sig_legal_rep": "Ställföreträdare",
        "sig_caseworker": "Socialarbetare",
        "sig_worker": "Assistent",
        "place_and_date": "Ort och datum",
        "signature": "Underskrift",
        "no": "Nr",
        "case": "Ärende",
    },
    "en": {
        "stamp": "(stamp of the social welfare centre)",
        "concluded": "Contract concluded:",
        "on_day": "on",
        "kontrakt_title": "SOCIAL CONTRACT (KONTRAKT SOCJALNY)",
        "between": "setting out how the following parties work together:",
        "variant_a": "the person/family and the social worker, to solve a difficult life "
        "situation (parts I A and II A)",
        "variant_b": "the person and the social worker, to strengthen activity and independence "
        "in life and work or to counter social exclusion (parts I B and II B)",
        "h_person_family": "The person (and the family members who are parties):",
        "last_name": "Surname",
        "first_name": "First name",
        "residence": "Address of residence or stay",
        "pesel": "PESEL",
        "h_social_worker": "and the social worker:",
        "sw_name": "Name",
        "sw_phone": "Contact phone",
        "centre": "Centre",
        "part_one_a": "Part I A. Assessment of the person's/family's life situation and the goals "
        "set for it (social work plan)",
        "part_one_b": "Part I B. Assessment of the person's life situation and the goals set for "
        "it (social work plan)",
        "from_assessment": "Taken from the assessment of the situation recorded in the case.",
        "causes": "Causes of the difficult life situation",
        "possibilities": "The person's/family's possibilities of solving the difficult life "
        "situation",
        "limitations": "Limitations of the person/family or barriers around them that make it "
        "hard to solve",
        "unemployment_causes": "Causes of being out of work",
        "work_limitations": "What limits finding work",
        "earlier_activation": "Earlier activation and why it did not work",
        "main_goal": "Main goal",
        "sub_goals": "Specific goals",
        "part_two_a": "Part II A. What the parties agree",
        "part_two_b": "Part II B. What the parties agree",
        "actions_intro": "The parties agree the following actions:",
        "action": "Action (what will be done)",
        "who": "Who does it",
        "by_when": "By when",
        "period": f"The contract covers the period from {_PERIOD} to {_UNTIL}.",
        "changes": "The contract may be changed with the consent of both parties. A change is "
        "made in writing in an amendment the parties sign; they are listed under “Changes to the "
        "contract”.",
        "art_11": "Refusing to conclude the social contract, not keeping to it or refusing "
        "without good reason to carry out the agreed actions may be grounds for refusing a "
        "benefit, revoking the decision granting it or stopping cash benefits of social "
        "assistance (art. 11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej, the "
        "Polish Social Assistance Act).",
        "consent_apart": "The consent to share information is not part of this contract: it is a "
        "separate, voluntary document, and refusing or withdrawing it affects neither the "
        "contract nor any benefit.",
        "h_cooperation": "How we work together",
        "contact": "Contact person (assistant)",
        "rhythm": "How often we meet",
        "channels": "Ways to get in touch",
        "h_amendments": "Changes to the contract (amendments)",
        "date": "Date",
        "change": "Change",
        "signatures": "Signatures of the parties",
        "no_amendments": "The contract has not been changed.",
        "h_evaluation": "Evaluation of how the contract was carried out",
        "meeting": "Follow-up meeting",
        "actions_as_of": "How the actions agreed in part II were carried out, as found at the "
        f"follow-up meeting of {_AS_OF}:",
        "status": "Status",
        "comment": "Comment",
        "carried_out": "What was carried out",
        "reached": f"Specific goals reached: {_REACHED} of {_OF}.",
        "final": f"Final evaluation{_CLOSED}",
        "no_evaluation": "The evaluation is made from the follow-ups; no follow-up meeting has "
        "been held yet.",
        "h_signatures": "Signatures of the parties",
        "kontrakt_copies": "This contract is made in two identical copies, one for each party.",
        "sig_party": "The person",
        "sig_family": "Family member",
        "sig_legal_rep": "Legal representative",
        "sig_caseworker": "Social worker",
        "sig_worker": "Assistant",
        "place_and_date": "Place and date",
        "signature": "Signature",
        "no": "No.",
        "case": "Case",
    },
}
