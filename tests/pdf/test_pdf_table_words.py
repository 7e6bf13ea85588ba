"""Handout tables as a reader sees them: no cell breaks a word across lines."""

from __future__ import annotations

import io
from dataclasses import replace

import pdfplumber
import pytest
from nursing import broken_words, nursing, table_cells
from stress import stress_dataset

from rolereport import build_report, render_handout


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_at_a_glance_table_of_four_roles_breaks_no_word_of_its_cells(theme, paper):
    report = build_report(stress_dataset())
    cover = replace(report, sections=())  # the cover with its table; the rest is not needed
    with pdfplumber.open(io.BytesIO(render_handout(cover, theme, paper).data)) as pdf:
        broken = [w for page in pdf.pages for w in broken_words(table_cells(cover), page)]
    assert broken == []


def test_no_table_of_the_nursing_handout_breaks_a_word_in_dejavu_sans():
    report, theme = nursing()
    with pdfplumber.open(io.BytesIO(render_handout(report, theme, "a4").data)) as pdf:
        broken = [w for page in pdf.pages for w in broken_words(table_cells(report), page)]
    assert broken == []
