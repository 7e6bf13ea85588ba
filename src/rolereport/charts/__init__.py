"""matplotlib charts: one small drawing function per chart kind (`kinds`, `marks`,
`ladder`), the style, the fitting of labels, and a cache of drawn charts. `render_chart`
turns a ChartSpec into SVG (for print) or PNG bytes."""

from .render import render_chart

__all__ = ["render_chart"]
