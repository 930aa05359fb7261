"""The Swedish överenskommelse in Polish words, as a translation table of the texts of the
hand-made source ``agreement_se_sv.docx`` (its English version ``agreement_se_en.docx`` is
hand-made too). The build copies the source and replaces every text by its translation, so the
layout stays the source's; a text of the source missing here stops the build with its wording,
so a change of the source's wording is made here too. (The kontrakt socjalny is generated in
every language: templates_docx/build/kontrakt.py.)
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
    "Ställföreträdare": "Przedstawiciel ustawowy",
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
