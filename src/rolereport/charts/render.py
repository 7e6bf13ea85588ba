"""Charts for both writers: ChartSpec + Theme → SVG (handout) or PNG (deck) bytes, cached.

matplotlib loads only when a chart has to be drawn: a build whose charts are all in the
cache never imports it.
"""

from __future__ import annotations

from typing import Literal

from ..brand.theme import Theme
from ..content.model import ChartSpec
from .cache import cached_chart


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

    def draw() -> bytes:
        from .draw import draw_chart

        return draw_chart(spec, theme, role_order, size, fmt, dpi, font_pt)

    return cached_chart((spec, role_order, size, fmt, dpi, font_pt), theme, draw)
