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


AA, AA_LARGE = 4.5, 3.0  # WCAG 2.1 AA contrast: body text, large text (and marks)


def is_large(size_pt: float, bold: bool = False) -> bool:
    """Whether text is large in WCAG's sense: 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def readable(color: str, fill: str, large: bool = False) -> str:
    """`color` when it reaches WCAG AA on `fill` (4.5:1, 3:1 when `large`); else the least
    mix of it toward black or white (whichever reads better on `fill`) that does: the brand's
    hue, darkened or lightened just enough."""
    need = AA_LARGE if large else AA
    if contrast(color, fill) >= need:
        return color
    toward, need = ink(fill), need + 0.01  # a hair over: no reader rounds it under
    low, high = 0.0, 1.0  # black or white always reaches 4.5:1 (at worst about 4.6:1)
    for _ in range(12):
        mid = (low + high) / 2
        if contrast(mix(color, toward, mid), fill) >= need:
            high = mid
        else:
            low = mid
    return mix(color, toward, high) if contrast(mix(color, toward, high), fill) >= need else toward
