"""One drawing function per chart kind of labelled rows, and the table of every kind."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..content.model import ChartSpec, Datum
from .fit import shorten, skill_label
from .ladder import ladder
from .layout import (
    axes_size,
    axis_room,
    columns,
    data_panels,
    frame,
    label_rows,
    layout,
    panel_titles,
    title_room,
)
from .marks import BAR, bars, direct_label, finish, span
from .style import Style

_PAY_MARKS = 2.9  # em of row pitch the pay range needs: its median's label above the range


def _one_axis(
    fig: Figure, spec: ChartSpec, st: Style, **marks: float
) -> tuple[list[Datum], Axes, Style]:
    """One axes of labelled rows from 0 past the largest value: (data, axes, row style)."""
    data = [d for p in data_panels(spec) for d in p.data]
    top = max((v for d in data for v in d.values if v is not None), default=1)
    grid = layout(fig, st, [len(data)], (1,))
    (ax,) = grid.axs
    frame(ax, grid.slots[0], len(data), st)
    ax.set_xlim(*span(0, top))
    rs = label_rows(grid, [ax], [[d.label for d in data]], st, **marks)
    return data, ax, rs


def _pay_range(fig: Figure, spec: ChartSpec, st: Style) -> None:
    # A row holds the median's label above its dot, clear of the row above's marks and labels.
    data, ax, rs = _one_axis(fig, spec, st, marks=_PAY_MARKS)
    texts = []
    for y, d in enumerate(data):
        p10, p25, med, p75, p90 = (tuple(d.values) + (None,) * 5)[:5]
        c = rs.color(d.role)
        lo, hi = (p10 if p10 is not None else p25), (p90 if p90 is not None else p75)
        if lo is not None and hi is not None:
            ax.plot([lo, hi], [y, y], color=c, lw=rs.pt * 0.22, solid_capstyle="butt")
        if p25 is not None and p75 is not None:
            ax.barh(y, p75 - p25, left=p25, height=BAR * 0.6, color=c, lw=0)
        for v, left in ((p10, True), (p90, False)):
            if v is not None:
                ax.plot([v, v], [y - 0.12, y + 0.12], color=c, lw=rs.pt * 0.15)
                text = rs.value(v, spec.unit)
                texts.append(direct_label(ax, text, (v, y), rs, left=left, **rs.muted(0.8)))
        if med is not None:  # a white dot: visible on the bar in colour and in grayscale
            face = {"mfc": rs.theme.background, "mec": rs.theme.foreground, "mew": rs.pt * 0.14}
            ax.plot([med], [y], marker="o", ms=rs.pt * 1.05, zorder=3, **face)
            text = d.text or rs.value(med, spec.unit)
            kw = {"xytext": (0, rs.pt * 0.5), "textcoords": "offset points", "va": "bottom"}
            kw |= {"ha": "center", "in_layout": False}
            texts.append(ax.annotate(text, (med, y - BAR * 0.3), **kw, **rs.bold(1.1)))
    finish(fig, [(ax, texts, spec.unit)], st)


def _pay_location(fig: Figure, spec: ChartSpec, st: Style) -> None:
    panels = data_panels(spec)
    top = max(d.values[0] or 0 for p in panels for d in p.data)
    titled = len(panels) > 1
    counts = [len(p.data) for p in panels]
    above = title_room(st) if titled else 0.0
    grid = layout(fig, st, counts, columns(len(panels), 1), titles=above, sharex=True)
    for ax, panel, n in zip(grid.axs, panels, grid.slots, strict=True):
        frame(ax, n, len(panel.data), st)
        ax.set_xlim(*span(0, top))
    groups = [[d.label for d in p.data] for p in panels]
    rs = label_rows(grid, grid.axs, groups, st)
    if titled:
        panel_titles(grid, [p.title for p in panels], st)
    placed = []
    for ax, panel in zip(grid.axs, panels, strict=True):
        texts = bars(ax, panel.data, rs, spec.unit, width=axes_size(ax)[0])
        placed.append((ax, texts, spec.unit))
    finish(fig, placed, st)


def _outlook(fig: Figure, spec: ChartSpec, st: Style) -> None:
    panels = [(k, p) for k, p in enumerate(spec.panels) if p.data]  # 0: growth, 1: openings
    # One row per role, in role order, in both panels (a panel may lack a role's figure).
    rows = sorted({d.role: d.label for _, p in panels for d in p.data}.items(), key=_role_key(st))
    index = {role: i for i, (role, _) in enumerate(rows)}
    counts = [len(rows)] * len(panels)
    grid = layout(fig, st, counts, (len(panels),), titles=title_room(st), sharey=True)
    axs = grid.axs
    for ax, (_, panel) in zip(axs, panels, strict=True):
        frame(ax, len(rows), len(rows), st)
        ax.tick_params(labelleft=ax is axs[0])
        values = [d.values[0] or 0 for d in panel.data]
        ax.set_xlim(*span(min(0, *values), max(0, *values)))  # growth may be negative
        ax.axvline(0, color=st.theme.foreground, lw=0.8)
    rs = label_rows(grid, axs[:1], [[label for _, label in rows]], st)
    panel_titles(grid, [p.title for _, p in panels], st)
    placed = []
    for ax, (k, panel) in zip(axs, panels, strict=True):
        unit = "percent" if k == 0 else "count"
        ys = [index[d.role] for d in panel.data]
        placed.append((ax, bars(ax, list(panel.data), rs, unit, rows=ys), unit))
    finish(fig, placed, st)


def _role_key(st: Style) -> Callable[[tuple[str, str]], int]:
    return lambda item: st.roles.index(item[0]) if item[0] in st.roles else len(st.roles)


def _freelance(fig: Figure, spec: ChartSpec, st: Style) -> None:
    data, ax, rs = _one_axis(fig, spec, st)
    finish(fig, [(ax, bars(ax, data, rs, spec.unit, BAR * 0.6), spec.unit)], st)


def _skills(fig: Figure, spec: ChartSpec, st: Style) -> None:
    panels = data_panels(spec)
    titled = len(panels) > 1
    counts = [len(p.data) for p in panels]
    above = title_room(st, 1.05) if titled else 0.0
    foot = axis_room(st) if spec.axis else 0.0
    options = columns(len(panels), 2)
    grid = layout(fig, st, counts, options, stretch=True, titles=above, foot=foot)
    for ax, panel, n in zip(grid.axs, panels, grid.slots, strict=True):
        frame(ax, n, len(panel.data), st)
        for y, d in enumerate(panel.data):
            ax.barh(y, d.values[0] or 0, height=BAR, color=st.color(d.role), lw=0)
        ax.set_xlim(0, 5)
    groups = [[d.label for d in p.data] for p in panels]
    label_rows(grid, grid.axs, groups, st, skill_label)
    if titled:
        panel_titles(grid, [p.title for p in panels], st, 1.05)
    if spec.axis:
        _axis_caption(fig, spec.axis, st)
    finish(fig, [(ax, [], spec.unit) for ax in grid.axs], st)


def _axis_caption(fig: Figure, text: str, st: Style) -> None:
    """The value axis's caption at the figure's foot, centred, shortened to its width."""
    muted = st.muted(0.9)
    width = fig.get_figwidth() * 72 - st.pt
    text = shorten(" ".join(text.split()), muted["fontproperties"], width)[0]
    y = st.pt * 0.5 / 72 / fig.get_figheight()
    fig.supxlabel(text, x=0.5, y=y, ha="center", va="bottom", **muted)


KINDS: dict[str, Callable[[Figure, ChartSpec, Style], None]] = {
    "pay_range": _pay_range,
    "pay_location": _pay_location,
    "outlook": _outlook,
    "freelance": _freelance,
    "skills": _skills,
    "ladder": ladder,
}
