"""Source numbering: sources are numbered in the order the documents first cite them."""

from __future__ import annotations

from ..data.facts import Dataset
from .language import Language
from .model import Cites, SourceRef


class Citations:
    """Numbers sources in the order the documents first cite them."""

    def __init__(self, d: Dataset) -> None:
        self.d = d
        self.order: list[str] = []

    def __call__(self, source_id: str | None) -> Cites:
        if source_id is None:
            return ()
        if source_id not in self.order:
            self.order.append(source_id)
        return (self.order.index(source_id) + 1,)

    def refs(self) -> tuple[SourceRef, ...]:
        for s in self.d.sources:  # sources never cited still close the list
            self(s.id)
        by_id = {s.id: s for s in self.d.sources}
        return tuple(
            SourceRef(
                i + 1,
                sid,
                by_id[sid].title,
                by_id[sid].publisher or "",
                by_id[sid].url or "",
                by_id[sid].year,
            )
            for i, sid in enumerate(self.order)
        )


def reported_by(d: Dataset, source_ids: set[str], t: Language) -> str:
    """Who a group of figures comes from, for labels: the publisher, else the source's title."""
    by_id = {s.id: s for s in d.sources}
    names = sorted({by_id[i].publisher or by_id[i].title for i in source_ids if i in by_id})
    return f" {t('and')} ".join(names) if names else t("the_source")
