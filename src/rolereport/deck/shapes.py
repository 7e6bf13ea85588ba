"""Planned slides drawn as python-pptx shapes: text, tables, charts, logos, our own decoration."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

from ..brand.colors import WHITE, ink, is_large, mix, readable
from ..brand.logo import Logo
from ..brand.theme import Theme
from ..charts.render import render_chart
from ..content.model import Report
from ..plan.body import has_label_column
from ..plan.layout import (
    BAND_TOP,
    BODY_BOTTOM,
    CELL_INSET_X,
    CELL_INSET_Y,
    COVER_TITLE_TOP,
    FOOTER_TOP,
    MARGIN,
    SLIDE_HEIGHT,
    tidy,
)
from ..plan.model import PlannedSlide, Text, Visual
from ..text.measure import INSET, Box, Para
from .access import mark_decorative
from .frames import layouts_by_name
from .ladder import add_ladder
from .logo import logo_image
from .nativecharts import NATIVE_KINDS, add_native_chart

# LibreOffice (after Unicode's line-breaking rules) may break between two plus signs,
# leaving "C+" at a line's end; the plan measured "C++" as one word.
_PLUS_PAIR = re.compile(r"\+(?=\+)")
CHART_DPI = 220  # charts are drawn at their placed size, so this is their real resolution
BAND_TINT, ROW_TINT, RULE_TINT = 0.86, 0.92, 0.7  # theme colours mixed toward the background
ACCENT_W = 0.14  # the bar on the discussion band's left edge
COVER_RULE = (1.2, 0.08)  # the accent bar above the cover title
COVER_BAND_H, FOOTER_RULE_GAP = 0.4, 0.06
NOTES_PT = 12

_PP_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def emu(inches: float) -> Emu:
    """Inches as EMU, rounded to the nearest whole one."""
    return Emu(round(inches * 914400))


def _place(shape, box: Box) -> None:
    xywh = tuple(emu(v) for v in (box.x, box.y, box.w, box.h))
    if (shape.left, shape.top, shape.width, shape.height) != xywh:  # else inherit the layout's
        shape.left, shape.top, shape.width, shape.height = xywh


class SlideWriter:
    """Draws planned slides onto a presentation: a template's placeholders filled, or text
    boxes and our own decoration on a blank one."""

    def __init__(
        self, prs, report: Report, theme: Theme, own_look: bool, charts: str = "native"
    ) -> None:
        self.prs, self.r, self.t, self.own = prs, report, theme, own_look
        self.charts = charts  # native: PowerPoint charts; picture: matplotlib's PNGs
        self.w = Emu(prs.slide_width).inches
        self.layouts = layouts_by_name(prs)
        self.roles = tuple(r.id for r in report.roles)
        self.colors = {
            "foreground": theme.foreground,
            "primary": theme.heading_color,
            "muted": theme.muted,
            "ink": ink(theme.primary),
        }

    def add(self, ps: PlannedSlide) -> None:
        slide = self.prs.slides.add_slide(self.layouts[ps.layout])
        fills = self._decorate(slide, ps) if self.own else []  # a template brings its own look
        visual = ps.visual
        for text in ps.texts:  # shapes in reading order: title, body, visual, caption, footer
            if visual and text.role in ("caption", "footer"):
                if visual.chart:
                    self._chart(slide, visual)
                else:
                    self._table(slide, visual, ps.title)
                visual = None
            shape, placeholder = self._shape(slide, text)
            on_band = self.own and ps.kind == "section" and text.role in ("title", "kicker")
            color = "ink" if on_band else text.color
            ground = _ground(text.box, fills, self.t.background)
            self._frame(shape.text_frame, text, self.colors[color], placeholder, ground)
        for ph in list(slide.placeholders):  # an empty placeholder shows "Click to add text"
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph.element.getparent().remove(ph.element)
        logo = self.t.logo_large if ps.kind == "title" else self.t.logo_small
        if logo and ps.logo:
            self._logo(slide, logo, ps.logo, decorative=ps.kind != "title")
        if ps.notes:
            notes = slide.notes_slide.notes_text_frame
            para = Para(ps.notes, NOTES_PT)
            self._paragraph(notes.paragraphs[0], para, "", 1, self.t.foreground, on=WHITE)

    def _shape(self, slide, text: Text) -> tuple[Any, bool]:
        """The layout's placeholder the plan names (cloned when latent, as a footer is), else a
        new text box; placed on the plan's box and named for its role."""
        ph = None if text.slot is None else _placeholder(slide, text.slot)
        shape = ph if ph is not None else slide.shapes.add_textbox(0, 0, 0, 0)
        if text.role not in ("title", "subtitle"):  # those keep the layout's names
            shape.name = text.role.capitalize()
        _place(shape, text.box)
        return shape, ph is not None

    def _decorate(self, slide, ps: PlannedSlide) -> list[tuple[Box, str]]:
        """Our own decoration of a slide; returns the rectangles drawn, with their colours."""
        t, w = self.t, self.w
        if ps.kind == "title":
            return [
                self._rect(slide, Box(MARGIN, COVER_TITLE_TOP - 0.2, *COVER_RULE), t.secondary),
                self._rect(slide, Box(0, SLIDE_HEIGHT - COVER_BAND_H, w, COVER_BAND_H), t.primary),
            ]
        fills = []
        if ps.kind == "section":
            fills.append(self._rect(slide, Box(0, 0, w, BODY_BOTTOM), t.primary, back=True))
        if ps.kind == "discussion":
            band = Box(0, BAND_TOP, w, BODY_BOTTOM - BAND_TOP)
            fills.append(self._rect(slide, band, mix(t.secondary, t.background, BAND_TINT)))
            fills.append(self._rect(slide, Box(0, band.y, ACCENT_W, band.h), t.secondary))
        rule = Box(MARGIN, FOOTER_TOP - FOOTER_RULE_GAP, w - 2 * MARGIN, 0.01)
        return [*fills, self._rect(slide, rule, mix(t.muted, t.background, RULE_TINT))]

    def _rect(self, slide, box: Box, color: str, back: bool = False) -> tuple[Box, str]:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 0, 0)
        _place(shape, box)
        shape.name = "Decoration"
        mark_decorative(shape)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color[1:])
        shape.line.fill.background()
        sp = shape.element
        for child in (sp.find(f"{{{sp.nsmap['p']}}}style"), sp.txBody):  # no theme effects, no
            if child is not None:  # empty text frame on a shape that only draws
                sp.remove(child)
        if back:  # behind the title placeholder
            tree = sp.getparent()
            tree.remove(sp)
            tree.insert(2, sp)
        return box, color

    def _logo(self, slide, logo: Logo, box: Box, decorative: bool = False) -> None:
        """The logo at the box's height (narrower when wider than the box), left and top;
        `decorative` where it repeats on every slide, as a screen reader should skip it."""
        w = min(box.h * logo.aspect, box.w)
        h = w / logo.aspect
        pic = slide.shapes.add_picture(logo_image(logo, h), emu(box.x), emu(box.y), emu(w), emu(h))
        pic.name = "Logo"
        pic.element.nvPicPr.cNvPr.set("descr", self.t.logo_alt)
        if decorative:
            mark_decorative(pic)

    def _chart(self, slide, v: Visual) -> None:
        spec, b = v.chart, v.box
        assert spec is not None
        if self.charts == "native" and spec.kind in NATIVE_KINDS:
            add_native_chart(slide, spec, self.t, self.roles, b)
            return
        if self.charts == "native" and spec.kind == "ladder":
            add_ladder(slide, spec, self.t, self.roles, b)
            return
        png = render_chart(spec, self.t, self.roles, (b.w, b.h), "png", dpi=CHART_DPI)
        pic = slide.shapes.add_picture(BytesIO(png), *(emu(x) for x in (b.x, b.y, b.w, b.h)))
        pic.name = f"Chart: {spec.title}"
        pic.element.nvPicPr.cNvPr.set("descr", spec.alt)
        pic.element.nvPicPr.cNvPr.set("title", spec.title)

    def _table(self, slide, v: Visual, title: str) -> None:
        t, spec, b = self.t, v.table, v.box
        assert spec is not None
        frame = slide.shapes.add_table(len(v.rows), len(v.widths), *(emu(0) for _ in range(4)))
        _place(frame, b)
        frame.name = f"Table: {spec.caption or title}"
        frame.element.nvGraphicFramePr.cNvPr.set("descr", spec.caption or title)
        grid = frame.table
        grid.first_row, grid.horz_banding = True, False
        for j, w in enumerate(v.widths):
            grid.columns[j].width = emu(w)
        for i, h in enumerate(v.heights):
            grid.rows[i].height = emu(h)
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
                cell.margin_left = cell.margin_right = emu(CELL_INSET_X)
                cell.margin_top = cell.margin_bottom = emu(CELL_INSET_Y)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                para = Para(tidy(value), v.size, bold=i == 0 or lead)
                self._paragraph(cell.text_frame.paragraphs[0], para, "", 1, color, on=fill)

    def _frame(self, tf, text: Text, color: str, placeholder: bool, ground: str) -> None:
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE  # the plan measured the text; never let it shrink
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = emu(INSET)
        keep = placeholder and not self.own  # a template's placeholder keeps its alignment
        if not keep:
            tf.vertical_anchor = MSO_ANCHOR.TOP
        font = self.t.deck_heading_font if text.role == "title" else self.t.deck_font
        for i, para in enumerate(text.paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if not keep:
                p.alignment = _PP_ALIGN[text.align]
            ink_ = self.t.link if para.link else color
            self._paragraph(p, para, text.marker, text.start, ink_, font, ground)

    def _paragraph(
        self, p, para: Para, marker: str, start: int, color: str, font: str = "", on: str = ""
    ) -> None:
        """A paragraph of runs printed on the colour `on` (the slide's background when
        empty): each run's colour is made readable there."""
        on = on or self.t.background
        p.line_spacing = Pt(para.size * para.line)
        p.space_before, p.space_after = Pt(para.space), Pt(0)
        ppr = p._p.get_or_add_pPr()
        ppr.set("marL", str(Pt(para.indent)))
        ppr.set("indent", str(-Pt(para.indent) if marker or para.label else 0))  # hanging
        if marker:
            mark = self.t.secondary if marker == "bullet" else self.t.heading_color
            clr = OxmlElement("a:buClr")
            clr.append(_srgb(readable(mark, on, large=True)))  # a mark: 3:1, as large text
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
            self._run(p, para.label + "\t", para.size, True, self.t.heading_color, font, on)
        if para.text:
            self._run(p, para.text, para.size, para.bold, color, font, on, para.link)

    def _run(
        self, p, text: str, size: float, bold: bool, color: str, font: str, on: str, link: str = ""
    ) -> None:
        color = readable(color, on, is_large(size, bold))  # the brand's colour, or near it
        r = p.add_run()
        r.text = _PLUS_PAIR.sub("+\u2060", text)  # an invisible word joiner: "C++" stays whole
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


def _ground(box: Box, fills: list[tuple[Box, str]], background: str) -> str:
    """The colour behind the middle of `box`: the last of our rectangles there, else the
    slide's background."""
    x, y = box.x + box.w / 2, box.y + box.h / 2
    inside = [c for b, c in fills if b.x <= x <= b.x + b.w and b.y <= y <= b.y + b.h]
    return inside[-1] if inside else background


def _srgb(color: str):
    el = OxmlElement("a:srgbClr")
    el.set("val", color[1:])
    return el
