"""The one contrast helper the writers choose text colours with, checked against WCAG's
formula written apart in tests/contrast.py."""

from __future__ import annotations

import pytest
from contrast import ratio, rgb

from rolereport.brand.colors import readable

CASES = [  # text colour, ground
    ("#F7E479", "#FFFFFF"),  # pale yellow on paper
    ("#8C8C8C", "#FFFFFF"),  # mid-grey on paper
    ("#0B1F3A", "#0B1F3A"),  # navy on navy
    ("#F7E479", "#F7E479"),  # pale yellow on pale yellow
    ("#777777", "#8C8C8C"),  # grey on grey, neither black nor white near
]


@pytest.mark.parametrize(("color", "ground"), CASES)
@pytest.mark.parametrize(("large", "need"), [(False, 4.5), (True, 3.0)])
def test_a_colour_too_faint_on_its_ground_is_moved_just_far_enough(color, ground, large, need):
    chosen = readable(color, ground, large)
    assert ratio(rgb(chosen), rgb(ground)) >= need
    assert ratio(rgb(chosen), rgb(ground)) < need + 0.6 or chosen in ("#000000", "#FFFFFF")


def test_a_colour_that_already_reads_is_kept():
    assert readable("#1F3A5F", "#FFFFFF") == "#1F3A5F"
    assert readable("#8C8C8C", "#FFFFFF", large=True) == "#8C8C8C"  # 3.4:1 is enough large
