"""The fixed texts the writers set themselves (page numbers, captions, the guide's labels),
taken from the report's label set: part of the Report (`content.model`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Words:
    """The few fixed texts the writers set themselves, from the report's label set.

    Placeholders are the writers' to fill: `page_of` {page} {pages}, `figure` {number},
    `audience` {audience}, `continued` {title}, `agenda_notes` {count} {parts} {data},
    `glance_notes` {figures}, `sources_notes` {sources}, `chart_source_*` {marks}.
    """

    contents: str
    page_of: str
    figure: str
    audience: str
    sources: str
    continued: str
    agenda: str
    agenda_notes: str
    glance_notes: str
    sources_notes: str
    chart_source_one: str
    chart_source_many: str

    @classmethod
    def from_labels(cls, texts: Mapping[str, str]) -> Words:
        """The writer texts of a label set (its templates, placeholders unfilled)."""
        keys = {"figure": "figure_number"}
        return cls(**{f.name: texts[keys.get(f.name, f.name)] for f in fields(cls)})

    @classmethod
    def english(cls) -> Words:
        from ..text.labels import english

        return cls.from_labels(english())

    def fill(self, name: str, /, **values: Any) -> str:
        """The text `name` with its placeholders filled, e.g. `fill("page_of", page=2, pages=9)`."""
        from ..text.labels import fill

        return fill(getattr(self, name), **values)


def guide_words(texts: Mapping[str, str] | None = None) -> dict[str, str]:
    """The facilitator guide's label templates (the `guide_` keys, without the prefix, and
    the language's "and"), from a label set (English by default)."""
    if texts is None:
        from ..text.labels import english

        texts = english()
    return {k.removeprefix("guide_"): v for k, v in texts.items() if k.startswith("guide_")} | {
        "and": texts["and"]
    }
