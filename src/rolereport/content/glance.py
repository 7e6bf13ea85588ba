"""Rows of figures per role, cited per cell: the at-a-glance table and the education table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data.facts import Dataset
from .citations import Citations
from .language import Language
from .model import Cites, Table


@dataclass(frozen=True)
class Cell:
    """One role's figure in a row: its text (None when the data has none), where it comes
    from and the period it describes."""

    value: str | None
    source: str | None = None
    period: str = ""


@dataclass
class Rows:
    """Rows being written: a label, then a cell per role, with their cites beside them."""

    cite: Citations
    t: Language
    missing: str
    rows: list[tuple[str, ...]]
    cites: list[tuple[Cites, ...]]

    def add(self, label: str, cells: Sequence[Cell], dated: str = "") -> None:
        """A row, unless no role has a figure for it. The label cites the source when every
        figure shares one, else each figure cites its own. `dated` is the key of the label
        with a {period}: the label says the period when every figure shares one, else each
        figure that has a period says it."""
        given = [c for c in cells if c.value]
        if not given:
            return
        marks = {c: self.cite(c.source) for c in given}  # numbered in the order read
        periods = {c.period for c in given}
        shared = len(set(marks.values())) == 1
        one_period = len(periods) == 1
        if dated and one_period and given[0].period:
            label = self.t(dated, period=given[0].period)
        texts = [self._text(c, dated and not one_period) for c in cells]
        self.rows.append((label, *texts))
        row_cites = next(iter(marks.values())) if shared else ()
        self.cites.append(
            (row_cites, *(marks.get(c, ()) if not shared and c.value else () for c in cells))
        )

    def _text(self, c: Cell, dated: bool | str) -> str:
        if not c.value:
            return self.missing
        if dated and c.period:
            return self.t("glance_value_period", value=c.value, period=c.period)
        return c.value


def at_a_glance(d: Dataset, cite: Citations, t: Language) -> Table:
    """The first page's table: a column per role, the key figures as rows."""
    roles = d.roles
    out = Rows(cite, t, t("glance_missing"), [], [])
    if any(r.focus for r in roles):
        out.rows.append((t("glance_focus"), *[r.focus or "" for r in roles]))
        out.cites.append(())
    pay = [r.salary for r in roles]
    out.add(
        t("glance_median_pay"),
        [Cell(t.money(s.median), s.source, s.period or "") for s in pay],
        "glance_median_pay_period",
    )
    out.add(
        t("glance_pay_range"),
        [
            Cell(
                t.money_range(s.p10, s.p90) if s.p10 is not None and s.p90 is not None else None,
                s.source,
            )
            for s in pay
        ],
    )
    outlooks = [r.outlook for r in roles]
    out.add(
        t("projected_growth"),
        [
            Cell(t.percent(o.growth_pct), o.source, o.period or "")
            if o and o.growth_pct is not None
            else Cell(None)
            for o in outlooks
        ],
        "projected_growth_period",
    )
    out.add(
        t("openings_per_year"),
        [
            Cell(t.count(o.openings_per_year), o.source)
            if o and o.openings_per_year is not None
            else Cell(None)
            for o in outlooks
        ],
    )
    edus = [r.education for r in roles]
    out.add(
        t("entry_education"),
        [Cell(e.entry_level, e.source) if e else Cell(None) for e in edus],
    )
    return Table(
        header=("", *[r.name for r in roles]),
        rows=tuple(out.rows),
        caption=t("glance_title"),
        role_columns=tuple(r.id for r in roles),
        cell_cites=tuple(out.cites),
    )
