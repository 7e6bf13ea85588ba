"""Slides as LibreOffice renders them: the lowest line of text stays clear of the footer rule."""

from __future__ import annotations

from dataclasses import replace

import pdfplumber
import pytest
from nursing import libreoffice_pdf, nursing, nursing_deck_pdf
from stress import text

from rolereport import render_deck
from rolereport.content.model import Slide

pytestmark = pytest.mark.slow
CLEAR = 20  # points from the lowest text line (its font's full depth) to the top of the rule


def gaps(pdf_path) -> dict[int, float]:
    """Points from the lowest text above the footer rule to the rule, per slide with a rule."""
    out = {}
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            wide = [r for r in page.rects + page.curves if r["width"] > page.width * 0.6]
            rules = [r for r in wide if r["height"] < 2]
            if not rules:
                continue
            top = min(r["top"] for r in rules)
            chars = [c["bottom"] for c in page.chars if c["top"] < top and c["text"].strip()]
            out[number] = top - max(chars)
    return out


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_every_nursing_slide_keeps_its_text_clear_of_the_footer_rule(aspect):
    found = gaps(nursing_deck_pdf(aspect))
    assert len(found) >= 15
    assert {n: round(g, 1) for n, g in found.items() if g < CLEAR} == {}


def test_bullets_that_fill_the_body_at_any_length_stay_clear_of_the_footer_rule():
    report, theme = nursing()
    slides = tuple(
        Slide(f"Filled {n}", bullets=(text(n, n), text(n // 2, n + 1)), notes="Say it.")
        for n in range(120, 1100, 70)
    )
    section = replace(report.sections[0], slides=slides)
    deck = render_deck(replace(report, sections=(section,)), theme, "4:3")
    found = gaps(libreoffice_pdf(deck.data))
    assert len(found) >= len(slides)
    assert {n: round(g, 1) for n, g in found.items() if g < CLEAR} == {}
