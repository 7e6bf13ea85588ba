"""The deck's plan: Report → slides of boxes holding measured, fitted text (pure, no pptx)."""

from __future__ import annotations

from dataclasses import replace

from ..brand.theme import Theme
from ..content.model import Report
from .kinds import agenda, content, cover, glance, sources
from .layout import Planner
from .model import Aspect, Frames, LayoutFrame, PlannedSlide, Slot, Text, Visual

__all__ = [
    "Aspect",
    "Frames",
    "LayoutFrame",
    "PlannedSlide",
    "Slot",
    "Text",
    "Visual",
    "plan_slides",
]


def plan_slides(
    report: Report,
    aspect: Aspect = "16:9",
    theme: Theme | None = None,
    frames: Frames | None = None,
    logo_aspect: float = 1.0,
) -> tuple[PlannedSlide, ...]:
    """The deck as plain data: per slide its layout, title, boxes of fitted text, chart or table
    and notes. Text is measured with the theme's fonts (an average glyph width without a
    theme); what does not fit at the floor size moves to a continuation slide. With `frames`
    (a template's size and layouts) text goes into the layouts' placeholders and the slide
    size is the template's, whatever the aspect. `logo_aspect` is the small logo's width over
    its height: the footer text starts after it. A slide planned from one of the report's
    slides (and each of its continuations) names it as `origin`. Pure."""
    p = Planner(report, aspect, theme, frames, logo_aspect)
    drafts = [cover(p), *agenda(p), *glance(p)]
    for section in report.sections:
        for slide in section.slides:
            drafts.extend(replace(d, origin=slide) for d in content(p, section.title, slide))
    drafts.extend(sources(p))
    return tuple(p.finish(i + 1, d) for i, d in enumerate(drafts))
