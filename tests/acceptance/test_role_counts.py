"""Three and four roles: the handout and the deck read back show every role."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pptx import Presentation
from variants import FOUR, three_roles

from rolereport import build_report, load_dataset, render_deck, render_handout
from rolereport.text.formats import money


@pytest.fixture(scope="module", params=[3, 4], ids=["3 roles", "4 roles"])
def many(request, theme):
    dataset = load_dataset(FOUR)
    if request.param == 3:
        dataset = three_roles(dataset)
    report = build_report(dataset)
    return dataset, render_handout(report, theme), render_deck(report, theme)


def test_handout_shows_every_role_with_its_median_pay(many):
    dataset, pdf, _ = many
    with pdfplumber.open(io.BytesIO(pdf.data)) as doc:
        text = " ".join(" ".join(p.extract_text().split()) for p in doc.pages)
        widest = max(p.width for p in doc.pages)
    for role in dataset.roles:
        assert role.name in text and money(role.salary.median) in text
    assert widest <= 612  # letter width: the table fitted without overflow tricks


def test_deck_at_a_glance_table_has_a_column_per_role(many):
    dataset, _, deck = many
    prs = Presentation(io.BytesIO(deck.data))
    tables = [s.table for slide in prs.slides for s in slide.shapes if s.has_table]
    glance = tables[0]
    assert len(glance.columns) == len(dataset.roles) + 1
    header = [glance.cell(0, i).text for i in range(1, len(dataset.roles) + 1)]
    assert header == [r.name for r in dataset.roles]


def test_deck_shows_skills_two_roles_per_slide_for_more_than_two_roles(many):
    _, _, deck = many
    prs = Presentation(io.BytesIO(deck.data))
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    skills = [t for t in titles if t.startswith("Skills: where the emphasis lies")]
    assert len(skills) == 2
