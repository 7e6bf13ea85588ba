"""ChartSpec + Theme → a matplotlib Figure (never pyplot) → SVG (handout) or PNG (deck) bytes."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator

from .brand import Theme
from .colors import ink
from .model import ChartSpec, Datum, Panel

# Base font size by medium: SVG is printed (9 pt at the 7 in text width of a Letter page),
# PNG is projected (16 pt at a full 16:9 slide's 11.5 in, never under 12 pt); both scale with
# the width, within limits. Text never shrinks below _MIN_PT to fit.
_PRINT_PT, _PRINT_WIDTH, _PRINT_RANGE = 9.0, 7.0, (8.0, 10.0)
_SLIDE_PT, _SLIDE_WIDTH, _SLIDE_RANGE = 16.0, 11.5, (12.0, 18.0)
_MIN_PT = 7.0
_LABEL_WRAP, _SKILL_WRAP = 20, 22  # characters per line of axis labels
_BAR = 0.55  # bar thickness, in rows
_CENTER = {"ha": "center", "va": "center"}
_RC = {
    "text.parse_math": False,  # user text may contain `$`
    "text.usetex": False,
    "svg.fonttype": "path",  # no font lookup in the SVG reader, no missing glyphs
    "svg.hashsalt": "rolereport",  # stable ids: same input, same bytes
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.major.size": 0,
    "ytick.major.size": 0,
}
_TEXT_PATH = TextToPath()


def render_chart(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int = 220,
    font_pt: float | None = None,
) -> bytes:
    """Draw `spec` at `size` inches (width, height); returns SVG (text as paths, for print) or
    PNG (for slides) bytes, the same bytes for the same input. `font_pt` overrides the base
    font size chosen from the format and width. Raises ValueError for an unknown kind or
    format, a chart without data, or a datum whose role is not in `role_order`.
    """
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be 'svg' or 'png', not {fmt!r}")
    if spec.kind not in _KINDS:
        raise ValueError(f"chart {spec.id!r}: unknown kind {spec.kind!r}")
    if not any(p.data for p in spec.panels):
        raise ValueError(f"chart {spec.id!r}: no data to draw")
    family, _ = _font_name(theme.font.regular), _font_name(theme.font.bold)
    if fmt == "svg":
        pt, (lo, hi) = _PRINT_PT * size[0] / _PRINT_WIDTH, _PRINT_RANGE
    else:  # a chart beside bullets is narrower, but read from as far away
        pt, (lo, hi) = _SLIDE_PT * (size[0] / _SLIDE_WIDTH) ** 0.5, _SLIDE_RANGE
    st = _Style(theme, role_order, font_pt or min(hi, max(lo, pt)), spec.currency_symbol)
    colours = {k: theme.muted for k in ("axes.edgecolor", "xtick.color", "ytick.color")}
    colours |= {k: theme.background for k in ("figure.facecolor", "axes.facecolor")}
    rc = {**_RC, **colours, "font.family": [family], "font.size": st.pt}
    with matplotlib.rc_context(rc | {"text.color": theme.foreground}):
        fig = Figure(figsize=size, dpi=100, layout=None if spec.kind == "ladder" else "constrained")
        FigureCanvasAgg(fig)
        if spec.kind != "ladder":
            pad = st.pt / 72 * 0.5
            fig.get_layout_engine().set(w_pad=pad, h_pad=pad, wspace=0.04, hspace=0.06)
        _KINDS[spec.kind](fig, spec, st)
        out = BytesIO()
        meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(out, format=fmt, dpi=dpi, metadata=meta, bbox_inches=None)
    return out.getvalue()


@cache
def _font_name(path: Path) -> str:
    """Registers the brand's font file with matplotlib, once; returns its family name."""
    fontManager.addfont(str(path))
    return FontProperties(fname=str(path)).get_name()


@dataclass(frozen=True)
class _Style:
    theme: Theme
    roles: tuple[str, ...]
    pt: float
    currency: str
    _fonts: dict[tuple[float, bool], FontProperties] = field(default_factory=dict, compare=False)

    def font(self, scale: float = 1.0, bold: bool = False, pt: float = 0) -> FontProperties:
        pt = max(_MIN_PT, pt or self.pt * scale)
        if (pt, bold) not in self._fonts:  # the brand's files: no lookup can pick a system font
            path = self.theme.font.bold if bold else self.theme.font.regular
            self._fonts[pt, bold] = FontProperties(fname=str(path), size=pt)
        return self._fonts[pt, bold]

    def bold(self, scale: float = 1.0, pt: float = 0) -> dict[str, Any]:
        return {"fontproperties": self.font(scale, True, pt), "color": self.theme.foreground}

    def muted(self, scale: float = 1.0, pt: float = 0) -> dict[str, Any]:
        return {"fontproperties": self.font(scale, False, pt), "color": self.theme.muted}

    def color(self, role: str) -> str:
        if role not in self.roles:
            raise ValueError(f"role {role!r} is not in role_order {self.roles}")
        return self.theme.role_color(self.roles.index(role))

    def value(self, v: float, unit: str, short: bool = False) -> str:
        sign, v = ("\u2212" if v < 0 else ""), abs(v)
        if unit == "money" and short:
            n, suffix = (v / 1e6, "M") if v >= 1e6 else (v / 1e3, "k") if v >= 1e3 else (v, "")
            return f"{sign}{self.currency}{_num(n)}{suffix}"
        if unit in ("money", "money_hour"):
            return f"{sign}{self.currency}{_num(v)}" + ("/h" if unit == "money_hour" else "")
        return f"{sign}{_num(v)}" + ("%" if unit == "percent" else "")


def _num(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != round(v) else f"{v:,.0f}"


# --- shared helpers -------------------------------------------------------------------------


def _rows(ax: Axes, labels: list[str], st: _Style, wrap: int | None = _LABEL_WRAP) -> None:
    """Category rows top to bottom with labels wrapped (unless `wrap` is None); grid along x."""
    labels = [("\n".join(textwrap.wrap(s, wrap)) if wrap else s) or s for s in labels]
    ax.set_yticks(range(len(labels)), labels, fontproperties=st.font(), color=st.theme.foreground)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=st.theme.muted, alpha=0.25, lw=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", pad=st.pt * 0.3)


def _ticks(ax: Axes, st: _Style, unit: str) -> None:
    """At most 6 ticks, fewer when their labels (digits about half an em wide) would touch."""
    (lo, hi), room = ax.get_xlim(), ax.get_position().width * ax.figure.get_figwidth() * 72
    for bins in range(6, 1, -1):
        ticks = MaxNLocator(bins, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
        ticks = [t for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]
        labels = [st.value(t, unit, short=True) for t in ticks]
        if sum(len(s) + 3 for s in labels) * st.pt * 0.85 * 0.5 <= room:
            break
    ax.set_xticks(ticks, labels, **st.muted(0.85))
    ax.set_xlim(lo, hi)


def _fit(fig: Figure, placed: list[tuple[Axes, list[Text], str]], st: _Style) -> None:
    """Widen the axes' limits until every label placed beyond a mark lies inside them."""
    for _ in range(3):
        for ax, _texts, unit in placed:
            _ticks(ax, st, unit)
        fig.draw_without_rendering()
        before = [(ax.get_xlim(), ax.get_ylim()) for ax, _, _ in placed]
        for ax, texts, _unit in placed:
            inv = ax.transData.inverted()
            (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
            for t in texts:
                bb = t.get_window_extent().padded(st.pt * 0.4).transformed(inv)
                x0, x1 = min(x0, bb.x0), max(x1, bb.x1)
                y0, y1 = min(y0, bb.y0, bb.y1), max(y1, bb.y0, bb.y1)
            ax.set_xlim(x0, x1)
            ax.set_ylim(y1, y0)
        if np.allclose(before, [(ax.get_xlim(), ax.get_ylim()) for ax, _, _ in placed], 0.005):
            break


def _label(ax: Axes, text: str, xy: tuple[float, float], st: _Style, **kw: Any) -> Text:
    """A direct label beside the point `xy`: after it, or before it with `left=True`."""
    left, dx = kw.pop("left", False), kw.pop("dx", st.pt * 0.4)
    kw = st.bold() | {"ha": "right" if left else "left", "va": "center"} | kw
    kw |= {"xytext": (-dx if left else dx, 0), "textcoords": "offset points"}
    return ax.annotate(text, xy, annotation_clip=False, **kw)


def _bars(ax: Axes, data: Sequence[Datum], st: _Style, unit: str, bar: float = _BAR) -> list[Text]:
    """Bars from 0 (or from the first value when there are two), each labelled at its end."""
    texts = []
    for y, d in enumerate(data):
        known = [v for v in d.values[:2] if v is not None] or [0.0]
        lo, hi = (0.0, known[0]) if len(known) == 1 else (min(known), max(known))
        ax.barh(y, hi - lo, left=lo, height=bar, color=st.color(d.role), lw=0)
        if hi == lo:  # a single rate: a dot, since a bar of no width is invisible
            ax.plot([hi], [y], marker="o", ms=st.pt, color=st.color(d.role))
        text = d.text or "\u2013".join(st.value(v, unit) for v in dict.fromkeys(known))
        dx = st.pt * (0.9 if hi == lo else 0.4)
        if d.detail:  # a muted qualifier ("well over") before the value
            texts.append(_label(ax, d.detail, (hi, y), st, **st.muted(0.9)))
            texts.append(_label(ax, text, (1, 0.5), st, xycoords=texts[-1], dx=st.pt * 0.3))
        else:
            texts.append(_label(ax, text, (hi, y), st, left=hi < 0, dx=dx))
    return texts


def _panels(spec: ChartSpec) -> list[Panel]:
    return [p for p in spec.panels if p.data]


# --- one function per chart kind ----------------------------------------------------------


def _pay_range(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    ax, data, texts = fig.add_subplot(), [d for p in _panels(spec) for d in p.data], []
    _rows(ax, [d.label for d in data], st)
    ax.set_xlim(0, max((v for d in data for v in d.values if v is not None), default=1))
    for y, d in enumerate(data):
        p10, p25, med, p75, p90 = (tuple(d.values) + (None,) * 5)[:5]
        c = st.color(d.role)
        lo, hi = (p10 if p10 is not None else p25), (p90 if p90 is not None else p75)
        if lo is not None and hi is not None:
            ax.plot([lo, hi], [y, y], color=c, lw=st.pt * 0.22, solid_capstyle="butt")
        if p25 is not None and p75 is not None:
            ax.barh(y, p75 - p25, left=p25, height=_BAR * 0.6, color=c, lw=0)
        for v, left in ((p10, True), (p90, False)):
            if v is not None:
                ax.plot([v, v], [y - 0.12, y + 0.12], color=c, lw=st.pt * 0.15)
                text = st.value(v, spec.unit)
                texts.append(_label(ax, text, (v, y), st, left=left, **st.muted(0.8)))
        if med is not None:  # a white dot: visible on the bar in colour and in grayscale
            face = {"mfc": st.theme.background, "mec": st.theme.foreground, "mew": st.pt * 0.14}
            ax.plot([med], [y], marker="o", ms=st.pt * 1.05, zorder=3, **face)
            text = d.text or st.value(med, spec.unit)
            kw = {"xytext": (0, st.pt * 0.5), "textcoords": "offset points", "va": "bottom"}
            texts.append(
                ax.annotate(text, (med, y - _BAR * 0.3), ha="center", **kw, **st.bold(1.1))
            )
    _fit(fig, [(ax, texts, spec.unit)], st)


def _pay_location(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = _panels(spec)
    ratios = [len(p.data) for p in panels]
    axs = fig.subplots(len(panels), 1, sharex=True, squeeze=False, height_ratios=ratios)[:, 0]
    for ax, panel in zip(axs, panels, strict=True):
        _rows(ax, [d.label for d in panel.data], st)
        ax.set_xlim(0, max(d.values[0] or 0 for p in panels for d in p.data))
        if len(panels) > 1:
            ax.set_title(panel.title, loc="left", **st.bold())
    placed = [
        (ax, _bars(ax, p.data, st, spec.unit), spec.unit) for ax, p in zip(axs, panels, strict=True)
    ]
    _fit(fig, placed, st)


def _outlook(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = [(k, p) for k, p in enumerate(spec.panels) if p.data]  # 0: growth, 1: openings
    axs, placed = fig.subplots(1, len(panels), squeeze=False, sharey=True)[0], []
    for ax, (k, panel) in zip(axs, panels, strict=True):
        unit = "percent" if k == 0 else "count"
        _rows(ax, [d.label for d in panel.data], st)
        ax.tick_params(labelleft=ax is axs[0])
        values = [d.values[0] or 0 for d in panel.data]
        ax.set_xlim(min(0, *values), max(0, *values))  # growth may be negative: keep 0 in view
        ax.axvline(0, color=st.theme.foreground, lw=0.8)
        ax.set_title(panel.title, loc="left", **st.bold())
        placed.append((ax, _bars(ax, list(panel.data), st, unit), unit))
    _fit(fig, placed, st)


def _freelance(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    ax, data = fig.add_subplot(), [d for p in _panels(spec) for d in p.data]
    _rows(ax, [d.label for d in data], st)
    ax.set_xlim(0, max((v for d in data for v in d.values if v is not None), default=1))
    _fit(fig, [(ax, _bars(ax, data, st, spec.unit, _BAR * 0.6), spec.unit)], st)


def _skills(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = _panels(spec)
    axs = fig.subplots((len(panels) + 1) // 2, min(2, len(panels)), squeeze=False).ravel()
    for ax in axs[len(panels) :]:
        ax.set_visible(False)
    for ax, panel in zip(axs, panels, strict=False):
        for y, d in enumerate(panel.data):
            ax.barh(y, d.values[0] or 0, height=_BAR, color=st.color(d.role), lw=0)
    wrapped = [[_skill_label(d.label) for d in p.data] for p in panels]

    def lay_out(names: list[list[str]], small: _Style) -> None:
        for ax, panel, labels in zip(axs, panels, names, strict=False):
            _rows(ax, labels, small, wrap=None)
            ax.set_xlim(0, 5)
            ax.set_xticks(range(6), [str(i) for i in range(6)], **small.muted(0.85))
            if len(panels) > 1:
                ax.set_title(panel.title, loc="left", **small.bold(1.05))
        fig.supxlabel("Importance (editorial, 1\u20135)", **small.muted(0.9))

    lay_out(wrapped, st)  # then measure the row pitch: shrink the font, or unwrap, to fit it
    fig.draw_without_rendering()
    tall = min(a.get_window_extent().height * 72 / fig.dpi for a in axs[: len(panels)])
    for names in (wrapped, [[d.label for d in p.data] for p in panels]):
        pt = min(tall / len(ls) / max(_pitch(ls)) for ls in names)
        if pt >= _MIN_PT:
            break
    if names is not wrapped or pt < st.pt:
        lay_out(names, _Style(st.theme, st.roles, max(_MIN_PT, min(st.pt, pt)), st.currency))


def _skill_label(name: str) -> str:
    """Wrapped at about _SKILL_WRAP characters, a little wider rather than a third line."""
    for chars in range(_SKILL_WRAP, _SKILL_WRAP + 9):
        lines = textwrap.wrap(name, chars)
        if len(lines) <= 2:
            break
    return "\n".join(lines) or name


def _pitch(labels: list[str]) -> list[float]:
    """Row pitch per point of font size that each label and the next one need together."""
    n = [s.count("\n") + 1 for s in labels]
    return [1.2 * (a + b) / 2 + 0.35 for a, b in zip(n, n[1:] + n[-1:], strict=True)]


def _ladder(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    width, height = fig.get_figwidth(), fig.get_figheight()
    ax = fig.add_axes((0, 0, 1, 1), xlim=(0, width), ylim=(0, height))  # data units: inches
    ax.axis("off")
    panels = _panels(spec)
    titled, margin, arrow = len(panels) > 1, st.pt / 72 * 0.5, max(0.18, st.pt / 72 * 2.2)
    avail = width - 2 * margin
    # Largest font first, then wrap names onto 2-3 lines, then shrink towards the floor.
    for pt in (float(p) for p in np.arange(st.pt, _MIN_PT - 0.01, -0.5)):
        pad, line = pt / 72 * 0.7, pt / 72 * 1.2
        for max_lines in (1, 2, 3):
            font = st.font(pt=pt, bold=True)
            rows = [[_wrap(d.label, font, max_lines) for d in p.data] for p in panels]
            box_h = max(len(ls) for r in rows for ls, _ in r) * line + 2 * pad
            block = box_h + line * (2.3 if titled else 1.1)
            fits = all(sum(w + 2 * pad for _, w in r) + arrow * (len(r) - 1) <= avail for r in rows)
            if fits and len(rows) * block <= height - 2 * margin:
                break
        else:
            continue
        break
    # Spare height: taller boxes first (up to one more line), then wider gaps between rows.
    grow = max(0.0, min(line, (height - 2 * margin - len(rows) * (block + line * 1.5)) / len(rows)))
    box_h, block = box_h + grow, block + grow
    gap = min(line * 2.5, (height - 2 * margin - len(rows) * block) / max(1, len(rows) - 1))
    top = height - (height - len(rows) * block - (len(rows) - 1) * gap) / 2
    for panel, row in zip(panels, rows, strict=True):
        if titled:
            ax.text(margin, top - line * 0.5, panel.title, va="center", **st.bold(pt=pt))
        y, mid = top - block + line * 1.1, top - block + line * 1.1 + box_h / 2
        natural = [w + 2 * pad for _, w in row]
        even = (avail - arrow * (len(row) - 1)) / len(row)
        spare = (avail - sum(natural) - arrow * (len(row) - 1)) / len(row)
        widths = [even] * len(row) if max(natural) <= even else [w + spare for w in natural]
        x = margin
        for i, (d, (lines, _), w) in enumerate(zip(panel.data, row, widths, strict=True)):
            fill, r = st.color(d.role), min(0.08, box_h / 4)
            box = f"round,pad=0,rounding_size={r}"
            ax.add_patch(FancyBboxPatch((x, y), w, box_h, boxstyle=box, fc=fill, ec="none"))
            kw = st.bold(pt=pt) | {"color": ink(fill)}
            ax.text(x + w / 2, mid, "\n".join(lines), **_CENTER, **kw)
            if d.detail:
                ax.text(x + w / 2, y - line * 0.6, d.detail, **_CENTER, **st.muted(pt=pt * 0.95))
            if i < len(row) - 1:
                ends = (x + w + 0.03, mid), (x + w + arrow - 0.03, mid)
                head = {"arrowstyle": "-|>", "mutation_scale": pt * 1.1, "lw": 1.2}
                ax.add_patch(FancyArrowPatch(*ends, color=st.theme.muted, **head))
            x += w + arrow
        top -= block + gap


@cache
def _text_width(text: str, file: str, pt: float) -> float:
    """Inches, measured from the glyph outlines the SVG draws."""
    font = FontProperties(fname=file, size=pt)
    return _TEXT_PATH.get_text_width_height_descent(text, font, ismath=False)[0] / 72


def _wrap(text: str, font: FontProperties, max_lines: int) -> tuple[list[str], float]:
    """The narrowest wrap of `text` in at most `max_lines` lines, and its width in inches."""
    file, pt = str(font.get_file()), font.get_size_in_points()
    best = ([text], _text_width(text, file, pt))
    for chars in range(len(text) // max_lines, len(text)):
        lines = textwrap.wrap(text, max(1, chars), break_long_words=False)
        if 1 < len(lines) <= max_lines:
            width = max(_text_width(s, file, pt) for s in lines)
            best = (lines, width) if width < best[1] else best
    return best


_KINDS: dict[str, Callable[[Figure, ChartSpec, _Style], None]] = {
    "pay_range": _pay_range,
    "pay_location": _pay_location,
    "outlook": _outlook,
    "freelance": _freelance,
    "skills": _skills,
    "ladder": _ladder,
}
