"""Vector pictures in the PDFs: an SVG (chart or logo) as a Drawing in the brand faces, and
the chart flowable at its height."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from ..brand.svg import vector
from ..charts.render import render_chart
from ..content.model import ChartSpec, Figure, Report
from .style import on, paper

if TYPE_CHECKING:
    from ..brand.theme import Theme
    from .setup import Fonts

CHART_MIN_H, CHART_MAX_H = 1.8, 8.5  # inches; between them, a chart is as tall as its rows


class Chart(Flowable):
    """A vector chart; left out on the dry pass that only measures where pages break."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing, self.width, self.height = drawing, drawing.width, drawing.height

    def draw(self) -> None:
        if not getattr(self.canv, "dry", False):
            renderPDF.draw(self.drawing, self.canv, 0, 0)


def chart_height(spec: ChartSpec) -> float:
    """Inches a chart needs at the handout's width: room for axes plus a share per row (place,
    skill, role), more when its labels wrap onto more lines, up to about the frame's height;
    a ladder, a share per role, more when its stages' names need more lines in their boxes."""
    panels = [p for p in spec.panels if p.data] or [*spec.panels]
    rows, stacked = max(len(p.data) for p in panels), sum(len(p.data) for p in panels)
    # Row labels wrap at about 20 characters, onto at most 3 lines; at 9 pt a row needs some
    # 0.15 in per line of its label.
    chars = max((len(d.label) for p in panels for d in p.data), default=0)
    row = 0.15 * min(3, max(1, -(-chars // 20))) + 0.03
    # A ladder's row of boxes spans the width: about 100 characters of names fit on a line.
    names = max((sum(len(d.label) for d in p.data) for p in panels), default=0)
    box = 0.5 + 0.17 * min(3, max(1, -(-names // 100)))
    h = {
        "skills": (0.9 + max(0.33, row) * rows) * ((len(panels) + 1) // 2),  # two abreast
        "ladder": 0.4 + max(0.8, box) * len(panels),
        "outlook": 0.9 + max(0.45, row) * rows,  # panels side by side
    }.get(spec.kind, 0.8 + max(0.42, row) * stacked + 0.3 * (len(panels) - 1))
    return min(CHART_MAX_H, max(CHART_MIN_H, h))


def chart_theme(theme: Theme, ground: str = "") -> Theme:
    """The theme a handout chart is drawn with: its words' colours made readable on `ground`
    (by default the page's). The build asks a worker for the charts in this theme ahead."""
    ground = ground or paper(theme)
    return replace(theme, **{k: on(theme, k, ground) for k in ("foreground", "muted")})


ChartOrder = tuple[ChartSpec, "Theme", tuple[str, ...], tuple[float, float]]


def handout_charts(report: Report, theme: Theme, paper: str) -> list[ChartOrder]:
    """Every chart the handout draws on its pages, once each, as `chart_drawing` asks for it:
    the spec, the theme it is drawn in, the role order and its size in inches."""
    from .page import MARGIN_X, PAPER

    if paper not in PAPER:
        return []
    roles, width = tuple(r.id for r in report.roles), (PAPER[paper][0] - 2 * MARGIN_X) / inch
    theme = chart_theme(theme)
    orders: dict[str, ChartOrder] = {}
    for spec in (b.chart for s in report.sections for b in s.blocks if isinstance(b, Figure)):
        size = (width, chart_height(spec))
        orders.setdefault(repr((spec, size)), (spec, theme, roles, size))
    return list(orders.values())


def chart_drawing(
    spec: ChartSpec, theme: Theme, roles: tuple[str, ...], width: float, fonts: Fonts
) -> Drawing:
    """The chart drawn as SVG for a frame `width` points wide, as a Drawing of that width in
    the brand faces. Raises ValueError when the SVG cannot be read."""
    size = (width / inch, chart_height(spec))
    svg = render_chart(spec, theme, roles, size, "svg")
    drawing = vector(svg, fonts.regular, fonts.bold)
    k = width / drawing.width  # drawn at the frame width already: k is ~1
    drawing.scale(k, k)
    drawing.width, drawing.height = width, drawing.height * k
    return drawing
