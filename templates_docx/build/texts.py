"""The fixed wording of the generated templates, per form and language.

The method's country chooses the form (its structure and legal references); the language only
translates it, so the words are keyed ``(country, language)``: ``("se", "pl")`` is the Swedish
form in Polish words. The fields are the same in every language of a type; a test proves it."""

from __future__ import annotations

from templates_docx.build.page import PageTexts

PAGE = {
    "sv": dict(
        number_word="nr",
        version_word="version",
        case_word="ärende",
        page="Sida",
        of="av",
        checksum="Kontrollsumma",
        verify="verifiera:",
    ),
    "en": dict(
        number_word="no.",
        version_word="version",
        case_word="case",
        page="Page",
        of="of",
        checksum="Checksum",
        verify="verify:",
    ),
    "pl": dict(
        number_word="nr",
        version_word="wersja",
        case_word="sprawa",
        page="Strona",
        of="z",
        checksum="Suma kontrolna",
        verify="weryfikacja:",
    ),
}

#: The title of each form in each language (page header, Word and PDF title).
DOC_TITLES = {
    "agreement_se": {
        "sv": "Överenskommelse om samarbete",
        "en": "Agreement on cooperation",
        "pl": "Porozumienie o współpracy",
    },
    "agreement_pl": {"pl": "Kontrakt socjalny", "sv": "Socialt kontrakt", "en": "Social contract"},
    "consent_se": {"sv": "Samtycke", "en": "Consent", "pl": "Zgoda"},
    "consent_pl": {"pl": "Zgoda", "sv": "Samtycke", "en": "Consent"},
    "plan_se": {"sv": "Handlingsplan", "en": "Individual plan", "pl": "Plan działań"},
    "plan_ipwzb": {"pl": "IPWzB", "sv": "IPWzB", "en": "IPWzB"},
    "plan_family": {
        "pl": "Plan pracy z rodziną",
        "sv": "Plan för arbetet med familjen",
        "en": "Family work plan",
    },
    "follow_up_se": {"sv": "Uppföljning", "en": "Follow-up record", "pl": "Notatka z monitoringu"},
    "follow_up_pl": {"pl": "Monitoring", "sv": "Monitorering", "en": "Monitoring record"},
    "closing_se": {"sv": "Avslutning", "en": "Closing summary", "pl": "Zakończenie wsparcia"},
    "closing_pl": {
        "pl": "Zakończenie współpracy",
        "sv": "Avslutat samarbete",
        "en": "End of cooperation",
    },
}


#: Titles in full where the header prints an abbreviation (the Word and PDF title).
FULL_TITLES = {
    "plan_ipwzb": {
        "pl": "Indywidualny program wychodzenia z bezdomności",
        "sv": "Individuellt program för att ta sig ur hemlöshet",
        "en": "Individual programme for leaving homelessness",
    },
}


def page_texts(form: str, language: str) -> PageTexts:
    """Header and footer words of one template (``form`` as in :data:`DOC_TITLES`)."""
    full_title = FULL_TITLES.get(form, {}).get(language, "")
    return PageTexts(doc_title=DOC_TITLES[form][language], full_title=full_title, **PAGE[language])


COMMON: dict[tuple[str, str], dict[str, str]] = {
    ("se", "sv"): {
        "name": "Namn",
        "identity": "Identitetsnummer",
        "address": "Adress",
        "unit": "Verksamhet",
        "contact_person": "Kontaktperson",
        "case": "Ärende",
        "caseworker": "Handläggare",
        "method": "Arbetssätt",
        "h_person": "1. Parter",
        "h_signatures": "Underskrifter",
        "signatures_note": "Dokumentet har upprättats i två exemplar, ett till var part.",
        "sig_person": "Personen",
        "sig_worker": "För verksamheten",
        "sig_caseworker": "Handläggare",
        "sig_head": "Fastställd av verksamhetschef",
        "draft_banner": "UTKAST – ännu inte fastställd av verksamhetschefen",
        "approved_on": "fastställd",
        "place_and_date": "Ort och datum",
        "signature": "Underskrift",
        "no": "Nr",
        "area": "Livsområde",
        "when": "När",
        "sub_goal": "Delmål",
        "goal": "Mål",
        "status": "Läge",
        "comment": "Kommentar",
    },
    ("se", "en"): {
        "name": "Name",
        "identity": "Identity number",
        "address": "Address",
        "unit": "Service",
        "contact_person": "Contact person",
        "case": "Case",
        "caseworker": "Caseworker",
        "method": "Method",
        "h_person": "1. Parties",
        "h_signatures": "Signatures",
        "signatures_note": "This document is made in two copies, one for each party.",
        "sig_person": "The person",
        "sig_worker": "For the service",
        "sig_caseworker": "Caseworker",
        "sig_head": "Approved by the head of the service",
        "draft_banner": "DRAFT – not yet approved by the head of the service",
        "approved_on": "approved on",
        "place_and_date": "Place and date",
        "signature": "Signature",
        "no": "No.",
        "area": "Life area",
        "when": "When",
        "sub_goal": "Sub-goal",
        "goal": "Goal",
        "status": "Status",
        "comment": "Comment",
    },
    ("pl", "pl"): {
        "name": "Imię i nazwisko",
        "identity": "Numer identyfikacyjny",
        "address": "Adres",
        "unit": "Ośrodek",
        "contact_person": "Asystent (osoba kontaktowa)",
        "case": "Sprawa",
        "caseworker": "Pracownik socjalny",
        "method": "Forma pracy",
        "h_person": "1. Strony",
        "h_signatures": "Podpisy",
        "signatures_note": "Dokument sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym "
        "dla każdej ze stron.",
        "sig_person": "Osoba",
        "sig_worker": "Asystent",
        "sig_caseworker": "Pracownik socjalny",
        "sig_head": "Zatwierdzam – kierownik ośrodka",
        "draft_banner": "PROJEKT – program nie został jeszcze zatwierdzony przez kierownika ośrodka",
        "approved_on": "zatwierdzono dnia",
        "place_and_date": "miejscowość i data",
        "signature": "podpis",
        "no": "Nr",
        "area": "Obszar",
        "when": "Termin",
        "sub_goal": "Cel szczegółowy",
        "goal": "Cel główny",
        "status": "Stan",
        "comment": "Uwagi",
    },
}
# The Swedish form in Polish words: the Swedish roles (verksamhet, handläggare, verksamhetschef).
COMMON[("se", "pl")] = {
    **COMMON[("pl", "pl")],
    "unit": "Jednostka",
    "contact_person": "Osoba kontaktowa",
    "caseworker": "Pracownik kierujący",
    "method": "Metoda pracy",
    "sig_worker": "W imieniu jednostki",
    "sig_caseworker": "Pracownik kierujący",
    "sig_head": "Zatwierdza kierownik jednostki",
    "draft_banner": "PROJEKT – dokument nie został jeszcze zatwierdzony przez kierownika jednostki",
    "approved_on": "zatwierdzono dnia",
    "goal": "Cel",
    "sub_goal": "Cel cząstkowy",
}
# The Polish form in Swedish and English words: the Polish roles (ośrodek, asystent,
# pracownik socjalny, kierownik ośrodka).
COMMON[("pl", "sv")] = {
    **COMMON[("se", "sv")],
    "unit": "Socialtjänstcentret",
    "contact_person": "Assistent (kontaktperson)",
    "caseworker": "Socialarbetare",
    "method": "Arbetsform",
    "sig_worker": "Assistent",
    "sig_caseworker": "Socialarbetare",
    "sig_head": "Godkänns av socialtjänstcentrets chef",
    "draft_banner": "UTKAST – programmet är ännu inte godkänt av socialtjänstcentrets chef",
    "approved_on": "godkänt den",
    "signatures_note": "Dokumentet har upprättats i två likalydande exemplar, ett till var part.",
    "area": "Område",
    "goal": "Huvudmål",
}
COMMON[("pl", "en")] = {
    **COMMON[("se", "en")],
    "unit": "Centre",
    "contact_person": "Assistant (contact person)",
    "caseworker": "Social worker",
    "method": "Form of work",
    "sig_worker": "Assistant",
    "sig_caseworker": "Social worker",
    "sig_head": "Approved by the head of the centre",
    "draft_banner": "DRAFT – the programme has not yet been approved by the head of the centre",
    "approved_on": "approved on",
    "signatures_note": "This document is made in two identical copies, one for each party.",
    "area": "Area",
    "goal": "Main goal",
    "sub_goal": "Specific goal",
}

_CONSENT_SV = {
    "consent_title": "Samtycke till att dela information",
    "consent_intro": "Jag, {{ person.full_name }}, samtycker till att {{ unit.name }} och "
    "parterna nedan delar uppgifter om mig, så som det beskrivs här.",
    "h_consent_parties": "2. Vilka som får dela uppgifterna",
    "h_consent_data": "3. Vilka uppgifter",
    "h_consent_purpose": "4. För vilket syfte",
    "h_consent_valid": "5. Giltighetstid",
    "consent_valid": 'Samtycket gäller från och med {{ consent.given_on or "…………" }} till '
    'och med {{ consent.valid_until or "…………" }}.',
    "h_consent_withdraw": "6. Så tar du tillbaka samtycket",
    "consent_withdraw": "Samtycket är frivilligt. Du kan när som helst ta tillbaka det, helt "
    "eller delvis, muntligt eller skriftligt, genom att säga det till din kontaktperson eller "
    "till verksamheten. Det påverkar inte det stöd du får.",
    "consent_contacts": 'Kontaktperson: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
    "{{ worker.phone|nobreak }}{% endif %} · Verksamhet: {{ unit.name }}{% if unit.phone %}, "
    "tel. {{ unit.phone|nobreak }}{% endif %}",
}
_CONSENT_EN = {
    "consent_title": "Consent to share information",
    "consent_intro": "I, {{ person.full_name }}, consent to {{ unit.name }} and the parties "
    "below sharing information about me as described here.",
    "h_consent_parties": "2. Who may share the information",
    "h_consent_data": "3. Which information",
    "h_consent_purpose": "4. For what purpose",
    "h_consent_valid": "5. Valid until",
    "consent_valid": 'This consent is valid from {{ consent.given_on or "…………" }} until '
    '{{ consent.valid_until or "…………" }}.',
    "h_consent_withdraw": "6. How to withdraw the consent",
    "consent_withdraw": "Consent is voluntary. You can withdraw it at any time, wholly or in "
    "part, orally or in writing, by telling your contact person or the service. It does not "
    "affect the support you get.",
    "consent_contacts": 'Contact person: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
    "{{ worker.phone|nobreak }}{% endif %} · Service: {{ unit.name }}{% if unit.phone %}, "
    "tel. {{ unit.phone|nobreak }}{% endif %}",
}
_CONSENT_PL = {
    "consent_title": "Zgoda na przekazywanie informacji",
    "consent_intro": "Ja, {{ person.full_name }}, wyrażam zgodę na przekazywanie moich danych "
    "przez jednostkę ({{ unit.name }}) oraz podmioty wymienione w punkcie 2, w zakresie i "
    "w celu opisanym poniżej.",
    "h_consent_parties": "2. Podmioty, które mogą wymieniać informacje",
    "h_consent_data": "3. Zakres danych",
    "h_consent_purpose": "4. Cel",
    "h_consent_valid": "5. Okres ważności",
    "consent_valid": 'Zgoda obowiązuje od {{ consent.given_on or "…………" }} do '
    '{{ consent.valid_until or "…………" }}.',
    "h_consent_withdraw": "6. Jak wycofać zgodę",
    "consent_withdraw": "Zgoda jest dobrowolna. Można ją w każdej chwili wycofać, w całości lub "
    "w części, ustnie lub na piśmie – wystarczy powiedzieć o tym osobie kontaktowej albo "
    "zgłosić to w jednostce. Wycofanie zgody nie wpływa na udzielane wsparcie.",
    "consent_contacts": 'Osoba kontaktowa: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
    "{{ worker.phone|nobreak }}{% endif %} · Jednostka: {{ unit.name }}{% if unit.phone %}, "
    "tel. {{ unit.phone|nobreak }}{% endif %}",
}
CONSENT: dict[tuple[str, str], dict[str, str]] = {
    ("se", "sv"): {
        **_CONSENT_SV,
        "consent_legal": "Uppgifter som redan har lämnats ut innan samtycket togs tillbaka kan "
        "inte återkallas. Utan samtycke lämnas uppgifter om dig ut bara när lag kräver det "
        "(offentlighets- och sekretesslagen 2009:400).",
    },
    ("se", "en"): {
        **_CONSENT_EN,
        "consent_legal": "Information already shared before the consent was withdrawn cannot be "
        "recalled. Without your consent, information about you is shared only where the law "
        "requires it (the Swedish Public Access to Information and Secrecy Act, "
        "offentlighets- och sekretesslagen 2009:400).",
    },
    ("se", "pl"): {
        **_CONSENT_PL,
        "consent_legal": "Informacji przekazanych przed wycofaniem zgody nie można odwołać. Bez "
        "zgody informacje o osobie są przekazywane tylko wtedy, gdy wymaga tego prawo (szwedzka "
        "ustawa o jawności i tajemnicy, offentlighets- och sekretesslagen 2009:400).",
    },
    ("pl", "pl"): {
        **_CONSENT_PL,
        "consent_intro": "Ja, {{ person.full_name }}, wyrażam zgodę na przekazywanie moich danych "
        "przez ośrodek ({{ unit.name }}) oraz podmioty wymienione w punkcie 2, w zakresie i "
        "w celu opisanym poniżej.",
        "consent_withdraw": "Zgoda jest dobrowolna. Można ją w każdej chwili wycofać, w całości "
        "lub w części, ustnie lub na piśmie – wystarczy powiedzieć o tym asystentowi albo "
        "zgłosić to w ośrodku. Wycofanie zgody nie wpływa na udzielane wsparcie.",
        "consent_contacts": 'Asystent: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
        "{{ worker.phone|nobreak }}{% endif %} · Ośrodek: {{ unit.name }}{% if unit.phone %}, "
        "tel. {{ unit.phone|nobreak }}{% endif %}",
        "consent_legal": "Wycofanie zgody nie wpływa na zgodność z prawem przetwarzania dokonanego "
        "przed jej wycofaniem (art. 7 ust. 3 RODO). Bez zgody dane są przekazywane tylko wtedy, "
        "gdy wymaga tego prawo (art. 100 ustawy o pomocy społecznej).",
    },
    ("pl", "sv"): {
        **_CONSENT_SV,
        "consent_withdraw": "Samtycket är frivilligt. Du kan när som helst ta tillbaka det, helt "
        "eller delvis, muntligt eller skriftligt, genom att säga det till assistenten eller till "
        "socialtjänstcentret. Det påverkar inte det stöd du får.",
        "consent_contacts": 'Assistent: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
        "{{ worker.phone|nobreak }}{% endif %} · Socialtjänstcentret: {{ unit.name }}"
        "{% if unit.phone %}, tel. {{ unit.phone|nobreak }}{% endif %}",
        "consent_legal": "Att samtycket tas tillbaka påverkar inte lagligheten i behandling som "
        "skett innan dess (art. 7 ust. 3 RODO, artikel 7.3 i dataskyddsförordningen). Utan "
        "samtycke lämnas uppgifter ut bara när lag kräver det (art. 100 ustawy o pomocy "
        "społecznej, den polska lagen om socialt bistånd).",
    },
    ("pl", "en"): {
        **_CONSENT_EN,
        "consent_withdraw": "Consent is voluntary. You can withdraw it at any time, wholly or in "
        "part, orally or in writing, by telling the assistant or the centre. It does not affect "
        "the support you get.",
        "consent_contacts": 'Assistant: {{ worker.name or "—" }}{% if worker.phone %}, tel. '
        "{{ worker.phone|nobreak }}{% endif %} · Centre: {{ unit.name }}{% if unit.phone %}, "
        "tel. {{ unit.phone|nobreak }}{% endif %}",
        "consent_legal": "Withdrawing the consent does not affect the lawfulness of processing "
        "before the withdrawal (art. 7 ust. 3 RODO, Article 7(3) GDPR). Without consent, "
        "information is shared only where the law requires it (art. 100 ustawy o pomocy "
        "społecznej, the Polish Social Assistance Act).",
    },
}
