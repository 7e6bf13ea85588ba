"""The deck's plan for a report and a brand: the one entry point the deck writer and the
guide share. Pure: the template's frames and the logo's shape come from the Theme."""

from __future__ import annotations

from ..brand.theme import Theme
from ..content.model import Report
from .layout import SLIDE_WIDTH
from .model import Aspect, PlannedSlide
from .slides import plan_slides


def deck_plan(report: Report, theme: Theme, aspect: Aspect = "16:9") -> tuple[PlannedSlide, ...]:
    """The slides the deck has, in order, as plain data: titles, fitted text, continuation
    slides, numbers and notes, on the brand's template (when it has one) and beside its logo.
    Raises ValueError for an aspect other than 16:9 or 4:3, or a Theme that names a
    template without carrying it (one not made by load_brand)."""
    if aspect not in SLIDE_WIDTH:
        raise ValueError(f"aspect must be 16:9 or 4:3, not {aspect!r}")
    frames = None
    if theme.template:
        if theme.template_pptx is None:
            raise ValueError("the theme names a template it has not read: use load_brand")
        frames = theme.template_pptx.frames
    return plan_slides(report, aspect, theme, frames, theme.logo_ratio)
