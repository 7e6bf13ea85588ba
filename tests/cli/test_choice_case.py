"""Choice flags take any case: `--paper A4`, `--only PDF`."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from rolereport.cli.main import main

A4 = (595, 842)  # points, rounded


def test_paper_a4_in_capitals_builds_an_a4_handout(tmp_path):
    code = main(["build", "--paper", "A4", "--only", "PDF", "--out", str(tmp_path)])
    assert code == 0
    (pdf,) = tmp_path.glob("*-handout.pdf")
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4


def test_a_choice_that_is_not_one_in_any_case_is_still_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "--paper", "A5"])
    assert exc.value.code == 2
    assert "invalid choice: 'a5'" in capsys.readouterr().err


def test_deck_charts_in_capitals_is_the_same_choice(tmp_path):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    code = main(["build", "--only", "pptx", "--deck-charts", "Picture", "--out", str(tmp_path)])
    assert code == 0
    (deck,) = tmp_path.glob("*.pptx")
    kinds = {sh.shape_type for s in Presentation(deck).slides for sh in s.shapes}
    assert MSO_SHAPE_TYPE.PICTURE in kinds and MSO_SHAPE_TYPE.CHART not in kinds
