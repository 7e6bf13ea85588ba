"""Chart text measured and fitted: widths, line heights, wraps, ellipses and row labels."""

# Every label fits its space. A row label wraps onto at most two or three lines; when it still
# does not fit, the font shrinks towards a floor (7 pt in print, 10 pt on slides), and only at
# the floor are labels shortened, at a word boundary, with an ellipsis. Rows are spaced by the
# height of their labels, so they never overlap.

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from ..text.measure import font_metrics, font_version
from .style import Style, _missing_spaces

_LABEL_WRAP, _SKILL_WRAP = 20, 22  # characters per line of row labels, where that fits
GAP = 0.3  # em of space between the labels of neighbouring rows
_ELLIPSIS = "\u2026"


_seen: dict[Path, tuple[int, int]] = {}


def forget_changed_fonts(*files: Path) -> None:
    """Drop what was measured or opened from any of `files` that changed since it was last
    seen here (a font replaced in place, in watch mode): matplotlib keeps a font file open by
    its path and reads it lazily, so a stale one fails to load glyphs."""
    changed = False
    for path in files:
        version = font_version(path)
        changed |= _seen.setdefault(path, version) != version
        _seen[path] = version
    if changed:
        for cached in (_em, line_em, _narrowest_em, _missing_spaces):
            cached.cache_clear()
        from matplotlib import font_manager

        opened = getattr(font_manager, "_get_font", None)  # no public way to forget a font
        if opened is not None and hasattr(opened, "cache_clear"):
            opened.cache_clear()


@cache
def _em(line: str, file: str) -> float:
    """The width of one line, in em: its glyphs' advances without kerning, which matplotlib
    adds when it draws (measured by text/measure.py, as every document is)."""
    return font_metrics(file).width(line, 1.0)


def text_width(text: str, font: FontProperties) -> float:
    """Points: the widest line of `text` set in `font`."""
    file = str(font.get_file())
    return max(_em(s, file) for s in text.split("\n")) * font.get_size_in_points()


@cache
def line_em(file: str, lines: int) -> float:
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
        if text_width(cut, font) <= width:
            return cut
    word = words[0] if words else ""
    for n in range(len(word) - 1, 0, -1):
        if text_width(word[:n] + _ELLIPSIS, font) <= width:
            return word[:n] + _ELLIPSIS
    return _ELLIPSIS


def shorten(text: str, font: FontProperties, width: float, lines: int = 1) -> tuple[str, bool]:
    """`text` filled word by word into at most `lines` lines no wider than `width` points; when
    it does not fit, its last line ends at a word boundary with an ellipsis. Also returns
    whether it was shortened."""
    words, out = text.split(), []
    while words and len(out) < lines:
        n = 1
        while n < len(words) and text_width(" ".join(words[: n + 1]), font) <= width:
            n += 1
        out.append(" ".join(words[:n]))
        words = words[n:]
    over = [i for i, s in enumerate(out) if text_width(s, font) > width]
    if not out or (not words and not over):
        return "\n".join(out) or text, False
    k = over[0] if over else len(out) - 1
    return "\n".join([*out[:k], _ellipsis(out[k], font, width)]), True


@cache
def label_wrap(text: str) -> str:
    """Wrapped at about _LABEL_WRAP characters a line."""
    return "\n".join(textwrap.wrap(text, _LABEL_WRAP)) or text


@cache
def skill_label(name: str) -> str:
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
    if preferred.count("\n") < lines and text_width(preferred, font) <= width:
        return preferred, False
    return shorten(text, font, width, lines)


def _spaced(labels: list[str], file: str, pt: float, pitch: float) -> bool:
    """True when labels centred on rows `pitch` points apart keep a gap between neighbours and
    stay within their own row at the ends."""
    h = [line_em(file, s.count("\n") + 1) * pt for s in labels]
    gaps = all((a + b) / 2 + GAP * pt <= pitch for a, b in itertools.pairwise(h))
    return gaps and (not h or max(h[0], h[-1]) <= pitch)


def sizes(hi: float, lo: float) -> list[float]:
    """Font sizes to try, largest first, in half points down to `lo`."""
    out = [hi - 0.5 * i for i in range(int((hi - lo) / 0.5 + 1e-9) + 1)]
    return out if out[-1] <= lo + 1e-9 else [*out, lo]


def fit_rows(
    st: Style,
    groups: list[list[str]],
    width: float,
    pitch: float,
    prefer: Callable[[str], str],
    max_lines: int,
    marks: float = 0.0,
) -> tuple[Style, list[list[str]]]:
    """Row labels no wider than `width` points, on rows `pitch` points apart, and the style
    to set them in: the largest size (not above the base) at which they fit whole, in at most
    `max_lines` lines; else at the floor, shortened to the lines the rows have room for; only
    when a row cannot hold one line at the floor, one line in a smaller size. The marks drawn
    on a row, in the same style, need `marks` em of the pitch."""
    file = str(st.font().get_file())

    def attempt(pt: float, lines: int, may_cut: bool) -> list[list[str]] | None:
        font = st.font(pt=pt)
        fitted = [[_fit_label(s, font, width, lines, prefer) for s in g] for g in groups]
        labels = [[s for s, _ in g] for g in fitted]
        cut = any(c for g in fitted for _, c in g)
        fits = pitch >= marks * pt and all(_spaced(g, file, pt, pitch) for g in labels)
        return labels if fits and (may_cut or not cut) else None

    for pt in sizes(st.pt, st.floor):
        for lines in range(max_lines, 0, -1):
            if (labels := attempt(pt, lines, False)) is not None:
                return st.at(pt), labels
    for lines in range(max_lines, 0, -1):
        if (labels := attempt(st.floor, lines, True)) is not None:
            return st.at(st.floor), labels
    pt = max(1.0, pitch / max(marks, line_em(file, 1) + GAP))  # the last resort: below the floor
    small = replace(st, pt=pt, floor=pt)
    return small, [[shorten(s, small.font(), width, 1)[0] for s in g] for g in groups]


@cache
def _narrowest_em(text: str, file: str, max_lines: int) -> tuple[tuple[str, ...], float]:
    best = ((text,), _em(text, file))
    for chars in range(len(text) // max_lines, len(text)):
        lines = textwrap.wrap(text, max(1, chars), break_long_words=False)
        if 1 < len(lines) <= max_lines:
            width = max(_em(s, file) for s in lines)
            best = (tuple(lines), width) if width < best[1] else best
    return best


def narrowest(text: str, font: FontProperties, max_lines: int) -> tuple[list[str], float]:
    """The narrowest wrap of `text` in at most `max_lines` lines, and its width in inches."""
    lines, em = _narrowest_em(text, str(font.get_file()), max_lines)
    return list(lines), em * font.get_size_in_points() / 72
