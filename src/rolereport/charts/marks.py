"""Chart marks and value axes: bars, direct labels, limits that keep labels inside, ticks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text
from matplotlib.ticker import MaxNLocator

from ..content.model import Datum
from .fit import line_em, shorten, text_width
from .layout import axes_size
from .style import Style, tick_labels

BAR = 0.55  # bar thickness, in rows
_VALUE_SHARE = 0.6  # a bar's qualifier and value together: at most this share of the axes


def span(lo: float, hi: float) -> tuple[float, float]:
    """Axis limits that are never empty (matplotlib warns of equal limits)."""
    return (lo, hi) if hi > lo else (lo, lo + 1)


def direct_label(ax: Axes, text: str, xy: tuple[float, float], st: Style, **kw: Any) -> Text:
    """A direct label beside the point `xy`: after it, or before it with `left=True`."""
    left, dx = kw.pop("left", False), kw.pop("dx", st.pt * 0.4)
    kw = st.bold() | {"ha": "right" if left else "left", "va": "center"} | kw
    kw |= {"xytext": (-dx if left else dx, 0), "textcoords": "offset points"}
    return ax.annotate(text, xy, annotation_clip=False, in_layout=False, **kw)


def bars(
    ax: Axes,
    data: Sequence[Datum],
    st: Style,
    unit: str,
    bar: float = BAR,
    rows: Sequence[int] | None = None,
    width: float = 0,
) -> list[Text]:
    """Bars from 0 (or from the first value when there are two), each labelled at its end. A
    qualifier before the value is shortened so that both take at most _VALUE_SHARE of the
    axes' `width` (points), or a few words where that is less; left out where not even that
    fits."""
    texts = []
    for y, d in zip(rows or range(len(data)), data, strict=True):
        known = [v for v in d.values[:2] if v is not None] or [0.0]
        lo, hi = (0.0, known[0]) if len(known) == 1 else (min(known), max(known))
        ax.barh(y, hi - lo, left=lo, height=bar, color=st.color(d.role), lw=0)
        if hi == lo:  # a single rate: a dot, since a bar of no width is invisible
            ax.plot([hi], [y], marker="o", ms=st.pt, color=st.color(d.role))
        text = d.text or "\u2013".join(st.value(v, unit) for v in dict.fromkeys(known))
        dx = st.pt * (0.9 if hi == lo else 0.4)
        value = text_width(text, st.font(bold=True)) + st.pt * 0.7
        room = _VALUE_SHARE * width - value
        room = room if room >= st.pt * 5 else min(st.pt * 5, 0.85 * width - value)
        if d.detail and room >= st.pt * 1.5:  # a muted qualifier ("well over") before the value
            muted = st.muted(0.9)
            detail = shorten(d.detail, muted["fontproperties"], room)[0]
            texts.append(direct_label(ax, detail, (hi, y), st, **muted))
            texts.append(direct_label(ax, text, (1, 0.5), st, xycoords=texts[-1], dx=st.pt * 0.3))
        else:
            texts.append(direct_label(ax, text, (hi, y), st, left=hi < 0, dx=dx))
    return texts


def _extent(t: Text) -> tuple[float, float, float, float]:
    """Points: how far a label reaches left, right, down and up from the data point it hangs
    from (through labels placed after other labels), measured, not drawn."""
    font, text = t.get_fontproperties(), t.get_text()
    w = text_width(text, font)
    h = line_em(str(font.get_file()), text.count("\n") + 1) * font.get_size_in_points()
    dx, dy = t.xyann if isinstance(t, Annotation) else (0.0, 0.0)
    x0 = dx - {"left": 0.0, "center": w / 2, "right": w}[t.get_horizontalalignment()]
    y0 = dy - {"bottom": 0.0, "center": h / 2, "top": h}.get(t.get_verticalalignment(), 0.0)
    if isinstance(t, Annotation) and isinstance(t.xycoords, Text):  # after another label
        left, right, down, up = _extent(t.xycoords)
        fx, fy = t.xy
        x0, y0 = x0 + left + fx * (right - left), y0 + down + fy * (up - down)
    return x0, x0 + w, y0, y0 + h


def _anchor(t: Text) -> tuple[float, float]:
    """The data point a label hangs from (through labels placed after other labels)."""
    while isinstance(t, Annotation) and isinstance(t.xycoords, Text):
        t = t.xycoords
    return t.xy if isinstance(t, Annotation) else t.get_position()


def _room(
    lo: float, hi: float, marks: list[tuple[float, float, float]], px: float
) -> tuple[float, float]:
    """Limits from `lo` to `hi`, widened so that each label (anchored at a data value, reaching
    from `a` to `b` pixels around it) lies within an axis `px` pixels long."""
    first = hi - lo
    for _ in range(200):
        scale = px / (hi - lo)
        new_lo = min([lo] + [v + a / scale for v, a, _ in marks])
        new_hi = max([hi] + [v + b / scale for v, _, b in marks])
        if new_hi - new_lo > 1e3 * first:  # labels wider than the axis: no limits will do
            break
        moved = (lo - new_lo) + (new_hi - hi)
        lo, hi = new_lo, new_hi
        if moved <= 1e-6 * (hi - lo):
            break
    return lo, hi


def finish(fig: Figure, placed: list[tuple[Axes, list[Text], str]], st: Style) -> None:
    """Widens the placed axes' limits until every label placed beyond a mark lies inside
    them (sideways; and upwards for labels above a mark: those beside one are centred on a
    row, which has room for them), then ticks the value axes."""
    px = fig.dpi / 72
    pad = st.pt * 0.288
    xs: dict[Axes, list[tuple[float, float, float]]] = {}  # by the first of axes sharing x
    for ax, texts, _unit in placed:
        group = _siblings(ax)[0]
        ys = []
        for t in texts:
            (vx, vy), (left, right, down, up) = _anchor(t), _extent(t)
            xs.setdefault(group, []).append((vx, (left - pad) * px, (right + pad) * px))
            if t.get_verticalalignment() != "center":  # rows go down: -y goes up
                ys.append((-vy, (down - pad) * px, (up + pad) * px))
        if ys:
            bottom, top = ax.get_ylim()
            lo, hi = _room(-bottom, -top, ys, ax.get_window_extent().height)
            ax.set_ylim(-lo, -hi)
    for ax, marks in xs.items():
        width = min(a.get_window_extent().width for a in _siblings(ax))
        ax.set_xlim(_room(*ax.get_xlim(), marks, width))
    for ax, _texts, unit in placed:
        x_ticks(ax, st, unit)


def _siblings(ax: Axes) -> list[Axes]:
    """The visible axes that share the x axis of `ax` (itself included), in figure order."""
    shared = ax.get_shared_x_axes().get_siblings(ax)
    return [a for a in ax.figure.axes if a in shared and a.get_visible()] or [ax]


def x_ticks(ax: Axes, st: Style, unit: str) -> None:
    """At most 6 ticks, fewer when their labels would touch, and none whose label would reach
    past the figure's edge or halfway to a neighbouring panel (in any axes sharing them)."""
    (lo, hi), font, px = ax.get_xlim(), st.font(0.85), ax.figure.dpi / 72
    group = _siblings(ax)
    room = min(axes_size(a)[0] for a in group)
    steps = [1, 2, 5, 10] if unit == "weight" else [1, 2, 2.5, 5, 10]  # weights: whole
    for bins in range(6, 0, -1):
        ticks = MaxNLocator(bins, steps=steps).tick_values(lo, hi)
        ticks = [t for t in ticks if lo - 1e-9 * (hi - lo) <= t <= hi + 1e-9 * (hi - lo)]
        labels = tick_labels(ticks, unit, st)
        if sum(text_width(s, font) + 1.5 * font.get_size_in_points() for s in labels) <= room:
            break
    bounds = [(a, *_bounds(a)) for a in group]

    def fits(t: float, s: str) -> bool:
        half = text_width(s, font) * px / 2
        at = [(a.transData.transform((t, 0))[0], left, right) for a, left, right in bounds]
        return all(left <= x - half and x + half <= right for x, left, right in at)

    keep = [(t, s) for t, s in zip(ticks, labels, strict=True) if fits(t, s)]
    ax.set_xticks([t for t, _ in keep], [s for _, s in keep], **st.muted(0.85))
    ax.set_xlim(lo, hi)


def _bounds(ax: Axes) -> tuple[float, float]:
    """Pixels: how far left and right the axes' x labels may reach."""
    fig, box = ax.figure, ax.get_window_extent()
    left, right = 0.0, float(fig.bbox.width)
    for other in fig.axes:
        ob = other.get_window_extent()
        if other is ax or not other.get_visible() or ob.y1 < box.y0 or ob.y0 > box.y1:
            continue
        if ob.x0 >= box.x1:
            right = min(right, (box.x1 + ob.x0) / 2)
        elif ob.x1 <= box.x0:
            left = max(left, (ob.x1 + box.x0) / 2)
    return left, right
