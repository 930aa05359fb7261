"""Keep only the styles a template uses: python-docx's default package carries hundreds of
unused table and latent styles (350 KB of styles.xml plus a 440 KB stylesWithEffects.xml) that
Word and LibreOffice parse on every opening."""

from __future__ import annotations

import re

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_USED = re.compile(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"')
#: Always kept: the defaults every document relies on.
BASE_STYLES = {
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "Header",
    "Footer",
    "HeaderChar",
    "FooterChar",
    "Title",
    "TitleChar",
    "Heading1",
    "Heading1Char",
    "Heading2",
    "Heading2Char",
    "Heading3",
    "Heading3Char",
    "TableGrid",
}


def slim_styles(styles_xml: bytes, parts: list[str]) -> bytes:
    """``styles.xml`` without the styles none of ``parts`` (XML text) uses, nor latent styles."""
    used = set(BASE_STYLES)
    for part in parts:
        used |= set(_USED.findall(part))
    root = etree.fromstring(styles_xml)
    styles = {s.get(f"{{{W}}}styleId"): s for s in root.iter(f"{{{W}}}style")}
    pending = list(used)
    while pending:  # add what the kept styles are based on, linked to or followed by
        style = styles.get(pending.pop())
        if style is None:
            continue
        for tag in ("basedOn", "link", "next"):
            ref = style.find(f"{{{W}}}{tag}")
            if ref is not None and ref.get(f"{{{W}}}val") not in used:
                used.add(ref.get(f"{{{W}}}val"))
                pending.append(ref.get(f"{{{W}}}val"))
    for style_id, style in styles.items():
        if style_id not in used:
            root.remove(style)
    for latent in root.findall(f"{{{W}}}latentStyles"):
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_styles_with_effects(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The package without ``stylesWithEffects.xml`` (Word 2010 duplicate of the styles)."""
    parts = {name: data for name, data in parts.items() if name != "word/stylesWithEffects.xml"}
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = re.sub(
        r'<Relationship [^>]*Target="stylesWithEffects.xml"/>', "", rels
    ).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = re.sub(
        r'<Override PartName="/word/stylesWithEffects.xml"[^>]*/>', "", types
    ).encode("utf-8")
    return parts
