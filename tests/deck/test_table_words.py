"""Deck tables as LibreOffice renders them: no cell breaks a word across lines."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from nursing import nursing_deck, nursing_deck_pdf, split_words
from pptx import Presentation
from pptx.util import Emu

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_no_deck_table_cell_breaks_a_word_in_the_nursing_brand(aspect):
    prs = Presentation(io.BytesIO(nursing_deck(aspect)))
    broken, tables = [], 0
    with pdfplumber.open(nursing_deck_pdf(aspect)) as pdf:
        for number, (slide, page) in enumerate(zip(prs.slides, pdf.pages, strict=True), 1):
            for shape in slide.shapes:
                if not shape.has_table:
                    continue
                tables += 1
                cells = [c.text for row in shape.table.rows for c in row.cells]
                box = [Emu(v).pt for v in (shape.left, shape.top)]
                box += [box[0] + Emu(shape.width).pt, box[1] + Emu(shape.height).pt]
                inside = page.crop([max(0, v - 2) for v in box[:2]] + [v + 2 for v in box[2:]])
                broken += [(number, w) for w in split_words(cells, inside)]
    assert tables >= 3  # at a glance, tools, education, ...
    assert broken == []
