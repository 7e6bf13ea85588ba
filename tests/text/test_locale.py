"""Other languages: numbers in the data's locale, label sets, overrides, the German dataset."""

from __future__ import annotations

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from rolereport.text.formats import count, money, percent, vintage
from rolereport.text.labels import SPECS, english, label_set, languages, placeholders

GERMAN = "ki-ingenieur-vs-data-scientist"


# Numbers -----------------------------------------------------------------------------------


def test_german_money_is_written_as_babel_writes_it_in_whole_dollars():
    babel = format_currency(145080, "USD", locale="de_DE")  # with cents: "145.080,00 $"
    assert money(145080, "USD", "de_DE") == babel.replace(",00", "")
    assert money(145080, "USD", "de_DE") == "145.080\u00a0$"
    assert money(145080, "EUR", "de_DE") == "145.080\u00a0€"


def test_german_percentages_counts_and_months_follow_the_locale():
    assert percent(26, "de_DE") == format_percent(0.26, "#,##0.0\u00a0%", "de_DE") == "26,0\u00a0%"
    assert percent(25.6, "de_DE") == "25,6\u00a0%"
    assert count(20800, "de_DE") == format_decimal(20800, locale="de_DE") == "20.800"
    assert vintage("2023-05", "de_DE") == "Mai 2023"


def test_negative_figures_take_the_minus_sign_in_every_locale():
    assert percent(-0.7) == "−0.7%"
    assert percent(-3, "de_DE") == "−3,0\u00a0%"
    assert money(-5, "USD", "de_DE") == "−5\u00a0$"


def _before_babel_money(value: float) -> str:  # formats.money as it was, for en_US and USD
    return f"{'−' if value < 0 else ''}${abs(value):,.0f}"


def _before_babel_percent(value: float) -> str:
    text = f"{abs(value):.1f}"  # one decimal always, as BLS publishes growth
    return f"{'−' if value < 0 else ''}{text}%"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_us_english_figures_are_written_exactly_as_before_babel(value):
    assert money(value) == _before_babel_money(value)
    assert percent(value) == _before_babel_percent(value)
    if value > 0:  # (the old count wrote -0.0 as "-0")
        assert count(value) == f"{value:,.0f}"


def test_us_english_months_are_unchanged():
    assert [vintage(f"2023-{m:02d}") for m in (1, 5, 12)] == [
        "January 2023",
        "May 2023",
        "December 2023",
    ]
    assert vintage("spring 2023") == "spring 2023"


# Label sets --------------------------------------------------------------------------------


def test_german_ships_beside_english():
    assert {"en", "de"} <= set(languages())


@pytest.mark.parametrize("language", languages())
def test_every_label_set_has_the_keys_and_placeholders_of_english(language):
    texts = label_set(language)
    assert texts is not None
    assert set(texts) == set(english())
    for key, text in texts.items():
        assert placeholders(text).keys() == placeholders(english()[key]).keys(), key
        assert set(placeholders(text).values()) <= set(SPECS), key


def test_the_german_set_translates_every_text_but_those_that_read_the_same():
    german = label_set("de")
    assert german is not None
    same = {k for k, text in german.items() if text == english()[k]}
    assert same <= {"agenda", "city_alt_item", "city_qualified", "range", "worksheet_name"} | {
        "guide_slide",
        "guide_row",
        "guide_cell",
        "glance_value_period",
    }


# The data file's labels: and meta.locale ---------------------------------------------------


# The German dataset, built -----------------------------------------------------------------
