"""What a valid data file may still get wrong: mixed vintages, old data, pay that is not annual."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import labels
from ..text.formats import locale_of
from .facts import DEFAULT_DATASET

if TYPE_CHECKING:
    from .facts import Dataset

_HIGH_UNIT_CURRENCIES = {"JPY", "KRW", "INR", "IDR", "HUF", "CLP", "COP", "VND", "ISK", "PKR"}


def dataset_warnings(
    d: Dataset, name: str | Path | None = None, today: date | None = None
) -> tuple[str, ...]:
    """Things that are allowed but probably wrong, as `file: key.path: message` lines."""
    found: list[str] = []
    for group in ("salary", "outlook"):
        periods = {getattr(r, group).period for r in d.roles if getattr(r, group)}
        periods.discard(None)
        if len(periods) > 1:
            mixed = ", ".join(sorted(periods))
            found.append(
                f"roles[*].{group}.period: one chart mixes vintages ({mixed}); "
                "compare figures of one period"
            )
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d.meta.as_of):
        year, month = int(d.meta.as_of[:4]), int(d.meta.as_of[5:7])
        now = today or date.today()
        if (now.year - year) * 12 + now.month - month > 24:
            found.append(
                f"meta.as_of: the data is from {d.meta.as_of}, more than two years ago; "
                "check for newer figures"
            )
    for i, r in enumerate(d.roles):
        if r.education and r.education.entry_level and not r.education.source:
            found.append(f"roles[{i}].education.source: the entry-level education has no source")
        median = r.salary.median
        if d.meta.currency not in _HIGH_UNIT_CURRENCIES:
            if median < 500:
                found.append(f"roles[{i}].salary.median: {median:g} looks hourly; pay is annual")
            elif median < 12_000:
                found.append(f"roles[{i}].salary.median: {median:g} looks monthly; pay is annual")
    found += _language_warnings(d)
    file = Path(name).name if name else DEFAULT_DATASET
    return tuple(f"{file}: {w}" for w in found)


def _language_warnings(d: Dataset) -> list[str]:
    """A locale whose language has no label set leaves the untranslated wording in English."""
    locale = locale_of(d.meta.locale or "en_US")
    if labels.label_set(locale.language) is not None:
        return []
    english = labels.english()
    left = len(set(english) - set(d.labels))
    if not left:
        return []
    name = locale.get_language_name("en") or locale.language
    return [
        f"meta.locale: rolereport has no {name} label set ({', '.join(labels.languages())} "
        f"ship); {left} fixed texts stay in English: translate them under labels:"
    ]
