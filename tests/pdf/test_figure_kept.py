"""A figure's caption is never left at the foot of a page without its chart."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from nursing import nursing

from rolereport import render_handout
from rolereport.pdf.page import MARGIN_BOTTOM


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_page_ends_with_a_figure_caption(paper):
    report, theme = nursing()
    figure = report.words.fill("figure", number=1).split()[0]  # "Figure"
    with pdfplumber.open(io.BytesIO(render_handout(report, theme, paper).data)) as pdf:
        ends = []
        for number, page in enumerate(pdf.pages, 1):
            lines = page.extract_text_lines()
            body = [x for x in lines if x["bottom"] < page.height - MARGIN_BOTTOM]
            if body and body[-1]["text"].startswith(figure):
                ends.append((number, body[-1]["text"]))
    assert ends == []
