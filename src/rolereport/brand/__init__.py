"""The assets folder -> one resolved Theme: brand.yml read and checked, palette references
resolved, fonts, logos (SVG read by `svg`), the corporate template, colour arithmetic."""

from .load import load_brand
from .theme import Theme

__all__ = ["Theme", "load_brand"]
