"""ChartSpec + Theme → a matplotlib Figure (never pyplot) → SVG (handout) or PNG (deck) bytes.

Every label fits its space. A row label wraps onto at most two or three lines; when it still
does not fit, the font shrinks towards a floor (7 pt in print, 10 pt on slides), and only at the
floor are labels shortened, at a word boundary, with an ellipsis. Rows are spaced by the height
of their labels, so they never overlap; where a panel's rows cannot each hold a line at the
floor, the panels go side by side. Labels beyond the end of a bar get room inside the axes.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

import matplotlib
from matplotlib import ft2font
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Annotation, Text
from matplotlib.ticker import MaxNLocator

from .brand import Theme
from .colors import ink
from .model import ChartSpec, Datum, Panel

# Base font size by medium: SVG is printed (9 pt at the 7 in text width of a Letter page),
# PNG is projected (16 pt at a full 16:9 slide's 11.5 in, never under 12 pt); both scale with
# the width, within limits. To fit, text shrinks no further than the floor of its medium.
_PRINT_PT, _PRINT_WIDTH, _PRINT_RANGE, _PRINT_FLOOR = 9.0, 7.0, (8.0, 10.0), 7.0
_SLIDE_PT, _SLIDE_WIDTH, _SLIDE_RANGE, _SLIDE_FLOOR = 16.0, 11.5, (12.0, 18.0), 10.0
_LABEL_WRAP, _SKILL_WRAP = 20, 22  # characters per line of row labels, where that fits
_LABEL_SHARE = 0.4  # row labels take at most this share of their panel's width
_VALUE_SHARE = 0.6  # a bar's qualifier and value together: at most this share of the axes
_GAP = 0.3  # em of space between the labels of neighbouring rows
_BAR = 0.55  # bar thickness, in rows
_PAY_MARKS = 2.9  # em of row pitch the pay range needs: its median's label above the range
_ELLIPSIS = "\u2026"
_CENTER = {"ha": "center", "va": "center"}
_RC = {
    "text.parse_math": False,  # user text may contain `$`
    "text.usetex": False,
    "svg.fonttype": "path",  # no font lookup in the SVG reader, no missing glyphs
    "svg.hashsalt": "rolereport",  # stable ids: same input, same bytes
    "text.hinting": "no_hinting",  # PNG text as wide as in SVG and as measured: labels fit
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.major.size": 0,
    "ytick.major.size": 0,
}
try:
    _NO_HINTING = ft2font.LoadFlags.NO_HINTING
except AttributeError:  # matplotlib < 3.10
    _NO_HINTING = ft2font.LOAD_NO_HINTING  # type: ignore[attr-defined]


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
    st = _style(spec, theme, role_order, size, fmt, font_pt)
    with matplotlib.rc_context(_rc(st)):
        fig = _draw(spec, st, size, fmt, dpi)
        out = BytesIO()
        meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(out, format=fmt, dpi=dpi, metadata=meta, bbox_inches=None)
    return out.getvalue()


def _figure(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int = 220,
    font_pt: float | None = None,
) -> Figure:
    """The Figure that render_chart saves, drawn once (not saved): for tests that measure it."""
    st = _style(spec, theme, role_order, size, fmt, font_pt)
    with matplotlib.rc_context(_rc(st)):
        fig = _draw(spec, st, size, fmt, dpi)
        fig.draw_without_rendering()
    return fig


def _style(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: str,
    font_pt: float | None,
) -> _Style:
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be 'svg' or 'png', not {fmt!r}")
    if spec.kind not in _KINDS:
        raise ValueError(f"chart {spec.id!r}: unknown kind {spec.kind!r}")
    if not any(p.data for p in spec.panels):
        raise ValueError(f"chart {spec.id!r}: no data to draw")
    _font_name(theme.font.bold)
    if fmt == "svg":
        pt, (lo, hi), floor = _PRINT_PT * size[0] / _PRINT_WIDTH, _PRINT_RANGE, _PRINT_FLOOR
    else:  # a chart beside bullets is narrower, but read from as far away
        pt, (lo, hi) = _SLIDE_PT * (size[0] / _SLIDE_WIDTH) ** 0.5, _SLIDE_RANGE
        floor = _SLIDE_FLOOR
    pt = font_pt or min(hi, max(lo, pt))
    return _Style(theme, role_order, pt, spec.currency_symbol, min(floor, pt))


def _rc(st: _Style) -> dict[str, Any]:
    t = st.theme
    colours = {k: t.muted for k in ("axes.edgecolor", "xtick.color", "ytick.color")}
    colours |= {k: t.background for k in ("figure.facecolor", "axes.facecolor")}
    family = _font_name(t.font.regular)
    return {
        **_RC,
        **colours,
        "font.family": [family],
        "font.size": st.pt,
        "text.color": t.foreground,
    }


def _draw(spec: ChartSpec, st: _Style, size: tuple[float, float], fmt: str, dpi: int) -> Figure:
    """The chart, laid out at the resolution it is saved at (an SVG's is 72 dpi)."""
    ladder = spec.kind == "ladder"
    at = 72 if fmt == "svg" else dpi
    fig = Figure(figsize=size, dpi=at, layout=None if ladder else "constrained")
    FigureCanvasAgg(fig)
    if not ladder:
        pad = st.pt / 72 * 0.5
        fig.get_layout_engine().set(w_pad=pad, h_pad=pad, wspace=0.04, hspace=0.06)
    _KINDS[spec.kind](fig, spec, st)
    return fig


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
    floor: float  # no text is set smaller
    _fonts: dict[tuple[float, bool], FontProperties] = field(default_factory=dict, compare=False)

    def at(self, pt: float) -> _Style:
        """The same style with another base size (and floor, if that is smaller)."""
        return replace(self, pt=pt, floor=min(self.floor, pt))

    def font(self, scale: float = 1.0, bold: bool = False, pt: float = 0) -> FontProperties:
        pt = max(self.floor, pt or self.pt * scale)
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
        """A value as text; `short` (for axes) writes money as $250k or $3M."""
        sign, v = ("\u2212" if v < 0 else ""), abs(v)
        per = "/h" if unit == "money_hour" else ""
        if unit in ("money", "money_hour") and short:
            n, suffix = (v / 1e6, "M") if v >= 1e6 else (v / 1e3, "k") if v >= 1e3 else (v, "")
            return f"{sign}{self.currency}{_num(n)}{suffix}{per}"
        if unit in ("money", "money_hour"):
            return f"{sign}{self.currency}{_num(v)}{per}"
        return f"{sign}{_num(v)}" + ("%" if unit == "percent" else "")


def _num(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != round(v) else f"{v:,.0f}"


def _tick_labels(ticks: Sequence[float], unit: str, st: _Style) -> list[str]:
    """Axis labels, compact: $3M and $250k; counts as 1.2M or 250k once the axis reaches
    100,000 (all ticks of an axis alike); the direct labels keep the full figures."""
    if unit != "count":
        return [st.value(t, unit, short=True) for t in ticks]
    top = max((abs(t) for t in ticks), default=0)
    div, suffix = (1e6, "M") if top >= 1e6 else (1e3, "k") if top >= 1e5 else (1.0, "")
    return [("\u2212" if t < 0 else "") + _num(abs(t) / div) + (suffix if t else "") for t in ticks]


# --- measuring and fitting text -------------------------------------------------------------


@cache
def _advance(char: str, file: str) -> float:
    font = get_font(file)
    font.set_size(100, 72)
    return font.load_char(ord(char), flags=_NO_HINTING).linearHoriAdvance / 65536 / 100


@cache
def _em(line: str, file: str) -> float:
    """The width of one line, in em: its glyphs' advances without kerning, which only narrows
    text, so never less than matplotlib draws (and fast: no layout, no paths)."""
    return sum(_advance(c, file) for c in line)


def _width(text: str, font: FontProperties) -> float:
    """Points: the widest line of `text` set in `font`."""
    file = str(font.get_file())
    return max(_em(s, file) for s in text.split("\n")) * font.get_size_in_points()


@cache
def _line_em(file: str, lines: int) -> float:
    """The height of a label of `lines` lines, in em, as matplotlib lays it out."""
    fig = Figure(dpi=72)
    text = fig.text(0, 0, "\n".join(["lp"] * lines), fontproperties=FontProperties(fname=file))
    text.set_fontsize(100)
    return text.get_window_extent(FigureCanvasAgg(fig).get_renderer()).height / 100


def _ellipsis(line: str, font: FontProperties, width: float) -> str:
    """`line` cut at a word boundary (mid-word only if its first word is too long), with an
    ellipsis, no wider than `width` points."""
    words = line.split()
    for n in range(len(words), 0, -1):
        cut = " ".join(words[:n]).rstrip(",;:.-\u2013\u2014 ") + _ELLIPSIS
        if _width(cut, font) <= width:
            return cut
    word = words[0] if words else ""
    for n in range(len(word) - 1, 0, -1):
        if _width(word[:n] + _ELLIPSIS, font) <= width:
            return word[:n] + _ELLIPSIS
    return _ELLIPSIS


def _shorten(text: str, font: FontProperties, width: float, lines: int = 1) -> tuple[str, bool]:
    """`text` filled word by word into at most `lines` lines no wider than `width` points; when
    it does not fit, its last line ends at a word boundary with an ellipsis. Also returns
    whether it was shortened."""
    words, out = text.split(), []
    while words and len(out) < lines:
        n = 1
        while n < len(words) and _width(" ".join(words[: n + 1]), font) <= width:
            n += 1
        out.append(" ".join(words[:n]))
        words = words[n:]
    over = [i for i, s in enumerate(out) if _width(s, font) > width]
    if not out or (not words and not over):
        return "\n".join(out) or text, False
    k = over[0] if over else len(out) - 1
    return "\n".join([*out[:k], _ellipsis(out[k], font, width)]), True


@cache
def _label_wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _LABEL_WRAP)) or text


@cache
def _skill_label(name: str) -> str:
    """Wrapped at about _SKILL_WRAP characters, a little wider rather than a third line."""
    for chars in range(_SKILL_WRAP, _SKILL_WRAP + 9):
        lines = textwrap.wrap(name, chars)
        if len(lines) <= 2:
            break
    return "\n".join(lines) or name


def _fit_label(
    text: str, font: FontProperties, width: float, lines: int, prefer: Callable[[str], str]
) -> tuple[str, bool]:
    """The preferred wrap of `text` if it fits, else `text` filled into the width."""
    preferred = prefer(text)
    if preferred.count("\n") < lines and _width(preferred, font) <= width:
        return preferred, False
    return _shorten(text, font, width, lines)


def _spaced(labels: list[str], file: str, pt: float, pitch: float) -> bool:
    """True when labels centred on rows `pitch` points apart keep a gap between neighbours and
    stay within their own row at the ends."""
    h = [_line_em(file, s.count("\n") + 1) * pt for s in labels]
    gaps = all((a + b) / 2 + _GAP * pt <= pitch for a, b in itertools.pairwise(h))
    return gaps and (not h or max(h[0], h[-1]) <= pitch)


def _sizes(hi: float, lo: float) -> list[float]:
    """Font sizes to try, largest first, in half points down to `lo`."""
    out = [hi - 0.5 * i for i in range(int((hi - lo) / 0.5 + 1e-9) + 1)]
    return out if out[-1] <= lo + 1e-9 else [*out, lo]


def _fit_rows(
    st: _Style,
    groups: list[list[str]],
    width: float,
    pitch: float,
    prefer: Callable[[str], str],
    max_lines: int,
    marks: float = 0.0,
) -> tuple[_Style, list[list[str]]]:
    """Row labels no wider than `width` points, on rows `pitch` points apart, and the style
    to set them in: the largest size (not above the base) at which they fit whole, in at most
    `max_lines` lines; else at the floor, shortened to the lines the rows have room for; only
    when a row cannot hold one line at the floor, one line in a smaller size. The marks drawn
    on a row, in the same style, need `marks` em of the pitch."""
    file = str(st.font().get_file())

    def attempt(pt: float, lines: int, shorten: bool) -> list[list[str]] | None:
        font = st.font(pt=pt)
        fitted = [[_fit_label(s, font, width, lines, prefer) for s in g] for g in groups]
        labels = [[s for s, _ in g] for g in fitted]
        cut = any(c for g in fitted for _, c in g)
        fits = pitch >= marks * pt and all(_spaced(g, file, pt, pitch) for g in labels)
        return labels if fits and (shorten or not cut) else None

    for pt in _sizes(st.pt, st.floor):
        for lines in range(max_lines, 0, -1):
            if (labels := attempt(pt, lines, False)) is not None:
                return st.at(pt), labels
    for lines in range(max_lines, 0, -1):
        if (labels := attempt(st.floor, lines, True)) is not None:
            return st.at(st.floor), labels
    pt = max(1.0, pitch / max(marks, _line_em(file, 1) + _GAP))  # the last resort: below the floor
    small = replace(st, pt=pt, floor=pt)
    return small, [[_shorten(s, small.font(), width, 1)[0] for s in g] for g in groups]


# --- laying out panels of rows --------------------------------------------------------------

_Setup = Callable[[list[Axes], list[int], int], None]


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


def _columns(n: int, first: int) -> list[int]:
    """Numbers of columns to try for `n` panels: `first`, then wider grids."""
    return sorted(c for c in {first, 2, n} if first <= c <= n) or [n]


def _layout(
    fig: Figure,
    st: _Style,
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
    one_line = (_line_em(str(st.font().get_file()), 1) + _GAP) * st.floor
    for cols in options:
        fig.clear()
        axs, slots = _grid(fig, counts, cols, stretch, **share)
        setup(axs, slots, cols)
        fig.draw_without_rendering()
        pitch = min(_size(ax)[1] / n for ax, n in zip(axs, slots, strict=True))
        if pitch >= one_line:
            break
    return axs, slots, cols, pitch


def _size(ax: Axes) -> tuple[float, float]:
    """The axes' width and height in points."""
    box = ax.get_position()
    return box.width * ax.figure.get_figwidth() * 72, box.height * ax.figure.get_figheight() * 72


def _frame(ax: Axes, slots: int, n: int, st: _Style) -> None:
    """Rows top to bottom (room for `slots`, `n` used, labelled later); grid along x."""
    ax.set_yticks(range(n), [""] * n)
    ax.set_ylim(slots - 0.5, -0.5)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=st.theme.muted, alpha=0.25, lw=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", pad=st.pt * 0.3)


def _title(ax: Axes, text: str, st: _Style, width: float, scale: float = 1.0) -> None:
    """A panel title on one line no wider than `width` points: smaller down to the floor,
    then shortened."""
    text = " ".join(text.split())
    for pt in _sizes(st.pt * scale, min(st.pt * scale, st.floor)):
        if _width(text, font := st.font(pt=pt, bold=True)) <= width:
            break
    else:
        text = _shorten(text, font, width)[0]
    ax.set_title(text, loc="left", fontproperties=font, color=st.theme.foreground)


def _titles(axs: list[Axes], titles: list[str], st: _Style, scale: float = 1.0) -> None:
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
        return all(_width(s, font) <= r for s, r in zip(titles, rooms, strict=True))

    rooms = over if fit(base, over) else wide
    pt = next((pt for pt in _sizes(base, min(base, st.floor)) if fit(pt, rooms)), st.floor)
    font = st.font(pt=pt, bold=True)
    for ax, text, room, box, left in zip(axs, titles, rooms, boxes, lefts, strict=True):
        text = text if _width(text, font) <= room else _shorten(text, font, room)[0]
        title = ax.set_title(text, loc="left", fontproperties=font, color=fg)
        if rooms is wide:
            title.set_x((left - box.x0) / box.width)


def _shown(texts: Sequence[Text]) -> list[Text]:
    return [t for t in texts if t.get_visible() and t.get_text()]


def _panel_width(fig: Figure, cols: int) -> float:
    return fig.get_figwidth() * 72 / cols


def _label_rows(
    fig: Figure,
    axs: list[Axes],
    groups: list[list[str]],
    st: _Style,
    cols: int,
    pitch: float,
    prefer: Callable[[str], str] = _label_wrap,
    max_lines: int = 3,
    marks: float = 0.0,
) -> _Style:
    """Sets each axes' row labels, fitted to a share of the panel's width and to the row
    pitch; returns the style for the rows (the size their labels got)."""
    width = _LABEL_SHARE * _panel_width(fig, cols)
    rs, labels = _fit_rows(st, groups, width, pitch, prefer, max_lines, marks)
    for ax, names in zip(axs, labels, strict=True):
        ax.set_yticks(range(len(names)), names, fontproperties=rs.font(), color=st.theme.foreground)
    return rs


def _freeze(fig: Figure) -> None:
    """Lays the figure out for good: later limits, ticks and labels do not move the axes."""
    fig.draw_without_rendering()
    fig.set_layout_engine("none")


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


def _finish(fig: Figure, placed: list[tuple[Axes, list[Text], str]], st: _Style) -> None:
    """Widens the frozen axes' limits until every label placed beyond a mark lies inside
    them (sideways; and upwards for labels above a mark: those beside one are centred on a
    row, which has room for them), then ticks the value axes."""
    renderer = fig.canvas.get_renderer()
    pad = st.pt * 0.288 * fig.dpi / 72
    xs: dict[Axes, list[tuple[float, float, float]]] = {}  # by the first of axes sharing x
    for ax, texts, _unit in placed:
        group = _siblings(ax)[0]
        ys = []
        for t in texts:
            (vx, vy), bb = _anchor(t), t.get_window_extent(renderer)
            x, y = ax.transData.transform((vx, vy))
            xs.setdefault(group, []).append((vx, bb.x0 - x - pad, bb.x1 - x + pad))
            if t.get_verticalalignment() != "center":  # rows go down: -y goes up
                ys.append((-vy, bb.y0 - y - pad, bb.y1 - y + pad))
        if ys:
            bottom, top = ax.get_ylim()
            lo, hi = _room(-bottom, -top, ys, ax.get_window_extent().height)
            ax.set_ylim(-lo, -hi)
    for ax, marks in xs.items():
        width = min(a.get_window_extent().width for a in _siblings(ax))
        ax.set_xlim(_room(*ax.get_xlim(), marks, width))
    for ax, _texts, unit in placed:
        _ticks(ax, st, unit)


def _siblings(ax: Axes) -> list[Axes]:
    """The visible axes that share the x axis of `ax` (itself included), in figure order."""
    shared = ax.get_shared_x_axes().get_siblings(ax)
    return [a for a in ax.figure.axes if a in shared and a.get_visible()] or [ax]


def _ticks(ax: Axes, st: _Style, unit: str) -> None:
    """At most 6 ticks, fewer when their labels would touch, and none whose label would reach
    past the figure's edge or halfway to a neighbouring panel (in any axes sharing them)."""
    (lo, hi), font, px = ax.get_xlim(), st.font(0.85), ax.figure.dpi / 72
    group = _siblings(ax)
    room = min(_size(a)[0] for a in group)
    steps = [1, 2, 5, 10] if unit == "weight" else [1, 2, 2.5, 5, 10]  # weights: whole
    for bins in range(6, 0, -1):
        ticks = MaxNLocator(bins, steps=steps).tick_values(lo, hi)
        ticks = [t for t in ticks if lo - 1e-9 * (hi - lo) <= t <= hi + 1e-9 * (hi - lo)]
        labels = _tick_labels(ticks, unit, st)
        if sum(_width(s, font) + 1.5 * font.get_size_in_points() for s in labels) <= room:
            break
    bounds = [(a, *_bounds(a)) for a in group]

    def fits(t: float, s: str) -> bool:
        half = _width(s, font) * px / 2
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


def _label(ax: Axes, text: str, xy: tuple[float, float], st: _Style, **kw: Any) -> Text:
    """A direct label beside the point `xy`: after it, or before it with `left=True`."""
    left, dx = kw.pop("left", False), kw.pop("dx", st.pt * 0.4)
    kw = st.bold() | {"ha": "right" if left else "left", "va": "center"} | kw
    kw |= {"xytext": (-dx if left else dx, 0), "textcoords": "offset points"}
    return ax.annotate(text, xy, annotation_clip=False, in_layout=False, **kw)


def _bars(
    ax: Axes,
    data: Sequence[Datum],
    st: _Style,
    unit: str,
    bar: float = _BAR,
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
        value = _width(text, st.font(bold=True)) + st.pt * 0.7
        room = _VALUE_SHARE * width - value
        room = room if room >= st.pt * 5 else min(st.pt * 5, 0.85 * width - value)
        if d.detail and room >= st.pt * 1.5:  # a muted qualifier ("well over") before the value
            muted = st.muted(0.9)
            detail = _shorten(d.detail, muted["fontproperties"], room)[0]
            texts.append(_label(ax, detail, (hi, y), st, **muted))
            texts.append(_label(ax, text, (1, 0.5), st, xycoords=texts[-1], dx=st.pt * 0.3))
        else:
            texts.append(_label(ax, text, (hi, y), st, left=hi < 0, dx=dx))
    return texts


def _panels(spec: ChartSpec) -> list[Panel]:
    return [p for p in spec.panels if p.data]


def _span(lo: float, hi: float) -> tuple[float, float]:
    """Axis limits that are never empty (matplotlib warns of equal limits)."""
    return (lo, hi) if hi > lo else (lo, lo + 1)


# --- one function per chart kind ----------------------------------------------------------


def _pay_range(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    data = [d for p in _panels(spec) for d in p.data]
    top = max((v for d in data for v in d.values if v is not None), default=1)

    def setup(axs: list[Axes], slots: list[int], cols: int) -> None:
        _frame(axs[0], slots[0], len(data), st)
        axs[0].set_xlim(*_span(0, top))
        _ticks(axs[0], st, spec.unit)

    (ax,), _, cols, pitch = _layout(fig, st, [len(data)], (1,), setup)
    # A row holds the median's label above its dot, clear of the row above's marks and labels.
    rs = _label_rows(fig, [ax], [[d.label for d in data]], st, cols, pitch, marks=_PAY_MARKS)
    _freeze(fig)
    texts = []
    for y, d in enumerate(data):
        p10, p25, med, p75, p90 = (tuple(d.values) + (None,) * 5)[:5]
        c = rs.color(d.role)
        lo, hi = (p10 if p10 is not None else p25), (p90 if p90 is not None else p75)
        if lo is not None and hi is not None:
            ax.plot([lo, hi], [y, y], color=c, lw=rs.pt * 0.22, solid_capstyle="butt")
        if p25 is not None and p75 is not None:
            ax.barh(y, p75 - p25, left=p25, height=_BAR * 0.6, color=c, lw=0)
        for v, left in ((p10, True), (p90, False)):
            if v is not None:
                ax.plot([v, v], [y - 0.12, y + 0.12], color=c, lw=rs.pt * 0.15)
                text = rs.value(v, spec.unit)
                texts.append(_label(ax, text, (v, y), rs, left=left, **rs.muted(0.8)))
        if med is not None:  # a white dot: visible on the bar in colour and in grayscale
            face = {"mfc": rs.theme.background, "mec": rs.theme.foreground, "mew": rs.pt * 0.14}
            ax.plot([med], [y], marker="o", ms=rs.pt * 1.05, zorder=3, **face)
            text = d.text or rs.value(med, spec.unit)
            kw = {"xytext": (0, rs.pt * 0.5), "textcoords": "offset points", "va": "bottom"}
            kw |= {"ha": "center", "in_layout": False}
            texts.append(ax.annotate(text, (med, y - _BAR * 0.3), **kw, **rs.bold(1.1)))
    _finish(fig, [(ax, texts, spec.unit)], st)


def _pay_location(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = _panels(spec)
    top = max(d.values[0] or 0 for p in panels for d in p.data)
    titled = len(panels) > 1

    def setup(axs: list[Axes], slots: list[int], cols: int) -> None:
        room = _panel_width(fig, cols) * (1 - _LABEL_SHARE) - 2 * st.pt
        for ax, panel, n in zip(axs, panels, slots, strict=True):
            _frame(ax, n, len(panel.data), st)
            ax.set_xlim(*_span(0, top))
            if titled:
                _title(ax, panel.title, st, room)
            _ticks(ax, st, spec.unit)

    counts = [len(p.data) for p in panels]
    axs, _, cols, pitch = _layout(fig, st, counts, _columns(len(panels), 1), setup, sharex=True)
    groups = [[d.label for d in p.data] for p in panels]
    rs = _label_rows(fig, axs, groups, st, cols, pitch)
    _freeze(fig)
    placed = []
    if titled:
        _titles(axs, [p.title for p in panels], st)
    for ax, panel in zip(axs, panels, strict=True):
        texts = _bars(ax, panel.data, rs, spec.unit, width=_size(ax)[0])
        placed.append((ax, texts, spec.unit))
    _finish(fig, placed, st)


def _outlook(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = [(k, p) for k, p in enumerate(spec.panels) if p.data]  # 0: growth, 1: openings
    # One row per role, in role order, in both panels (a panel may lack a role's figure).
    rows = sorted({d.role: d.label for _, p in panels for d in p.data}.items(), key=_role_key(st))
    index = {role: i for i, (role, _) in enumerate(rows)}

    def setup(axs: list[Axes], slots: list[int], cols: int) -> None:
        room = _panel_width(fig, cols) * (1 - _LABEL_SHARE) - 2 * st.pt
        for ax, (k, panel) in zip(axs, panels, strict=True):
            _frame(ax, len(rows), len(rows), st)
            ax.tick_params(labelleft=ax is axs[0])
            values = [d.values[0] or 0 for d in panel.data]
            ax.set_xlim(*_span(min(0, *values), max(0, *values)))  # growth may be negative
            ax.axvline(0, color=st.theme.foreground, lw=0.8)
            _title(ax, panel.title, st, room)
            _ticks(ax, st, "percent" if k == 0 else "count")

    counts = [len(rows)] * len(panels)
    axs, _, cols, pitch = _layout(fig, st, counts, (len(panels),), setup, sharey=True)
    rs = _label_rows(fig, axs[:1], [[label for _, label in rows]], st, cols, pitch)
    _freeze(fig)
    _titles(axs, [p.title for _, p in panels], st)
    placed = []
    for ax, (k, panel) in zip(axs, panels, strict=True):
        unit = "percent" if k == 0 else "count"
        ys = [index[d.role] for d in panel.data]
        placed.append((ax, _bars(ax, list(panel.data), rs, unit, rows=ys), unit))
    _finish(fig, placed, st)


def _role_key(st: _Style) -> Callable[[tuple[str, str]], int]:
    return lambda item: st.roles.index(item[0]) if item[0] in st.roles else len(st.roles)


def _freelance(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    data = [d for p in _panels(spec) for d in p.data]
    top = max((v for d in data for v in d.values if v is not None), default=1)

    def setup(axs: list[Axes], slots: list[int], cols: int) -> None:
        _frame(axs[0], slots[0], len(data), st)
        axs[0].set_xlim(*_span(0, top))
        _ticks(axs[0], st, spec.unit)

    (ax,), _, cols, pitch = _layout(fig, st, [len(data)], (1,), setup)
    rs = _label_rows(fig, [ax], [[d.label for d in data]], st, cols, pitch)
    _freeze(fig)
    _finish(fig, [(ax, _bars(ax, data, rs, spec.unit, _BAR * 0.6), spec.unit)], st)


def _skills(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = _panels(spec)
    titled = len(panels) > 1

    def setup(axs: list[Axes], slots: list[int], cols: int) -> None:
        room = _panel_width(fig, cols) * (1 - _LABEL_SHARE) - 2 * st.pt
        for ax, panel, n in zip(axs, panels, slots, strict=True):
            _frame(ax, n, len(panel.data), st)
            for y, d in enumerate(panel.data):
                ax.barh(y, d.values[0] or 0, height=_BAR, color=st.color(d.role), lw=0)
            ax.set_xlim(0, 5)
            _ticks(ax, st, spec.unit)
            if titled:
                _title(ax, panel.title, st, room, 1.05)
        fig.supxlabel("Importance (editorial, 1\u20135)", **st.muted(0.9))

    counts = [len(p.data) for p in panels]
    axs, _, cols, pitch = _layout(fig, st, counts, _columns(len(panels), 2), setup, stretch=True)
    groups = [[d.label for d in p.data] for p in panels]
    _label_rows(fig, axs, groups, st, cols, pitch, _skill_label)
    _freeze(fig)
    if titled:
        _titles(axs, [p.title for p in panels], st, 1.05)
    _finish(fig, [(ax, [], spec.unit) for ax in axs], st)


def _ladder(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    width, height = fig.get_figwidth(), fig.get_figheight()
    ax = fig.add_axes((0, 0, 1, 1), xlim=(0, width), ylim=(0, height))  # data units: inches
    ax.axis("off")
    panels = _panels(spec)
    titled, margin, arrow = len(panels) > 1, st.pt / 72 * 0.5, max(0.18, st.pt / 72 * 2.2)
    avail, tall = width - 2 * margin, height - 2 * margin

    def room(widths: list[float]) -> list[float]:
        """Inches for each box's detail, centred under it: no further than halfway to the
        next box, nor past the edge."""
        out, x = [], margin
        for w in widths:
            c = x + w / 2
            out.append(min(w + arrow - 0.06, 2 * (c - 0.02), 2 * (width - c - 0.02)))
            x += w + arrow
        return out

    def plan(pt: float, max_lines: int, cut: bool) -> _Plan | None:
        """Boxes at `pt` with names in at most `max_lines` lines: at their natural widths
        (None if a row or a detail does not fit), or `cut` to even widths."""
        pad, line = pt / 72 * 0.7, pt / 72 * 1.2
        s = replace(st, floor=min(st.floor, pt))  # below the floor only as a last resort
        font, small = s.font(pt=pt, bold=True), s.font(pt=pt * 0.95)
        rows, widths = [], []
        for p in panels:
            n = len(p.data)
            even = (avail - arrow * (n - 1)) / n
            if cut:
                inner = max(0.01, even - 2 * pad) * 72
                names = [_shorten(d.label, font, inner, max_lines)[0] for d in p.data]
                row = [(s.split("\n"), even) for s in names]
                ws = [even] * n
            else:
                row = [_narrowest(d.label, font, max_lines) for d in p.data]
                natural = [w + 2 * pad for _, w in row]
                spare = (avail - sum(natural) - arrow * (n - 1)) / n
                ws = [even] * n if max(natural) <= even else [w + spare for w in natural]
                if spare < 0 or any(
                    _width(d.detail, small) / 72 > r for d, r in zip(p.data, room(ws), strict=True)
                ):
                    return None
            rows.append([lines for lines, _ in row])
            widths.append(ws)
        box_h = max(len(ls) for r in rows for ls in r) * line + 2 * pad
        block = box_h + line * (2.3 if titled else 1.1)
        if len(rows) * block > tall and pt > 1:
            return None
        return _Plan(pt, line, box_h, block, rows, widths)

    # Largest font first, then wrap names onto 2-3 lines, then shrink towards the floor; at the
    # floor, names are shortened to even widths in the lines the height allows (smaller still
    # only if not even one line fits).
    natural = ((pt, n, False) for pt in _sizes(st.pt, st.floor) for n in (1, 2, 3))
    cut = ((pt, n, True) for pt in _sizes(st.floor, 1) for n in (3, 2, 1))
    found = next(p for args in itertools.chain(natural, cut) if (p := plan(*args)))
    pt, line, box_h, block = found.pt, found.line, found.box_h, found.block
    st = replace(st, floor=min(st.floor, pt))
    rows, widths = found.rows, found.widths
    # Spare height: taller boxes first (up to one more line), then wider gaps between rows.
    grow = max(0.0, min(line, (tall - len(rows) * (block + line * 1.5)) / len(rows)))
    box_h, block = box_h + grow, block + grow
    gap = min(line * 2.5, (tall - len(rows) * block) / max(1, len(rows) - 1))
    top = height - (height - len(rows) * block - (len(rows) - 1) * gap) / 2
    title_font, detail_font = st.font(pt=pt, bold=True), st.font(pt=pt * 0.95)
    for panel, row, ws in zip(panels, rows, widths, strict=True):
        if titled:
            title = _shorten(panel.title, title_font, avail * 72)[0]
            ax.text(margin, top - line * 0.5, title, va="center", **st.bold(pt=pt))
        y, mid = top - block + line * 1.1, top - block + line * 1.1 + box_h / 2
        x = margin
        for i, (d, lines, w, r) in enumerate(zip(panel.data, row, ws, room(ws), strict=True)):
            fill = st.color(d.role)
            box = f"round,pad=0,rounding_size={min(0.08, box_h / 4)}"
            ax.add_patch(FancyBboxPatch((x, y), w, box_h, boxstyle=box, fc=fill, ec="none"))
            kw = st.bold(pt=pt) | {"color": ink(fill)}
            ax.text(x + w / 2, mid, "\n".join(lines), **_CENTER, **kw)
            if d.detail:
                detail = _shorten(d.detail, detail_font, r * 72)[0]
                ax.text(x + w / 2, y - line * 0.6, detail, **_CENTER, **st.muted(pt=pt * 0.95))
            if i < len(row) - 1:
                ends = (x + w + 0.03, mid), (x + w + arrow - 0.03, mid)
                head = {"arrowstyle": "-|>", "mutation_scale": pt * 1.1, "lw": 1.2}
                ax.add_patch(FancyArrowPatch(*ends, color=st.theme.muted, **head))
            x += w + arrow
        top -= block + gap


@dataclass(frozen=True)
class _Plan:
    """A ladder's boxes: text size, line and box height, block per role (inches), each role's
    names (as lines) and box widths."""

    pt: float
    line: float
    box_h: float
    block: float
    rows: list[list[list[str]]]
    widths: list[list[float]]


@cache
def _narrowest_em(text: str, file: str, max_lines: int) -> tuple[tuple[str, ...], float]:
    best = ((text,), _em(text, file))
    for chars in range(len(text) // max_lines, len(text)):
        lines = textwrap.wrap(text, max(1, chars), break_long_words=False)
        if 1 < len(lines) <= max_lines:
            width = max(_em(s, file) for s in lines)
            best = (tuple(lines), width) if width < best[1] else best
    return best


def _narrowest(text: str, font: FontProperties, max_lines: int) -> tuple[list[str], float]:
    """The narrowest wrap of `text` in at most `max_lines` lines, and its width in inches."""
    lines, em = _narrowest_em(text, str(font.get_file()), max_lines)
    return list(lines), em * font.get_size_in_points() / 72


_KINDS: dict[str, Callable[[Figure, ChartSpec, _Style], None]] = {
    "pay_range": _pay_range,
    "pay_location": _pay_location,
    "outlook": _outlook,
    "freelance": _freelance,
    "skills": _skills,
    "ladder": _ladder,
}
