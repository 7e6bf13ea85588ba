"""The stress dataset (every text at the schema's limits) builds both documents, and every
character stays inside the page and every text inside its frame."""

from __future__ import annotations

import io

import pytest
from fitcheck import misfits
from pptx import Presentation
from pypdf import PdfReader
from readback import on_page, pages_of

from rolereport import render_handout
from rolereport.plan.layout import FOOTER_TOP


@pytest.fixture(scope="module")
def stress(theme, stress_report, stress_deck):
    return stress_report, render_handout(stress_report, theme), stress_deck


def test_the_stress_dataset_builds_both_documents(stress):
    report, pdf, deck = stress
    assert pdf.pages > 10 and deck.pages > 20
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert report.title[:40] in " ".join(text.split())


def test_every_character_of_the_stress_handout_stays_inside_the_page(stress):
    _, pdf, _ = stress
    for page in pages_of(pdf.data):
        outside = [c["text"] for c in page.chars if not on_page(c, page)]
        assert not outside, f"page {page.page_number}: {''.join(outside)[:60]}"


def test_every_text_frame_of_the_stress_deck_fits_its_box(stress, theme):
    _, _, deck = stress
    prs = Presentation(io.BytesIO(deck.data))
    assert misfits(prs, theme, FOOTER_TOP) == []  # the built-in brand: no template
