"""The career ladder as native shapes: per role a row of rounded boxes holding the steps'
names as editable text, joined by arrow connectors, the years under each box; one group
with the spec's alt text. Sized with the text measurer so every name fits its box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..brand.colors import ink, is_large, readable
from ..brand.theme import Theme
from ..content.model import ChartSpec, Panel
from ..plan.layout import RENDERER_MARGIN
from ..text.measure import LINE, Box, Measure, sizes
from .access import mark_decorative

_PT, _FLOOR, _LAST = 18, 9, 6  # names' largest size, the floor, the last resort when cut
_MAX_LINES = 3  # of a name in its box
_ROW_GAP = 0.5  # lines between one role's row and the next role's name, at least
_PAD_X, _PAD_Y = 0.5, 0.35  # a box's text margins, in ems of its text size
_ARROW = (0.3, 2.2)  # the gap between boxes: at least (inches), else in ems
_DETAIL = 0.9  # the years' size, of the names'
_ROUNDING = 0.08  # inches of a box's corner radius at most
_CORNER_INSET = 0.29289  # of the radius: a rounded rectangle's text area inside its corners
_ARROW_PT = 1.25  # the connectors' line width


def add_ladder(slide: Any, spec: ChartSpec, theme: Theme, roles: tuple[str, ...], box: Box) -> Any:
    """The ladder's group shape on `slide` within `box`: a row per panel, in reading order
    (title, then each box and the years under it), named and described as the spec is."""
    panels = [p for p in spec.panels if p.data]
    m = Measure(theme.font.regular, theme.font.bold, fill=RENDERER_MARGIN)
    lay = _layout(m, panels, box)
    group = slide.shapes.add_group_shape()
    group.name = f"Chart: {spec.title}"
    cnv = group._element.nvGrpSpPr.cNvPr
    cnv.set("descr", spec.alt)
    cnv.set("title", spec.title)
    draw = _Draw(group.shapes, theme, roles, lay)
    top = box.y + (box.h - lay.height) / 2
    for panel, row, title in zip(panels, lay.rows, lay.titles, strict=True):
        draw.row(panel, row, title, box, top)
        top += lay.block + lay.gap
    return group


@dataclass(frozen=True)
class _Row:
    """One role's boxes: their width, their names as written, the years under them."""

    width: float
    names: list[str]
    details: list[str]


@dataclass(frozen=True)
class _Layout:
    """Text sizes (pt), heights and gaps (inches) and the rows of a ladder that fits."""

    pt: float
    titled: bool
    title_h: float
    box_h: float
    detail_h: float
    arrow: float
    gap: float
    rows: list[_Row]
    titles: list[str]

    @property
    def block(self) -> float:
        return self.title_h + self.box_h + self.detail_h

    @property
    def height(self) -> float:
        return len(self.rows) * self.block + (len(self.rows) - 1) * self.gap


def _layout(m: Measure, panels: list[Panel], box: Box) -> _Layout:
    """The largest text size at which every name fits its box in at most three lines and
    the rows fit the height; at the floor, names cut with an ellipsis to the lines the
    height allows (smaller still only when not even one line fits)."""
    natural = ((pt, _MAX_LINES, False) for pt in sizes(_PT, _FLOOR))
    cut = ((pt, n, True) for pt in sizes(_FLOOR, _LAST) for n in (3, 2, 1))
    for pt, lines, shorten in (*natural, *cut):
        found = _try(m, panels, box, pt, lines, shorten)
        if found:
            return found
    return _try(m, panels, box, _LAST, 1, True, force=True)  # type: ignore[return-value]


def _try(
    m: Measure,
    panels: list[Panel],
    box: Box,
    pt: float,
    max_lines: int,
    shorten: bool,
    force: bool = False,
) -> _Layout | None:
    line = pt * LINE / 72
    arrow = max(_ARROW[0], _ARROW[1] * pt / 72)
    small = round(pt * _DETAIL)
    titled = len(panels) > 1
    rows, used = [], 1
    for p in panels:
        n = len(p.data)
        width = (box.w - arrow * (n - 1)) / n
        inner = (width - 2 * _PAD_X * pt / 72 - 2 * _CORNER_INSET * _ROUNDING) * 72
        room = (width + arrow * 0.8) * 72  # the years may reach into the gaps beside the box
        names, details = [], []
        for d in p.data:
            wrapped = m.wrap(d.label, pt, inner, bold=True)
            whole = all(m.width(w, pt, True) <= inner * RENDERER_MARGIN for w in d.label.split(" "))
            name = d.label
            if len(wrapped) > max_lines or not whole:
                if not shorten:
                    return None
                wrapped = _cut(m, d.label, pt, inner, max_lines)
                name = "\v".join(wrapped)  # broken where it was measured
            fits = m.width(d.detail, small) <= room * RENDERER_MARGIN
            if not fits and not shorten:
                return None
            names.append(name)
            details.append(d.detail if fits else _ellipsis(m, d.detail, small, room))
            used = max(used, len(wrapped))
        rows.append(_Row(width, names, details))
    box_h = used * line + 2 * _PAD_Y * pt / 72
    title_h = line * 1.3 if titled else 0.0
    detail_h = small * LINE / 72 * 1.3 if any(d.detail for p in panels for d in p.data) else 0
    block = title_h + box_h + detail_h
    if len(rows) * block + (len(rows) - 1) * line * _ROW_GAP > box.h and not force:
        return None  # rows apart by half a line at least
    # Spare height: taller boxes first (up to one more line), then gaps between the rows.
    grow = max(0.0, min(line, (box.h - len(rows) * (block + line * 1.5)) / len(rows)))
    spare = box.h - len(rows) * (block + grow)
    gap = max(line * _ROW_GAP, min(line * 2.5, spare / max(1, len(rows) - 1)))
    titles = [_ellipsis(m, p.title, pt, box.w * 72, bold=True) for p in panels]
    return _Layout(pt, titled, title_h, box_h + grow, detail_h, arrow, gap, rows, titles)


def _cut(m: Measure, text: str, pt: float, inner: float, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `inner` points, the last ending in an ellipsis."""
    wrapped = m.wrap(text, pt, inner, bold=True)
    if len(wrapped) <= lines:
        return wrapped
    return [*wrapped[: lines - 1], _ellipsis(m, " ".join(wrapped[lines - 1 :]), pt, inner, True)]


def _ellipsis(m: Measure, text: str, pt: float, room: float, bold: bool = False) -> str:
    """`text` on one line of `room` points (less the renderer's margin), cut if need be."""
    return m.ellipsis(text, pt, room * RENDERER_MARGIN, bold)


def _emu(inches: float) -> Emu:
    return Emu(round(inches * 914400))


class _Draw:
    def __init__(self, shapes: Any, theme: Theme, roles: tuple[str, ...], lay: _Layout):
        self.shapes, self.t, self.roles, self.lay = shapes, theme, roles, lay

    def row(self, panel: Panel, row: _Row, title: str, box: Box, top: float) -> None:
        lay, t = self.lay, self.t
        if lay.titled:
            self.text(Box(box.x, top, box.w, lay.title_h), title, lay.pt, t.foreground, True)
        y, x, prev = top + lay.title_h, box.x, None
        for d, name, detail in zip(panel.data, row.names, row.details, strict=True):
            fill = t.role_color(self.roles.index(d.role))
            step = self.step(Box(x, y, row.width, lay.box_h), name, fill)
            if prev is not None:
                step._element.addprevious(self.arrow(prev, step)._element)  # in reading order
            if detail:
                under = Box(x - lay.arrow * 0.4, y + lay.box_h, row.width + lay.arrow * 0.8, 0)
                self.text(
                    Box(under.x, under.y, under.w, lay.detail_h), detail,
                    round(lay.pt * _DETAIL), t.muted, anchor=MSO_ANCHOR.TOP, align=PP_ALIGN.CENTER,
                )  # fmt: skip
            prev, x = step, x + row.width + lay.arrow

    def step(self, b: Box, name: str, fill: str) -> Any:
        """A rounded box in the role's colour with the step's name, centred."""
        shape = self.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *map(_emu, (b.x, b.y, b.w, b.h)))
        shape.name = "Step"
        shape.adjustments[0] = min(_ROUNDING, b.h / 4) / min(b.w, b.h)
        _plain(shape)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(fill[1:])
        shape.line.fill.background()
        self._write(shape.text_frame, name, self.lay.pt, ink(fill), True, _PAD_X, _PAD_Y)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        return shape

    def arrow(self, start: Any, end: Any) -> Any:
        """An arrow from one box's right side to the next one's left, glued to both."""
        line = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 0, 0)
        line.begin_connect(start, 3)
        line.end_connect(end, 1)
        line.name = "Arrow"
        _plain(line)
        line.line.color.rgb = RGBColor.from_string(self.t.muted[1:])
        line.line.width = Pt(_ARROW_PT)
        head = etree.SubElement(line.line._get_or_add_ln(), qn("a:tailEnd"))
        head.set("type", "triangle")
        mark_decorative(line)  # the order of the boxes says it; a reader skips the arrows
        return line

    def text(
        self,
        b: Box,
        text: str,
        pt: float,
        color: str,
        bold: bool = False,
        anchor: Any = MSO_ANCHOR.MIDDLE,
        align: Any = PP_ALIGN.LEFT,
    ) -> None:
        box = self.shapes.add_textbox(*map(_emu, (b.x, b.y, b.w, b.h)))
        box.name = "Role" if bold else "Years"
        color = readable(color, self.t.background, is_large(pt, bold))  # on the slide itself
        self._write(box.text_frame, text, pt, color, bold, 0, 0)
        box.text_frame.vertical_anchor = anchor
        box.text_frame.paragraphs[0].alignment = align

    def _write(self, tf, text: str, pt: float, color: str, bold: bool, px: float, py: float):
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = _emu(px * pt / 72)
        tf.margin_top = tf.margin_bottom = _emu(py * pt / 72)
        p = tf.paragraphs[0]
        p.line_spacing = Pt(pt * LINE)
        p.text = text  # a vertical tab: a line break where a cut name was measured to break
        for run in p.runs:
            f = run.font
            f.name, f.size, f.bold = self.t.deck_font, Pt(pt), bold
            f.color.rgb = RGBColor.from_string(color[1:])


def _plain(shape: Any) -> None:
    """No theme style (shadow, outline, text colour): only what we set."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
