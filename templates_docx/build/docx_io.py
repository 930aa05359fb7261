"""Write generated templates: the styles, page set-up and section of the agreement template are
reused, the body, header and footer are replaced."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from templates_docx.build.kit import tag
from templates_docx.build.page import PageTexts, footer_xml, header_xml
from templates_docx.build.slim import drop_styles_with_effects, slim_styles

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
BASE = TEMPLATE_DIR / "agreement_en.docx"
_BODY = re.compile(r"(<w:body>)(.*)(<w:sectPr\b.*</w:sectPr>\s*</w:body>)", re.S)
_ROOT = re.compile(r"(<w:(?:hdr|ftr)\b[^>]*>)(.*)(</w:(?:hdr|ftr)>)", re.S)


def _replace(source: str, pattern: re.Pattern[str], inner: str) -> str:
    match = pattern.search(source)
    if match is None:
        raise ValueError(f"pattern {pattern.pattern!r} not found")
    return source[: match.start(2)] + inner + source[match.end(2) :]


def _rewrite(path: Path, base: Path, changes: dict[str, str]) -> None:
    """Copy ``base`` to ``path`` with the parts in ``changes`` (name → new XML) replaced."""
    with zipfile.ZipFile(base) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        infos = source.infolist()
    for name, xml in changes.items():
        parts[name] = xml.encode("utf-8")
    parts = drop_styles_with_effects(parts) if "word/stylesWithEffects.xml" in parts else parts
    texts = [
        parts[n].decode("utf-8") for n in parts if re.match(r"word/(document|header|footer)", n)
    ]
    parts["word/styles.xml"] = slim_styles(parts["word/styles.xml"], texts)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            if info.filename in parts:
                target.writestr(info, parts[info.filename])
    tmp.replace(path)


def _page_parts(base: Path, texts: PageTexts) -> dict[str, str]:
    with zipfile.ZipFile(base) as source:
        header = source.read("word/header1.xml").decode("utf-8")
        footer = source.read("word/footer1.xml").decode("utf-8")
    return {
        "word/header1.xml": _replace(header, _ROOT, header_xml(texts)),
        "word/footer1.xml": _replace(footer, _ROOT, footer_xml(texts)),
    }


def write_template(name: str, body: str, texts: PageTexts) -> Path:
    """Write ``templates_docx/<name>.docx`` with ``body`` and the common header and footer."""
    with zipfile.ZipFile(BASE) as source:
        document = source.read("word/document.xml").decode("utf-8")
    changes = {"word/document.xml": _replace(document, _BODY, body), **_page_parts(BASE, texts)}
    path = TEMPLATE_DIR / f"{name}.docx"
    _rewrite(path, BASE, changes)
    return path


# The person's (first) signature line in the agreement: the second empty dotted-line paragraph
# of the signature block's first row.
_DOTTED_LINE = re.compile(
    r'<w:p><w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="dotted"[^>]*/></w:pBdr>'
    r'<w:spacing w:before="\d+" w:after="0"/></w:pPr></w:p>'
)


def _signature_slot(line: str) -> str:
    """The line with the drawn signature on it when there is one, else the empty line."""
    with_picture = (
        line.replace('w:before="600"', 'w:before="0"')
        .replace('w:before="560"', 'w:before="0"')
        .replace(
            "</w:pPr></w:p>",
            '</w:pPr><w:r><w:t xml:space="preserve">{{ signature }}</w:t></w:r></w:p>',
        )
    )
    return (
        tag("{%p if signature %}") + with_picture + tag("{%p else %}") + line + tag("{%p endif %}")
    )


def patch_agreement(name: str, texts: PageTexts, place_and_date: str) -> Path:
    """Give an agreement template the common header and footer and the drawn-signature slot."""
    path = TEMPLATE_DIR / f"{name}.docx"
    with zipfile.ZipFile(path) as source:
        document = source.read("word/document.xml").decode("utf-8")
    if "{%p if signature %}" not in document:
        # The signature block: the table holding the first "place and date" caption.
        start = document.rfind("<w:tbl>", 0, document.find(f">{place_and_date}<"))
        lines = list(_DOTTED_LINE.finditer(document, start))
        if len(lines) < 2:
            raise ValueError(f"{name}: signature line not found")
        line = lines[1]
        document = (
            document[: line.start()] + _signature_slot(line.group(0)) + document[line.end() :]
        )
    changes = {"word/document.xml": document, **_page_parts(path, texts)}
    _rewrite(path, path, changes)
    return path
