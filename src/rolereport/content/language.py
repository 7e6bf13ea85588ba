"""The language the documents speak: a dataset's labels and its locale's ways with numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..data.facts import Dataset
from ..text import formats
from ..text.labels import Labels
from .model import Numbers, Words


@dataclass(frozen=True)
class Language:
    """Labels (`t("page_of", page=1, pages=9)`) and numbers in the locale (`t.money(145080)`)."""

    labels: Labels
    locale: str = formats.DEFAULT_LOCALE
    currency: str = "USD"

    @classmethod
    def of(cls, d: Dataset) -> Language:
        """The dataset's locale (en_US when unset), the label set of its language with the data
        file's `labels:` applied, and its currency."""
        locale = d.meta.locale or formats.DEFAULT_LOCALE
        language = formats.locale_of(locale).language
        return cls(Labels.for_language(language, d.labels), locale, d.meta.currency)

    def __call__(self, key: str, /, **values: Any) -> str:
        return self.labels(key, **values)

    @property
    def tag(self) -> str:
        """The BCP 47 language tag for document metadata, e.g. "de-DE"."""
        return self.locale.replace("_", "-")

    def money(self, value: float) -> str:
        return formats.money(value, self.currency, self.locale)

    def money_range(self, low: float, high: float) -> str:
        return self("range", low=self.money(low), high=self.money(high))

    def percent(self, value: float) -> str:
        return formats.percent(value, self.locale)

    def count(self, value: float) -> str:
        return formats.count(value, self.locale)

    def vintage(self, as_of: str) -> str:
        return formats.vintage(as_of, self.locale)

    def join(self, parts: Sequence[str]) -> str:
        """`[a, b, c]` → `a, b and c` in the label set's language."""
        return formats.join_words(list(parts), self.labels.texts["and"]) if parts else ""

    def cited(self, cites: Sequence[int]) -> str:
        """`(1, 3)` → "Sources: [1], [3] in the sources list." (empty without cites)."""
        if not cites:
            return ""
        marks = ", ".join(f"[{n}]" for n in cites)
        return self("cited_many" if len(cites) > 1 else "cited_one", marks=marks)

    def numbers(self) -> Numbers:
        """What a chart needs to write numbers as this language does."""
        t = self.labels.texts
        return Numbers(
            self.locale, self.currency, t["thousands"], t["millions"], t["per_hour_short"]
        )

    def words(self) -> Words:
        return Words.from_labels(self.labels.texts)
