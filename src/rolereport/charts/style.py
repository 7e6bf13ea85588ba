"""Chart style: base font sizes by medium, matplotlib rc, brand fonts, role colours, value text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from matplotlib.font_manager import FontProperties

from ..brand.theme import Theme
from ..content.model import Numbers
from ..text import formats
from ..text.labels import fill
from ..text.measure import font_metrics

# Base font size by medium: SVG is printed (9 pt at the 7 in text width of a Letter page),
# PNG is projected (16 pt at a full 16:9 slide's 11.5 in, never under 12 pt); both scale with
# the width, within limits. To fit, text shrinks no further than the floor of its medium.
_PRINT_PT, _PRINT_WIDTH, _PRINT_RANGE, _PRINT_FLOOR = 9.0, 7.0, (8.0, 10.0), 7.0
_SLIDE_PT, _SLIDE_WIDTH, _SLIDE_RANGE, _SLIDE_FLOOR = 16.0, 11.5, (12.0, 18.0), 10.0
_RC = {
    "text.parse_math": False,  # user text may contain `$`
    "text.usetex": False,
    "svg.fonttype": "none",  # text stays text: selectable, small, quick to read back
    "svg.hashsalt": "rolereport",  # stable ids: same input, same bytes
    "text.hinting": "no_hinting",  # PNG text as wide as in SVG and as measured: labels fit
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.major.size": 0,
    "ytick.major.size": 0,
}


def chart_style(
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: str,
    font_pt: float | None,
    numbers: Numbers,
) -> Style:
    """The style of a chart `size` inches wide in `fmt` ("svg" for print, else slides): its
    base font size (`font_pt`, or chosen from the medium and width) and its floor."""
    if fmt == "svg":
        pt, (lo, hi), floor = _PRINT_PT * size[0] / _PRINT_WIDTH, _PRINT_RANGE, _PRINT_FLOOR
    else:  # a chart beside bullets is narrower, but read from as far away
        pt, (lo, hi) = _SLIDE_PT * (size[0] / _SLIDE_WIDTH) ** 0.5, _SLIDE_RANGE
        floor = _SLIDE_FLOOR
    pt = font_pt or min(hi, max(lo, pt))
    return Style(theme, role_order, pt, numbers, min(floor, pt))


def chart_rc(st: Style) -> dict[str, Any]:
    """The matplotlib rc settings for a chart in `st`: brand colours and font, no math text."""
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


def _font_name(path: Path) -> str:
    """The family name of the brand's font file."""
    return FontProperties(fname=str(path)).get_name()


@dataclass(frozen=True)
class Style:
    """A chart's theme, role order, base and floor font sizes, and how it writes numbers:
    its fonts, colours and value text."""

    theme: Theme
    roles: tuple[str, ...]
    pt: float
    numbers: Numbers
    floor: float  # no text is set smaller
    _fonts: dict[tuple[float, bool], FontProperties] = field(default_factory=dict, compare=False)

    def at(self, pt: float) -> Style:
        """The same style with another base size (and floor, if that is smaller)."""
        return replace(self, pt=pt, floor=min(self.floor, pt))

    def font(self, scale: float = 1.0, bold: bool = False, pt: float = 0) -> FontProperties:
        pt = max(self.floor, pt or self.pt * scale)
        if (pt, bold) not in self._fonts:  # the brand's files: no lookup can pick a system font
            path = self.theme.font.bold if bold else self.theme.font.regular
            weight = "bold" if bold else "normal"  # what the SVG says; the file draws it
            self._fonts[pt, bold] = FontProperties(fname=str(path), size=pt, weight=weight)
        return self._fonts[pt, bold]

    def bold(self, scale: float = 1.0, pt: float = 0) -> dict[str, Any]:
        return {"fontproperties": self.font(scale, True, pt), "color": self.theme.foreground}

    def muted(self, scale: float = 1.0, pt: float = 0) -> dict[str, Any]:
        return {"fontproperties": self.font(scale, False, pt), "color": self.theme.muted}

    def color(self, role: str) -> str:
        if role not in self.roles:
            raise ValueError(f"role {role!r} is not in role_order {self.roles}")
        return self.theme.role_color(self.roles.index(role))

    def printable(self, text: str) -> str:
        """`text` with the no-break spaces the brand font lacks (Carlito has no U+00A0, which
        CLDR puts in "145.080 $") made plain spaces: chart labels never wrap at them."""
        return text.translate(_missing_spaces(self.theme.font.regular, self.theme.font.bold))

    def value(self, v: float, unit: str, short: bool = False) -> str:
        """A value as text in the chart's locale; `short` (for axes) writes money in
        thousands or millions with the label set's forms ($250k, $3M in English)."""
        return self.printable(self._value(v, unit, short))

    def _value(self, v: float, unit: str, short: bool) -> str:
        n = self.numbers
        if unit in ("money", "money_hour"):
            scale, form = (1.0, "{n}")
            if short and abs(v) >= 1e6:
                scale, form = 1e6, n.millions
            elif short and abs(v) >= 1e3:
                scale, form = 1e3, n.thousands
            before, after = _around(form)
            text = formats.scaled_money(v / scale, before, after, n.currency, n.locale)
            return fill(n.per_hour, amount=text) if unit == "money_hour" else text
        if unit == "percent":
            return formats.chart_percent(v, n.locale)
        return formats.number(v, n.locale)


def _missing_spaces(*files: Path) -> dict[int, str]:
    """The spaces some face lacks, each to a plain space (the fonts read by content: a file
    replaced in place is read again)."""
    fonts = [font_metrics(f) for f in files]
    spaces = (0x00A0, 0x202F, 0x2009)  # no-break, narrow no-break, thin
    return {c: " " for c in spaces if any(c not in f.mapped for f in fonts)}


def _around(form: str) -> tuple[str, str]:
    """The text before and after `{n}` in a short form such as `{n}k` or `{n} Tsd.`."""
    before, _, after = fill(form, n="\x00").partition("\x00")
    return before, after


def tick_labels(ticks: Sequence[float], unit: str, st: Style) -> list[str]:
    """Axis labels, compact: $3M and $250k; counts as 1.2M or 250k once the axis reaches
    100,000 (all ticks of an axis alike); the direct labels keep the full figures."""
    if unit != "count":
        return [st.value(t, unit, short=True) for t in ticks]
    top = max((abs(t) for t in ticks), default=0)
    n = st.numbers
    div, form = (1e6, n.millions) if top >= 1e6 else (1e3, n.thousands) if top >= 1e5 else (1, "")
    out = []
    for t in ticks:
        text = formats.number(t / div, n.locale)
        before, after = _around(form) if form and t else ("", "")
        out.append(st.printable(before + text + after))
    return out
