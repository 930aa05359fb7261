"""A docxtpl-compatible renderer that prepares each template once.

Plain docxtpl opens the Word package, patches and compiles the XML of every part, renders, then
re-serialises the whole package, for every document. Here a template file is prepared once
(kept until the file changes): the XML of the body, headers and footers is patched with
docxtpl's own ``patch_xml`` (so every docxtpl tag – ``{%p``, ``{%tr``, curly quotes – works as
in docxtpl) and compiled; the package's other files are kept as bytes. Rendering a document is
then only the Jinja rendering of those parts plus writing the ZIP.

Differences from docxtpl, on purpose: line breaks and tabs in values are turned into
``<w:br/>``/``<w:tab/>`` by the sanitiser before rendering (not by ``resolve_listing`` after it);
pictures are :class:`Picture` values rather than ``InlineImage``; docxtpl's column tags
(``{%tc``/``hm``), sub-documents and templated document properties are not supported; instead
the core properties (title, subject, author, language) and the proofing language are set per
document (:class:`Properties`).
"""

from __future__ import annotations

import io
import itertools
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Mm
from docxtpl import DocxTemplate
from jinja2 import Environment, Template
from markupsafe import escape

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PART_TYPES = (RT.HEADER, RT.FOOTER)
_MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}
CORE = "docProps/core.xml"
_LANG = re.compile(r"<w:lang\b[^>]*/>")
_LANGUAGE_PARTS = re.compile(r"word/(document|header\d*|footer\d*|styles)\.xml\Z")
_CORE_FIELDS = {
    "title": "dc:title",
    "subject": "dc:subject",
    "author": "dc:creator",
    "last_modified_by": "cp:lastModifiedBy",
    "language": "dc:language",
}


@dataclass(frozen=True)
class Properties:
    """The core properties of one document (Word's *File › Info*, the PDF's metadata)."""

    title: str
    subject: str
    author: str
    language: str  #: a language tag, "sv-SE", "pl-PL", "en-GB"

    def core_xml(self, template_core: str) -> str:
        """The template's ``docProps/core.xml`` with these properties."""
        xml = template_core
        values = {**self.__dict__, "last_modified_by": self.author}
        for name, element in _CORE_FIELDS.items():
            tag = f"<{element}>{escape(values[name])}</{element}>"
            pattern = re.compile(rf"<{element}>.*?</{element}>|<{element}\s*/>", re.S)
            xml, found = pattern.subn(tag.replace("\\", r"\\"), xml, count=1)
            if not found:
                xml = xml.replace("</cp:coreProperties>", tag + "</cp:coreProperties>")
        return xml


@dataclass
class PreparedTemplate:
    """One template file, ready to render many times."""

    #: Every file of the package, in order, with its original ZIP entry (dates kept).
    entries: list[tuple[zipfile.ZipInfo, bytes]]
    #: Package path of each part with tags → its patched (docxtpl) Jinja source.
    sources: dict[str, str]
    #: Package path of each part with tags → the compiled template.
    compiled: dict[str, Template] = field(default_factory=dict)
    #: The template's own title (``dc:title``), e.g. "Handlingsplan".
    title: str = ""
    #: Every file's bytes by name, and compressed as it is written into each document.
    originals: dict[str, bytes] = field(default_factory=dict)
    packed: dict[str, _Packed] = field(default_factory=dict)


def _template_title(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> str:
    core = next((data for info, data in entries if info.filename == CORE), b"").decode("utf-8")
    match = re.search(r"<dc:title>(.*?)</dc:title>", core, re.S)
    if match is None:
        return ""
    return match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def with_language(xml: str, language: str) -> str:
    """``xml`` with every ``w:lang`` (style defaults, runs) set to the language tag."""
    return _LANG.sub(
        f'<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="{language}"/>', xml
    )


def prepare(path: Path, environment: Environment, language: str = "") -> PreparedTemplate:
    """Read, patch and compile a template file; ``language`` (a tag) sets its proofing language.

    Every ``w:lang`` of the styles, body, headers and footers becomes ``language``, so a
    template edited in a Word set to another language still proofs as its own.
    """
    data = path.read_bytes()
    docx = DocxTemplate(io.BytesIO(data))
    docx.init_docx()
    parts = {"word/document.xml": docx.docx.part}
    for rel in docx.docx.part.rels.values():
        if rel.reltype in _PART_TYPES and rel.target_part.blob:
            parts[str(rel.target_part.partname).lstrip("/")] = rel.target_part
    sources = {
        name: docx.patch_xml(docx.xml_to_string(parse_xml(part.blob)))
        for name, part in parts.items()
    }
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    if language:
        sources = {name: with_language(src, language) for name, src in sources.items()}
        entries = [
            (info, with_language(blob.decode("utf-8"), language).encode("utf-8"))
            if _LANGUAGE_PARTS.match(info.filename) and info.filename not in sources
            else (info, blob)
            for info, blob in entries
        ]
    prepared = PreparedTemplate(entries=entries, sources=sources, title=_template_title(entries))
    prepared.compiled = {name: environment.from_string(src) for name, src in sources.items()}
    prepared.originals = {info.filename: data for info, data in entries}
    prepared.packed = {
        info.filename: _compressed(info.filename, info.date_time, data) for info, data in entries
    }
    return prepared


class _PictureSink:
    """The pictures placed while rendering one document, by the part they are placed in."""

    def __init__(self) -> None:
        self.part = ""
        self.by_part: dict[str, list[tuple[str, str, bytes]]] = {}
        self._ids = itertools.count(1)

    def add(self, blob: bytes, extension: str) -> tuple[str, str, int]:
        """Register a picture in the current part: (relationship id, file name, shape id)."""
        number = next(self._ids)
        name = f"stegvis_image{number}.{extension}"
        rel_id = f"rIdStegvis{number}"
        self.by_part.setdefault(self.part, []).append((rel_id, name, blob))
        return rel_id, name, 5000 + number


class Picture:
    """A picture value: ``{{ qr }}`` places it inline at the tag, ``width_mm`` wide."""

    def __init__(self, blob: bytes, width_mm: float, sink: _PictureSink) -> None:
        self.blob, self.width_mm, self.sink = blob, width_mm, sink

    def __html__(self) -> str:
        image = Image.from_blob(self.blob)
        extension = "png" if image.content_type == "image/png" else "jpeg"
        rel_id, name, shape_id = self.sink.add(self.blob, extension)
        width = Mm(self.width_mm)
        height = Emu(int(width * image.px_height / image.px_width))
        inline = CT_Inline.new_pic_inline(shape_id, rel_id, name, width, height)
        return (
            f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
            '<w:t xml:space="preserve">'
        )

    __str__ = __html__


def render(
    prepared: PreparedTemplate,
    context: Mapping[str, Any],
    pictures: Mapping[str, tuple[bytes, float] | None],
    properties: Properties | None = None,
) -> bytes:
    """The .docx bytes of ``prepared`` rendered with ``context`` (already sanitised)."""
    sink = _PictureSink()
    values = dict(context)
    for key, spec in pictures.items():
        values[key] = None if spec is None else Picture(spec[0], spec[1], sink)
    rendered: dict[str, bytes] = {}
    for name, template in prepared.compiled.items():
        sink.part = name
        xml = (
            template.render(values)
            .replace("{_{", "{{")
            .replace("}_}", "}}")
            .replace("{_%", "{%")
            .replace("%_}", "%}")
        )
        rendered[name] = (DECLARATION + xml).encode("utf-8")
    if properties is not None:
        core = next((data for info, data in prepared.entries if info.filename == CORE), None)
        if core is not None:
            rendered[CORE] = properties.core_xml(core.decode("utf-8")).encode("utf-8")
    return _write(prepared, rendered, sink)


def _rels_name(part: str) -> str:
    folder, _, file = part.rpartition("/")
    return f"{folder}/_rels/{file}.rels"


def _with_relationships(rels: bytes | None, pictures: list[tuple[str, str, bytes]]) -> bytes:
    text = (
        rels.decode("utf-8")
        if rels
        else (
            DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"></Relationships>'
        )
    )
    added = "".join(
        f'<Relationship Id="{rel_id}" Type="{RT.IMAGE}" Target="media/{name}"/>'
        for rel_id, name, _ in pictures
    )
    return text.replace("</Relationships>", added + "</Relationships>").encode("utf-8")


def _with_media_types(types: bytes) -> bytes:
    text = types.decode("utf-8")
    for extension, media in _MEDIA_TYPES.items():
        if not re.search(rf'Extension="{extension}"', text, re.I):
            text = text.replace(
                "</Types>", f'<Default Extension="{extension}" ContentType="{media}"/></Types>'
            )
    return text.encode("utf-8")


def _write(prepared: PreparedTemplate, rendered: dict[str, bytes], sink: _PictureSink) -> bytes:
    changed = dict(rendered)
    originals = prepared.originals
    new_files: dict[str, bytes] = {}
    for part, pictures in sink.by_part.items():
        rels = _rels_name(part)
        target = changed if rels in originals else new_files
        target[rels] = _with_relationships(originals.get(rels), pictures)
        for _, name, blob in pictures:
            new_files[f"word/media/{name}"] = blob
    if sink.by_part:
        changed["[Content_Types].xml"] = _with_media_types(originals["[Content_Types].xml"])
    date_time = prepared.entries[0][0].date_time
    writer = _ZipWriter()
    for info, _data in prepared.entries:
        if info.filename in changed:
            writer.add(_compressed(info.filename, info.date_time, changed[info.filename]))
        else:  # unchanged between documents: compressed once, when the template was prepared
            writer.add(prepared.packed[info.filename])
    for name, data in new_files.items():
        writer.add(_compressed(name, date_time, data))
    return writer.finish()


@dataclass(frozen=True)
class _Packed:
    """One ZIP entry, compressed (raw deflate) with its checksum and sizes."""

    name: bytes
    dos_time: int
    dos_date: int
    crc: int
    data: bytes
    size: int


def _compressed(name: str, date_time: tuple[int, ...], data: bytes) -> _Packed:
    """Deflate ``data`` (level 1: the documents are small, speed matters more than size)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    year, month, day, hour, minute, second = date_time[:6]
    return _Packed(
        name=name.encode("utf-8"),
        dos_time=(hour << 11) | (minute << 5) | (second // 2),
        dos_date=((max(year, 1980) - 1980) << 9) | (month << 5) | day,
        crc=zlib.crc32(data),
        data=packed,
        size=len(data),
    )


class _ZipWriter:
    """A minimal ZIP writer (deflated entries, no ZIP64: documents are far below 4 GB) that can
    write entries compressed beforehand, which :mod:`zipfile` cannot."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.central: list[bytes] = []
        self.offset = 0

    def add(self, entry: _Packed) -> None:
        flags = 0x800 if not entry.name.isascii() else 0  # UTF-8 names
        common = struct.pack(
            "<HHHHHLLLH",
            20,  # version needed: 2.0 (deflate)
            flags,
            8,  # deflated
            entry.dos_time,
            entry.dos_date,
            entry.crc,
            len(entry.data),
            entry.size,
            len(entry.name),
        )
        local = b"PK\x03\x04" + common + struct.pack("<H", 0) + entry.name
        self.chunks += (local, entry.data)
        self.central.append(
            b"PK\x01\x02"
            + struct.pack("<H", 20)  # made by: 2.0, MS-DOS attributes
            + common
            + struct.pack("<HHHHLL", 0, 0, 0, 0, 0, self.offset)
            + entry.name
        )
        self.offset += len(local) + len(entry.data)

    def finish(self) -> bytes:
        directory = b"".join(self.central)
        end = b"PK\x05\x06" + struct.pack(
            "<HHHHLLH",
            0,
            0,
            len(self.central),
            len(self.central),
            len(directory),
            self.offset,
            0,
        )
        return b"".join(self.chunks) + directory + end
