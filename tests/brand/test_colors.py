"""Colour arithmetic: WCAG contrast and the ink chosen for text on a fill."""

from rolereport.brand.colors import BLACK, WHITE, contrast, ink, mix


def test_contrast_of_black_on_white_is_21_and_of_a_colour_with_itself_is_1():
    assert round(contrast(BLACK, WHITE), 2) == 21.0
    assert contrast("#0072B2", "#0072B2") == 1.0


def test_ink_on_the_default_role_colours_meets_wcag_aa_for_body_text():
    for fill in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#1F3A5F"):
        assert contrast(fill, ink(fill)) >= 4.5, fill
    assert ink("#1F3A5F") == WHITE and ink("#E69F00") == BLACK


def test_mix_moves_a_colour_toward_another():
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert mix("#1F3A5F", "#FFFFFF", 0) == "#1F3A5F"


def test_ink_on_a_coloured_fill_is_black_or_white_by_contrast():
    assert ink("#E69F00") == "#000000"  # orange: black reads better
    assert ink("#0072B2") == "#FFFFFF"
    assert ink("#1F3A5F") == "#FFFFFF"
