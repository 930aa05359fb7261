"""WordprocessingML building blocks shared by every generated template (same look as the
agreement): headings, paragraphs, label/value tables, repeating tables and signature blocks.
The page header and footer are in :mod:`templates_docx.build.page`."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

PAGE_WIDTH = 9638  # twips between the margins of an A4 page with 2 cm margins
GREY = "595959"
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
)


def run(
    text: str,
    *,
    bold: bool = False,
    color: str | None = None,
    size: int | None = None,
    italic: bool = False,
) -> str:
    """One run of literal text (Jinja tags inside stay tags)."""
    props = "".join(
        [
            "<w:b/>" if bold else "",
            "<w:i/>" if italic else "",
            f'<w:color w:val="{color}"/>' if color else "",
            f'<w:sz w:val="{size}"/>' if size else "",
        ]
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(
    runs: str = "",
    *,
    style: str | None = None,
    keep_next: bool = False,
    after: int | None = None,
    before: int | None = None,
    align: str | None = None,
    extra: str = "",
) -> str:
    """A paragraph of ``runs`` (XML) with the given properties."""
    spacing = ""
    if after is not None or before is not None:
        attrs = (f' w:before="{before}"' if before is not None else "") + (
            f' w:after="{after}"' if after is not None else ""
        )
        spacing = f"<w:spacing{attrs}/>"
    props = "".join(
        [
            f'<w:pStyle w:val="{style}"/>' if style else "",
            "<w:keepNext/>" if keep_next else "",
            extra,
            spacing,
            f'<w:jc w:val="{align}"/>' if align else "",
        ]
    )
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def para(text: str, **kwargs: object) -> str:
    """A paragraph of one run of ``text``; keyword arguments go to :func:`run` or :func:`p`."""
    run_keys = {"bold", "color", "size", "italic"}
    run_args = {k: v for k, v in kwargs.items() if k in run_keys}
    p_args = {k: v for k, v in kwargs.items() if k not in run_keys}
    return p(run(text, **run_args), **p_args)  # type: ignore[arg-type]


def title(text: str) -> str:
    """The document title."""
    return para(text, style="Title")


def heading(text: str) -> str:
    """A section heading, kept with what follows."""
    return para(text, style="Heading1", keep_next=True)


def subheading(text: str) -> str:
    """A heading inside a section."""
    return para(text, style="Heading2", keep_next=True)


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag (``{%p … %}``); removed on rendering."""
    return p(run(text), after=0)


def _cell(content: str, width: int, *, fill: str | None = None, span: int = 1) -> str:
    props = (
        f'<w:tcW w:type="dxa" w:w="{width}"/>'
        + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "")
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _table(widths: list[int], rows: str, *, borders: bool = True) -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    border = "".join(BORDER.format(side=s) if borders else f'<w:{s} w:val="nil"/>' for s in sides)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="{sum(widths)}"/><w:jc w:val="left"/>'
        f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>{CELL_MARGINS}'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )


def _row(cells: str, *, header: bool = False, cant_split: bool = True) -> str:
    props = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"


def facts(rows: list[tuple[str, str]], caption: str | None = None, label_width: int = 2900) -> str:
    """A two-column table: a shaded label and a value (a Jinja expression or text)."""
    value_width = PAGE_WIDTH - label_width
    body = ""
    if caption:
        body += _row(
            _cell(
                p(run(caption, bold=True), keep_next=True, after=0),
                PAGE_WIDTH,
                fill="E7EBF0",
                span=2,
            )
        )
    for label, value in rows:
        body += _row(
            _cell(p(run(label, bold=True, size=18), after=0), label_width, fill="F2F2F2")
            + _cell(p(run(value), after=0), value_width)
        )
    return _table([label_width, value_width], body) + spacer()


# Advance widths of Arial Bold (LibreOffice: Liberation Sans Bold, the same metrics) in
# thousandths of an em, by class of character; the rest of the lower case is about 600.
_WIDTHS = [
    ("ijlI.,;:'!|", 278),
    (" /", 278),
    ("ftr()-", 389),
    ("mMW", 889),
    ("w", 778),
    ("0123456789–ksvxyzac", 556),
]
CELL_PADDING = 2 * 85 + 60  #: left and right cell margins and a little room for rounding
#: A paragraph that may hyphenate a long word (with a hyphen, in the document's language)
#: rather than break it anywhere: the values in the narrow columns of the repeating tables.
HYPHENATE = '<w:suppressAutoHyphens w:val="0"/>'


def word_width(word: str, size: int) -> int:
    """The printed width of ``word`` in bold at ``size`` half-points, in twips."""
    total = 0
    for ch in word:
        width = next((w for chars, w in _WIDTHS if ch in chars), 0)
        total += width or (722 if ch.isupper() else 611)
    return total * size * 10 // 1000


#: Each text of the templates → the same text in every language of its form (see
#: :func:`same_texts`), so a column is as wide in every language.
_SAME_TEXTS: dict[str, set[str]] = {}


def same_texts(words_by_language: list[dict[str, str]]) -> None:
    """Record that the dictionaries (one per language) say the same thing under each key."""
    for key in set().union(*words_by_language):
        group = {words[key] for words in words_by_language if key in words}
        for text in group:
            _SAME_TEXTS.setdefault(text, set()).update(group)


def fit_widths(columns: list[tuple[str, int]], size: int) -> list[int]:
    """Column widths that hold the longest word of each header whole (never mid-word).

    A column too narrow for its longest header word in any language of the form ("Samoocena",
    "skattning") is widened to it, and the room is taken from the other columns in proportion
    to what they can spare.
    """
    widths = [width for _, width in columns]
    least = [
        max(
            (
                word_width(word, size)
                for same in _SAME_TEXTS.get(text, {text})
                for word in same.split()
            ),
            default=0,
        )
        + CELL_PADDING
        for text, _ in columns
    ]
    needed = sum(max(0, low - width) for low, width in zip(least, widths, strict=True))
    spare = [max(0, width - low) for low, width in zip(least, widths, strict=True)]
    if not needed or sum(spare) < needed:
        return [max(low, width) for low, width in zip(least, widths, strict=True)]
    fitted = [
        max(low, width - needed * room // sum(spare))
        for low, width, room in zip(least, widths, spare, strict=True)
    ]
    fitted[fitted.index(max(fitted))] += sum(widths) - sum(fitted)  # keep the table's width
    return fitted


def loop_table(
    columns: list[tuple[str, int]],
    cells: list[str],
    loop: str,
    first_column_fill: bool = False,
    size: int | None = None,
) -> str:
    """A table with a repeated header row and one row per item of ``loop`` (``x in items``).

    The columns are widened for their header words (:func:`fit_widths`).
    """
    widths = fit_widths(columns, 18)
    header = _row(
        "".join(
            _cell(p(run(text, bold=True, size=18), after=0, keep_next=True), w, fill="E7EBF0")
            for (text, _), w in zip(columns, widths, strict=True)
        ),
        header=True,
    )
    start = _row(
        _cell(p(run(f"{{%tr for {loop} %}}"), after=0), widths[0])
        + "".join(_cell(p(after=0), w) for w in widths[1:]),
        cant_split=False,
    )
    item = _row(
        "".join(
            _cell(
                p(run(expr, size=size), after=0, extra=HYPHENATE),
                w,
                fill="F7F7F7" if first_column_fill and i == 0 else None,
            )
            for i, (expr, w) in enumerate(zip(cells, widths, strict=True))
        )
    )
    end = _row(
        _cell(p(run("{%tr endfor %}"), after=0), widths[0])
        + "".join(_cell(p(after=0), w) for w in widths[1:]),
        cant_split=False,
    )
    return _table(widths, header + start + item + end) + spacer()


def spacer() -> str:
    """A thin empty paragraph after a table (Word needs one between two tables)."""
    return p(after=0, extra='<w:spacing w:before="0" w:after="0" w:line="80" w:lineRule="exact"/>')


@dataclass(frozen=True)
class Signer:
    """One row of the signature block."""

    role: str  #: caption above the name, e.g. "Personen"
    name: str  #: Jinja expression of the name
    detail: str = ""  #: Jinja expression under the name (title)
    condition: str = ""  #: Jinja condition; the row shows only when it holds
    drawn_signature: bool = False  #: the row carries the drawn signature when there is one
    loop: str = ""  #: Jinja loop (``p in parties``); one row per item


def signature_block(signers: list[Signer], place_and_date: str, signature: str) -> str:
    """Signers with place-and-date and signature lines; no row splits, the block keeps together."""
    widths = [3515, 3061, 3061]

    dotted = '<w:pBdr><w:bottom w:val="dotted" w:sz="6" w:space="1" w:color="404040"/></w:pBdr>'

    def line(caption: str, slot: str = "") -> str:
        empty = p(keep_next=True, before=600, after=0, extra=dotted)
        if slot:  # the drawn signature sits on the line; without one the line is as the others
            empty = (
                tag("{%p if signature %}")
                + p(run(slot), keep_next=True, before=0, after=0, extra=dotted)
                + tag("{%p else %}")
                + empty
                + tag("{%p endif %}")
            )
        return empty + p(run(caption, color=GREY, size=16), keep_next=True, after=0)

    rows = ""
    for signer in signers:
        who = p(run(signer.role, color=GREY, size=16), keep_next=True, before=280, after=0) + p(
            run(signer.name, bold=True), keep_next=True, after=0
        )
        if signer.detail:
            who += p(run(signer.detail, color=GREY, size=16), keep_next=True, after=0)
        slot = "{{ signature }}" if signer.drawn_signature else ""
        row = _row(
            _cell(who, widths[0])
            + _cell(line(place_and_date), widths[1])
            + _cell(line(signature, slot), widths[2])
        )
        for opening, closing in (
            (f"if {signer.condition}", "endif") if signer.condition else ("", ""),
            (f"for {signer.loop}", "endfor") if signer.loop else ("", ""),
        ):
            if not opening:
                continue
            empty = "".join(_cell(p(after=0), w) for w in widths[1:])
            row = (
                _row(
                    _cell(p(run(f"{{%tr {opening} %}}"), after=0), widths[0]) + empty,
                    cant_split=False,
                )
                + row
                + _row(
                    _cell(p(run(f"{{%tr {closing} %}}"), after=0), widths[0]) + empty,
                    cant_split=False,
                )
            )
        rows += row
    return _table(widths, rows, borders=False) + spacer()
