"""Report + Theme → an editable PowerPoint deck (python-pptx), drawn from the slide plan."""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from io import BytesIO
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

from .brand import Theme
from .charts import render_chart
from .colors import ink, mix
from .model import Rendered, Report
from .slideplan import (
    BAND_TOP,
    BODY_BOTTOM,
    CELL_INSET_X,
    CELL_INSET_Y,
    COVER_LOGO_H,
    COVER_LOGO_TOP,
    COVER_TITLE_TOP,
    FOOTER_H,
    FOOTER_TOP,
    LOGO_SMALL,
    MARGIN,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Aspect,
    PlannedSlide,
    Text,
    Visual,
    has_label_column,
    plan_slides,
)
from .textfit import INSET, Box, Para

__all__ = ["PlannedSlide", "plan_slides", "render_deck"]

CHART_DPI = 220  # charts are drawn at their placed size, so this is their real resolution
BAND_TINT, ROW_TINT, RULE_TINT = 0.86, 0.92, 0.7  # theme colours mixed toward the background
ACCENT_W = 0.14  # the bar on the discussion band's left edge
COVER_RULE = (1.2, 0.08)  # the accent bar above the cover title
COVER_BAND_H, FOOTER_RULE_GAP = 0.4, 0.06
NOTES_PT = 12


def render_deck(report: Report, theme: Theme, aspect: Aspect = "16:9") -> Rendered:
    """The deck as PPTX bytes (same input, same bytes), with warnings and the slide count.
    Raises ValueError for an unknown aspect or a chart that cannot be drawn."""
    if aspect not in SLIDE_WIDTH:
        raise ValueError(f"aspect must be 16:9 or 4:3, not {aspect!r}")
    plan = plan_slides(report, aspect, theme)
    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(SLIDE_WIDTH[aspect]), _emu(SLIDE_HEIGHT)
    writer = _Writer(prs, report, theme, SLIDE_WIDTH[aspect])
    for planned in plan:
        writer.add(planned)
    _properties(prs, report, theme)
    out = BytesIO()
    prs.save(out)
    warnings = tuple(w for p in plan for w in p.warnings) + tuple(writer.warnings)
    return Rendered(_stable_zip(out.getvalue(), report.date), warnings, len(plan))


def _emu(inches: float) -> Emu:
    return Emu(round(inches * 914400))


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        _emu(v) for v in (box.x, box.y, box.w, box.h)
    )


class _Writer:
    def __init__(self, prs, report: Report, theme: Theme, width: float) -> None:
        self.prs, self.r, self.t, self.w = prs, report, theme, width
        self.layouts = {layout.name: layout for layout in prs.slide_layouts}
        self.roles = tuple(r.id for r in report.roles)
        self.warnings: list[str] = []
        self.colors = {
            "foreground": theme.foreground,
            "primary": theme.heading_color,
            "muted": theme.muted,
            "ink": ink(theme.primary),
        }

    def add(self, ps: PlannedSlide) -> None:
        slide = self.prs.slides.add_slide(
            self.layouts["Title Slide" if ps.kind == "title" else "Title Only"]
        )
        self.decorate(slide, ps)
        visual = ps.visual
        for text in ps.texts:  # shapes in reading order: title, body, visual, caption, footer
            if visual and text.role in ("caption", "footer"):
                if visual.chart:
                    self.chart(slide, visual)
                else:
                    self.table(slide, visual, ps.title)
                visual = None
            if text.role == "title":
                shape = slide.shapes.title
            elif text.role == "subtitle":
                shape = slide.placeholders[1]
            else:
                shape = slide.shapes.add_textbox(0, 0, 0, 0)
                shape.name = text.role.capitalize()
            _place(shape, text.box)
            on_band = ps.kind == "section" and text.role in ("title", "kicker")
            color = "ink" if on_band else text.color
            self.frame(shape.text_frame, text, self.colors[color])
        for ph in list(slide.placeholders):  # an empty placeholder shows "Click to add text"
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph._element.getparent().remove(ph._element)
        if ps.kind == "title":
            self.logo(slide, self.t.logo_large, MARGIN, COVER_LOGO_TOP, COVER_LOGO_H, self.w * 0.45)
        else:
            top = FOOTER_TOP + (FOOTER_H - LOGO_SMALL) / 2
            self.logo(slide, self.t.logo_small, MARGIN, top, LOGO_SMALL, LOGO_SMALL * 3)
        if ps.notes:
            notes = slide.notes_slide.notes_text_frame
            self.paragraph(notes.paragraphs[0], Para(ps.notes, NOTES_PT), "", 1, self.t.foreground)

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

    def logo(self, slide, path: Path | None, x: float, y: float, h: float, max_w: float) -> None:
        if path is None:
            return
        if path.suffix.lower() == ".svg":
            msg = f"{path.name}: PowerPoint needs a PNG or JPEG logo; the deck shows none"
            if msg not in self.warnings:
                self.warnings.append(msg)
            return
        with Image.open(path) as im:
            pw, ph = im.size
        w = min(h * pw / ph, max_w)
        pic = slide.shapes.add_picture(str(path), _emu(x), _emu(y), _emu(w), _emu(w * ph / pw))
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

    def frame(self, tf, text: Text, color: str) -> None:
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE  # the plan measured the text; never let it shrink
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = _emu(INSET)
        tf.vertical_anchor = MSO_ANCHOR.TOP
        for i, para in enumerate(text.paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = PP_ALIGN.RIGHT if text.align == "right" else PP_ALIGN.LEFT
            self.paragraph(p, para, text.marker, text.start, self.t.link if para.link else color)

    def paragraph(self, p, para: Para, marker: str, start: int, color: str) -> None:
        p.line_spacing = Pt(para.size * para.line)
        p.space_before, p.space_after = Pt(para.space), Pt(0)
        ppr = p._p.get_or_add_pPr()
        ppr.set("marL", str(Pt(para.indent)))
        ppr.set("indent", str(-Pt(para.indent) if marker or para.label else 0))  # hanging
        if marker:
            mark = self.t.secondary if marker == "bullet" else self.t.heading_color
            clr = OxmlElement("a:buClr")
            clr.append(_srgb(mark))
            font = OxmlElement("a:buFont")
            font.set("typeface", self.t.deck_font)
            kind = OxmlElement("a:buChar" if marker == "bullet" else "a:buAutoNum")
            if marker == "bullet":
                kind.set("char", "•")
            else:
                kind.set("type", "arabicPeriod")
                kind.set("startAt", str(start))
            ppr.extend((clr, font, kind))
        else:
            ppr.append(OxmlElement("a:buNone"))
        if para.label:
            self.run(p, para.label + "\t", para.size, True, self.t.heading_color)
        if para.text:
            self.run(p, para.text, para.size, para.bold, color, para.link)

    def run(self, p, text: str, size: float, bold: bool, color: str, link: str = "") -> None:
        r = p.add_run()
        r.text = text
        f = r.font
        f.name, f.size, f.bold = self.t.deck_font, Pt(size), bold
        f.color.rgb = RGBColor.from_string(color[1:])
        r._r.get_or_add_rPr().set("lang", self.r.language)
        if link:
            r.hyperlink.address = link


def _srgb(color: str):
    el = OxmlElement("a:srgbClr")
    el.set("val", color[1:])
    return el


def _properties(prs, report: Report, theme: Theme) -> None:
    cp = prs.core_properties
    when = dt.datetime.fromisoformat(report.date)
    cp.created = cp.modified = when
    cp.revision = 1
    cp.author = cp.last_modified_by = theme.name
    cp.title, cp.subject = report.title, report.subtitle or report.summary
    cp.language = report.language
    cp.comments = cp.keywords = cp.category = ""


def _stable_zip(data: bytes, date: str) -> bytes:
    """The same package with a fixed member order and timestamps (SOURCE_DATE_EPOCH wins)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = time.gmtime(int(epoch))[:6]
    else:
        stamp = (*(int(x) for x in date.split("-")), 0, 0, 0)
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))  # the earliest time a zip can hold
    src = zipfile.ZipFile(BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            info = zipfile.ZipInfo(name, stamp)  # type: ignore[arg-type]
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, src.read(name))
    return out.getvalue()
