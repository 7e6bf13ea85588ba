"""Charts for both writers: ChartSpec + Theme → SVG (handout) or PNG (deck) bytes, cached.

matplotlib loads only when a chart has to be drawn: a build whose charts are all in the
cache never imports it, nor does a process whose charts another process draws (`expect`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ..brand.theme import Theme
from ..content.model import ChartSpec
from .cache import cached_chart, is_cached

_expected: dict[str, tuple[Theme, Callable[[], bytes | None]]] = {}


def render_chart(
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: Literal["svg", "png"],
    dpi: int = 220,
    font_pt: float | None = None,
) -> bytes:
    """Draw `spec` at `size` inches (width, height); returns SVG (text as text, for print) or
    PNG (for slides) bytes, the same bytes for the same input (kept in the chart cache).
    `font_pt` overrides the base font size chosen from the format and width. Raises
    ValueError for an unknown kind or format, a chart without data, or a datum whose role is
    not in `role_order`.
    """
    parts = _key(spec, role_order, size, fmt, dpi, font_pt)
    theirs = _expected.pop(repr(parts), None)
    if theirs is not None and theirs[0] == theme and (data := theirs[1]()) is not None:
        return data

    def draw() -> bytes:
        from .draw import draw_chart

        return draw_chart(spec, theme, role_order, size, fmt, dpi, font_pt)

    return cached_chart(parts, theme, draw)


def _key(
    spec: ChartSpec,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: str,
    dpi: int = 220,
    font_pt: float | None = None,
) -> tuple:
    """What tells one drawing of a chart from another, but for the theme."""
    return (spec, role_order, size, fmt, dpi, font_pt)


def chart_cached(
    spec: ChartSpec, theme: Theme, role_order: tuple[str, ...], size: tuple[float, float], fmt: str
) -> bool:
    """Whether render_chart with these arguments (its default dpi and font size) finds the
    chart in the cache."""
    return is_cached(_key(spec, role_order, size, fmt), theme)


def expect(
    wait: Callable[[], bytes | None],
    spec: ChartSpec,
    theme: Theme,
    role_order: tuple[str, ...],
    size: tuple[float, float],
    fmt: str,
) -> None:
    """The next render_chart in this process with the same arguments (its default dpi and
    font size) takes its bytes from `wait()` (another process drawing the same chart, to the
    same bytes) instead of drawing them; unless `wait()` gives None, when it draws them
    itself."""
    _expected[repr(_key(spec, role_order, size, fmt))] = (theme, wait)


def forget_expected() -> None:
    """Draw every chart here again (the other process's build is over)."""
    _expected.clear()
