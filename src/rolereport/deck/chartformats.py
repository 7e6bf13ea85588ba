"""Excel number formats for the deck's native charts, built from the data's locale (CLDR):
where the currency symbol and the percent sign go, and the label set's per-hour form."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from ..content.model import Numbers
from ..text import formats
from ..text.labels import fill

_DIGITS = re.compile(r"[#0,.]*0[#0,.]*")  # the digits of a CLDR pattern, "#,##0.00"
_CORE_DATE = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def number_format(unit: str, numbers: Numbers, places: int = 0) -> str:
    """The Excel number format of a chart's values in `unit`: `"$"#,##0` for US dollars,
    `#,##0" $"` for dollars in German (Excel groups digits as the viewer's system does)."""
    digits = "#,##0" + ("." + "0" * places if places else "")
    if unit in ("money", "money_hour"):
        before, after = _around(_currency_pattern(numbers), numbers)
        if unit == "money_hour":
            per_before, _, per_after = fill(numbers.per_hour, amount="\x00").partition("\x00")
            before, after = per_before + before, after + per_after
        return _quoted(before) + digits + _quoted(after)
    if unit == "percent":
        loc = formats.locale_of(numbers.locale)
        pattern = loc.percent_formats[None].pattern.split(";")[0]
        before, _, after = _DIGITS.sub("\x00", pattern, count=1).partition("\x00")
        digits = digits.replace("#,##", "")
        return _quoted(before) + digits + _quoted(after)
    return digits


def _currency_pattern(numbers: Numbers) -> str:
    return formats.locale_of(numbers.locale).currency_formats["standard"].pattern.split(";")[0]


def _around(pattern: str, numbers: Numbers) -> tuple[str, str]:
    """The text before and after the digits, the currency sign as the locale writes it."""
    from babel.numbers import get_currency_symbol

    loc = formats.locale_of(numbers.locale)
    sym = get_currency_symbol(numbers.currency, loc)
    before, _, after = _DIGITS.sub("\x00", pattern, count=1).partition("\x00")
    if sym[-1:].isalpha() and before.endswith("¤"):  # CLDR's currency spacing: CHF 145,080
        before += "\u00a0"
    if sym[:1].isalpha() and after.startswith("¤"):
        after = "\u00a0" + after
    return before.replace("¤", sym), after.replace("¤", sym)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "") + '"' if text else ""


def stable_workbook(blob: bytes, stamp: str, restamp) -> bytes:
    """An embedded xlsx with its creation dates set to `stamp` (W3CDTF), re-zipped by
    `restamp` (the deck's stable_zip): the same chart, the same bytes."""
    src = zipfile.ZipFile(BytesIO(blob))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "docProps/core.xml":
                text = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(2), data.decode())
                data = text.encode()
            dst.writestr(name, data)
    return restamp(out.getvalue())
