"""Every packaged dataset on every example brand: each text frame of the deck fits its box,
measured from the font files (fitcheck.py)."""

from __future__ import annotations

import io

import pytest
from conftest import ROOT
from fitcheck import misfits
from pptx import Presentation

from rolereport import build_report, render_deck

SLUG = "ai-engineer-vs-data-scientist"


def _footer_top(prs, theme) -> float:
    """Where the footer starts: the template's footer placeholder, else the built-in grid."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.util import Emu

    from rolereport.plan.layout import FOOTER_TOP

    if theme.template is None:
        return FOOTER_TOP
    layout = next(la for la in prs.slide_layouts if la.name == theme.layouts.content)
    footers = [p for p in layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    return Emu(footers[0].top).inches if footers else Emu(prs.slide_height).inches


@pytest.mark.parametrize(
    ("dataset_name", "brand"),
    [
        ("ai-engineer-vs-data-scientist-2024", "assets"),
        ("data-careers-compared", "assets"),
        ("ki-ingenieur-vs-data-scientist", "assets"),
        ("ai-engineer-vs-data-scientist", "examples/brands/northwind"),
        ("data-careers-compared", "examples/brands/northwind"),
        ("ki-ingenieur-vs-data-scientist", "examples/brands/northwind"),
        ("ai-engineer-vs-data-scientist", "examples/brands/minimal"),
    ],
)
def test_every_packaged_dataset_and_example_brand_passes_the_fit_checks(dataset_name, brand):
    from rolereport import load_brand, load_dataset

    theme = load_brand(ROOT / brand)
    deck = render_deck(build_report(load_dataset(dataset_name)), theme)
    prs = Presentation(io.BytesIO(deck.data))
    assert misfits(prs, theme, _footer_top(prs, theme)) == []
