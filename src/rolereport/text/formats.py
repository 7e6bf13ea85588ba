"""How numbers, dates and citations are written in both documents, in the data's locale.

Numbers go through Babel (CLDR data): the locale decides the digit grouping, the decimal mark
and where the currency symbol and the percent sign go. Figures are whole units, rounded as
Python rounds them (half to even, on the float's exact value), and negative numbers take the
typographic minus sign "−". Babel is imported on first use: a build pays for it once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DEFAULT_LOCALE = "en_US"
MINUS = "\u2212"
_NUMBER = re.compile(r"[#0,]*0")  # the digits part of a CLDR pattern, "#,##0" or "#,##,##0"
_PRECISE = Context(prec=400)  # room for every digit of the largest float
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # whitespace, but not the no-break kinds


@cache
def locale_of(name: str) -> Locale:
    """The Babel locale for `en_US`, `de_DE`, `de-DE` or `de`; raises ValueError when unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as e:
        raise ValueError(f"unknown locale {name!r}") from e


def _exact(value: float, places: int) -> Decimal:
    """The value rounded as format() rounds a float: half to even, on its exact value."""
    with localcontext(_PRECISE):
        return Decimal(value or 0).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)


def _pattern(
    pattern: str, places: int, optional: bool = False, around: tuple[str, str] = ("", "")
) -> str:
    """A CLDR pattern with `places` decimals (`#` if optional, else `0`) instead of its own,
    and literal text before and after the digits (the "k" of "250k", the " Mio." of "2,5 Mio.")."""
    pattern = re.sub(r"\.[0#]+", "", pattern)
    fraction = ("." + ("#" if optional else "0") * places) if places else ""
    before, after = (_quoted(x) for x in around)
    return _NUMBER.sub(lambda m: before + m.group() + fraction + after, pattern)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'" if text else ""


def _minus(text: str) -> str:
    return text.replace("-", MINUS)


def money(value: float, code: str = "USD", locale: str = DEFAULT_LOCALE) -> str:
    """Whole currency units: `145080` → `$145,080` (en_US), `145.080 $` (de_DE)."""
    return _currency(value, code, locale, 0)


def scaled_money(
    value: float, before: str, after: str, code: str, locale: str = DEFAULT_LOCALE
) -> str:
    """An amount with up to two decimals and text around its digits, as chart axes write
    thousands and millions: `250, "", "k"` → `$250k` (en_US); `2.5, "", " Mio."` →
    `2,5 Mio. $` (de_DE)."""
    return _currency(value, code, locale, 2, True, (before, after))


def _currency(
    value: float,
    code: str,
    locale: str,
    places: int,
    optional: bool = False,
    around: tuple[str, str] = ("", ""),
) -> str:
    """An amount in the locale's currency pattern with `places` decimals (see _pattern)."""
    from babel.numbers import format_currency

    loc = locale_of(locale)
    pattern = _pattern(loc.currency_formats["standard"].pattern, places, optional, around)
    with localcontext(_PRECISE):
        exact = _exact(value, places)
        text = format_currency(exact, code, pattern, locale=loc, currency_digits=False)
    return _minus(_spaced(text, code, loc))


def _spaced(text: str, code: str, loc: Locale) -> str:
    """A symbol of letters never touches the digits (`CHF 145,080`): CLDR's currency spacing."""
    from babel.numbers import get_currency_symbol

    sym = get_currency_symbol(code, loc)
    if sym[-1:].isalpha():
        text = re.sub(rf"{re.escape(sym)}(?=\d)", sym + "\u00a0", text)
    if sym[:1].isalpha():
        text = re.sub(rf"(?<=\d){re.escape(sym)}", "\u00a0" + sym, text)
    return text


def percent(value: float, locale: str = DEFAULT_LOCALE) -> str:
    """`25.6` → `25.6%`, `36` → `36.0%`, `-0.7` → `−0.7%` (en_US); `25,6 %` (de_DE): one
    decimal always, as BLS publishes growth, so that two roles' figures read alike."""
    from babel.numbers import format_percent

    loc = locale_of(locale)
    places = 1
    # Ungrouped, as before Babel: growth rates never reach four digits in practice.
    pattern = _pattern(loc.percent_formats[None].pattern.replace(",", ""), places)
    with localcontext(_PRECISE):
        return _minus(format_percent(_exact(value, places) / 100, pattern, locale=loc))


def chart_percent(value: float, locale: str = DEFAULT_LOCALE) -> str:
    """Up to two decimals, grouped, as chart axes write them: `25.65%`, `1,200%` (en_US)."""
    from babel.numbers import format_percent

    loc = locale_of(locale)
    pattern = _pattern(loc.percent_formats[None].pattern, 2, True)
    with localcontext(_PRECISE):
        return _minus(format_percent(_exact(value, 2) / 100, pattern, locale=loc))


def count(value: float, locale: str = DEFAULT_LOCALE) -> str:
    """`20800` → `20,800` (en_US), `20.800` (de_DE)."""
    return number(value, locale, 0)


def number(value: float, locale: str = DEFAULT_LOCALE, places: int = 2) -> str:
    """Up to `places` decimals, trailing zeros dropped: `2.5` → `2.5` (en_US), `2,5` (de_DE)."""
    from babel.numbers import format_decimal

    loc = locale_of(locale)
    pattern = _pattern(loc.decimal_formats[None].pattern, places, True)
    with localcontext(_PRECISE):
        return _minus(format_decimal(_exact(value, places), pattern, locale=loc))


def vintage(as_of: str, locale: str = DEFAULT_LOCALE) -> str:
    """`2023-05` → `May 2023` (en_US), `Mai 2023` (de_DE); anything else is shown as written."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(-.*)?", as_of)
    if not m or not 1 <= int(m[2]) <= 12 or int(m[1]) < 1:
        return as_of
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", date(int(m[1]), int(m[2]), 1), locale=locale_of(locale))


def iso_date(as_of: str) -> str:
    """`2023-05` → `2023-05-01`, for document metadata; a year alone gives January 1st."""
    parts = [p for p in as_of.split("-") if p.isdigit()][:3]
    if not parts or len(parts[0]) != 4:
        return "2000-01-01"
    year, month, day = [*parts, "1", "1"][:3]
    return f"{int(year):04d}-{min(max(int(month), 1), 12):02d}-{min(max(int(day), 1), 28):02d}"


def cite_mark(numbers: Iterable[int]) -> str:
    """`(1, 3)` → `[1, 3]`; empty → ``. Both writers append this after cited text."""
    nums = sorted(set(numbers))
    return f"[{', '.join(map(str, nums))}]" if nums else ""


def with_cite(text: str, numbers: Iterable[int]) -> str:
    mark = cite_mark(numbers)
    return f"{text} {mark}" if mark else text


def words(text: str) -> list[str]:
    """`text` split where a line may break: at whitespace, but never at the no-break spaces
    the locale puts inside a figure (`145.080 $`, `26 %`)."""
    return _BREAKS.split(text.strip())


def lower_first(text: str) -> str:
    """`Data scientist` → `data scientist`, but `AI engineer` keeps its capitals."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def join_words(parts: list[str], and_word: str = "and") -> str:
    """`[a, b, c]` → `a, b and c`, with the label set's word for "and"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {and_word} " + parts[-1]
