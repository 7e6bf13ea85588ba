"""Report + Theme → an editable PowerPoint deck (python-pptx), drawn from the slide plan."""

from __future__ import annotations

import datetime as dt
import math
import os
import time
import zipfile
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

from . import assetfiles
from .brand import BRAND_FILES, Layouts, Theme
from .charts import render_chart
from .colors import ink, mix
from .errors import BrandError
from .model import Rendered, Report
from .slideplan import (
    BAND_TOP,
    BODY_BOTTOM,
    CELL_INSET_X,
    CELL_INSET_Y,
    COVER_TITLE_TOP,
    FOOTER_TOP,
    MARGIN,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Align,
    Aspect,
    Frames,
    LayoutFrame,
    PlannedSlide,
    Slot,
    SlotKind,
    Text,
    Visual,
    has_label_column,
    plan_slides,
)
from .textfit import INSET, Box, Para

__all__ = ["PlannedSlide", "plan_slides", "render_deck", "template_frames"]

CHART_DPI = 220  # charts are drawn at their placed size, so this is their real resolution
LOGO_DPI = 300  # an SVG logo is rasterised for PowerPoint at this resolution at its placed size
LOGO_MIN_PX = 200  # and at least this high, so that rounding keeps its aspect ratio
BAND_TINT, ROW_TINT, RULE_TINT = 0.86, 0.92, 0.7  # theme colours mixed toward the background
ACCENT_W = 0.14  # the bar on the discussion band's left edge
COVER_RULE = (1.2, 0.08)  # the accent bar above the cover title
COVER_BAND_H, FOOTER_RULE_GAP = 0.4, 0.06
NOTES_PT = 12

_TEMPLATE_KEY = "defaults.rolereport.pptx_template"
_PP_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_SLOT_KINDS: dict[PP_PLACEHOLDER, SlotKind] = {
    PP_PLACEHOLDER.TITLE: "title",
    PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body",
    PP_PLACEHOLDER.OBJECT: "body",
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "page",
}
_ALIGN: dict[str, Align] = {"ctr": "center", "r": "right"}
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def render_deck(report: Report, theme: Theme, aspect: Aspect = "16:9") -> Rendered:
    """The deck as PPTX bytes (same input, same bytes), with warnings and the slide count.
    Raises ValueError for an unknown aspect or a chart that cannot be drawn, BrandError for
    a template or logo that cannot be used."""
    if aspect not in SLIDE_WIDTH:
        raise ValueError(f"aspect must be 16:9 or 4:3, not {aspect!r}")
    frames = None
    if theme.template:  # its size, masters, theme and layouts; none of its slides
        named = (theme.folder / n for n in BRAND_FILES)
        brand_file = next((f for f in named if f.is_file()), theme.folder / BRAND_FILES[0])
        data = assetfiles.template_bytes(theme.template, _TEMPLATE_KEY, brand_file)
        prs = Presentation(BytesIO(data))
        _drop_slides(prs)
        frames = template_frames(prs, theme.layouts)
    else:
        prs = Presentation()
        prs.slide_width, prs.slide_height = _emu(SLIDE_WIDTH[aspect]), _emu(SLIDE_HEIGHT)
    logo_aspect = _logo_aspect(theme.logo_small) if theme.logo_small else 1.0
    plan = plan_slides(report, aspect, theme, frames, logo_aspect)
    writer = _Writer(prs, report, theme, own_look=frames is None)
    for planned in plan:
        writer.add(planned)
    _properties(prs, report, theme)
    out = BytesIO()
    prs.save(out)
    warnings = tuple(w for p in plan for w in p.warnings)
    return Rendered(_stable_zip(out.getvalue(), report.date), warnings, len(plan))


def template_frames(prs, names: Layouts) -> Frames:
    """The template's slide size and the placeholders of the layouts `names` picks, as plain
    data for plan_slides. Raises KeyError for a layout the template lacks (brand.py checks)."""
    layouts = _layouts(prs)

    def frame(name: str) -> LayoutFrame:
        slots = []
        for ph in layouts[name].placeholders:
            kind = _SLOT_KINDS.get(ph.placeholder_format.type)
            xywh = (ph.left, ph.top, ph.width, ph.height)
            vertical = ph._element.xpath("./p:txBody/a:bodyPr[@vert and @vert!='horz']")
            if kind and None not in xywh and not vertical:
                box = Box(*(Emu(v).inches for v in xywh))
                slots.append(Slot(kind, ph.placeholder_format.idx, box, _alignment(ph, kind)))
        return LayoutFrame(name, tuple(slots))

    size = (Emu(prs.slide_width).inches, Emu(prs.slide_height).inches)
    return Frames(size, *(frame(getattr(names, k)) for k in ("title", "content", "two", "section")))


def _alignment(ph, kind: SlotKind) -> Align:
    """How a layout placeholder aligns its first level of text, following inheritance: the
    layout's list style, the master placeholder's, then the master's text styles."""
    path = "./p:txBody/a:lstStyle/a:lvl1pPr/@algn"
    found = ph._element.xpath(path)
    base = ph._base_placeholder
    if not found and base is not None:
        found = base._element.xpath(path)
    if not found and kind in ("title", "subtitle", "body"):
        style = "p:titleStyle" if kind == "title" else "p:bodyStyle"
        master = ph.part.slide_master._element
        found = master.xpath(f"./p:txStyles/{style}/a:lvl1pPr/@algn")
    return _ALIGN.get(found[0] if found else "l", "left")


def _layouts(prs) -> dict:
    """Every layout of every master by name (the first of a name wins)."""
    found: dict = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, layout)
    return found


def _drop_slides(prs) -> None:
    """Remove the slides a template ships with: their list entries, sections and parts, and
    the package's thumbnail and app properties that describe them (both optional)."""
    pres = prs.part._element
    for sld in list(prs.slides._sldIdLst):
        for el in list(pres.iter()):  # the slide list and custom shows
            if el.get(qn("r:id")) == sld.rId:
                el.getparent().remove(el)
        prs.part.drop_rel(sld.rId)  # unreferenced now: the slide part is not saved
    for sections in list(pres.iter(f"{{{_P14}}}sectionLst")):  # they listed the slides
        ext = sections.getparent()
        ext.getparent().remove(ext)
    package = prs.part.package  # the template's thumbnail and slide titles would outlive them
    for rel in list(package._rels.values()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.drop_rel(rel.rId)


def _emu(inches: float) -> Emu:
    return Emu(round(inches * 914400))


def _place(shape, box: Box) -> None:
    xywh = tuple(_emu(v) for v in (box.x, box.y, box.w, box.h))
    if (shape.left, shape.top, shape.width, shape.height) != xywh:  # else inherit the layout's
        shape.left, shape.top, shape.width, shape.height = xywh


class _Writer:
    def __init__(self, prs, report: Report, theme: Theme, own_look: bool) -> None:
        self.prs, self.r, self.t, self.own = prs, report, theme, own_look
        self.w = Emu(prs.slide_width).inches
        self.layouts = _layouts(prs)
        self.roles = tuple(r.id for r in report.roles)
        self.colors = {
            "foreground": theme.foreground,
            "primary": theme.heading_color,
            "muted": theme.muted,
            "ink": ink(theme.primary),
        }

    def add(self, ps: PlannedSlide) -> None:
        slide = self.prs.slides.add_slide(self.layouts[ps.layout])
        if self.own:  # a template brings its own look
            self.decorate(slide, ps)
        visual = ps.visual
        for text in ps.texts:  # shapes in reading order: title, body, visual, caption, footer
            if visual and text.role in ("caption", "footer"):
                if visual.chart:
                    self.chart(slide, visual)
                else:
                    self.table(slide, visual, ps.title)
                visual = None
            shape, placeholder = self.shape(slide, text)
            on_band = self.own and ps.kind == "section" and text.role in ("title", "kicker")
            color = "ink" if on_band else text.color
            self.frame(shape.text_frame, text, self.colors[color], placeholder)
        for ph in list(slide.placeholders):  # an empty placeholder shows "Click to add text"
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph._element.getparent().remove(ph._element)
        logo = self.t.logo_large if ps.kind == "title" else self.t.logo_small
        if logo and ps.logo:
            self.logo(slide, logo, ps.logo)
        if ps.notes:
            notes = slide.notes_slide.notes_text_frame
            self.paragraph(notes.paragraphs[0], Para(ps.notes, NOTES_PT), "", 1, self.t.foreground)

    def shape(self, slide, text: Text) -> tuple[Any, bool]:
        """The layout's placeholder the plan names (cloned when latent, as a footer is), else a
        new text box; placed on the plan's box and named for its role."""
        ph = None if text.slot is None else _placeholder(slide, text.slot)
        shape = ph if ph is not None else slide.shapes.add_textbox(0, 0, 0, 0)
        if text.role not in ("title", "subtitle"):  # those keep the layout's names
            shape.name = text.role.capitalize()
        _place(shape, text.box)
        return shape, ph is not None

    def decorate(self, slide, ps: PlannedSlide) -> None:
        t, w = self.t, self.w
        if ps.kind == "title":
            self.rect(slide, Box(MARGIN, COVER_TITLE_TOP - 0.2, *COVER_RULE), t.secondary)
            self.rect(slide, Box(0, SLIDE_HEIGHT - COVER_BAND_H, w, COVER_BAND_H), t.primary)
            return
        if ps.kind == "section":
            self.rect(slide, Box(0, 0, w, BODY_BOTTOM), t.primary, back=True)
        if ps.kind == "discussion":
            band = Box(0, BAND_TOP, w, BODY_BOTTOM - BAND_TOP)
            self.rect(slide, band, mix(t.secondary, t.background, BAND_TINT))
            self.rect(slide, Box(0, band.y, ACCENT_W, band.h), t.secondary)
        rule = Box(MARGIN, FOOTER_TOP - FOOTER_RULE_GAP, w - 2 * MARGIN, 0.01)
        self.rect(slide, rule, mix(t.muted, t.background, RULE_TINT))

    def rect(self, slide, box: Box, color: str, back: bool = False) -> None:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 0, 0)
        _place(shape, box)
        shape.name = "Decoration"
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color[1:])
        shape.line.fill.background()
        sp = shape._element
        for child in (sp.find(f"{{{sp.nsmap['p']}}}style"), sp.txBody):  # no theme effects, no
            if child is not None:  # empty text frame on a shape that only draws
                sp.remove(child)
        if back:  # behind the title placeholder
            tree = sp.getparent()
            tree.remove(sp)
            tree.insert(2, sp)

    def logo(self, slide, path: Path, box: Box) -> None:
        """The logo at the box's height (narrower when wider than the box), left and top."""
        aspect = _logo_aspect(path)
        w = min(box.h * aspect, box.w)
        h = w / aspect
        image = (
            BytesIO(_svg_png(path, max(math.ceil(h * LOGO_DPI), LOGO_MIN_PX)))
            if _is_svg(path)
            else _bitmap(path)
        )
        pic = slide.shapes.add_picture(image, _emu(box.x), _emu(box.y), _emu(w), _emu(h))
        pic.name = "Logo"
        pic._element.nvPicPr.cNvPr.set("descr", self.t.logo_alt)

    def chart(self, slide, v: Visual) -> None:
        spec, b = v.chart, v.box
        assert spec is not None
        png = render_chart(spec, self.t, self.roles, (b.w, b.h), "png", dpi=CHART_DPI)
        pic = slide.shapes.add_picture(BytesIO(png), *(_emu(x) for x in (b.x, b.y, b.w, b.h)))
        pic.name = f"Chart: {spec.title}"
        pic._element.nvPicPr.cNvPr.set("descr", spec.alt)
        pic._element.nvPicPr.cNvPr.set("title", spec.title)

    def table(self, slide, v: Visual, title: str) -> None:
        t, spec, b = self.t, v.table, v.box
        assert spec is not None
        frame = slide.shapes.add_table(len(v.rows), len(v.widths), *(_emu(0) for _ in range(4)))
        _place(frame, b)
        frame.name = f"Table: {spec.caption or title}"
        frame._element.nvGraphicFramePr.cNvPr.set("descr", spec.caption or title)
        grid = frame.table
        grid.first_row, grid.horz_banding = True, False
        for j, w in enumerate(v.widths):
            grid.columns[j].width = _emu(w)
        for i, h in enumerate(v.heights):
            grid.rows[i].height = _emu(h)
        label = has_label_column(spec)
        first_role = 1 if label else 0
        for i, row in enumerate(v.rows):
            for j, value in enumerate(row):
                role = j - first_role
                if i == 0 and 0 <= role < len(spec.role_columns):
                    fill = t.role_color(self.r.role_index(spec.role_columns[role]))
                elif i == 0:
                    fill = t.background if label and j == 0 else t.primary
                else:
                    fill = mix(t.primary, t.background, ROW_TINT) if i % 2 else t.background
                lead = label and j == 0 and i > 0
                color = ink(fill) if i == 0 else t.heading_color if lead else t.foreground
                cell = grid.cell(i, j)
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(fill[1:])
                cell.margin_left = cell.margin_right = _emu(CELL_INSET_X)
                cell.margin_top = cell.margin_bottom = _emu(CELL_INSET_Y)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                para = Para(" ".join(value.split()), v.size, bold=i == 0 or lead)
                self.paragraph(cell.text_frame.paragraphs[0], para, "", 1, color)

    def frame(self, tf, text: Text, color: str, placeholder: bool) -> None:
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE  # the plan measured the text; never let it shrink
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = _emu(INSET)
        keep = placeholder and not self.own  # a template's placeholder keeps its alignment
        if not keep:
            tf.vertical_anchor = MSO_ANCHOR.TOP
        font = self.t.deck_heading_font if text.role == "title" else self.t.deck_font
        for i, para in enumerate(text.paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if not keep:
                p.alignment = _PP_ALIGN[text.align]
            ink_ = self.t.link if para.link else color
            self.paragraph(p, para, text.marker, text.start, ink_, font)

    def paragraph(self, p, para: Para, marker: str, start: int, color: str, font: str = "") -> None:
        p.line_spacing = Pt(para.size * para.line)
        p.space_before, p.space_after = Pt(para.space), Pt(0)
        ppr = p._p.get_or_add_pPr()
        ppr.set("marL", str(Pt(para.indent)))
        ppr.set("indent", str(-Pt(para.indent) if marker or para.label else 0))  # hanging
        if marker:
            mark = self.t.secondary if marker == "bullet" else self.t.heading_color
            clr = OxmlElement("a:buClr")
            clr.append(_srgb(mark))
            bu_font = OxmlElement("a:buFont")
            bu_font.set("typeface", self.t.deck_font)
            kind = OxmlElement("a:buChar" if marker == "bullet" else "a:buAutoNum")
            if marker == "bullet":
                kind.set("char", "•")
            else:
                kind.set("type", "arabicPeriod")
                kind.set("startAt", str(start))
            ppr.extend((clr, bu_font, kind))
        else:
            ppr.append(OxmlElement("a:buNone"))
        font = font or self.t.deck_font
        if para.label:
            self.run(p, para.label + "\t", para.size, True, self.t.heading_color, font)
        if para.text:
            self.run(p, para.text, para.size, para.bold, color, font, para.link)

    def run(
        self, p, text: str, size: float, bold: bool, color: str, font: str, link: str = ""
    ) -> None:
        r = p.add_run()
        r.text = text
        f = r.font
        f.name, f.size, f.bold = font, Pt(size), bold
        f.color.rgb = RGBColor.from_string(color[1:])
        rpr = r._r.get_or_add_rPr()
        rpr.set("lang", self.r.language)
        if not self.own:  # a template's text styles must not change what the plan measured
            f.italic = False
            rpr.set("cap", "none")
            rpr.set("spc", "0")
        if link:
            r.hyperlink.address = link


def _placeholder(slide, idx: int):
    """The slide's placeholder `idx`; a latent one (footer, slide number) cloned from the
    layout; None when the layout has none."""
    for ph in slide.placeholders:
        if ph.placeholder_format.idx == idx:
            return ph
    for ph in slide.slide_layout.placeholders:
        if ph.placeholder_format.idx == idx:
            slide.shapes.clone_placeholder(ph)
            return next(p for p in slide.placeholders if p.placeholder_format.idx == idx)
    return None


def _is_svg(path: Path) -> bool:
    with path.open("rb") as f:
        head = f.read(4096)
    return b"<svg" in head and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


@lru_cache(maxsize=8)
def _logo_aspect(path: Path) -> float:
    if _is_svg(path):
        drawing = _svg_drawing(path)
        return drawing.width / drawing.height
    with Image.open(path) as im:
        w, h = ImageOps.exif_transpose(im).size if _rotated(im) else im.size
    return w / h


@lru_cache(maxsize=8)
def _svg_drawing(path: Path):
    from .handout_blocks import vector

    try:
        return vector(path.read_bytes(), "Helvetica")  # text in it: any font draws a bitmap
    except ValueError as e:
        raise BrandError.at(path, "logo", f"is not a usable SVG image ({e})") from e


@lru_cache(maxsize=16)
def _svg_png(path: Path, px_h: int) -> bytes:
    """The SVG rasterised `px_h` pixels high on a transparent background, as PNG bytes."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    drawing = _svg_drawing(path)
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        bitmap = pdf[0].render(
            scale=px_h / drawing.height, fill_color=(255, 255, 255, 0), may_draw_forms=False
        )
        image = bitmap.to_pil()
    finally:
        pdf.close()
    out = BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _rotated(im: Image.Image) -> bool:
    return im.getexif().get(0x0112, 1) not in (1, None)  # EXIF orientation


def _bitmap(path: Path) -> str | BytesIO:
    """A PNG or JPEG logo as it is, or turned upright when its EXIF says it is rotated."""
    with Image.open(path) as im:
        if not _rotated(im):
            return str(path)
        kind = im.format or "PNG"
        upright = ImageOps.exif_transpose(im)
    out = BytesIO()
    upright.save(out, kind, **({"quality": 95} if kind == "JPEG" else {}))
    return out


def _srgb(color: str):
    el = OxmlElement("a:srgbClr")
    el.set("val", color[1:])
    return el


def _properties(prs, report: Report, theme: Theme) -> None:
    cp = prs.core_properties
    cp.created = cp.modified = _when(report.date)
    cp.revision = 1
    cp.author = cp.last_modified_by = theme.name
    cp.title, cp.subject = report.title, report.subtitle or report.summary
    cp.language = report.language
    cp.comments = cp.keywords = cp.category = ""


def _when(date: str) -> dt.datetime:
    """The deck's time: SOURCE_DATE_EPOCH when set, else the data's date (UTC, naive)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime(*time.gmtime(int(epoch))[:6])
    return dt.datetime.fromisoformat(date)


def _stable_zip(data: bytes, date: str) -> bytes:
    """The same package with a fixed member order and timestamps (SOURCE_DATE_EPOCH wins)."""
    stamp = max(_when(date).timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # the earliest a zip holds
    src = zipfile.ZipFile(BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            info = zipfile.ZipInfo(name, stamp)  # type: ignore[arg-type]
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, src.read(name))
    return out.getvalue()
