"""What a reader of the built files sees: every figure of the dataset, with its source."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from conftest import outputs
from pptx import Presentation

from rolereport.text.formats import money, percent


@pytest.fixture(scope="module")
def built(default_build):
    files = outputs(default_build)
    pdf, pptx, guide = files["handout"], files["deck"], files["guide"]
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() for page in doc.pages)
    deck = Presentation(str(pptx))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    with pdfplumber.open(guide) as doc:
        guide_text = " ".join(" ".join(page.extract_text().split()) for page in doc.pages)
    return text, notes, guide_text


def dataset_figures(dataset) -> list[str]:
    figures = []
    for r in dataset.roles:
        s = r.salary
        figures += [money(v) for v in (s.p10, s.median, s.p90) if v is not None]
        figures += [money(loc.value) for loc in s.by_location]
        if r.outlook:
            figures += [percent(r.outlook.growth_pct), f"{r.outlook.openings_per_year:,.0f}"]
        if r.freelance:
            figures += [f"${r.freelance.hourly_low:,.0f}", f"${r.freelance.hourly_high:,.0f}"]
    return figures


def test_every_figure_of_the_dataset_is_in_the_handout_text(built, dataset):
    text, _, _ = built
    missing = [f for f in dataset_figures(dataset) if f not in text]
    assert not missing


def test_every_figure_of_the_dataset_is_in_the_speaker_notes(built, dataset):
    _, notes, _ = built
    missing = [f for f in dataset_figures(dataset) if f not in notes]
    assert not missing


def test_every_figure_of_the_dataset_is_in_the_facilitator_guide(built, dataset):
    _, _, guide = built
    missing = [f for f in dataset_figures(dataset) if f not in guide]
    assert not missing


def test_figures_in_the_handout_carry_source_marks_that_the_sources_list_resolves(built, report):
    text, _, _ = built
    groups = re.findall(r"\[(\d+(?:, \d+)*)\]", text)
    marks = {int(n) for group in groups for n in group.split(", ")}
    assert marks == {s.number for s in report.sources}
    sources_page = text[text.rindex("Sources") :]
    for s in report.sources:
        assert f"[{s.number}]" in sources_page and s.title[:40] in sources_page.replace("\n", " ")


def test_the_data_notes_explain_the_corrections_to_the_article(built):
    text, _, _ = built
    flat = " ".join(text.split())
    assert "$184,090" in flat and "$92,000" in flat  # the contradicted top-10% claim
    assert "$81,450" in flat and "$82,000" in flat  # the bottom decile
    assert "15-1221" in flat  # the occupation mapping
