"""Report + Theme → an editable PowerPoint deck (python-pptx), drawn from the slide plan."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

from pptx import Presentation

from ..brand.theme import Theme
from ..content.model import Rendered, Report
from ..plan.deckplan import deck_plan
from ..plan.layout import SLIDE_HEIGHT, SLIDE_WIDTH
from ..plan.slides import Aspect, PlannedSlide, plan_slides
from .package import drop_slides, set_properties, stable_zip
from .shapes import SlideWriter, emu

__all__ = ["PlannedSlide", "deck_plan", "plan_slides", "render_deck"]


def render_deck(
    report: Report, theme: Theme, aspect: Aspect = "16:9", charts: str | None = None
) -> Rendered:
    """The deck as PPTX bytes (same input, same bytes), with warnings and the slide count;
    `charts` native (PowerPoint charts, editable) or picture (matplotlib PNGs); None: the
    theme's choice.
    Raises ValueError for an unknown aspect or a chart that cannot be drawn, BrandError for
    a logo that cannot be used."""
    if charts not in (None, "native", "picture"):
        raise ValueError(f"charts must be native or picture, not {charts!r}")
    theme = replace(theme, deck_charts=charts or theme.deck_charts)  # the plan's captions too
    plan = deck_plan(report, theme, aspect)
    prs = _presentation(theme, aspect)
    writer = SlideWriter(prs, report, theme, own_look=not theme.template, charts=theme.deck_charts)
    for planned in plan:
        writer.add(planned)
    set_properties(prs, report, theme)
    out = BytesIO()
    prs.save(out)
    warnings = tuple(w for p in plan for w in p.warnings)
    return Rendered(stable_zip(out.getvalue()), warnings, len(plan))


def _presentation(theme: Theme, aspect: Aspect) -> Any:
    """An empty presentation: the template's (its size, masters, theme and layouts; none of
    its slides), else a blank one of the aspect."""
    if theme.template and theme.template_pptx:  # deck_plan has refused one without
        prs = Presentation(BytesIO(theme.template_pptx.data))
        drop_slides(prs)
        return prs
    prs = Presentation()
    prs.slide_width, prs.slide_height = emu(SLIDE_WIDTH[aspect]), emu(SLIDE_HEIGHT)
    return prs
