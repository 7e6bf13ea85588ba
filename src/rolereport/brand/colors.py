"""Colour arithmetic the writers share: WCAG luminance and contrast, ink for fills, tints."""

from __future__ import annotations

BLACK, WHITE = "#000000", "#FFFFFF"


def _rgb(color: str) -> tuple[int, int, int]:
    h = color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of `#RRGGBB`."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink(fill: str) -> str:
    """Black or white, whichever has the higher contrast on `fill`."""
    return max((BLACK, WHITE), key=lambda i: contrast(fill, i))


def mix(color: str, toward: str, amount: float) -> str:
    """`color` moved `amount` (0 to 1) of the way toward `toward`, as `#RRGGBB`."""
    pairs = zip(_rgb(color), _rgb(toward), strict=True)
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in pairs)
