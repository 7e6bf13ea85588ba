"""Make Northwind's corporate PowerPoint template, template.pptx, from python-pptx's default.

Run from anywhere: `python examples/brands/northwind/make_template.py`. A real brand would
start from the template its design team made in PowerPoint; this script stands in for that
work and shows what rolereport uses from a template:

- the slide size (16:9 here, 13.333 × 7.5 in), which wins over `--aspect`;
- the layouts named in brand.yml (`pptx_layouts`), found by name: "Northwind Title",
  "Northwind Content" and "Northwind Section";
- the slide master's shapes, which every slide shows: a pine band across the top with an
  amber tab; the title layout adds a pine band along the bottom;
- where the layouts put their title, subtitle and body (left-aligned here), which the deck
  keeps;
- the theme's colours and fonts (what PowerPoint offers in its colour and font menus).

The template also holds one sample slide, as templates often do; rolereport removes it.
Same script, same bytes: zip timestamps and document dates are fixed.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

HERE = Path(__file__).resolve().parent
OUT = HERE / "template.pptx"

WIDTH, HEIGHT = Inches(40 / 3), Inches(7.5)  # 16:9
BAND_H = Inches(0.22)  # the master's top band, above the slides' kicker line (0.36 in)
TAB_X, TAB_W = Inches(0.6), Inches(1.2)  # the amber tab on the band, at the left margin
FOOT_H = Inches(0.5)  # the title layout's bottom band
# The title layout's title and subtitle: (left, top, width, height), left-aligned.
COVER_TITLE = (Inches(0.6), Inches(2.3), Inches(12.1), Inches(1.5))
COVER_SUBTITLE = (Inches(0.6), Inches(3.9), Inches(12.1), Inches(0.9))
FIXED_DATE = datetime(2024, 1, 1)

# The brand's colours (brand.yml's palette) as the theme's colour scheme.
SCHEME = {
    "dk1": "1B1F1D",  # text
    "lt1": "FFFFFF",  # background
    "dk2": "1C3B32",  # pine: titles
    "lt2": "EEF1EF",
    "accent1": "12607A",  # fjord
    "accent2": "E8A33D",  # amber
    "accent3": "6B1E12",  # rust
    "accent4": "9A5CD6",  # heather
    "accent5": "56615C",  # slate
    "accent6": "1C3B32",  # pine
    "hlink": "12607A",
    "folHlink": "6B1E12",
}
# The deck can only name fonts: Office's metric twins of the brand's Caladea and Liberation Sans.
MAJOR_FONT, MINOR_FONT = "Cambria", "Arial"

LAYOUTS = {  # python-pptx's layout name → Northwind's; the others are removed
    "Title Slide": "Northwind Title",
    "Title and Content": "Northwind Content",
    "Section Header": "Northwind Section",
    "Two Content": "Northwind Two Content",
    "Title Only": "Northwind Title Only",
    "Blank": "Northwind Blank",
}

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def main() -> None:
    prs = Presentation()
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_masters[0]
    _widen(master, scale)
    for layout in list(master.slide_layouts):
        if layout.name not in LAYOUTS:
            master.slide_layouts.remove(layout)
            continue
        _widen(layout, scale)
        layout.name = LAYOUTS[layout.name]
    for part in (master, *master.slide_layouts):
        _align_left(part)
    tree = master.shapes._spTree
    tree.append(_rect(10, "Brand band", 0, 0, WIDTH, BAND_H, SCHEME["dk2"]))
    tree.append(_rect(11, "Brand tab", TAB_X, 0, TAB_W, BAND_H, SCHEME["accent2"]))
    _cover(master.slide_layouts.get_by_name("Northwind Title"))
    _title_colour(master)
    _theme(master.part.part_related_by(RT.THEME))

    sample = prs.slides.add_slide(master.slide_layouts.get_by_name("Northwind Title"))
    sample.shapes.title.text = "Sample slide"
    sample.placeholders[1].text = "Templates often come with slides; rolereport removes them."

    props = prs.core_properties
    props.title, props.author = "Northwind Learning template", "Northwind Learning"
    props.last_modified_by, props.revision = "make_template.py", 1
    props.created = props.modified = FIXED_DATE
    buffer = io.BytesIO()
    prs.save(buffer)
    OUT.write_bytes(_stable_zip(buffer.getvalue()))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


def _widen(slide_like, scale: float) -> None:
    """Stretch placeholders drawn for 4:3 across the 16:9 width."""
    for xfrm in slide_like._element.iter(qn("a:xfrm")):
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        if off is not None and ext is not None:
            off.set("x", str(round(int(off.get("x")) * scale)))
            ext.set("cx", str(round(int(ext.get("cx")) * scale)))


def _align_left(slide_like) -> None:
    """Left-aligned text where python-pptx's default centres it (titles, subtitles, footer)."""
    for element in slide_like._element.iter():
        if element.get("algn") == "ctr":
            element.set("algn", "l")


def _cover(layout) -> None:
    """The title layout: title and subtitle at the left margin, a band along the bottom."""
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind == PP_PLACEHOLDER.CENTER_TITLE:
            ph.left, ph.top, ph.width, ph.height = COVER_TITLE
            ph.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            ph.left, ph.top, ph.width, ph.height = COVER_SUBTITLE
    tree = layout.shapes._spTree
    tree.append(_rect(20, "Cover band", 0, HEIGHT - FOOT_H, WIDTH, FOOT_H, SCHEME["dk2"]))
    tree.append(_rect(21, "Cover tab", TAB_X, HEIGHT - FOOT_H, TAB_W, FOOT_H, SCHEME["accent2"]))


def _rect(shape_id: int, name: str, x: Emu, y: Emu, w: Emu, h: Emu, rgb: str) -> etree._Element:
    """A filled rectangle without outline or text, as PowerPoint writes one."""
    xml = (
        f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{int(x)}" y="{int(y)}"/>'
        f'<a:ext cx="{int(w)}" cy="{int(h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill><a:ln><a:noFill/>'
        f"</a:ln></p:spPr></p:sp>"
    )
    return etree.fromstring(xml)


def _title_colour(master) -> None:
    """Titles in the theme's dark 2 (pine) rather than the text colour."""
    style = master._element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    for colour in style.iter(qn("a:schemeClr")):
        colour.set("val", "tx2")


def _theme(part) -> None:
    """The brand's colour scheme and font names in theme1.xml."""
    root = etree.fromstring(part.blob)
    root.set("name", "Northwind")
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", "Northwind")
    for slot, rgb in SCHEME.items():
        holder = scheme.find(f"{{{A}}}{slot}")
        holder.clear()
        etree.SubElement(holder, f"{{{A}}}srgbClr", val=rgb)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", "Northwind")
    fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").set("typeface", MAJOR_FONT)
    fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").set("typeface", MINOR_FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _stable_zip(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so reruns give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item))
    return out.getvalue()


if __name__ == "__main__":
    main()
