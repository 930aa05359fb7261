""" "My plan" (``my_plan_<language>.docx``): one page for the person, easy-read, large type
(14 pt and more), a picture per life area.

The pictures are the SVG pictograms of ``templates_docx/pictograms`` as PNG (rendered from the
SVGs here when librsvg is installed, else the committed PNGs), put into the template once; the
template shows the one of each goal's life area (``g.picture``). See the README, "Pictures in
documents", for why the documents carry PNG and not SVG.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.oxml.shape import CT_Inline
from docx.shared import Mm

from service.documents.pictograms import DEFAULT_PICTURE, PICTURES
from templates_docx.build import raster
from templates_docx.build.docx_io import TEMPLATE_DIR, write_template
from templates_docx.build.kit import PAGE_WIDTH, _cell, _row, _table, p, run, tag
from templates_docx.build.page import PageTexts
from templates_docx.build.texts import PAGE
from templates_docx.build.texts_my_plan import MY_PLAN

PICTOGRAMS = TEMPLATE_DIR / "pictograms"
NAVY = "1F3A5F"
BODY = 28  #: 14 pt, in half-points: the smallest type on the page
PICTURE_MM = 17.0
#: Twips of the picture column, with the life area's name under the picture: the longest word
#: of the areas' names in sv, pl and en ("Sysselsättning", 2053 twips at 14 pt bold, by
#: ``kit.word_width``) and the cell margins.
PICTURE_WIDTH = 2300
_REL_ID = "rIdPictogram{}"


def _pictures() -> list[str]:
    return [*PICTURES, DEFAULT_PICTURE]


def refresh_pngs() -> None:
    """Render each SVG pictogram whose PNG is missing or older (needs librsvg)."""
    for key in _pictures():
        svg, png = PICTOGRAMS / f"{key}.svg", PICTOGRAMS / f"{key}.png"
        if png.exists() and png.stat().st_mtime >= svg.stat().st_mtime:
            continue
        if png.exists() and not raster.available():
            print(f"{png.name}: librsvg is not installed, the committed PNG is kept")
            continue
        raster.svg_to_png(svg, png)


def _picture(key: str, number: int) -> str:
    size = Mm(PICTURE_MM)
    inline = CT_Inline.new_pic_inline(9000 + number, _REL_ID.format(key), f"{key}.png", size, size)
    return p(f"<w:r><w:drawing>{inline.xml}</w:drawing></w:r>", after=0, align="center")


def _picture_cell() -> str:
    """One picture per life area; the goal's own is kept when rendering."""
    parts = []
    for number, key in enumerate(PICTURES):
        parts.append(tag(("{%p if " if number == 0 else "{%p elif ") + f'g.picture == "{key}" %}}'))
        parts.append(_picture(key, number))
    parts += [tag("{%p else %}"), _picture(DEFAULT_PICTURE, len(PICTURES)), tag("{%p endif %}")]
    area = _p(
        _text("{{ g.area }}", bold=True, color="595959"), before=40, extra='<w:jc w:val="center"/>'
    )
    return "".join(parts) + area


def _text(text: str, *, bold: bool = False, size: int = BODY, color: str | None = None) -> str:
    return run(text, bold=bold, size=size, color=color)


def _p(
    runs: str,
    *,
    after: int = 0,
    before: int = 0,
    keep_next: bool = False,
    extra: str = "",
) -> str:
    """A paragraph in single line spacing (room comes from the spacing after, not the lines);
    ``extra`` holds what follows the spacing in the schema's order (indent, alignment)."""
    spacing = f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
    return p(runs, keep_next=keep_next, extra=spacing + extra)


def _goal_cell(t: dict[str, str]) -> str:
    return "".join(
        [
            _p(
                _text(t["goal"] + " ", bold=True, color=NAVY)
                + _text("{{ g.goal }}", bold=True, size=30),
                after=40,
                keep_next=True,
            ),
            tag("{%p for s in g.steps %}"),
            _p(
                _text(
                    "{% if loop.first %}"
                    + t["first_step"]
                    + "{% else %}"
                    + t["later_step"]
                    + "{% endif %} ",
                    bold=True,
                    color=NAVY,
                )
                + _text("{{ s.text }}{% if s.when %} ({{ s.when }}){% endif %}"),
                after=20,
                keep_next=True,
                extra='<w:ind w:left="284" w:hanging="284"/>',
            ),
            tag("{%p endfor %}"),
            tag("{%p if g.done %}"),
            _p(_text(t["done"], bold=True, color=NAVY), after=40, keep_next=True),
            tag("{%p endif %}"),
            tag("{%p if g.helpers %}"),
            _p(_text(t["helpers"] + " ", color="595959") + _text("{{ g.helpers }}")),
            tag("{%p endif %}"),
        ]
    )


def _goals(t: dict[str, str]) -> str:
    widths = [PICTURE_WIDTH, PAGE_WIDTH - PICTURE_WIDTH]
    empty = _cell(p(after=0), widths[1])
    rows = (
        _row(_cell(p(run("{%tr for g in my_plan.goals %}"), after=0), widths[0]) + empty)
        + _row(_cell(_picture_cell(), widths[0]) + _cell(_goal_cell(t), widths[1]))
        + _row(_cell(p(run("{%tr endfor %}"), after=0), widths[0]) + empty)
    )
    table = _table(widths, rows, borders=False)
    # room between the goals, a thin line under each
    table = table.replace(
        '<w:insideH w:val="nil"/>',
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="C9D3DE"/>',
    )
    return table.replace(
        '<w:top w:w="45" w:type="dxa"/>', '<w:top w:w="80" w:type="dxa"/>'
    ).replace('<w:bottom w:w="45" w:type="dxa"/>', '<w:bottom w:w="80" w:type="dxa"/>')


def _contact(t: dict[str, str]) -> str:
    content = "".join(
        [
            _p(
                _text(t["contact"] + " ", color="595959")
                + _text("{{ worker.name }}", bold=True)
                + "{% if worker.phone %}"
                + _text(" · " + t["phone"] + " ", color="595959")
                + _text("{{ worker.phone|nobreak }}", bold=True)
                + "{% endif %}",
                after=40,
            ),
            tag("{%p if my_plan.next_meeting %}"),
            _p(
                _text(t["next_meeting"] + " ", color="595959")
                + _text("{{ my_plan.next_meeting }}", bold=True)
            ),
            tag("{%p endif %}"),
        ]
    )
    box = _table([PAGE_WIDTH], _row(_cell(content, PAGE_WIDTH, fill="EEF4FA")), borders=False)
    return (
        box.replace('<w:left w:w="85" w:type="dxa"/>', '<w:left w:w="200" w:type="dxa"/>')
        .replace('<w:top w:w="45" w:type="dxa"/>', '<w:top w:w="100" w:type="dxa"/>')
        .replace('<w:bottom w:w="45" w:type="dxa"/>', '<w:bottom w:w="100" w:type="dxa"/>')
    )


def body(t: dict[str, str]) -> str:
    """Title, the contact box, one row per goal, and a last word on changing the plan."""
    return "".join(
        [
            _p(_text(t["title"], bold=True, size=44, color=NAVY), after=40),
            _p(_text(t["intro"]), after=120),
            _contact(t),
            _p("", after=80),
            _goals(t),
            _p(_text(t["change"]), before=120),
        ]
    )


def _with_pictures(path: Path) -> None:
    """Put the PNG of every pictogram into the template, with its relationship."""
    with zipfile.ZipFile(path) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    rels_name = "word/_rels/document.xml.rels"
    rels = parts[rels_name].decode("utf-8")
    image_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    added = "".join(
        f'<Relationship Id="{_REL_ID.format(key)}" Type="{image_type}" '
        f'Target="media/pictogram_{key}.png"/>'
        for key in _pictures()
    )
    parts[rels_name] = rels.replace("</Relationships>", added + "</Relationships>").encode()
    types = parts["[Content_Types].xml"].decode("utf-8")
    if not re.search(r'Extension="png"', types, re.I):
        types = types.replace(
            "</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'
        )
    parts["[Content_Types].xml"] = types.encode()
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            target.writestr(info, parts[info.filename])
        for key in _pictures():
            target.write(PICTOGRAMS / f"{key}.png", f"word/media/pictogram_{key}.png")
    tmp.replace(path)


def write(language: str) -> Path:
    """Write ``my_plan_<language>.docx``."""
    refresh_pngs()
    t = MY_PLAN[language]
    texts = PageTexts(doc_title=t["doc_title"], **PAGE[language])
    path = write_template(f"my_plan_{language}", body(t), texts, language)
    _with_pictures(path)
    return path
