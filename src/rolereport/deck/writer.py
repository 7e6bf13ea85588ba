"""Report + Theme → an editable PowerPoint deck (python-pptx), drawn from the slide plan."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pptx import Presentation

from ..brand.file import BRAND_FILES
from ..brand.theme import Theme
from ..content.model import Rendered, Report
from ..files import templates
from ..plan.layout import SLIDE_HEIGHT, SLIDE_WIDTH
from ..plan.slides import Aspect, PlannedSlide, plan_slides
from .frames import template_frames
from .logo import logo_aspect
from .package import drop_slides, set_properties, stable_zip
from .shapes import SlideWriter, emu

__all__ = ["PlannedSlide", "deck_plan", "plan_slides", "render_deck", "template_frames"]

_TEMPLATE_KEY = "defaults.rolereport.pptx_template"


def render_deck(report: Report, theme: Theme, aspect: Aspect = "16:9") -> Rendered:
    """The deck as PPTX bytes (same input, same bytes), with warnings and the slide count.
    Raises ValueError for an unknown aspect or a chart that cannot be drawn, BrandError for
    a template or logo that cannot be used."""
    prs, plan = _planned(report, theme, aspect)
    writer = SlideWriter(prs, report, theme, own_look=not theme.template)
    for planned in plan:
        writer.add(planned)
    set_properties(prs, report, theme)
    out = BytesIO()
    prs.save(out)
    warnings = tuple(w for p in plan for w in p.warnings)
    return Rendered(stable_zip(out.getvalue(), report.date), warnings, len(plan))


def deck_plan(report: Report, theme: Theme, aspect: Aspect = "16:9") -> tuple[PlannedSlide, ...]:
    """The slides render_deck draws, in order, as plain data: the same titles, text,
    continuation slides, numbers and notes (the brand's template and logo taken into
    account). Raises what render_deck raises for the aspect, the template and the logo."""
    return _planned(report, theme, aspect)[1]


def _planned(report: Report, theme: Theme, aspect: Aspect) -> tuple[Any, tuple[PlannedSlide, ...]]:
    """An empty presentation (the template's, else a blank one of the aspect) and the plan."""
    if aspect not in SLIDE_WIDTH:
        raise ValueError(f"aspect must be 16:9 or 4:3, not {aspect!r}")
    frames = None
    if theme.template:  # its size, masters, theme and layouts; none of its slides
        named = (theme.folder / n for n in BRAND_FILES)
        brand_file = next((f for f in named if f.is_file()), theme.folder / BRAND_FILES[0])
        data = templates.template_bytes(theme.template, _TEMPLATE_KEY, brand_file)
        prs = Presentation(BytesIO(data))
        drop_slides(prs)
        frames = template_frames(prs, theme.layouts)
    else:
        prs = Presentation()
        prs.slide_width, prs.slide_height = emu(SLIDE_WIDTH[aspect]), emu(SLIDE_HEIGHT)
    ratio = logo_aspect(theme.logo_small) if theme.logo_small else 1.0
    return prs, plan_slides(report, aspect, theme, frames, ratio)
