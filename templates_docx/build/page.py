"""The page header and footer every generated document carries: unit, type, number, version,
date, person and identity number, page X of Y, the short hash and the QR code to the
verification page."""

from __future__ import annotations

from dataclasses import dataclass

from templates_docx.build.kit import GREY, _cell, p, run


@dataclass(frozen=True)
class PageTexts:
    """The words of the header and footer in one language."""

    doc_title: str  #: e.g. "Samtycke" (followed by "nr <number>")
    number_word: str  #: "nr" / "no."
    version_word: str  #: "version" / "wersja"
    case_word: str  #: "ärende" / "sprawa"
    page: str  #: "Sida" / "Page" / "Strona"
    of: str  #: "av" / "of" / "z"
    checksum: str  #: "Kontrollsumma" / "Checksum" / "Suma kontrolna"
    verify: str  #: "verifiera" / "verify at" / "weryfikacja"
    full_title: str = ""  #: the title in full when ``doc_title`` is short (Word/PDF title)


def header_xml(texts: PageTexts) -> str:
    """The page header: unit left; type, number, version, date and person; the QR code right."""
    widths = [4100, 4300, 1238]
    left = p(run("{{ unit.name }}", bold=True, color="262626"), style="Header") + p(
        run(
            "{{ unit.address }}{% if unit.phone %} · tel.\u00a0{{ unit.phone|nobreak }}{% endif %}"
        ),
        style="Header",
    )
    middle = (
        p(
            run(
                f"{texts.doc_title} {texts.number_word} {{{{ document.number }}}}",
                bold=True,
                color="262626",
            ),
            style="Header",
            align="right",
        )
        + p(
            run(
                f"{texts.version_word} {{{{ document.version }}}} · {{% if document.place %}}"
                "{{ document.place }}, {% endif %}{{ document.issued_on }}"
            ),
            style="Header",
            align="right",
        )
        + p(
            run(
                "{{ person.full_name }}{% if person.identity_number %} · "
                "{{ person.identity_kind }} {{ person.identity_number|nobreak }}"
                "{% elif person.date_of_birth %} · {{ person.date_of_birth }}{% endif %}"
            ),
            style="Header",
            align="right",
        )
    )
    right = p(run("{{ qr }}"), style="Header", align="right")
    cells = _cell(left, widths[0]) + _cell(middle, widths[1]) + _cell(right, widths[2])
    table = (
        '<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="9638"/><w:tblBorders><w:top w:val="nil"/>'
        '<w:left w:val="nil"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + f"</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )
    return table + p(style="Header", extra='<w:spacing w:line="80" w:lineRule="exact"/>')


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} \\* MERGEFORMAT </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(texts: PageTexts) -> str:
    """The page footer: person and case, page X of Y; then the short hash and where to verify."""
    first = p(
        run(
            "{{ person.full_name }}{% if person.identity_number %} · "
            "{{ person.identity_number|nobreak }}"
            f"{{% endif %}} · {texts.case_word} {{{{ case.reference }}}}"
        )
        + "<w:r><w:tab/></w:r>"
        + run(f"{texts.page} ")
        + _field("PAGE")
        + run(f" {texts.of} ")
        + _field("NUMPAGES"),
        style="Footer",
        extra='<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>'
        '<w:tabs><w:tab w:pos="9638" w:val="right"/></w:tabs>',
    )
    second = p(
        run(
            f"{texts.checksum} {{{{ stamp.hash }}}} · {texts.verify} {{{{ document.verify_url }}}}",
            color=GREY,
            size=14,
        ),
        style="Footer",
    )
    return first + second
