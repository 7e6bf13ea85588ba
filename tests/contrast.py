"""Colour contrast as WCAG 2.1 defines it, written here apart from the code under test, and
hostile brands whose colours make it hard: a pale yellow, a mid-grey and a dark navy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

HOSTILE = {  # primary, secondary, gray (muted text), link, role colours
    "pale-yellow": ("#F7E479", "#FFF6C2", "#C8C8C8", "#F7E479", "#F7E479 #BDE7F2 #FAD1E0"),
    "mid-grey": ("#8C8C8C", "#A6A6A6", "#9A9A9A", "#8C8C8C", "#8C8C8C #7F7F7F #999999"),
    "dark-navy": ("#0B1F3A", "#102A4C", "#22314A", "#0B1F3A", "#0B1F3A #13294B #1D3557"),
}


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, float, float]) -> float:
    """Relative luminance of a colour given as three channels from 0 to 1."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def rgb(hex_color: str) -> tuple[float, float, float]:
    h = hex_color.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def needed(size_pt: float, bold: bool) -> float:
    """4.5:1, or 3:1 for large text (18 pt, or 14 pt bold)."""
    return 3.0 if size_pt >= 18 or (bold and size_pt >= 14) else 4.5


def hostile_brand(root: Path, folder: Path, name: str) -> Path:
    """The built-in brand (`root`/assets) with the colours of HOSTILE[name], in `folder`."""
    primary, secondary, gray, link, roles = HOSTILE[name]
    shutil.copytree(root / "assets", folder)
    text = (folder / "brand.yml").read_text()
    for key, value in (("primary", primary), ("secondary", secondary), ("gray", gray)):
        text = re.sub(rf"(?m)^  {key}: .*$", f'  {key}: "{value}"', text)
    text = re.sub(r"(?m)^  link: (?!https?:).*$", f'  link: "{link}"', text)  # not meta's
    colors = ", ".join(f'"{c}"' for c in roles.split())
    text = re.sub(r"(?m)^    role_colors: .*$", f"    role_colors: [{colors}]", text)
    (folder / "brand.yml").write_text(text)
    return folder
