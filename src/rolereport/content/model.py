"""The Report: what the documents say, as plain frozen data that both writers translate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..text.formats import with_cite
from .words import Words, guide_words

Cites = tuple[int, ...]  # source numbers, 1-based, as listed in Report.sources


@dataclass(frozen=True)
class SourceRef:
    number: int
    id: str
    title: str
    publisher: str = ""
    url: str = ""
    year: int | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    cites: Cites = ()
    style: Literal["body", "lead", "small"] = "body"
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class Item:
    """A bullet: an optional bold lead-in, then text."""

    text: str
    lead: str = ""
    cites: Cites = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]
    title: str = ""
    numbered: bool = False
    role: str = ""  # the id of the role the list is about (its title names it), else ""
    kind: Literal["bullets"] = "bullets"


@dataclass(frozen=True)
class Table:
    """A grid of plain text; the first row is the header, the first column labels the rows.

    The cells carry no cite marks: `cell_cites` says which sources each cell cites (per row,
    per column, parallel to `rows`; shorter or empty where nothing is cited)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    cites: Cites = ()  # the caption's
    caption: str = ""
    role_columns: tuple[str, ...] = ()  # role id per column after the first, for header colours
    row_roles: tuple[str, ...] = ()  # role id per row ("" where none): the row is about it
    cell_cites: tuple[tuple[Cites, ...], ...] = ()
    kind: Literal["table"] = "table"

    def cites_at(self, row: int, column: int) -> Cites:
        """The sources the cell at `rows[row][column]` cites (none when out of the grid)."""
        cells = self.cell_cites[row] if row < len(self.cell_cites) else ()
        return cells[column] if column < len(cells) else ()

    def role_at(self, row: int) -> str:
        """The id of the role `rows[row]` is about, else ""."""
        return self.row_roles[row] if row < len(self.row_roles) else ""

    def marked(self) -> tuple[tuple[str, ...], ...]:
        """The rows with each cell's cite marks after its text ("Median pay [1]"), for a
        writer that prints the marks as plain text."""
        return tuple(
            tuple(with_cite(c, self.cites_at(y, x)) for x, c in enumerate(row))
            for y, row in enumerate(self.rows)
        )


@dataclass(frozen=True)
class Datum:
    """One mark in a chart. `values` mean what the chart kind says (see ChartSpec)."""

    label: str
    role: str  # role id, for the colour
    values: tuple[float | None, ...]
    text: str = ""  # the direct label, already formatted ("$145,080")
    detail: str = ""  # a secondary label (a qualifier, a year range)


@dataclass(frozen=True)
class Panel:
    title: str
    data: tuple[Datum, ...]


@dataclass(frozen=True)
class Numbers:
    """How a chart writes its numbers: the locale, the currency, and the label set's short
    forms (`{n}k`, `{n}M` on axes; `{amount}/h` for hourly rates)."""

    locale: str
    currency: str
    thousands: str
    millions: str
    per_hour: str

    @classmethod
    def english(cls) -> Numbers:
        """US English and US dollars, with the English label set's short forms."""
        from ..text.labels import english

        t = english()
        return cls("en_US", "USD", t["thousands"], t["millions"], t["per_hour_short"])


@dataclass(frozen=True)
class ChartSpec:
    """A chart to draw. Kinds and their values:

    pay_range: one datum per role, values (p10, p25, median, p75, p90), None where unknown.
    pay_location: one datum per place, values (amount,), detail = qualifier.
    outlook: two panels (growth %, openings per year), one datum per role, values (amount,).
    freelance: one datum per role, values (hourly_low, hourly_high).
    skills: one panel per role, one datum per skill, values (weight 1-5,).
    ladder: one panel per role, one datum per stage in order, values (), detail = years.
    """

    id: str
    kind: Literal["pay_range", "pay_location", "outlook", "freelance", "skills", "ladder"]
    title: str
    alt: str  # what the chart shows, in words and numbers
    panels: tuple[Panel, ...]
    unit: Literal["money", "money_hour", "percent", "count", "weight", "none"] = "none"
    note: str = ""  # shown under the chart (e.g. "The article's figures, not BLS data")
    deck_note: str = ""  # the note under a native deck chart whose marks differ ("" = note)
    axis: str = ""  # the value axis title, for the kinds that draw one (skills)
    cites: Cites = ()
    numbers: Numbers = field(default_factory=Numbers.english)


@dataclass(frozen=True)
class Figure:
    chart: ChartSpec
    kind: Literal["figure"] = "figure"


@dataclass(frozen=True)
class Callout:
    title: str
    text: str
    cites: Cites = ()
    role: str = ""  # the id of the role the box presents (a role's card), else ""
    kind: Literal["callout"] = "callout"


@dataclass(frozen=True)
class Tally:
    """A line of the scoring key: the statements that count for one role, and their total."""

    role: str  # role id
    label: str  # the role's name
    text: str  # which statements count ("statements 2, 4, 6")
    statements: tuple[int, ...]  # their numbers in the checklist, 1-based
    tip: str  # what the total's box asks for, for screen readers and tooltips


@dataclass(frozen=True)
class Checklist:
    """Self-assessment: statements to tick, each leaning to a role, with a scoring key.

    The handout makes it a fillable form: a tick box per statement, name and date fields,
    and a total box per tally.
    """

    items: tuple[Item, ...]  # lead = role id the statement leans to
    instructions: str
    scoring: str  # how to total the ticks, above the tallies
    tallies: tuple[Tally, ...]  # one per role with statements, in the roles' order
    total_label: str  # printed beside each total's box
    outcome: str  # what the totals mean, below the tallies
    name_label: str
    date_label: str
    kind: Literal["checklist"] = "checklist"


@dataclass(frozen=True)
class SourceList:
    """The numbered list of sources the citations point to."""

    sources: tuple[SourceRef, ...]
    kind: Literal["sources"] = "sources"


Block = Paragraph | Bullets | Table | Figure | Callout | Checklist | SourceList


Purpose = Literal["present", "self_assessment", "questions"]


@dataclass(frozen=True)
class Slide:
    """One idea for the deck: a title, short bullets, at most one chart or table, the script.

    `purpose` is what the slide asks of the room: to follow a presentation, to tick the
    self-assessment statements (its bullets), or to talk over questions (its bullets)."""

    title: str
    bullets: tuple[str, ...] = ()
    chart: ChartSpec | None = None
    table: Table | None = None
    notes: str = ""
    layout: Literal["content", "section", "discussion"] = "content"
    purpose: Purpose = "present"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    slides: tuple[Slide, ...] = ()
    new_page: bool = False


@dataclass(frozen=True)
class RoleKey:
    id: str
    name: str
    short: str


@dataclass(frozen=True)
class Report:
    """Everything both documents say, in order."""

    slug: str
    title: str
    subtitle: str
    summary: str
    as_of: str  # the vintage as shown to readers ("Data: May 2023")
    date: str  # ISO date for document metadata (from the data's as_of)
    language: str  # BCP 47, e.g. "en-US"
    audience: str
    roles: tuple[RoleKey, ...]
    at_a_glance: Table
    sections: tuple[Section, ...]
    sources: tuple[SourceRef, ...]
    words: Words = field(default_factory=Words.english)
    guide: Mapping[str, str] = field(default_factory=lambda: guide_words())  # the guide's labels

    def role_index(self, role_id: str) -> int:
        return next(i for i, r in enumerate(self.roles) if r.id == role_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for `rolereport dump` and golden tests."""
        return asdict(self)


@dataclass(frozen=True)
class Rendered:
    """A document rendered in memory, with the warnings the writer has for the user."""

    data: bytes
    warnings: tuple[str, ...] = ()
    pages: int = 0  # pages or slides
