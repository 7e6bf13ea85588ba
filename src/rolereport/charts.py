"""ChartSpec + Theme → a matplotlib Figure (never pyplot) → SVG (handout) or PNG (deck) bytes."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from .brand import Theme
from .model import ChartSpec, Datum, Panel

# Base font size: 9 pt at the handout's text width, 16 pt at a 16:9 slide's chart width.
_PDF_WIDTH, _PDF_PT, _SLIDE_WIDTH, _SLIDE_PT = 7.0, 9.0, 11.5, 16.0
_MIN_PT, _MAX_PT = 7.0, 20.0
_MARKERS = ("o", "s", "D", "^")  # median markers: a second cue besides colour
_INKS = ("#000000", "#FFFFFF")  # text on a coloured fill, chosen by WCAG contrast
_LABEL_WRAP, _SKILL_WRAP = 20, 22  # characters per line of axis labels
_BAR = 0.55  # bar thickness, in rows
_FONT_NAMES: dict[Path, str] = {}  # font file → family name, registered once per process


def render_chart(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int = 220,
) -> bytes:
    """Draw `spec` at `size` inches; returns SVG (text as paths) or PNG bytes, same input same
    bytes. Raises ValueError for an unknown kind or format, no data, or a role not in role_order.
    """
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be 'svg' or 'png', not {fmt!r}")
    if spec.kind not in _KINDS:
        raise ValueError(f"chart {spec.id!r}: unknown kind {spec.kind!r}")
    if not any(p.data for p in spec.panels):
        raise ValueError(f"chart {spec.id!r}: no data to draw")
    family, _ = _font_name(theme.font.regular), _font_name(theme.font.bold)
    pt = _PDF_PT + (size[0] - _PDF_WIDTH) * (_SLIDE_PT - _PDF_PT) / (_SLIDE_WIDTH - _PDF_WIDTH)
    st = _Style(theme, role_order, min(_MAX_PT, max(_MIN_PT + 1, pt)), spec.currency_symbol)
    with matplotlib.rc_context(_rc(theme, family, st.pt)):
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


def _font_name(path: Path) -> str:
    key = Path(path).resolve()
    if key not in _FONT_NAMES:
        fontManager.addfont(str(key))
        _FONT_NAMES[key] = FontProperties(fname=str(key)).get_name()
    return _FONT_NAMES[key]


def _rc(theme: Theme, family: str, pt: float) -> dict[str, Any]:
    fg, muted, bg = theme.foreground, theme.muted, theme.background
    return {
        "text.parse_math": False,  # user text may contain `$`
        "text.usetex": False,
        "svg.fonttype": "path",
        "svg.hashsalt": "rolereport",
        "font.family": [family],
        "font.size": pt,
        "text.color": fg,
        "axes.edgecolor": muted,
        "axes.labelcolor": fg,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 0.8,
        "xtick.color": muted,
        "ytick.color": muted,
        "ytick.major.size": 0,
        "figure.facecolor": bg,
        "axes.facecolor": bg,
        "savefig.facecolor": bg,
        "axes.unicode_minus": True,
    }


@dataclass(frozen=True)
class _Style:
    theme: Theme
    roles: tuple[str, ...]
    pt: float
    currency: str
    _fonts: dict[tuple[float, bool], FontProperties] = field(default_factory=dict, compare=False)

    def font(self, scale: float = 1.0, bold: bool = False, size: float | None = None) -> FontProperties:
        pt = max(_MIN_PT, size if size is not None else self.pt * scale)
        if (pt, bold) not in self._fonts:  # explicit files: no lookup can pick a system font
            path = self.theme.font.bold if bold else self.theme.font.regular
            self._fonts[pt, bold] = FontProperties(fname=str(path), size=pt)
        return self._fonts[pt, bold]

    def index(self, role: str) -> int:
        if role not in self.roles:
            raise ValueError(f"role {role!r} is not in role_order {self.roles}")
        return self.roles.index(role)

    def color(self, role: str) -> str:
        return self.theme.role_color(self.index(role))

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


def _luminance(hex_color: str) -> float:
    rgb = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ink(fill: str) -> str:
    """Black or white, whichever has the higher WCAG contrast ratio on `fill`."""
    lum = _luminance(fill)
    return _INKS[0] if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else _INKS[1]


# --- shared axes helpers ------------------------------------------------------------------


def _rows(ax: Axes, labels: Iterable[str], st: _Style, wrap: int = _LABEL_WRAP) -> int:
    """Category rows top to bottom with wrapped labels; a value grid along x."""
    labels = ["\n".join(textwrap.wrap(s, wrap)) or s for s in labels]
    ax.set_yticks(range(len(labels)), labels, fontproperties=st.font(), color=st.theme.foreground)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=st.theme.muted, alpha=0.25, lw=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", length=0, pad=st.pt * 0.3)
    return len(labels)


def _ticks(ax: Axes, st: _Style, unit: str, bins: int = 5) -> None:
    lo, hi = ax.get_xlim()
    ticks = [t for t in MaxNLocator(bins, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)]
    ticks = [t for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]
    labels = [st.value(t, unit, short=True) for t in ticks]
    ax.set_xticks(ticks, labels, fontproperties=st.font(0.85), color=st.theme.muted)
    ax.set_xlim(lo, hi)


def _fit(fig: Figure, placed: list[tuple[Axes, list[Text], str]], st: _Style) -> None:
    """Widen the axes' limits until every label placed beyond a mark lies inside them."""
    for _ in range(3):
        for ax, _texts, unit in placed:
            _ticks(ax, st, unit)
        fig.draw_without_rendering()
        for ax, texts, _unit in placed:
            inv = ax.transData.inverted()
            (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
            for t in texts:
                bb = t.get_window_extent().padded(st.pt * 0.4).transformed(inv)
                x0, x1 = min(x0, bb.x0), max(x1, bb.x1)
                y0, y1 = min(y0, bb.y0, bb.y1), max(y1, bb.y0, bb.y1)
            ax.set_xlim(x0, x1)
            ax.set_ylim(y1, y0)


def _label(ax: Axes, text: str, x: float, y: float, st: _Style, **kw: Any) -> Text:
    """A direct label next to (x, y): right of it for positive values, left for negative."""
    left = kw.pop("left", False)
    off = kw.pop("dx", st.pt * 0.4)
    kw.setdefault("fontproperties", st.font(bold=True))
    return ax.annotate(
        text, (x, y), xytext=(-off if left else off, 0), textcoords="offset points",
        ha="right" if left else "left", va="center", annotation_clip=False, **kw,
    )  # fmt: skip


def _data(spec: ChartSpec) -> list[Datum]:
    return [d for p in spec.panels for d in p.data]


def _axes_column(fig: Figure, panels: tuple[Panel, ...], st: _Style) -> list[Axes]:
    """One axes per non-empty panel, stacked, sharing x; titled when there are several."""
    panels = tuple(p for p in panels if p.data)
    axs = fig.subplots(len(panels), 1, sharex=True, squeeze=False,
                       height_ratios=[len(p.data) for p in panels])[:, 0]  # fmt: skip
    for ax, p in zip(axs, panels, strict=True):
        if len(panels) > 1:
            ax.set_title(p.title, loc="left", fontproperties=st.font(bold=True))
    return list(axs)


# --- one function per chart kind ----------------------------------------------------------


def _pay_range(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    ax, data, texts = fig.add_subplot(), _data(spec), []
    _rows(ax, [d.label for d in data], st)
    ax.set_xlim(0, max(v for d in data for v in d.values if v is not None))
    for y, d in enumerate(data):
        p10, p25, med, p75, p90 = (tuple(d.values) + (None,) * 5)[:5]
        c, i = st.color(d.role), st.index(d.role)
        lo, hi = (p10 if p10 is not None else p25), (p90 if p90 is not None else p75)
        if lo is not None and hi is not None:
            ax.plot([lo, hi], [y, y], color=c, lw=st.pt * 0.22, solid_capstyle="butt")
        if p25 is not None and p75 is not None:
            ax.barh(y, p75 - p25, left=p25, height=_BAR * 0.6, color=c, lw=0)
        for v, left in ((p10, True), (p90, False)):
            if v is not None:
                ax.plot([v, v], [y - 0.12, y + 0.12], color=c, lw=st.pt * 0.15)
                texts.append(_label(ax, st.value(v, spec.unit), v, y, st, left=left,
                                    fontproperties=st.font(0.8), color=st.theme.muted))  # fmt: skip
        if med is not None:
            ax.plot([med], [y], marker=_MARKERS[i % 4], ms=st.pt * 1.05, mfc=st.theme.background,
                    mec=st.theme.foreground, mew=st.pt * 0.14, zorder=3)  # fmt: skip
            texts.append(ax.annotate(
                d.text or st.value(med, spec.unit), (med, y - _BAR * 0.3), xytext=(0, st.pt * 0.5),
                textcoords="offset points", ha="center", va="bottom", annotation_clip=False,
                fontproperties=st.font(1.1, bold=True)))  # fmt: skip
    _fit(fig, [(ax, texts, spec.unit)], st)


def _pay_location(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    axs, placed = _axes_column(fig, spec.panels, st), []
    top = max(d.values[0] or 0 for d in _data(spec))
    for ax, panel in zip(axs, (p for p in spec.panels if p.data), strict=True):
        _rows(ax, [d.label for d in panel.data], st)
        ax.set_xlim(0, top)
        texts: list[Text] = []
        for y, d in enumerate(panel.data):
            v = d.values[0] or 0
            ax.barh(y, v, height=_BAR, color=st.color(d.role), lw=0)
            value = d.text or st.value(v, spec.unit)
            if d.detail:
                texts.append(_label(ax, d.detail, v, y, st, fontproperties=st.font(0.9),
                                    color=st.theme.muted))  # fmt: skip
                texts.append(ax.annotate(value, (1, 0.5), xycoords=texts[-1], xytext=(st.pt * 0.3, 0),
                                         textcoords="offset points", va="center", ha="left",
                                         fontproperties=st.font(bold=True)))  # fmt: skip
            else:
                texts.append(_label(ax, value, v, y, st))
        placed.append((ax, texts, spec.unit))
    _fit(fig, placed, st)


def _outlook(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = [p for p in spec.panels if p.data]
    axs, placed = fig.subplots(1, len(panels), squeeze=False, sharey=True)[0], []
    for k, (ax, panel) in enumerate(zip(axs, panels, strict=True)):
        unit = "percent" if k == 0 else "count"
        _rows(ax, [d.label for d in panel.data], st)
        ax.tick_params(labelleft=k == 0)
        values = [d.values[0] or 0 for d in panel.data]
        ax.set_xlim(min(0, *values), max(0, *values))
        ax.axvline(0, color=st.theme.foreground, lw=0.8)
        texts = []
        for y, (d, v) in enumerate(zip(panel.data, values, strict=True)):
            ax.barh(y, v, height=_BAR, color=st.color(d.role), lw=0)
            texts.append(_label(ax, d.text or st.value(v, unit), v, y, st, left=v < 0))
        ax.set_title(panel.title, loc="left", fontproperties=st.font(bold=True))
        placed.append((ax, texts, unit))
    _fit(fig, placed, st)


def _freelance(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    ax, data, texts = fig.add_subplot(), _data(spec), []
    _rows(ax, [d.label for d in data], st)
    ax.set_xlim(0, max(v for d in data for v in d.values if v is not None))
    for y, d in enumerate(data):
        known = [v for v in d.values[:2] if v is not None]
        if not known:
            continue
        lo, hi, c = min(known), max(known), st.color(d.role)
        ax.barh(y, hi - lo, left=lo, height=_BAR, color=c, lw=0)
        ax.plot([lo, hi], [y, y], ls="none", marker="|", ms=st.pt * 1.6, mew=1.5, color=c)
        text = d.text or "\u2013".join(st.value(v, spec.unit) for v in dict.fromkeys((lo, hi)))
        texts.append(_label(ax, text, hi, y, st))
    _fit(fig, [(ax, texts, spec.unit)], st)


def _skills(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    panels = [p for p in spec.panels if p.data]
    ncols, nrows = min(2, len(panels)), (len(panels) + 1) // 2
    lines = max(sum(len(textwrap.wrap(d.label, _SKILL_WRAP)) or 1 for d in p.data) for p in panels)
    room = fig.get_figheight() * 72 / nrows - st.pt * 5  # points for rows, after title and axis
    pt = min(st.pt, max(_MIN_PT, room / (lines * 1.35 + 1)))
    small = _Style(st.theme, st.roles, pt, st.currency)
    axs = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax in axs[len(panels) :]:
        ax.set_visible(False)
    for ax, panel in zip(axs, panels, strict=False):
        _rows(ax, [d.label for d in panel.data], small, _SKILL_WRAP)
        for y, d in enumerate(panel.data):
            ax.barh(y, d.values[0] or 0, height=_BAR, color=small.color(d.role), lw=0)
        ax.set_xlim(0, 5)
        ax.set_xticks(range(6), [str(i) for i in range(6)], fontproperties=small.font(0.85),
                      color=st.theme.muted)  # fmt: skip
        if len(panels) > 1:
            ax.set_title(panel.title, loc="left", fontproperties=small.font(1.05, bold=True))
    fig.supxlabel("Importance (editorial, 1\u20135)", fontproperties=small.font(0.9),
                  color=st.theme.muted)  # fmt: skip


def _ladder(fig: Figure, spec: ChartSpec, st: _Style) -> None:
    width, height = fig.get_figwidth(), fig.get_figheight()
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    panels = [p for p in spec.panels if p.data]
    titled = len(panels) > 1
    measure = _Measure(fig)
    margin, arrow = st.pt / 72 * 0.5, max(0.18, st.pt / 72 * 2.2)
    avail = width - 2 * margin
    for pt in [st.pt - i * 0.5 for i in range(int((st.pt - _MIN_PT) * 2) + 1)]:
        pad, line = pt / 72 * 0.7, pt / 72 * 1.2
        for max_lines in (1, 2, 3):
            rows = [[measure.wrap(d.label, st.font(size=pt, bold=True), max_lines) for d in p.data]
                    for p in panels]  # fmt: skip
            box_h = max(len(ls) for r in rows for ls, _ in r) * line + 2 * pad
            block = box_h + line * (1.1 + (1.2 if titled else 0))
            fits = all(sum(w + 2 * pad for _, w in r) + arrow * (len(r) - 1) <= avail for r in rows)
            if fits and len(rows) * block <= height - 2 * margin:
                break
        else:
            continue
        break
    gap = min(line * 1.5, (height - 2 * margin - len(rows) * block) / max(1, len(rows) - 1))
    top = height - (height - len(rows) * block - (len(rows) - 1) * gap) / 2
    for panel, row in zip(panels, rows, strict=True):
        if titled:
            ax.text(margin, top - line * 0.5, panel.title, va="center", ha="left",
                    fontproperties=st.font(size=pt, bold=True))  # fmt: skip
        y = top - block + line * 1.1  # bottom of the boxes, above the detail line
        natural = [w + 2 * pad for _, w in row]
        spare = avail - sum(natural) - arrow * (len(row) - 1)
        even = (avail - arrow * (len(row) - 1)) / len(row)
        widths = [even] * len(row) if max(natural) <= even else [w + spare / len(row) for w in natural]
        x = margin
        for i, (d, (lines, _), w) in enumerate(zip(panel.data, row, widths, strict=True)):
            fill = st.color(d.role)
            ax.add_patch(FancyBboxPatch((x, y), w, box_h, boxstyle=f"round,pad=0,rounding_size="
                                        f"{min(0.08, box_h / 4)}", fc=fill, ec="none"))  # fmt: skip
            ax.text(x + w / 2, y + box_h / 2, "\n".join(lines), ha="center", va="center",
                    color=_ink(fill), linespacing=1.1, fontproperties=st.font(size=pt, bold=True))  # fmt: skip
            if d.detail:
                ax.text(x + w / 2, y - line * 0.6, d.detail, ha="center", va="center",
                        color=st.theme.muted, fontproperties=st.font(size=pt * 0.95))  # fmt: skip
            if i < len(row) - 1:
                ax.add_patch(FancyArrowPatch((x + w + 0.03, y + box_h / 2),
                                             (x + w + arrow - 0.03, y + box_h / 2),
                                             arrowstyle="-|>", mutation_scale=pt * 1.1,
                                             color=st.theme.muted, lw=1.2, shrinkA=0, shrinkB=0))  # fmt: skip
            x += w + arrow
        top -= block + gap


class _Measure:
    """Text widths in inches with the real font, and the narrowest wrap in a number of lines."""

    def __init__(self, fig: Figure) -> None:
        self.renderer, self.dpi, self.cache = fig.canvas.get_renderer(), fig.dpi, {}

    def width(self, text: str, font: FontProperties) -> float:
        key = (text, font.get_file(), font.get_size_in_points())
        if key not in self.cache:
            w, _, _ = self.renderer.get_text_width_height_descent(text, font, ismath=False)
            self.cache[key] = w / self.dpi
        return self.cache[key]

    def wrap(self, text: str, font: FontProperties, max_lines: int) -> tuple[list[str], float]:
        best = ([text], self.width(text, font))
        for chars in range(len(text) // max_lines, len(text)):
            lines = textwrap.wrap(text, max(1, chars), break_long_words=False)
            if 1 < len(lines) <= max_lines:
                w = max(self.width(s, font) for s in lines)
                best = min(best, (lines, w), key=lambda b: b[1])
        return best


_KINDS: dict[str, Callable[[Figure, ChartSpec, _Style], None]] = {
    "pay_range": _pay_range,
    "pay_location": _pay_location,
    "outlook": _outlook,
    "freelance": _freelance,
    "skills": _skills,
    "ladder": _ladder,
}
