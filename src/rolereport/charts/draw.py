"""Drawing a chart: ChartSpec + Theme → a matplotlib Figure (never pyplot) → SVG or PNG."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from io import BytesIO
from typing import Literal

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..brand.theme import Theme
from ..content.model import ChartSpec
from .fit import forget_changed_fonts
from .kinds import KINDS
from .style import Style, chart_rc, chart_style


def draw_chart(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int,
    font_pt: float | None,
) -> bytes:
    """The chart's SVG or PNG bytes, drawn now (charts.render_chart says what they are)."""
    out = BytesIO()
    with _drawn(spec, theme, role_order, size, fmt, dpi, font_pt) as fig:
        meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(out, format=fmt, dpi=dpi, metadata=meta, bbox_inches=None)
    return out.getvalue()


def drawn_figure(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int = 220,
    font_pt: float | None = None,
) -> Figure:
    """The Figure that render_chart saves, drawn once (not saved): for tests that measure it."""
    with _drawn(spec, theme, role_order, size, fmt, dpi, font_pt) as fig:
        fig.draw_without_rendering()
    return fig


@contextmanager
def _drawn(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int,
    font_pt: float | None,
) -> Iterator[Figure]:
    """The drawn figure, inside the chart's rc_context (saving must happen inside it too)."""
    forget_changed_fonts(theme.font.regular, theme.font.bold)
    st = _style(spec, theme, role_order, size, fmt, font_pt)
    with matplotlib.rc_context(chart_rc(st)):
        yield _draw(_printable(spec, st), st, size, fmt, dpi)


def _printable(spec: ChartSpec, st: Style) -> ChartSpec:
    """The spec with every text the chart draws in characters its font has (see printable)."""
    fix = st.printable
    panels = tuple(
        replace(
            p,
            title=fix(p.title),
            data=tuple(
                replace(d, label=fix(d.label), text=fix(d.text), detail=fix(d.detail))
                for d in p.data
            ),
        )
        for p in spec.panels
    )
    return replace(spec, panels=panels, axis=fix(spec.axis))


def _style(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: str,
    font_pt: float | None,
) -> Style:
    """The style to draw `spec` in; raises ValueError for an unknown kind or format, or a chart
    without data."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be 'svg' or 'png', not {fmt!r}")
    if spec.kind not in KINDS:
        raise ValueError(f"chart {spec.id!r}: unknown kind {spec.kind!r}")
    if not any(p.data for p in spec.panels):
        raise ValueError(f"chart {spec.id!r}: no data to draw")
    return chart_style(theme, role_order, size, fmt, font_pt, spec.numbers)


def _draw(spec: ChartSpec, st: Style, size: tuple[float, float], fmt: str, dpi: int) -> Figure:
    """The chart, laid out by measured text at the resolution it is saved at (an SVG's is
    72 dpi): no layout engine, nothing drawn until it is saved."""
    fig = Figure(figsize=size, dpi=72 if fmt == "svg" else dpi, layout=None)
    FigureCanvasAgg(fig)
    KINDS[spec.kind](fig, spec, st)
    return fig
