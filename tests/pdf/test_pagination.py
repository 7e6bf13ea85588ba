"""The handout's pages as a reader leafs through them: no page wasted on a few lines."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from nursing import nursing

from rolereport import render_handout
from rolereport.pdf.page import MARGIN_BOTTOM, MARGIN_TOP

STUB = 0.3  # a last page filled less than this (of its text area) wastes a sheet


@pytest.fixture(scope="module", params=["letter", "a4"])
def handout(request):
    report, theme = nursing()
    return report, render_handout(report, theme, request.param)


def _lines(page) -> list[str]:
    return [line["text"] for line in page.extract_text_lines()]


def test_the_contents_list_sits_on_the_cover_page_on_either_paper(handout):
    report, rendered = handout
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        cover = " ".join(" ".join(_lines(pdf.pages[0])).split())
        second = _lines(pdf.pages[1])
    assert report.words.contents in cover
    assert all(" ".join(s.title.split()) in cover for s in report.sections)
    assert report.words.contents not in second


def test_the_last_page_is_filled_at_least_a_third_down(handout):
    _, rendered = handout
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        last = pdf.pages[-1]
        text = [w for w in last.extract_words() if w["bottom"] < last.height - MARGIN_BOTTOM]
        lowest = max(w["bottom"] for w in text)
    fill = (lowest - MARGIN_TOP) / (last.height - MARGIN_TOP - MARGIN_BOTTOM)
    assert fill >= STUB
