"""The journal extract (``journal_<language>.docx``): the contacts of one period, with its own
header and footer (an extract is printed on demand, not issued: no number, no QR code).

``python -m templates_docx.build.journal`` (re)writes the three templates.
"""

from __future__ import annotations

import zipfile

from templates_docx.build.bodies import _v
from templates_docx.build.docx_io import (
    _BODY,
    _ROOT,
    BASE,
    TEMPLATE_DIR,
    _hyphenation,
    _replace,
    _rewrite,
)
from templates_docx.build.kit import GREY, facts, heading, loop_table, p, para, run, tag, title
from templates_docx.build.page import _field

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Journalutdrag",
        "full_title": "Journalutdrag – kontakter under perioden",
        "name": "Namn",
        "identity": "Identitetsnummer",
        "case": "Ärende",
        "method": "Arbetssätt",
        "contact_person": "Kontaktperson",
        "period": "Period",
        "count": "Antal kontakter",
        "missed": "Varav uteblivna",
        "h_contacts": "Kontakter",
        "no": "Nr",
        "when": "När",
        "kind": "Slag av kontakt",
        "who": "Deltog",
        "note": "Anteckning",
        "note_versions": "En rättad anteckning visas i sin senaste version med skälet till "
        "rättelsen; alla tidigare versioner finns kvar i journalen.",
        "none": "Inga kontakter har dokumenterats under perioden.",
        "printed": "Utskrivet",
        "by": "av",
        "case_word": "ärende",
        "page": "Sida",
        "of": "av",
    },
    "pl": {
        "title": "Wyciąg z dziennika kontaktów",
        "full_title": "Wyciąg z dziennika kontaktów za okres",
        "name": "Imię i nazwisko",
        "identity": "Numer identyfikacyjny",
        "case": "Sprawa",
        "method": "Metoda pracy",
        "contact_person": "Osoba kontaktowa",
        "period": "Okres",
        "count": "Liczba kontaktów",
        "missed": "W tym nieodbyte",
        "h_contacts": "Kontakty",
        "no": "Nr",
        "when": "Kiedy",
        "kind": "Rodzaj kontaktu",
        "who": "Uczestnicy",
        "note": "Notatka",
        "note_versions": "Poprawiony wpis jest pokazany w najnowszej wersji wraz z powodem "
        "poprawki; wszystkie wcześniejsze wersje pozostają w dzienniku.",
        "none": "W tym okresie nie odnotowano żadnych kontaktów.",
        "printed": "Wydrukowano",
        "by": "przez",
        "case_word": "sprawa",
        "page": "Strona",
        "of": "z",
    },
    "en": {
        "title": "Journal extract",
        "full_title": "Journal extract – contacts in the period",
        "name": "Name",
        "identity": "Identity number",
        "case": "Case",
        "method": "Method",
        "contact_person": "Contact person",
        "period": "Period",
        "count": "Number of contacts",
        "missed": "Of which did not take place",
        "h_contacts": "Contacts",
        "no": "No.",
        "when": "When",
        "kind": "Kind of contact",
        "who": "Took part",
        "note": "Note",
        "note_versions": "A corrected entry is shown in its newest version with the reason for "
        "the correction; every earlier version stays in the journal.",
        "none": "No contacts were recorded in the period.",
        "printed": "Printed",
        "by": "by",
        "case_word": "case",
        "page": "Page",
        "of": "of",
    },
}


def header(t: dict[str, str]) -> str:
    """Unit left, the title and period right, a rule below."""
    return p(run("{{ unit.name }}", bold=True, color="262626"), style="Header") + p(
        run(f"{t['title']} · {{{{ extract.period }}}}", bold=True, color="262626"),
        style="Header",
        align="right",
        extra='<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>',
    )


def footer(t: dict[str, str]) -> str:
    """Person and case, page X of Y; who printed it and when."""
    first = p(
        run(
            "{{ person.full_name }}{% if person.identity_number %} · "
            "{{ person.identity_number|nobreak }}"
            f"{{% endif %}} · {t['case_word']} {{{{ case.reference }}}}"
        )
        + "<w:r><w:tab/></w:r>"
        + run(f"{t['page']} ")
        + _field("PAGE")
        + run(f" {t['of']} ")
        + _field("NUMPAGES"),
        style="Footer",
        extra='<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>'
        '<w:tabs><w:tab w:pos="9638" w:val="right"/></w:tabs>',
    )
    second = p(
        run(
            f"{t['printed']} {{{{ extract.printed_on }}}} {t['by']} {{{{ extract.printed_by }}}}",
            color=GREY,
            size=14,
        ),
        style="Footer",
    )
    return first + second


def body(t: dict[str, str]) -> str:
    """The facts of the case and period, then one table row per contact."""
    return "".join(
        [
            title(t["title"]),
            p(after=60),
            facts(
                [
                    (t["name"], _v("person.full_name")),
                    (t["identity"], _v("person.identity_number")),
                    (t["case"], "{{ case.reference }}"),
                    (t["method"], _v("case.method")),
                    (t["contact_person"], _v("worker.name")),
                    (t["period"], "{{ extract.period }}"),
                    (t["count"], "{{ extract.count }}"),
                    (t["missed"], "{{ extract.missed }}"),
                ]
            ),
            heading(t["h_contacts"]),
            para(t["note_versions"], color="595959", size=18),
            tag("{%p if extract.entries %}"),
            loop_table(
                [
                    (t["no"], 600),
                    (t["when"], 1700),
                    (t["kind"], 2300),
                    (t["who"], 1800),
                    (t["note"], 3238),
                ],
                [
                    "{{ e.no }}",
                    "{{ e.when }}",
                    "{{ e.kind }}",
                    _v("e.who"),
                    "{{ e.note }}{% if e.correction %} ({{ e.correction }}){% endif %}",
                ],
                "e in extract.entries",
                size=18,
            ),
            tag("{%p else %}"),
            para(t["none"]),
            tag("{%p endif %}"),
        ]
    )


def write(language: str) -> None:
    """Write ``templates_docx/journal_<language>.docx``."""
    t = WORDS[language]
    with zipfile.ZipFile(BASE) as source:
        document = source.read("word/document.xml").decode("utf-8")
        settings = source.read("word/settings.xml").decode("utf-8")
        styles = source.read("word/styles.xml").decode("utf-8")
        header_part = source.read("word/header1.xml").decode("utf-8")
        footer_part = source.read("word/footer1.xml").decode("utf-8")
    changes = {
        "word/document.xml": _replace(document, _BODY, body(t)),
        "word/header1.xml": _replace(header_part, _ROOT, header(t)),
        "word/footer1.xml": _replace(footer_part, _ROOT, footer(t)),
        **_hyphenation(settings, styles),
    }
    _rewrite(TEMPLATE_DIR / f"journal_{language}.docx", BASE, changes, t["full_title"], language)


def main() -> None:
    for language in WORDS:
        write(language)
    print("journal templates written")


if __name__ == "__main__":
    main()
