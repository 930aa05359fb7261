"""Write generated templates: the styles, page set-up and section of the agreement template are
reused, the body, header and footer are replaced. Every template gets its title and language
(``dc:title``, ``dc:language``, every ``w:lang``), so Word proofs it in the right language."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, unescape

from templates_docx.build.kit import tag
from templates_docx.build.page import PageTexts, footer_xml, header_xml
from templates_docx.build.slim import drop_styles_with_effects, slim_styles

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
BASE = TEMPLATE_DIR / "agreement_se_en.docx"
#: The language tag of each template language.
LANGUAGE_TAGS = {"sv": "sv-SE", "pl": "pl-PL", "en": "en-GB"}
_LANG = re.compile(r"<w:lang\b[^>]*/>")
_TITLE = re.compile(r"<dc:title>.*?</dc:title>|<dc:title/>", re.S)
_LANGUAGE = re.compile(r"<dc:language>.*?</dc:language>|<dc:language/>", re.S)
_BODY = re.compile(r"(<w:body>)(.*)(<w:sectPr\b.*</w:sectPr>\s*</w:body>)", re.S)
_ROOT = re.compile(r"(<w:(?:hdr|ftr)\b[^>]*>)(.*)(</w:(?:hdr|ftr)>)", re.S)


def _replace(source: str, pattern: re.Pattern[str], inner: str) -> str:
    match = pattern.search(source)
    if match is None:
        raise ValueError(f"pattern {pattern.pattern!r} not found")
    return source[: match.start(2)] + inner + source[match.end(2) :]


def _with_language(xml: str, language: str) -> str:
    """``xml`` with every ``w:lang`` set to ``language`` (a template is in one language)."""
    tag = LANGUAGE_TAGS[language]
    return _LANG.sub(f'<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>', xml)


def _core(xml: str, title: str, language: str) -> str:
    """``docProps/core.xml`` with the template's title and language."""
    xml = _TITLE.sub(f"<dc:title>{escape(title)}</dc:title>", xml)
    language_tag = f"<dc:language>{LANGUAGE_TAGS[language]}</dc:language>"
    if _LANGUAGE.search(xml):
        return _LANGUAGE.sub(language_tag, xml)
    return xml.replace("</cp:coreProperties>", language_tag + "</cp:coreProperties>")


def _rewrite(
    path: Path, base: Path, changes: dict[str, str], title: str = "", language: str = ""
) -> None:
    """Copy ``base`` to ``path`` with the parts in ``changes`` (name → new XML) replaced."""
    with zipfile.ZipFile(base) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        infos = source.infolist()
    for name, xml in changes.items():
        parts[name] = xml.encode("utf-8")
    if language:
        for name in parts:
            if re.match(r"word/(document|header\d*|footer\d*|styles)\.xml$", name):
                parts[name] = _with_language(parts[name].decode("utf-8"), language).encode()
        core = parts["docProps/core.xml"].decode("utf-8")
        parts["docProps/core.xml"] = _core(core, title, language).encode("utf-8")
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


def _hyphenation(settings: str, styles: str) -> dict[str, str]:
    """Hyphenation on for the document, off in every paragraph unless it asks for it.

    Only the values of the narrow table columns hyphenate (``kit.HYPHENATE``): a long word
    there breaks at a syllable with a hyphen, never anywhere without one.
    """
    if "<w:autoHyphenation" not in settings:
        settings = settings.replace("<w:defaultTabStop ", "<w:autoHyphenation/><w:defaultTabStop ")
    if "<w:suppressAutoHyphens" not in styles:
        styles = styles.replace(
            "<w:pPrDefault><w:pPr>", "<w:pPrDefault><w:pPr><w:suppressAutoHyphens/>"
        )
    return {"word/settings.xml": settings, "word/styles.xml": styles}


def write_template(name: str, body: str, texts: PageTexts, language: str) -> Path:
    """Write ``templates_docx/<name>.docx`` with ``body`` and the common header and footer."""
    with zipfile.ZipFile(BASE) as source:
        document = source.read("word/document.xml").decode("utf-8")
        settings = source.read("word/settings.xml").decode("utf-8")
        styles = source.read("word/styles.xml").decode("utf-8")
    changes = {
        "word/document.xml": _replace(document, _BODY, body),
        **_page_parts(BASE, texts),
        **_hyphenation(settings, styles),
    }
    path = TEMPLATE_DIR / f"{name}.docx"
    _rewrite(path, BASE, changes, texts.full_title or texts.doc_title, language)
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


# Phone and identity numbers print unbroken (see ``nobreak`` in service/documents/rendering.py).
_NUMBER = re.compile(r"\{\{ ((?:unit|worker|person)\.phone|person\.identity_number)(?=[ }])")


def _unbroken_numbers(xml: str) -> str:
    """``xml`` with every phone and identity number printed through ``nobreak``."""
    return _NUMBER.sub(r"{{ \1|nobreak", xml)


# The action table of the agreements: the "who" column holds labels such as
# "Socialsekreteraren", too long for a fifth of the page at 11 pt; it takes 680 twips of "what".
_OLD_GRID = '<w:gridCol w:w="680"/><w:gridCol w:w="4762"/><w:gridCol w:w="2097"/>'
_NEW_GRID = '<w:gridCol w:w="680"/><w:gridCol w:w="4082"/><w:gridCol w:w="2777"/>'
_ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)


def _wide_who_column(xml: str) -> str:
    """The agreement with the action table's "who" column widened (once)."""
    start = xml.find(_OLD_GRID)
    if start < 0:
        return xml
    end = xml.find("</w:tbl>", start)

    def row(match: re.Match[str]) -> str:
        cells = match.group(0).replace('w:w="4762"/>', 'w:w="4082"/>', 1)
        return cells.replace('w:w="2098"/>', 'w:w="2778"/>', 1)

    table = _ROW.sub(row, xml[start:end].replace(_OLD_GRID, _NEW_GRID))
    return xml[:start] + table + xml[end:]


_FIRST_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)[^<]*(</w:t>)")


def _legal_rep_rows(document: str, start: int, caption: str, name: str) -> str:
    """``document`` with a signature row for the person's legal representative (god man or
    förvaltare) after the person's row of the signature table at ``start``, printed only when
    the person has one: the worker's row with the representative's caption, name and kind,
    between the conditional rows the caseworker's row already has."""
    end = document.find("</w:tbl>", start)
    rows = list(_ROW.finditer(document, start, end))
    texts = [re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", row.group(0)) for row in rows]
    opening = next(
        (n for n, words in enumerate(texts) if words == ["{%tr if caseworker.name %}"]), None
    )
    worker = next((n for n, words in enumerate(texts) if "{{ worker.name }}" in words), None)
    if opening is None or worker is None or texts[opening + 2] != ["{%tr endif %}"]:
        raise ValueError(f"{name}: the signature rows are not as expected")
    row = rows[worker].group(0).replace("{{ worker.name }}", "{{ legal_rep.name }}")
    row = _FIRST_TEXT.sub(lambda m: m.group(1) + escape(caption) + m.group(2), row, count=1)
    row = row.replace("{{ worker.title }}", "{{ legal_rep.kind }}")
    added = (
        rows[opening].group(0).replace("caseworker.name", "legal_rep.name")
        + row
        + rows[opening + 2].group(0)
    )
    after_person = rows[0].end()
    return document[:after_person] + added + document[after_person:]


def patch_agreement(
    name: str, texts: PageTexts, place_and_date: str, language: str, legal_rep: str
) -> Path:
    """Give an agreement template the common header and footer, the drawn-signature slot and
    the legal representative's signature row (caption ``legal_rep``)."""
    path = TEMPLATE_DIR / f"{name}.docx"
    with zipfile.ZipFile(path) as source:
        document = source.read("word/document.xml").decode("utf-8")
    document = _wide_who_column(_unbroken_numbers(document))
    # The signature block: the table holding the first "place and date" caption.
    start = document.rfind("<w:tbl>", 0, document.find(f">{place_and_date}<"))
    if "{%p if signature %}" not in document:
        lines = list(_DOTTED_LINE.finditer(document, start))
        if len(lines) < 2:
            raise ValueError(f"{name}: signature line not found")
        line = lines[1]
        document = (
            document[: line.start()] + _signature_slot(line.group(0)) + document[line.end() :]
        )
    if "legal_rep.name" not in document:
        document = _legal_rep_rows(document, start, legal_rep, name)
    changes = {"word/document.xml": document, **_page_parts(path, texts)}
    _rewrite(path, path, changes, texts.full_title or texts.doc_title, language)
    return path


_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _needs_words(text: str) -> bool:
    """True when ``text`` holds words of the language: outside the tags or quoted inside one."""
    outside = _TAGS.sub("", text)
    quoted = re.findall(r'"([^"]*)"', "".join(_TAGS.findall(text)))
    return any(ch.isalpha() for ch in outside + "".join(quoted))


def translate_agreement(
    source: str, target: str, table: dict[str, str], texts: PageTexts, language: str
) -> Path:
    """Write ``target`` as the agreement ``source`` with every text replaced through ``table``.

    The source's layout, tags and signature slot are kept; a text of the source that holds
    words and is not in ``table`` stops the build, naming it.
    """
    source_path, path = TEMPLATE_DIR / f"{source}.docx", TEMPLATE_DIR / f"{target}.docx"
    table = {_unbroken_numbers(text): _unbroken_numbers(words) for text, words in table.items()}
    with zipfile.ZipFile(source_path) as package:
        document = package.read("word/document.xml").decode("utf-8")

    def translated(match: re.Match[str]) -> str:
        text = unescape(match.group(2), {"&quot;": '"', "&apos;": "'"})
        if text in table:
            return match.group(1) + escape(table[text]) + match.group(3)
        if _needs_words(text):
            raise ValueError(f"{target}: no translation of {text!r} from {source}")
        return match.group(0)

    changes = {
        "word/document.xml": _TEXT.sub(translated, document),
        **_page_parts(source_path, texts),
    }
    _rewrite(path, source_path, changes, texts.full_title or texts.doc_title, language)
    return path
