"""The agreements in the other languages of their form, as translation tables of the texts of
the hand-made sources: ``agreement_se_sv.docx`` (the Swedish överenskommelse; its English
version ``agreement_se_en.docx`` is hand-made too) and ``agreement_pl_pl.docx`` (the Polish
kontrakt socjalny). The build copies the source and replaces every text by its translation, so
the layout stays the source's; a text of the source missing here stops the build with its
wording, so a change of the source's wording is made here too.
"""

from __future__ import annotations

#: The Swedish överenskommelse in Polish words (the form of the Swedish methods).
SE_PL: dict[str, str] = {
    "Överenskommelse om samarbete": "Porozumienie o współpracy",
    "Den här överenskommelsen beskriver hur du och {{ unit.name }} ska samarbeta: vad vi vill "
    "uppnå, vad var och en gör och hur vi håller kontakten.": "Porozumienie opisuje, jak "
    "osoba i jednostka ({{ unit.name }}) będą współpracować: co chcemy osiągnąć, kto co robi i "
    "jak utrzymujemy kontakt.",
    "1. Parter": "1. Strony",
    "Personen": "Osoba",
    "Efternamn": "Nazwisko",
    "Förnamn": "Imię",
    '{{ person.identity_kind or "Identitetsnummer" }}': '{{ person.identity_kind or "Numer '
    'identyfikacyjny" }}',
    "Födelsedatum": "Data urodzenia",
    "Adress": "Adres",
    "Telefon": "Telefon",
    "Verksamheten": "Jednostka",
    "Verksamhet": "Nazwa jednostki",
    "Adress och telefon": "Adres i telefon",
    "Kontaktperson (medarbetare)": "Osoba kontaktowa (pracownik)",
    "Kontaktpersonens telefon": "Telefon osoby kontaktowej",
    "Handläggare": "Pracownik kierujący",
    "2. Bakgrund": "2. Podstawa współpracy",
    "Ärende": "Sprawa",
    "Arbetssätt": "Metoda pracy",
    "Uppdrag": "Zlecenie",
    "Startmöte": "Pierwsze spotkanie",
    "Deltagare": "Uczestnicy",
    "Det här vill jag förändra (med egna ord)": "Co chcę zmienić (własnymi słowami)",
    "Förväntningar – personen": "Oczekiwania – osoba",
    "Förväntningar – verksamheten": "Oczekiwania – jednostka",
    "3. Syfte med samarbetet": "3. Cel współpracy",
    "4. Frivillighet": "4. Dobrowolność",
    "Samarbetet är frivilligt. Du kan när som helst avsluta det utan att ange skäl – säg det "
    "till din kontaktperson eller ring {{ unit.name }}{% if unit.phone %} på {{ unit.phone }}"
    "{% endif %}. Att avsluta samarbetet påverkar inte din rätt att söka annat stöd.": "Współpraca "
    "jest dobrowolna. Można ją zakończyć w każdej chwili bez podawania przyczyny – wystarczy "
    "powiedzieć o tym osobie kontaktowej albo zadzwonić do jednostki{% if unit.phone %} (tel. "
    "{{ unit.phone }}){% endif %}. Zakończenie współpracy nie odbiera prawa do ubiegania się o "
    "inne wsparcie.",
    "5. Nuläge": "5. Obecna sytuacja",
    "Orsaker till den nuvarande situationen": "Przyczyny obecnej sytuacji",
    "Möjligheter och styrkor": "Możliwości i mocne strony",
    "Begränsningar och hinder": "Ograniczenia i bariery",
    "6. Det här har vi kommit överens om": "6. Co ustaliliśmy",
    'Överenskommelsen gjordes vid mötet den {{ agreement.meeting_date or "—" }}. Var och en gör '
    "det som står i tabellen.": "Data spotkania, na którym zawarto porozumienie: "
    '{{ agreement.meeting_date or "—" }}. Każda ze stron wykonuje to, co zapisano w tabeli.',
    "Nr": "Nr",
    "Vad ska göras": "Co zostanie zrobione",
    "Vem gör det": "Kto to robi",
    "Senast / när": "Termin",
    "7. Kontakt och möten": "7. Kontakt i spotkania",
    "Kontaktperson": "Osoba kontaktowa",
    "Vi träffas": "Częstotliwość spotkań",
    "Kontaktvägar": "Formy kontaktu",
    "8. Samtycke till informationsutbyte": "8. Zgoda na wymianę informacji",
    "{{ person.full_name }} samtycker till att uppgifter lämnas och hämtas mellan parterna "
    "nedan, i den omfattning och för det syfte som anges här.": "{{ person.full_name }} wyraża "
    "zgodę na przekazywanie i uzyskiwanie informacji między podmiotami wymienionymi "
    "poniżej, w zakresie i w celu tu określonym.",
    "Mellan vilka": "Między kim",
    "Vilka uppgifter": "Jakie informacje",
    "Syfte": "Cel",
    "Gäller till och med": "Ważna do dnia (włącznie)",
    "Samtycket är frivilligt. Du kan när som helst ta tillbaka det, helt eller delvis, genom att "
    "säga det till din kontaktperson.": "Zgoda jest dobrowolna. Można ją w każdej chwili "
    "wycofać, w całości lub w części, mówiąc o tym osobie kontaktowej.",
    "Inget samtycke till informationsutbyte har lämnats. Uppgifter om dig lämnas inte till "
    "andra utan ditt samtycke, utom när lag kräver det.": "Nie wyrażono zgody na wymianę "
    "informacji. Informacje o osobie nie są przekazywane innym bez jej zgody, z wyjątkiem "
    "przypadków, gdy wymaga tego prawo.",
    "9. Giltighetstid och avslut": "9. Okres obowiązywania i zakończenie",
    'Överenskommelsen gäller från och med {{ agreement.period_from or "…………" }} till och med '
    '{{ agreement.period_to or "…………" }}. Den kan ändras när båda parter är överens.': (
        'Porozumienie obowiązuje od {{ agreement.period_from or "…………" }} do '
        '{{ agreement.period_to or "…………" }} włącznie. Może zostać zmienione za zgodą obu stron.'
    ),
    "Samarbetet avslutas när perioden är slut, när målen är nådda eller när du vill. Säg till "
    "din kontaktperson, muntligt eller skriftligt. Om du vill avslutar vi med ett samtal där vi "
    "går igenom vad vi har gjort och vad som händer sedan.": "Współpraca kończy się wraz z "
    "upływem okresu porozumienia, po osiągnięciu celów albo na życzenie osoby, zgłoszone osobie "
    "kontaktowej ustnie lub na piśmie. Na życzenie osoby na zakończenie odbywa się rozmowa o "
    "tym, co zrobiliśmy i co będzie dalej.",
    "10. Underskrifter": "10. Podpisy",
    "Överenskommelsen har upprättats i två exemplar, ett till var part.": "Porozumienie "
    "sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.",
    "Ort och datum": "miejscowość i data",
    "Underskrift": "podpis",
    "För verksamheten": "W imieniu jednostki",
}

#: The Polish kontrakt socjalny in Swedish words (the form of the Polish methods); the legal
#: references stay as the Polish law cites them.
PL_SV: dict[str, str] = {
    "{% if document.place %}{{ document.place }}, {% endif %}dnia {{ document.issued_on }}": "{% "
    "if document.place %}{{ document.place }}, {% endif %}den {{ document.issued_on }}",
    "(pieczęć ośrodka pomocy społecznej)": "(socialtjänstcentrets stämpel)",
    "KONTRAKT SOCJALNY": "SOCIALT KONTRAKT (KONTRAKT SOCJALNY)",
    'zawarty w dniu {{ agreement.meeting_date or "……………………" }}': "ingånget den "
    '{{ agreement.meeting_date or "……………………" }}',
    "określający sposób współdziałania między:": "om hur parterna ska samarbeta, mellan:",
    "Panią / Panem:": "Personen:",
    "1. Nazwisko": "1. Efternamn",
    "2. Imię": "2. Förnamn",
    "3. Adres zamieszkania / pobytu": "3. Bostads- eller vistelseadress",
    '4. {{ person.identity_kind or "Nr identyfikacyjny" }}': "4. {{ person.identity_kind or "
    '"Identitetsnummer" }}',
    "5. Data urodzenia": "5. Födelsedatum",
    "6. Telefon": "6. Telefon",
    "a pracownikiem socjalnym / asystentem:": "och socialarbetaren eller assistenten:",
    "Imię i nazwisko, stanowisko": "Namn och befattning",
    "Nr telefonu kontaktowego": "Telefon",
    "Ośrodek": "Socialtjänstcentret",
    "{{ unit.name }}, {{ unit.address }}{% if unit.phone %} · tel. {{ unit.phone }}{% endif %}": (
        "{{ unit.name }}, {{ unit.address }}{% if unit.phone %} · tel. {{ unit.phone }}{% endif %}"
    ),
    "Pracownik socjalny": "Socialarbetare",
    "Sprawa nr": "Ärende nr",
    "Program / metoda pracy": "Program eller arbetssätt",
    "Skierowanie (zlecenie)": "Remiss (uppdrag)",
    "Pierwsze spotkanie": "Första mötet",
    "Uczestnicy": "Deltagare",
    "Część I. Ocena sytuacji życiowej osoby i ustalone w związku z tą sytuacją cele": "Del I. "
    "Bedömning av personens livssituation och de mål som har satts utifrån den",
    "1. Przyczyny trudnej sytuacji życiowej": "1. Orsaker till den svåra livssituationen",
    "2. Możliwości osoby pozwalające na rozwiązanie trudnej sytuacji życiowej": "2. Personens "
    "möjligheter att lösa den svåra livssituationen",
    "3. Ograniczenia osoby lub bariery w środowisku utrudniające rozwiązanie trudnej sytuacji "
    "życiowej": "3. Personens begränsningar och hinder i omgivningen som försvårar en lösning",
    "4. Cele (plan pracy socjalnej)": "4. Mål (plan för det sociala arbetet)",
    "Cel główny współpracy": "Huvudmålet med samarbetet",
    "Co chcę zmienić – własnymi słowami osoby": "Det här vill jag förändra – med personens egna "
    "ord",
    "Oczekiwania osoby": "Personens förväntningar",
    "Oczekiwania zespołu": "Teamets förväntningar",
    "Część II. Uzgodnione działania": "Del II. Överenskomna åtgärder",
    'Strony ustaliły na spotkaniu w dniu {{ agreement.meeting_date or "……………………" }} następujące '
    "działania:": 'Vid mötet den {{ agreement.meeting_date or "……………………" }} kom parterna '
    "överens om följande åtgärder:",
    "Lp.": "Nr",
    "Działanie (co zostanie zrobione)": "Åtgärd (vad som ska göras)",
    "Kto realizuje": "Vem gör det",
    "Termin realizacji": "Senast",
    'Kontrakt zawarto na okres od {{ agreement.period_from or "……………………" }} do '
    '{{ agreement.period_to or "……………………" }}.': "Kontraktet gäller från och med "
    '{{ agreement.period_from or "……………………" }} till och med '
    '{{ agreement.period_to or "……………………" }}.',
    "Kontrakt może być zmieniony za zgodą obu stron.": "Kontraktet kan ändras när båda parter är "
    "överens.",
    "Odmowa zawarcia kontraktu socjalnego, niedotrzymanie jego postanowień lub nieuzasadniona "
    "odmowa realizacji uzgodnionych działań mogą stanowić podstawę odmowy przyznania świadczenia, "
    "uchylenia decyzji o przyznaniu świadczenia albo wstrzymania świadczeń pieniężnych z pomocy "
    "społecznej (art. 11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej).": "Om "
    "personen vägrar att ingå det sociala kontraktet, inte håller det eller utan skäl vägrar "
    "att genomföra de överenskomna åtgärderna kan det leda till att en förmån nekas, att "
    "beslutet om förmånen upphävs eller att utbetalningen av ekonomiskt bistånd stoppas (art. "
    "11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej, den polska lagen om socialt "
    "bistånd).",
    "Ustalenia dotyczące współpracy": "Hur vi samarbetar",
    "Osoba kontaktowa": "Kontaktperson",
    "Częstotliwość spotkań": "Hur ofta vi träffas",
    "Formy kontaktu": "Kontaktvägar",
    "Zgoda na przekazywanie informacji": "Samtycke till informationsutbyte",
    "{{ person.full_name }} wyraża zgodę na przekazywanie i uzyskiwanie informacji między "
    "podmiotami wymienionymi poniżej, w zakresie i w celu tu określonym.": "{{ person.full_name }} "
    "samtycker till att uppgifter lämnas och hämtas mellan parterna nedan, i den omfattning och "
    "för det syfte som anges här.",
    "Między kim": "Mellan vilka",
    "Jakie informacje": "Vilka uppgifter",
    "Cel": "Syfte",
    "Ważna do": "Gäller till och med",
    "Zgoda jest dobrowolna i może zostać w każdej chwili wycofana, w całości lub w części, przez "
    "poinformowanie asystenta lub pracownika socjalnego.": "Samtycket är frivilligt och kan när "
    "som helst tas tillbaka, helt eller delvis, genom att assistenten eller socialarbetaren "
    "informeras.",
    "Nie wyrażono zgody na przekazywanie informacji. Informacje o osobie nie są przekazywane "
    "innym podmiotom bez jej zgody, z wyjątkiem przypadków przewidzianych prawem.": "Inget "
    "samtycke till informationsutbyte har lämnats. Uppgifter om personen lämnas inte till andra "
    "utan samtycke, utom när lag kräver det.",
    "Podpisy stron": "Parternas underskrifter",
    "Kontrakt sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.": (
        "Kontraktet har upprättats i två likalydande exemplar, ett till var part."
    ),
    "Osoba": "Personen",
    "miejscowość i data": "Ort och datum",
    "podpis": "Underskrift",
    "W imieniu ośrodka": "För socialtjänstcentret",
    "Ocena realizacji kontraktu socjalnego": "Bedömning av hur det sociala kontraktet har "
    "genomförts",
    "(wypełnia pracownik socjalny po zakończeniu okresu kontraktu)": "(fylls i av "
    "socialarbetaren när kontraktsperioden är slut)",
    "data": "Datum",
    "podpis pracownika socjalnego": "Socialarbetarens underskrift",
}

#: The Polish kontrakt socjalny in English words.
PL_EN: dict[str, str] = {
    "{% if document.place %}{{ document.place }}, {% endif %}dnia {{ document.issued_on }}": "{% "
    "if document.place %}{{ document.place }}, {% endif %}{{ document.issued_on }}",
    "(pieczęć ośrodka pomocy społecznej)": "(stamp of the social assistance centre)",
    "KONTRAKT SOCJALNY": "SOCIAL CONTRACT (KONTRAKT SOCJALNY)",
    'zawarty w dniu {{ agreement.meeting_date or "……………………" }}': "concluded on "
    '{{ agreement.meeting_date or "……………………" }}',
    "określający sposób współdziałania między:": "setting out how the parties work together, "
    "between:",
    "Panią / Panem:": "The person:",
    "1. Nazwisko": "1. Surname",
    "2. Imię": "2. First name",
    "3. Adres zamieszkania / pobytu": "3. Address of residence or stay",
    '4. {{ person.identity_kind or "Nr identyfikacyjny" }}': "4. {{ person.identity_kind or "
    '"Identity number" }}',
    "5. Data urodzenia": "5. Date of birth",
    "6. Telefon": "6. Phone",
    "a pracownikiem socjalnym / asystentem:": "and the social worker or assistant:",
    "Imię i nazwisko, stanowisko": "Name and position",
    "Nr telefonu kontaktowego": "Contact phone",
    "Ośrodek": "Centre",
    "{{ unit.name }}, {{ unit.address }}{% if unit.phone %} · tel. {{ unit.phone }}{% endif %}": (
        "{{ unit.name }}, {{ unit.address }}{% if unit.phone %} · tel. {{ unit.phone }}{% endif %}"
    ),
    "Pracownik socjalny": "Social worker",
    "Sprawa nr": "Case no.",
    "Program / metoda pracy": "Programme or method",
    "Skierowanie (zlecenie)": "Referral (assignment)",
    "Pierwsze spotkanie": "First meeting",
    "Uczestnicy": "Participants",
    "Część I. Ocena sytuacji życiowej osoby i ustalone w związku z tą sytuacją cele": "Part I. "
    "Assessment of the person's life situation and the goals set in view of it",
    "1. Przyczyny trudnej sytuacji życiowej": "1. Causes of the difficult life situation",
    "2. Możliwości osoby pozwalające na rozwiązanie trudnej sytuacji życiowej": "2. The person's "
    "possibilities of resolving the difficult life situation",
    "3. Ograniczenia osoby lub bariery w środowisku utrudniające rozwiązanie trudnej sytuacji "
    "życiowej": "3. The person's limitations or barriers in the surroundings that make a "
    "solution harder",
    "4. Cele (plan pracy socjalnej)": "4. Goals (plan of social work)",
    "Cel główny współpracy": "Main goal of the cooperation",
    "Co chcę zmienić – własnymi słowami osoby": "What I want to change – in the person's own words",
    "Oczekiwania osoby": "The person's expectations",
    "Oczekiwania zespołu": "The team's expectations",
    "Część II. Uzgodnione działania": "Part II. Agreed actions",
    'Strony ustaliły na spotkaniu w dniu {{ agreement.meeting_date or "……………………" }} następujące '
    "działania:": 'At the meeting on {{ agreement.meeting_date or "……………………" }} the parties '
    "agreed on the following actions:",
    "Lp.": "No.",
    "Działanie (co zostanie zrobione)": "Action (what will be done)",
    "Kto realizuje": "Who does it",
    "Termin realizacji": "By when",
    'Kontrakt zawarto na okres od {{ agreement.period_from or "……………………" }} do '
    '{{ agreement.period_to or "……………………" }}.': "The contract is concluded for the period from "
    '{{ agreement.period_from or "……………………" }} to {{ agreement.period_to or "……………………" }}.',
    "Kontrakt może być zmieniony za zgodą obu stron.": "The contract may be changed with the "
    "consent of both parties.",
    "Odmowa zawarcia kontraktu socjalnego, niedotrzymanie jego postanowień lub nieuzasadniona "
    "odmowa realizacji uzgodnionych działań mogą stanowić podstawę odmowy przyznania świadczenia, "
    "uchylenia decyzji o przyznaniu świadczenia albo wstrzymania świadczeń pieniężnych z pomocy "
    "społecznej (art. 11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej).": "Refusing "
    "to conclude the social contract, not keeping to it or refusing without good reason to "
    "carry out the agreed actions may be grounds for refusing a benefit, revoking the decision "
    "granting it or suspending cash benefits of social assistance (art. 11 ust. 2 ustawy z dnia "
    "12 marca 2004 r. o pomocy społecznej, the Polish Social Assistance Act).",
    "Ustalenia dotyczące współpracy": "How we work together",
    "Osoba kontaktowa": "Contact person",
    "Częstotliwość spotkań": "How often we meet",
    "Formy kontaktu": "Ways to get in touch",
    "Zgoda na przekazywanie informacji": "Consent to share information",
    "{{ person.full_name }} wyraża zgodę na przekazywanie i uzyskiwanie informacji między "
    "podmiotami wymienionymi poniżej, w zakresie i w celu tu określonym.": "{{ person.full_name }} "
    "consents to information being shared between the parties below, to the extent and for "
    "the purpose stated here.",
    "Między kim": "Between",
    "Jakie informacje": "Which information",
    "Cel": "Purpose",
    "Ważna do": "Valid until",
    "Zgoda jest dobrowolna i może zostać w każdej chwili wycofana, w całości lub w części, przez "
    "poinformowanie asystenta lub pracownika socjalnego.": "Consent is voluntary and may be "
    "withdrawn at any time, fully or in part, by telling the assistant or the social worker.",
    "Nie wyrażono zgody na przekazywanie informacji. Informacje o osobie nie są przekazywane "
    "innym podmiotom bez jej zgody, z wyjątkiem przypadków przewidzianych prawem.": "No consent "
    "to share information has been given. Information about the person is not shared with "
    "others without their consent, except where the law requires it.",
    "Podpisy stron": "Signatures of the parties",
    "Kontrakt sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.": (
        "This contract has been made in two identical copies, one for each party."
    ),
    "Osoba": "The person",
    "miejscowość i data": "Place and date",
    "podpis": "Signature",
    "W imieniu ośrodka": "For the centre",
    "Ocena realizacji kontraktu socjalnego": "Evaluation of the social contract",
    "(wypełnia pracownik socjalny po zakończeniu okresu kontraktu)": "(filled in by the social "
    "worker when the period of the contract is over)",
    "data": "Date",
    "podpis pracownika socjalnego": "Signature of the social worker",
}
