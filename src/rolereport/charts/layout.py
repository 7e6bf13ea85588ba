"""Chart panels as rows: the grid, the row pitch, frames, panel titles and row labels.

The axes are placed by our own arithmetic on measured text, never by a layout engine or a
trial draw: margins in points for the titles above, the tick labels below and the row labels
to the left, then each axes' rectangle as fractions of the figure. A chart is drawn once,
when it is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..content.model import ChartSpec, Panel
from .fit import GAP, fit_rows, label_wrap, line_em, shorten, sizes, text_width
from .style import Style

LABEL_SHARE = 0.4  # row labels take at most this share of their panel's width
TITLE_PAD = 6.0  # points between an axes and its title (matplotlib's axes.titlepad)
_COLUMN_GAP = 0.03  # of the figure's width, at least two pads: between panels abreast


def data_panels(spec: ChartSpec) -> list[Panel]:
    """The panels of `spec` that have data to draw."""
    return [p for p in spec.panels if p.data]


def columns(n: int, first: int) -> list[int]:
    """Numbers of columns to try for `n` panels: `first`, then wider grids."""
    return sorted(c for c in {first, 2, n} if first <= c <= n) or [n]


@dataclass
class Grid:
    """Panels of rows, `cols` abreast: their axes, the rows each has room for, the row pitch
    (points), and the height of each grid row's axes and where it starts (points from the
    figure's top). `place` sets their rectangles once the row labels are known."""

    fig: Figure
    st: Style
    cols: int
    axs: list[Axes]
    slots: list[int]
    pitch: float
    tops: list[float]
    heights: list[float]
    labels: list[float] = field(default_factory=list)  # points: row labels and their pad

    def place(self, labels: Sequence[float]) -> None:
        """Sets every axes' rectangle: each column as far right as the widest row labels
        in it need (`labels`: points per axes, 0 where none), all axes equally wide."""
        self.labels = list(labels)
        w, h = self.fig.get_figwidth() * 72, self.fig.get_figheight() * 72
        pad = _pad(self.st)
        lefts = [0.0] * self.cols
        for i, room in enumerate(self.labels):
            lefts[i % self.cols] = max(lefts[i % self.cols], room)
        gap = max(2 * pad, _COLUMN_GAP * w)
        width = (w - 2 * pad - sum(lefts) - gap * (self.cols - 1)) / self.cols
        width = max(width, 1.0)
        for i, ax in enumerate(self.axs):
            c, r = i % self.cols, i // self.cols
            x = pad + sum(lefts[: c + 1]) + c * (width + gap)
            y = h - self.tops[r] - self.heights[r]
            ax.set_position((x / w, y / h, width / w, self.heights[r] / h))


def _pad(st: Style) -> float:
    """Points of space around the figure's edges."""
    return st.pt * 0.5


def tick_room(st: Style) -> float:
    """Points below an axes for its value labels: their pad and one line."""
    font = st.font(0.85)
    return st.pt * 0.3 + line_em(str(font.get_file()), 1) * font.get_size_in_points()


def title_room(st: Style, scale: float = 1.0) -> float:
    """Points above an axes for a panel title at its largest."""
    font = st.font(scale, bold=True)
    return TITLE_PAD + line_em(str(font.get_file()), 1) * font.get_size_in_points()


def axis_room(st: Style) -> float:
    """Points at the figure's foot for the axis's caption (a supxlabel)."""
    font = st.font(0.9)
    return _pad(st) + line_em(str(font.get_file()), 1) * font.get_size_in_points()


def layout(
    fig: Figure,
    st: Style,
    counts: list[int],
    options: Sequence[int],
    stretch: bool = False,
    titles: float = 0.0,
    foot: float = 0.0,
    sharex: bool = False,
    sharey: bool = False,
) -> Grid:
    """Panels of rows in the first number of columns in `options` whose rows can each hold a
    line at the floor size (else the last): one axes per panel, row by row, each grid row as
    tall as its longest panel; `titles` points above each grid row, `foot` below the last.
    The rows each panel has room for are alike in a grid row (the same row pitch and bar
    thickness everywhere), or with `stretch` its own. With `sharex`, only the lowest panel of
    each column shows value labels."""
    one_line = (line_em(str(st.font().get_file()), 1) + GAP) * st.floor
    for cols in options:
        grid = _heights(fig, st, counts, cols, stretch, titles, foot, sharex)
        if grid[1] >= one_line:
            break
    room, pitch, tops, heights = grid
    axs: list[Axes] = []
    for i in range(len(counts)):
        share = {"sharex": axs[0] if sharex and axs else None}
        share["sharey"] = axs[0] if sharey and axs else None
        ax = fig.add_axes((0.1, 0.1, 0.8, 0.8), **share)
        if sharex and not _lowest(i, len(counts), cols):
            ax.xaxis.set_tick_params(labelbottom=False)
        axs.append(ax)
    return Grid(fig, st, cols, axs, room, pitch, tops, heights)


def _lowest(i: int, n: int, cols: int) -> bool:
    """Whether panel `i` of `n` has no panel below it."""
    return i + cols >= n


def _heights(
    fig: Figure,
    st: Style,
    counts: list[int],
    cols: int,
    stretch: bool,
    titles: float,
    foot: float,
    sharex: bool,
) -> tuple[list[int], float, list[float], list[float]]:
    """The rows each panel has room for, the row pitch, and each grid row's top and axes
    height (points)."""
    n, pad, ticks = len(counts), _pad(st), tick_room(st)
    nrows = -(-n // cols)
    slots = [max(counts[r * cols : (r + 1) * cols]) for r in range(nrows)]
    # Value labels under a grid row: every row's, or with sharex those of a lowest panel.
    lowest = [_lowest(i, n, cols) for i in range(n)]
    under = [not sharex or any(lowest[r * cols : (r + 1) * cols]) for r in range(nrows)]
    fixed = 2 * pad + nrows * titles + sum(ticks for u in under if u) + foot
    fixed += pad * (nrows - 1)  # between grid rows
    avail = max(1.0, fig.get_figheight() * 72 - fixed)
    heights = [avail * s / sum(slots) for s in slots]
    tops, y = [], pad
    for r in range(nrows):
        tops.append(y + titles)
        y += titles + heights[r] + (ticks if under[r] else 0) + pad
    room = counts if stretch else [slots[i // cols] for i in range(n)]
    pitch = min(heights[i // cols] / k for i, k in enumerate(room))
    return room, pitch, tops, heights


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
    ax.tick_params(axis="y", pad=_label_pad(st))


def _label_pad(st: Style) -> float:
    """Points between row labels and their axes."""
    return st.pt * 0.4


def panel_titles(grid: Grid, titles: list[str], st: Style, scale: float = 1.0) -> None:
    """The panels' titles, once the axes are placed: one line each, all in one size. Over
    their axes or, when one would not fit there at full size, all flush with the left edge of
    their row labels; smaller down to the floor, then shortened."""
    axs, titles, fg = grid.axs, [" ".join(s.split()) for s in titles], st.theme.foreground
    over = [axes_size(ax)[0] for ax in axs]
    labels = grid.labels or [0.0] * len(axs)
    wide = [w + room for w, room in zip(over, labels, strict=True)]
    base = st.pt * scale

    def fit(pt: float, rooms: list[float]) -> bool:
        font = st.font(pt=pt, bold=True)
        return all(text_width(s, font) <= r for s, r in zip(titles, rooms, strict=True))

    rooms = over if fit(base, over) else wide
    pt = next((pt for pt in sizes(base, min(base, st.floor)) if fit(pt, rooms)), st.floor)
    font = st.font(pt=pt, bold=True)
    for ax, text, room, w, left in zip(axs, titles, rooms, over, labels, strict=True):
        text = text if text_width(text, font) <= room else shorten(text, font, room)[0]
        title = ax.set_title(text, loc="left", fontproperties=font, color=fg)
        if rooms is wide:
            title.set_x(-left / w)


def panel_width(fig: Figure, cols: int) -> float:
    """Points: the width of one of `cols` panels abreast."""
    return fig.get_figwidth() * 72 / cols


def label_rows(
    grid: Grid,
    axs: list[Axes],
    groups: list[list[str]],
    st: Style,
    prefer: Callable[[str], str] = label_wrap,
    max_lines: int = 3,
    marks: float = 0.0,
) -> Style:
    """Sets the row labels of `axs` (the first of the grid's), fitted to a share of the
    panel's width and to the row pitch, and places the grid's axes beside them; returns the
    style for the rows (the size their labels got)."""
    width = LABEL_SHARE * panel_width(grid.fig, grid.cols)
    rs, labels = fit_rows(st, groups, width, grid.pitch, prefer, max_lines, marks)
    font, rooms = rs.font(), [0.0] * len(grid.axs)
    for i, (ax, names) in enumerate(zip(axs, labels, strict=True)):
        ax.set_yticks(range(len(names)), names, fontproperties=font, color=st.theme.foreground)
        widest = max((text_width(s, font) for s in names if s), default=0.0)
        rooms[i] = widest + _label_pad(st) if widest else 0.0
    grid.place(rooms)
    return rs
