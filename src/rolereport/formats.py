"""How numbers, dates and citations are written in both documents."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def currency_symbol(code: str) -> str:
    return _SYMBOLS.get(code, code + " ")


def money(value: float, code: str = "USD") -> str:
    """`145080` → `$145,080`."""
    sign = "−" if value < 0 else ""
    return f"{sign}{currency_symbol(code)}{abs(value):,.0f}"


def percent(value: float) -> str:
    """`26` → `26%`, `25.6` → `25.6%`, `-0.7` → `−0.7%`."""
    text = f"{abs(value):.0f}" if float(value).is_integer() else f"{abs(value):.1f}"
    return f"{'−' if value < 0 else ''}{text}%"


def count(value: float) -> str:
    """`20800` → `20,800`."""
    return f"{value:,.0f}"


def vintage(as_of: str) -> str:
    """`2023-05` → `May 2023`; anything else is shown as written."""
    parts = as_of.split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return as_of


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


def lower_first(text: str) -> str:
    """`Data scientist` → `data scientist`, but `AI engineer` keeps its capitals."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def join_words(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
