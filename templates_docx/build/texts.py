"""The fixed wording of the generated templates, per language (the legal texts differ, so each
language is its own template; the fields are the same, a test proves it)."""

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

DOC_TITLES = {
    "agreement": {
        "sv": "Överenskommelse om samarbete",
        "en": "Agreement on cooperation",
        "pl": "Kontrakt socjalny",
    },
    "consent": {"sv": "Samtycke", "en": "Consent", "pl": "Zgoda"},
    "plan": {"sv": "Handlingsplan", "en": "Individual plan", "pl": "IPWzB"},
    "plan_family": {"pl": "Plan pracy z rodziną"},
    "follow_up": {"sv": "Uppföljning", "en": "Follow-up record", "pl": "Monitoring"},
    "closing": {"sv": "Avslutning", "en": "Closing summary", "pl": "Zakończenie współpracy"},
}


def page_texts(doc_type: str, language: str) -> PageTexts:
    """Header and footer words of one template."""
    return PageTexts(doc_title=DOC_TITLES[doc_type][language], **PAGE[language])


COMMON = {
    "sv": {
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
    "en": {
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
    "pl": {
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

CONSENT = {
    "sv": {
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
        "eller delvis, muntligt eller skriftligt, genom att säga det till "
        '{{ worker.name or "din kontaktperson" }}{% if worker.phone %} '
        "(tel. {{ worker.phone }}){% endif %} eller till {{ unit.name }}"
        "{% if unit.phone %} (tel. {{ unit.phone }}){% endif %}. Det påverkar "
        "inte det stöd du får.",
        "consent_legal": "Uppgifter som redan har lämnats ut innan samtycket togs tillbaka kan "
        "inte återkallas. Utan samtycke lämnas uppgifter om dig ut bara när lag kräver "
        "det (offentlighets- och sekretesslagen 2009:400).",
    },
    "en": {
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
        'part, orally or in writing, by telling {{ worker.name or "your '
        'contact person" }}{% if worker.phone %} (tel. {{ worker.phone }})'
        "{% endif %} or {{ unit.name }}{% if unit.phone %} (tel. "
        "{{ unit.phone }}){% endif %}. It does not affect the support you get.",
        "consent_legal": "Information already shared before the consent was withdrawn cannot be "
        "recalled. Without your consent, information about you is shared only "
        "where the law requires it.",
    },
    "pl": {
        "consent_title": "Zgoda na przekazywanie informacji",
        "consent_intro": "Ja, {{ person.full_name }}, wyrażam zgodę na przekazywanie moich danych "
        "przez {{ unit.name }} i podmioty wymienione niżej, w zakresie opisanym "
        "poniżej.",
        "h_consent_parties": "2. Podmioty, które mogą wymieniać informacje",
        "h_consent_data": "3. Zakres danych",
        "h_consent_purpose": "4. Cel",
        "h_consent_valid": "5. Okres ważności",
        "consent_valid": 'Zgoda obowiązuje od {{ consent.given_on or "…………" }} do '
        '{{ consent.valid_until or "…………" }}.',
        "h_consent_withdraw": "6. Jak wycofać zgodę",
        "consent_withdraw": "Zgoda jest dobrowolna. Możesz ją w każdej chwili wycofać, w całości "
        "lub w części, ustnie lub na piśmie, informując "
        '{{ worker.name or "asystenta" }}{% if worker.phone %} (tel. '
        "{{ worker.phone }}){% endif %} lub {{ unit.name }}{% if unit.phone %} "
        "(tel. {{ unit.phone }}){% endif %}. Wycofanie zgody nie wpływa na "
        "udzielane wsparcie.",
        "consent_legal": "Wycofanie zgody nie wpływa na zgodność z prawem przetwarzania dokonanego "
        "przed jej wycofaniem (art. 7 ust. 3 RODO). Bez zgody dane są "
        "przekazywane tylko wtedy, gdy wymaga tego prawo (art. 100 ustawy o "
        "pomocy społecznej).",
    },
}
