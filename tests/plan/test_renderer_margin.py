"""The slide plan leaves renderers their margin: every planned text frame still fits its box
when its lines are broken at RENDERER_MARGIN of the frame's width, measured from the font
files by fitcheck.py (not by the measurer that planned it)."""

from __future__ import annotations

import pytest
from fitcheck import Line, height

from rolereport import build_report, load_dataset
from rolereport.deck.writer import plan_slides
from rolereport.plan.layout import RENDERER_MARGIN
from rolereport.text.measure import INSET


@pytest.mark.parametrize(
    ("name", "aspect"),
    [
        ("ai-engineer-vs-data-scientist", "16:9"),
        ("ai-engineer-vs-data-scientist", "4:3"),
        ("data-careers-compared", "16:9"),
        ("ki-ingenieur-vs-data-scientist", "4:3"),
    ],
)
def test_every_frame_fits_with_lines_broken_short_of_its_width_by_the_margin(name, aspect, theme):
    assert 0.95 <= RENDERER_MARGIN < 1
    bad = []
    for slide in plan_slides(build_report(load_dataset(name)), aspect, theme):
        for text in slide.texts:
            face = theme.heading_font if text.role == "title" else theme.font
            fonts = (face.regular, face.bold)
            lines = [
                Line(p.text, p.size, p.size * p.line, p.space, p.indent, p.bold) for p in text.paras
            ]
            room = (text.box.w - 2 * INSET) * 72 * RENDERER_MARGIN
            if height(fonts, lines, room) > (text.box.h - 2 * INSET) * 72 + 0.01:
                bad.append(f"slide {slide.number} {text.role}: {text.paras[0].text[:40]!r}")
    assert bad == []
