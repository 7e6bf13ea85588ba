"""Native PowerPoint charts for the deck: a ChartSpec as a python-pptx chart whose figures
live in its embedded workbook (Edit Data), in the brand's role colours and the deck font.
The pay range is in payrange.py; the career ladder, not a chart of figures, is shapes
(ladder.py)."""

from __future__ import annotations

import math
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.util import Emu, Pt

from ..brand.colors import is_large, mix, readable
from ..brand.theme import Theme
from ..content.model import ChartSpec, Datum
from ..files.clock import document_time
from ..text.measure import Box, Measure
from .chartformats import number_format, stable_workbook
from .package import stable_zip
from .payrange import pay_range

NATIVE_KINDS = frozenset({"pay_range", "pay_location", "outlook", "freelance", "skills"})
_PT, _PT_WIDTH, _PT_RANGE = 14.0, 11.5, (11.0, 16.0)  # text size at a full slide's width
_PANEL_GAP = 0.3  # inches between the outlook's two charts
_GRID_TINT = 0.8  # the muted colour mixed toward the background
_MIN_PT = 7.0
_LABEL_SHARE = 0.32  # of the chart's width at most for the category labels
_ROW_FILL = 0.72  # of the chart's height the rows take (the rest: axis, gaps)


def add_native_chart(
    slide: Any, spec: ChartSpec, theme: Theme, roles: tuple[str, ...], box: Box
) -> list[Any]:
    """The chart's graphic frames on `slide` within `box` (two for the outlook, side by side),
    with the spec's alt text. Raises ValueError for a kind it does not draw natively."""
    if spec.kind not in NATIVE_KINDS:
        raise ValueError(f"no native chart for {spec.kind!r}")
    pt = min(_PT_RANGE[1], max(_PT_RANGE[0], _PT * math.sqrt(box.w / _PT_WIDTH)))
    draw = _Draw(slide, spec, theme, roles, pt)
    frames = getattr(draw, spec.kind)(box)
    for frame in frames:
        cnv = frame.element.nvGraphicFramePr.cNvPr
        cnv.set("descr", spec.alt)
        cnv.set("title", spec.title)
        wb = frame.chart.part.chart_workbook
        stamp = document_time().strftime("%Y-%m-%dT%H:%M:%SZ")
        wb.update_from_xlsx_blob(stable_workbook(wb.xlsx_part.blob, stamp, stable_zip))
    return frames


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color[1:])


class _Draw:
    def __init__(self, slide, spec: ChartSpec, theme: Theme, roles: tuple[str, ...], pt: float):
        self.slide, self.spec, self.t, self.roles = slide, spec, theme, roles
        self.base = self.pt = pt
        self.measure = Measure(theme.font.regular, theme.font.bold)

    def color(self, role: str) -> str:
        if role not in self.roles:
            raise ValueError(f"role {role!r} is not in role_order {self.roles}")
        return self.t.role_color(self.roles.index(role))

    def row_pt(self, box: Box, rows: int) -> float:
        """The text size for `rows` category rows in `box`: rows never overlap."""
        return max(_MIN_PT, min(self.base, box.h * 72 * _ROW_FILL / max(rows, 1) / 1.25))

    def category(self, label: str, box: Box, rows: int) -> str:
        """A category label on one line within the labels' share of the chart's width,
        shortened with an ellipsis when longer (the alt text and notes keep it whole)."""
        return self.measure.ellipsis(label, self.row_pt(box, rows), box.w * 72 * _LABEL_SHARE)

    def fmt(self, unit: str | None = None, values: tuple[float, ...] = ()) -> str:
        places = 1 if any(not float(v).is_integer() for v in values) else 0
        return number_format(unit or self.spec.unit, self.spec.numbers, places)

    # -- the kinds ---------------------------------------------------------------------------

    def pay_range(self, box: Box) -> list[Any]:
        return pay_range(self, box)

    def pay_location(self, box: Box) -> list[Any]:
        panels = [p for p in self.spec.panels if p.data]
        cd = CategoryChartData(number_format=self.fmt())
        flat = [d for p in panels for d in p.data]
        if len(panels) == 1:
            cd.categories = [self.category(_place(d), box, len(flat)) for d in flat]
        else:  # each role's places under its name
            for p in panels:
                group = cd.add_category(p.title)
                for d in p.data:
                    group.add_sub_category(self.category(_place(d), box, len(flat)))
        cd.add_series(self.spec.title, [d.values[0] for d in flat])
        return [self._bars(cd, flat, box)]

    def outlook(self, box: Box) -> list[Any]:
        """Growth and openings as two charts side by side, each titled as its panel."""
        panels = [(k, p) for k, p in enumerate(self.spec.panels) if p.data]
        w = (box.w - _PANEL_GAP * (len(panels) - 1)) / len(panels)
        frames = []
        for n, (k, p) in enumerate(panels):
            unit = "percent" if k == 0 else "count"
            data = sorted(p.data, key=lambda d: self.roles.index(d.role))
            values = tuple(d.values[0] or 0 for d in data)
            part = Box(box.x + n * (w + _PANEL_GAP), box.y, w, box.h)
            cd = CategoryChartData(number_format=self.fmt(unit, values))
            cd.categories = [self.category(d.label, part, len(data)) for d in data]
            cd.add_series(p.title, values)
            frame = self._bars(cd, data, part, unit=unit)
            chart = frame.chart
            chart.has_title = True
            chart.chart_title.text_frame.text = p.title
            self._font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, bold=True)
            if n:  # the roles are named once, beside the first chart
                chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
            frames.append(frame)
        return frames

    def freelance(self, box: Box) -> list[Any]:
        """A floating bar per role from its low to its high hourly rate (the high bar with the
        low one in the background's colour over it), labelled with both."""
        data = self.spec.panels[0].data
        cd = CategoryChartData(number_format=self.fmt())
        cd.categories = [self.category(d.label, box, len(data)) for d in data]
        cd.add_series("high", [d.values[1] for d in data])
        cd.add_series("low", [d.values[0] for d in data])
        frame = self._frame(XL_CHART_TYPE.BAR_CLUSTERED, cd, box, len(data))
        plot = frame.chart.plots[0]
        plot.gap_width, plot.overlap = 80, 100
        high, low = plot.series
        for i, d in enumerate(data):
            self._fill(high.points[i], self.color(d.role))
            self._fill(low.points[i], self.t.background)
            label = high.points[i].data_label  # the range, right of its bar
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            self._text(label, d.text, bold=True)
        return [frame]

    def skills(self, box: Box) -> list[Any]:
        panels = [p for p in self.spec.panels if p.data]
        cd = CategoryChartData(number_format=self.fmt())
        flat = [d for p in panels for d in p.data]
        if len(panels) == 1:
            cd.categories = [self.category(d.label, box, len(flat)) for d in flat]
        else:
            for p in panels:
                group = cd.add_category(p.title)
                for d in p.data:
                    group.add_sub_category(self.category(d.label, box, len(flat)))
        cd.add_series(self.spec.axis or self.spec.title, [d.values[0] for d in flat])
        frame = self._bars(cd, flat, box, labels=False)
        axis = frame.chart.value_axis
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 5, 1
        if self.spec.axis:
            axis.has_title = True
            axis.axis_title.text_frame.text = self.spec.axis
            self._font(axis.axis_title.text_frame.paragraphs[0].runs[0].font, muted=True)
        return [frame]

    # -- shared parts ------------------------------------------------------------------------

    def _bars(self, cd, data: list[Datum], box: Box, labels: bool = True, unit: str = "") -> Any:
        """Horizontal bars, one per datum in its role's colour, each labelled with its figure."""
        frame = self._frame(XL_CHART_TYPE.BAR_CLUSTERED, cd, box, len(data), unit)
        plot = frame.chart.plots[0]
        plot.gap_width = 50
        series = plot.series[0]
        for i, d in enumerate(data):
            self._fill(series.points[i], self.color(d.role))
            if labels:
                self._label(series.points[i], XL_LABEL_POSITION.OUTSIDE_END)
        return frame

    def _frame(self, kind, cd, box: Box, rows: int, unit: str = "") -> Any:
        self.pt = self.row_pt(box, rows)
        emu = [Emu(round(v * 914400)) for v in (box.x, box.y, box.w, box.h)]
        frame = self.slide.shapes.add_chart(kind, *emu, cd)
        frame.name = f"Chart: {self.spec.title}"
        chart = frame.chart
        chart.has_legend = False
        chart.has_title = False
        self._font(chart.font)
        cat, val = chart.category_axis, chart.value_axis
        cat.reverse_order = True  # the first role on top, as the handout lists them
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # left of negative bars too
        for axis in (cat, val):
            axis.major_tick_mark = axis.minor_tick_mark = XL_TICK_MARK.NONE
            axis.format.line.color.rgb = _rgb(mix(self.t.muted, self.t.background, _GRID_TINT))
            self._font(axis.tick_labels.font, muted=axis is val)
        val.has_major_gridlines = True
        val.major_gridlines.format.line.color.rgb = _rgb(
            mix(self.t.muted, self.t.background, _GRID_TINT)
        )
        val.tick_labels.number_format = self.fmt(unit)  # LibreOffice ignores a linked one
        val.tick_labels.number_format_is_linked = False
        return frame

    def _font(self, font, bold: bool = False, muted: bool = False, scale: float = 1.0) -> None:
        size = round(self.pt * scale)
        font.name, font.size, font.bold = self.t.deck_font, Pt(size), bold
        color = self.t.muted if muted else self.t.foreground  # on the slide, beside the bars
        font.color.rgb = _rgb(readable(color, self.t.background, is_large(size, bold)))

    def _fill(self, point, color: str) -> None:
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(color)

    def _label(self, point, position, muted: bool = False) -> None:
        label = point.data_label
        label.position = position
        label.show_value = True
        self._font(label.font, muted=muted, scale=0.9)

    def _text(self, label, text: str, bold: bool = False) -> None:
        """A label of our own words (a range, a median as the handout writes it)."""
        run = label.text_frame.paragraphs[0].add_run()
        run.text = text
        self._font(run.font, bold=bold, scale=0.9)


def _place(d: Datum) -> str:
    return f"{d.label} ({d.detail})" if d.detail else d.label
