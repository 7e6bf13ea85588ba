"""The facilitator guide speaks of the self-assessment in the handout's own words."""

from __future__ import annotations

import io

from pypdf import PdfReader

from rolereport.content.model import Checklist


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_guide_quotes_the_handouts_scoring_and_reassurance_as_the_handouts(
    report, default_handout, default_guide
):
    sheet = next(b for s in report.sections for b in s.blocks if isinstance(b, Checklist))
    handout = _text(default_handout.data)
    guide = _text(default_guide.data)
    for sentence in (sheet.scoring, sheet.outcome):
        assert sentence in handout
        assert sentence in guide
    # "write the number in its box" is about the handout's boxes: said as the handout's words
    quote = report.guide["scoring_quote"]
    assert f"{quote} {sheet.scoring} {sheet.outcome}" in guide
