"""The pay range as a native chart: overlapping bars per role that show as a floating bar
from the 10th to the 90th percentile, with its figures at both ends and the median's above
it, as the handout's picture has them. The plot's geometry is set (not left to the viewer)
so that the labels are placed by measured text: none clipped, none over another."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.oxml.ns import qn

from ..brand.colors import mix
from ..content.model import Datum
from ..text import formats
from ..text.measure import LINE, Box

_WHISKER_TINT, _MEDIAN_SHADE = 0.55, 0.25  # the role's colour mixed toward background, ink
_RANGE_NAMES = (
    "10th percentile",
    "25th percentile",
    "median",
    "75th percentile",
    "90th percentile",
)
_ENDS, _MEDIAN = 0.8, 0.9  # label sizes, of the chart's text size (as the picture's)
_LABEL_GAP = 0.1  # inches between a bar's end and its label, as viewers place them
_INSIDE_PAD = 0.04  # inches a viewer keeps between an inside-end label and the bar's end
_ABOVE = 0.03  # inches between the bar's top and the median's label
_AXIS_PAD = 0.12  # inches between the category labels and the plot, the tick labels and it
_NICE = (1, 2, 2.5, 5)
_MAX_TICKS = 6
_C15 = "http://schemas.microsoft.com/office/drawing/2012/chart"
_LEADER_LINES = "{CE6537A1-D6FC-4f65-9D91-7224C49458BB}"


def pay_range(draw: Any, box: Box) -> list[Any]:
    """Overlapping bars per role, each series its figure from 0, the later drawn over the
    earlier: the 90th percentile pale, the 75th in the role's colour, the median darker,
    the 25th pale again and the 10th in the background's colour. What shows is a floating
    bar: 10th-25th and 75th-90th pale, 25th-75th in colour, split at the median. `draw` is
    nativecharts' drawing context."""
    spec, t = draw.spec, draw.t
    data = spec.panels[0].data
    cd = CategoryChartData(number_format=draw.fmt())
    categories = [draw.category(d.label, box, len(data)) for d in data]
    cd.categories = categories
    cuts = [_quantiles(d) for d in data]
    for k, name in reversed(list(enumerate(_RANGE_NAMES))):
        cd.add_series(name, [c[k] for c in cuts])
    frame = draw._frame(XL_CHART_TYPE.BAR_CLUSTERED, cd, box, len(data))
    g = _Geometry.of(draw, box, data, categories)
    chart = frame.chart
    _plot_layout(chart, box, g)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, g.top, g.unit
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = g.gap_width, 100
    p90, p75, median, p25, p10 = plot.series
    for i, d in enumerate(data):
        c = draw.color(d.role)
        pale = mix(c, t.background, _WHISKER_TINT)
        for series, fill in ((p90, pale), (p75, c), (median, mix(c, t.foreground, _MEDIAN_SHADE))):
            draw._fill(series.points[i], fill)
        draw._fill(p25.points[i], pale)
        draw._fill(p10.points[i], t.background)
        low, mid, high = (tuple(d.values) + (None,) * 5)[0:5:2]
        if high is not None:  # right of the bar
            _label(draw, p90.points[i], g.money(high), XL_LABEL_POSITION.OUTSIDE_END, _ENDS)
        if low is not None and g.low_fits[i]:  # left of the bar, inside the hidden one
            _label(draw, p10.points[i], g.money(low), XL_LABEL_POSITION.INSIDE_END, _ENDS)
        if mid is not None:  # above the bar, centred on the median
            text = d.text or g.money(mid)
            label = _label(draw, median.points[i], text, XL_LABEL_POSITION.INSIDE_END, _MEDIAN)
            _offset(label, g.shift[i] / box.w, -g.lift / box.h)
    _no_leader_lines(median)
    return [frame]


@dataclass(frozen=True)
class _Geometry:
    """Where the plot sits in the chart (inches from its top left), its value axis's top
    and step, the bars' gap width, how far the median's label is lifted above its bar's
    middle, and which rows have room for the 10th percentile's label left of the bar."""

    x: float
    y: float
    w: float
    h: float
    top: float
    unit: float
    gap_width: int
    lift: float
    shift: tuple[float, ...]  # each median label's move right from inside its bar's end
    low_fits: tuple[bool, ...]
    numbers: Any

    def money(self, value: float) -> str:
        return formats.money(value, self.numbers.currency, self.numbers.locale)

    @classmethod
    def of(cls, draw: Any, box: Box, data: tuple[Datum, ...], categories: list[str]) -> Any:
        m, pt, numbers = draw.measure, round(draw.pt), draw.spec.numbers
        ends_pt, median_pt = round(draw.pt * _ENDS), round(draw.pt * _MEDIAN)

        def money(v: float) -> str:
            return formats.money(v, numbers.currency, numbers.locale)

        def inches(text: str, size: float, bold: bool = False) -> float:
            return m.width(text, size, bold) / 72

        highest = max(max(v for v in d.values if v is not None) for d in data)
        x = max(inches(c, pt) for c in categories) + _AXIS_PAD
        y = pt * LINE / 72 + _AXIS_PAD  # the value axis's labels above the plot
        right = inches(money(highest * 2), pt) / 2 + 0.05  # half the last tick label
        w, h = box.w - x - right, box.h - y - 0.05
        need = highest
        for d in data:
            _, mid, high = (tuple(d.values) + (None,) * 5)[0:5:2]
            if high is not None:  # its label right of the bar, inside the plot
                room = w - inches(money(high), ends_pt) - _LABEL_GAP
                need = max(need, high * w / max(room, w / 4))
            if mid is not None:  # half its label right of the median
                room = w - inches(d.text or money(mid), median_pt, True) / 2
                need = max(need, mid * w / max(room, w / 4))
        unit = _nice_unit(need)
        top = max(unit, math.ceil(need / unit) * unit)  # one step at least (all pay 0)
        low_fits = tuple(
            d.values[0] is not None
            and d.values[0] * w / top >= inches(money(d.values[0]), ends_pt) + _LABEL_GAP
            for d in data
        )
        pitch = h / len(data)
        median_h, ends_h, label_h = (s * LINE / 72 for s in (median_pt, ends_pt, pt))
        # The bar as thick as the ends' labels and, if it can, the category's; the median's
        # label above it stays inside its row (clear of the row above and, on the first
        # row, of the tick labels).
        bar = max(ends_h, min(max(pitch * 0.5, label_h), pitch - 2 * (median_h + _ABOVE)))
        gap = round(max(0.0, min(500.0, (pitch / bar - 1) * 100)))
        lift = bar / 2 + _ABOVE + median_h / 2
        shift = []
        for d in data:  # centred on the median, but not left of the plot
            mid = d.values[2] if len(d.values) > 2 and d.values[2] is not None else 0
            half = inches(d.text or money(mid), median_pt, True) / 2
            at = mid * w / top
            shift.append(max(at, half) + half - at + _INSIDE_PAD)
        return cls(x, y, w, h, top, unit, gap, lift, tuple(shift), low_fits, numbers)


def _nice_unit(top: float) -> float:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that steps from 0 past `top`
    in at most six ticks."""
    power = 10 ** math.floor(math.log10(max(top, 1) / _MAX_TICKS))
    for scale in (1, 10):
        for n in _NICE:
            if math.ceil(top / (n * power * scale)) <= _MAX_TICKS:
                return n * power * scale
    return 10 * power * 10


def _plot_layout(chart: Any, box: Box, g: _Geometry) -> None:
    """The plot's inner area where the geometry put it, as fractions of the chart."""
    area = chart._chartSpace.chart.plotArea
    old = area.find(qn("c:layout"))
    if old is not None:
        area.remove(old)
    fractions = {"x": g.x / box.w, "y": g.y / box.h, "w": g.w / box.w, "h": g.h / box.h}
    edges = {"layoutTarget": "inner", "xMode": "edge", "yMode": "edge"}
    area.insert(0, _manual_layout(edges | {k: f"{v:.4f}" for k, v in fractions.items()}))


def _label(draw: Any, point: Any, text: str, position: Any, scale: float) -> Any:
    """A point's label of our own words (the figure as the data's locale writes it): the
    median's bold, the range's ends muted."""
    label = point.data_label
    label.position = position
    run = label.text_frame.paragraphs[0].add_run()
    run.text = text
    draw._font(run.font, bold=scale == _MEDIAN, muted=scale != _MEDIAN, scale=scale)
    return label


def _offset(label: Any, dx: float, dy: float) -> None:
    """Move a label from where its position puts it, by fractions of the chart's size."""
    layout = _manual_layout({"x": f"{dx:.4f}", "y": f"{dy:.4f}"})
    label._dLbl.insert(1, layout)  # right after c:idx, as the schema orders it


def _manual_layout(values: dict[str, str]) -> Any:
    """A c:layout whose c:manualLayout sets `values` (in the schema's order)."""
    layout = etree.Element(qn("c:layout"))
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for key, value in values.items():
        etree.SubElement(manual, qn(f"c:{key}")).set("val", value)
    return layout


def _no_leader_lines(series: Any) -> None:
    """No line from a moved label back to its bar (LibreOffice draws one unless told)."""
    labels = series._element.find(qn("c:dLbls"))
    ext = etree.SubElement(etree.SubElement(labels, qn("c:extLst")), qn("c:ext"))
    ext.set("uri", _LEADER_LINES)
    etree.SubElement(ext, f"{{{_C15}}}showLeaderLines", nsmap={"c15": _C15}).set("val", "0")


def _quantiles(d: Datum) -> list[float]:
    """The 10th, 25th, 50th, 75th and 90th percentiles, an unknown one drawn as its
    inner neighbour (no whisker where the data has no 10th or 90th)."""
    p10, p25, med, p75, p90 = (tuple(d.values) + (None,) * 5)[:5]
    known = [v for v in (p10, p25, med, p75, p90) if v is not None] or [0.0]
    med = med if med is not None else known[len(known) // 2]
    q3 = p75 if p75 is not None else med
    top = p90 if p90 is not None else q3
    if p10 is None and p25 is None:  # no lower figure: a plain bar from 0 to the median
        return [0.0, 0.0, med, q3, top]
    q1 = p25 if p25 is not None else med
    return [p10 if p10 is not None else q1, q1, med, q3, top]
