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

#: The adult members of the family, named one after another (the consent's opening).
_FAMILY_NAMES = (
    "{% for m in consent.family %}{{ m.full_name }}"
    "{% if not loop.last %}, {% endif %}{% endfor %}"
)
_CONSENT_SV = {
    "consent_family": "Var och en av de vuxna i familjen ("
    + _FAMILY_NAMES
    + ") ger samma samtycke för "
    "uppgifter om sig själv och skriver under nedan.",
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
    "consent_family": "Each adult member of the family ("
    + _FAMILY_NAMES
    + ") gives the same consent for "
    "information about themselves and signs below.",
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
    "consent_family": "Każdy dorosły członek rodziny ("
    + _FAMILY_NAMES
    + ") wyraża taką samą zgodę w "
    "zakresie dotyczących go danych i podpisuje ją poniżej.",
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

# --- consent per recipient, GDPR art. 13 and the confidentiality law (issue 10, 13–17) -------
_RECIPIENTS = {
    "sv": {
        "recipient": "Mottagare",
        "recipient_name": "Namn",
        "consents": "Samtycker",
        "consent_parties_free": "Parter som namngavs i fritext:",
        "consent_legal_rep": "Ställföreträdare: {{ legal_rep.name }} ({{ legal_rep.kind }})"
        "{% if legal_rep.contact %}, {{ legal_rep.contact }}{% endif %}. Ställföreträdaren "
        "skriver under samtycket tillsammans med personen.",
        "sig_legal_rep": "Ställföreträdare",
        "h_gdpr": "7. Om behandlingen av dina personuppgifter (artikel 13 i "
        "dataskyddsförordningen)",
        "gdpr_controller": "Personuppgiftsansvarig: {{ controller.name }}{% if controller.address "
        "%}, {{ controller.address }}{% endif %}.",
        "gdpr_purposes": "Ändamål: {{ consent.purpose }}; och att planera, dokumentera och följa "
        "upp stödet till dig. Rättslig grund: ditt samtycke (artikel 6.1 a och 9.2 a).",
        "gdpr_recipients": "Mottagare: de mottagare i punkt 2 som du har sagt ja till, inga andra.",
        "gdpr_special": "Uppgifterna kan vara känsliga personuppgifter (särskilda kategorier, "
        "artikel 9): uppgifter om hälsa och om missbruk. De lämnas bara ut med ditt uttryckliga "
        "samtycke.",
        "gdpr_retention": "Hur länge: uppgifterna sparas medan ärendet pågår och i "
        "{{ controller.retention_years }} år efter att det har avslutats. Sedan raderas de.",
        "gdpr_rights": "Dina rättigheter: du har rätt att få veta vilka uppgifter som finns om "
        "dig (tillgång), att få fel rättade (rättelse), att få uppgifter raderade (radering), "
        "att begränsa behandlingen (begränsning) och att invända mot den (invändning). Du kan "
        "när som helst ta tillbaka samtycket, helt eller för en mottagare; det påverkar inte "
        "lagligheten i behandlingen innan du tog tillbaka det.",
    },
    "en": {
        "recipient": "Recipient",
        "recipient_name": "Name",
        "consents": "Consents",
        "consent_parties_free": "Parties named in free text:",
        "consent_legal_rep": "Legal representative: {{ legal_rep.name }} ({{ legal_rep.kind }})"
        "{% if legal_rep.contact %}, {{ legal_rep.contact }}{% endif %}. The legal "
        "representative signs the consent together with the person.",
        "sig_legal_rep": "Legal representative",
        "h_gdpr": "7. How your personal data is processed (Article 13 of the General Data "
        "Protection Regulation)",
        "gdpr_controller": "Controller: {{ controller.name }}{% if controller.address %}, "
        "{{ controller.address }}{% endif %}.",
        "gdpr_purposes": "Purposes: {{ consent.purpose }}; and planning, recording and following "
        "up the support you get. Legal basis: your consent (Article 6(1)(a) and 9(2)(a)).",
        "gdpr_recipients": "Recipients: only the recipients in point 2 you said yes to.",
        "gdpr_special": "The information may be special categories of personal data (Article 9): "
        "data about health and about addiction. It is shared only with your explicit consent.",
        "gdpr_retention": "How long: the information is kept while the case is open and for "
        "{{ controller.retention_years }} year{% if controller.retention_years != 1 %}s{% endif %} "
        "after it is closed. Then it is erased.",
        "gdpr_rights": "Your rights: you may see the information held about you (access), have "
        "mistakes corrected (rectification), have information erased (erasure), restrict the "
        "processing (restriction) and object to it (objection). You may withdraw the consent at "
        "any time, wholly or for one recipient; this does not affect the lawfulness of the "
        "processing before you withdrew it.",
    },
    "pl": {
        "recipient": "Odbiorca",
        "recipient_name": "Nazwa",
        "consents": "Zgoda",
        "consent_parties_free": "Podmioty wymienione opisowo:",
        "consent_legal_rep": "Przedstawiciel ustawowy: {{ legal_rep.name }} ({{ legal_rep.kind }})"
        "{% if legal_rep.contact %}, {{ legal_rep.contact }}{% endif %}. Przedstawiciel "
        "podpisuje zgodę razem z osobą.",
        "sig_legal_rep": "Przedstawiciel ustawowy",
        "gdpr_controller": "Administrator danych: {{ controller.name }}{% if controller.address "
        "%}, {{ controller.address }}{% endif %}.",
        "gdpr_purposes": "Cele: {{ consent.purpose }}; a także planowanie, dokumentowanie "
        "i monitorowanie udzielanego wsparcia. Podstawa prawna: zgoda (art. 6 ust. 1 lit. a "
        "i art. 9 ust. 2 lit. a).",
        "gdpr_recipients": "Odbiorcy: wyłącznie odbiorcy z punktu 2, na których wyrażono zgodę.",
        "gdpr_special": "Dane mogą należeć do szczególnych kategorii danych osobowych (art. 9): "
        "dane o zdrowiu i o uzależnieniach. Są przekazywane wyłącznie za wyraźną zgodą.",
        "gdpr_retention": "Okres przechowywania: dane są przechowywane w trakcie sprawy i przez "
        "{{ controller.retention_years }} {% if controller.retention_years == 1 %}rok"
        "{% elif controller.retention_years % 10 in (2, 3, 4) and controller.retention_years % 100 "
        "not in (12, 13, 14) %}lata{% else %}lat{% endif %} po jej zakończeniu, a następnie "
        "usuwane.",
        "gdpr_rights": "Prawa: przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, "
        "usunięcia, ograniczenia przetwarzania oraz prawo sprzeciwu. Zgodę można w każdej chwili "
        "wycofać, w całości lub wobec jednego odbiorcy; wycofanie zgody nie wpływa na zgodność "
        "z prawem przetwarzania dokonanego przed jej wycofaniem.",
    },
}
_SECRECY_SE = {
    "sv": '{% if consent.confidentiality == "sol" %}Verksamheten är en enskild verksamhet. Alla '
    "som arbetar här har tystnadsplikt enligt 15 kap. 1 § socialtjänstlagen: de får inte "
    "obehörigt föra vidare vad de har fått veta om dig."
    '{% elif consent.confidentiality == "lss" %}Verksamheten är en enskild verksamhet. Alla som '
    "arbetar här har tystnadsplikt enligt 29 § lagen om stöd och service till vissa "
    "funktionshindrade (LSS): de får inte obehörigt föra vidare vad de har fått veta om dig."
    "{% else %}Verksamheten är en myndighet. Uppgifter om dig skyddas av socialtjänstsekretessen "
    "i 26 kap. offentlighets- och sekretesslagen (2009:400), OSL.{% endif %}",
    "en": '{% if consent.confidentiality == "sol" %}The service is a private provider. Everyone '
    "working here is bound by the duty of confidentiality of chapter 15, section 1 of the "
    "Swedish Social Services Act (socialtjänstlagen): they may not pass on without authority "
    "what they have learnt about you."
    '{% elif consent.confidentiality == "lss" %}The service is a private provider. Everyone '
    "working here is bound by the duty of confidentiality of section 29 of the Swedish Act "
    "concerning Support and Service for Persons with Certain Functional Impairments (LSS)."
    "{% else %}The service is a public authority. Information about you is protected by the "
    "social services secrecy of chapter 26 of the Public Access to Information and Secrecy Act "
    "(offentlighets- och sekretesslagen 2009:400, OSL).{% endif %}",
    "pl": '{% if consent.confidentiality == "sol" %}Jednostka jest podmiotem prywatnym. '
    "Wszystkich, którzy w niej pracują, obowiązuje tajemnica zawodowa z rozdz. 15 § 1 "
    "szwedzkiej ustawy o usługach społecznych (socialtjänstlagen): nie mogą bez upoważnienia "
    "przekazywać tego, czego się o Pani/Panu dowiedzieli."
    '{% elif consent.confidentiality == "lss" %}Jednostka jest podmiotem prywatnym. '
    "Wszystkich, którzy w niej pracują, obowiązuje tajemnica zawodowa z § 29 szwedzkiej ustawy "
    "o wsparciu i usługach dla osób z niepełnosprawnościami (LSS)."
    "{% else %}Jednostka jest organem publicznym. Informacje o Pani/Panu chroni tajemnica "
    "usług społecznych z rozdz. 26 szwedzkiej ustawy o jawności i tajemnicy "
    "(offentlighets- och sekretesslagen 2009:400, OSL).{% endif %}",
}
_SECRECY_PL = {
    "pl": "Wszystkie osoby realizujące zadania pomocy społecznej są obowiązane do zachowania "
    "w tajemnicy informacji i danych, które uzyskały przy wykonywaniu tych zadań (art. 100 "
    "ustawy o pomocy społecznej).",
    "sv": "Alla som utför uppgifter inom det polska sociala biståndet har tystnadsplikt om de "
    "uppgifter de har fått i arbetet (art. 100 ustawy o pomocy społecznej, den polska lagen om "
    "socialt bistånd).",
    "en": "Everyone carrying out social assistance tasks must keep secret the information and "
    "data they obtained while doing so (art. 100 ustawy o pomocy społecznej, the Polish Social "
    "Assistance Act).",
}
_AUTHORITY = {
    ("se", "sv"): "Tillsynsmyndighet: du kan klaga hos Integritetsskyddsmyndigheten (IMY), "
    "Box 8114, 104 20 Stockholm, www.imy.se.",
    ("se", "en"): "Supervisory authority: you may lodge a complaint with the Swedish Authority "
    "for Privacy Protection (Integritetsskyddsmyndigheten, IMY), Box 8114, 104 20 Stockholm, "
    "www.imy.se.",
    ("se", "pl"): "Organ nadzorczy: skargę można złożyć do szwedzkiego Urzędu Ochrony "
    "Prywatności (Integritetsskyddsmyndigheten, IMY), Box 8114, 104 20 Stockholm, www.imy.se.",
    ("pl", "pl"): "Organ nadzorczy: przysługuje Pani/Panu prawo wniesienia skargi do Prezesa "
    "Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, 00-193 Warszawa, www.uodo.gov.pl.",
    ("pl", "sv"): "Tillsynsmyndighet: du kan klaga hos den polska dataskyddsmyndigheten, Prezes "
    "Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, 00-193 Warszawa, www.uodo.gov.pl.",
    ("pl", "en"): "Supervisory authority: you may lodge a complaint with the President of the "
    "Polish Personal Data Protection Office (Prezes Urzędu Ochrony Danych Osobowych, PUODO), "
    "ul. Stawki 2, 00-193 Warszawa, www.uodo.gov.pl.",
}
_H_GDPR_PL = {
    "se": "7. Informacja o przetwarzaniu danych osobowych (art. 13 ogólnego rozporządzenia "
    "o ochronie danych)",
    "pl": "7. Informacja o przetwarzaniu danych osobowych (art. 13 RODO)",
}
for (_country, _lang), _words in CONSENT.items():
    _words.update(_RECIPIENTS[_lang])
    _words["gdpr_authority"] = _AUTHORITY[_country, _lang]
    _words["consent_secrecy"] = (_SECRECY_SE if _country == "se" else _SECRECY_PL)[_lang]
    if _lang == "pl":
        _words["h_gdpr"] = _H_GDPR_PL[_country]
# Without consent, information goes out only where the law requires it; which law is the
# unit's (its confidentiality setting), printed above, no longer fixed to OSL.
CONSENT["se", "sv"]["consent_legal"] = (
    "Uppgifter som redan har lämnats ut innan samtycket togs tillbaka kan inte återkallas. Utan "
    "samtycke lämnas uppgifter om dig ut bara när lag kräver det."
)
CONSENT["se", "en"]["consent_legal"] = (
    "Information already shared before the consent was withdrawn cannot be recalled. Without "
    "your consent, information about you is shared only where the law requires it."
)
CONSENT["se", "pl"]["consent_legal"] = (
    "Informacji przekazanych przed wycofaniem zgody nie można odwołać. Bez zgody informacje "
    "o osobie są przekazywane tylko wtedy, gdy wymaga tego prawo."
)
