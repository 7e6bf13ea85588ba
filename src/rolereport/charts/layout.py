"""Chart panels as rows: the grid, the row pitch, frames, panel titles and row labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from ..content.model import ChartSpec, Panel
from .fit import GAP, fit_rows, label_wrap, line_em, shorten, sizes, text_width
from .style import Style

LABEL_SHARE = 0.4  # row labels take at most this share of their panel's width

_Setup = Callable[[list[Axes], list[int], int], None]


def data_panels(spec: ChartSpec) -> list[Panel]:
    """The panels of `spec` that have data to draw."""
    return [p for p in spec.panels if p.data]


def _grid(
    fig: Figure, counts: list[int], cols: int, stretch: bool = False, **share: Any
) -> tuple[list[Axes], list[int]]:
    """One axes per panel, `cols` abreast, row by row, each grid row as tall as its longest
    panel. Returns the panels' axes and the rows each has room for: alike in a grid row (the
    same row pitch and bar thickness everywhere), or with `stretch` its own rows."""
    nrows = -(-len(counts) // cols)
    slots = [max(counts[r * cols : (r + 1) * cols]) for r in range(nrows)]
    axs = fig.subplots(nrows, cols, squeeze=False, height_ratios=slots, **share).ravel()
    for i in range(len(counts), len(axs)):
        axs[i].set_visible(False)
        if share.get("sharex"):  # the panel above an empty cell shows its own x labels
            axs[i - cols].xaxis.set_tick_params(labelbottom=True)
    room = counts if stretch else [slots[i // cols] for i in range(len(counts))]
    return list(axs[: len(counts)]), room


def columns(n: int, first: int) -> list[int]:
    """Numbers of columns to try for `n` panels: `first`, then wider grids."""
    return sorted(c for c in {first, 2, n} if first <= c <= n) or [n]


def layout(
    fig: Figure,
    st: Style,
    counts: list[int],
    options: Sequence[int],
    setup: _Setup,
    stretch: bool = False,
    **share: Any,
) -> tuple[list[Axes], list[int], int, float]:
    """Panels of rows in the first number of columns in `options` whose rows can each hold a
    line at the floor size (else the last). `setup(axes, slots, cols)` gives the axes all that
    sets their height (titles, limits, tick labels), before the row labels. Returns the axes,
    the rows each has room for, the columns, and the row pitch in points."""
    one_line = (line_em(str(st.font().get_file()), 1) + GAP) * st.floor
    for cols in options:
        fig.clear()
        axs, slots = _grid(fig, counts, cols, stretch, **share)
        setup(axs, slots, cols)
        lay_out(fig)
        pitch = min(axes_size(ax)[1] / n for ax, n in zip(axs, slots, strict=True))
        if pitch >= one_line:
            break
    return axs, slots, cols, pitch


def axes_size(ax: Axes) -> tuple[float, float]:
    """The axes' width and height in points."""
    box = ax.get_position()
    return box.width * ax.figure.get_figwidth() * 72, box.height * ax.figure.get_figheight() * 72


def frame(ax: Axes, slots: int, n: int, st: Style) -> None:
    """Rows top to bottom (room for `slots`, `n` used, labelled later); grid along x."""
    ax.set_yticks(range(n), [""] * n)
    ax.set_ylim(slots - 0.5, -0.5)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=st.theme.muted, alpha=0.25, lw=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", pad=st.pt * 0.3)


def panel_title(ax: Axes, text: str, st: Style, width: float, scale: float = 1.0) -> None:
    """A panel title on one line no wider than `width` points: smaller down to the floor,
    then shortened."""
    text = " ".join(text.split())
    for pt in sizes(st.pt * scale, min(st.pt * scale, st.floor)):
        if text_width(text, font := st.font(pt=pt, bold=True)) <= width:
            break
    else:
        text = shorten(text, font, width)[0]
    ax.set_title(text, loc="left", fontproperties=font, color=st.theme.foreground)


def panel_titles(axs: list[Axes], titles: list[str], st: Style, scale: float = 1.0) -> None:
    """The panels' titles, once the layout is frozen: one line each, all in one size. Over
    their axes or, when one would not fit there at full size, all flush with the left edge of
    their row labels; smaller down to the floor, then shortened."""
    fig, titles = axs[0].figure, [" ".join(s.split()) for s in titles]
    renderer, px, fg = fig.canvas.get_renderer(), 72 / fig.dpi, st.theme.foreground
    boxes = [ax.get_window_extent() for ax in axs]
    lefts = [
        min([box.x0] + [t.get_window_extent(renderer).x0 for t in _shown(ax.get_yticklabels())])
        for ax, box in zip(axs, boxes, strict=True)
    ]
    over = [box.width * px for box in boxes]
    wide = [(box.x1 - left) * px for box, left in zip(boxes, lefts, strict=True)]
    base = st.pt * scale

    def fit(pt: float, rooms: list[float]) -> bool:
        font = st.font(pt=pt, bold=True)
        return all(text_width(s, font) <= r for s, r in zip(titles, rooms, strict=True))

    rooms = over if fit(base, over) else wide
    pt = next((pt for pt in sizes(base, min(base, st.floor)) if fit(pt, rooms)), st.floor)
    font = st.font(pt=pt, bold=True)
    for ax, text, room, box, left in zip(axs, titles, rooms, boxes, lefts, strict=True):
        text = text if text_width(text, font) <= room else shorten(text, font, room)[0]
        title = ax.set_title(text, loc="left", fontproperties=font, color=fg)
        if rooms is wide:
            title.set_x((left - box.x0) / box.width)


def _shown(texts: Sequence[Text]) -> list[Text]:
    return [t for t in texts if t.get_visible() and t.get_text()]


def panel_width(fig: Figure, cols: int) -> float:
    """Points: the width of one of `cols` panels abreast."""
    return fig.get_figwidth() * 72 / cols


def label_rows(
    fig: Figure,
    axs: list[Axes],
    groups: list[list[str]],
    st: Style,
    cols: int,
    pitch: float,
    prefer: Callable[[str], str] = label_wrap,
    max_lines: int = 3,
    marks: float = 0.0,
) -> Style:
    """Sets each axes' row labels, fitted to a share of the panel's width and to the row
    pitch; returns the style for the rows (the size their labels got)."""
    width = LABEL_SHARE * panel_width(fig, cols)
    rs, labels = fit_rows(st, groups, width, pitch, prefer, max_lines, marks)
    for ax, names in zip(axs, labels, strict=True):
        ax.set_yticks(range(len(names)), names, fontproperties=rs.font(), color=st.theme.foreground)
    return rs


def lay_out(fig: Figure) -> None:
    """Places the axes as the figure's layout engine would when drawing it, without drawing
    (the same positions, at a fraction of the cost)."""
    engine = fig.get_layout_engine()
    if fig.axes and engine is not None:
        engine.execute(fig)


def freeze(fig: Figure) -> None:
    """Lays the figure out for good: later limits, ticks and labels do not move the axes."""
    lay_out(fig)
    fig.set_layout_engine("none")
