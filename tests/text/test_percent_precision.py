"""Growth is printed as BLS publishes it: one decimal, also for a whole number."""

from __future__ import annotations

from rolereport.text.formats import percent


def test_a_whole_percentage_prints_with_one_decimal_like_bls():
    assert percent(36) == "36.0%"
    assert percent(25.6) == "25.6%"
    assert percent(36, "de_DE") == "36,0\u00a0%"
    assert percent(-0.7) == "\u22120.7%"
