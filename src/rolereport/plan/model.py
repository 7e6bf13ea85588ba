"""The slide plan's values: text frames, visuals, planned slides and a template's frames."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..content.model import ChartSpec, Slide, Table
from ..text.measure import Box, Para

Aspect = Literal["16:9", "4:3"]
Role = Literal["title", "kicker", "subtitle", "meta", "body", "caption", "footer", "page"]
Color = Literal["foreground", "primary", "muted", "ink"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    """A text frame: where it goes, its paragraphs (already fitted) and how to mark them."""

    role: Role
    box: Box
    paras: tuple[Para, ...]
    marker: Literal["", "bullet", "number"] = ""
    start: int = 1
    color: Color = "foreground"
    align: Align = "left"
    slot: int | None = None  # the idx of the layout placeholder that holds it, else a text box


@dataclass(frozen=True)
class Visual:
    box: Box
    chart: ChartSpec | None = None
    table: Table | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # the table rows on this slide, header first
    widths: tuple[float, ...] = ()  # inches per column
    heights: tuple[float, ...] = ()  # inches per row
    size: float = 0.0  # table text size


Kind = Literal["title", "agenda", "glance", "content", "discussion", "section", "sources"]


@dataclass(frozen=True)
class PlannedSlide:
    kind: Kind
    title: str
    number: int
    notes: str
    texts: tuple[Text, ...]  # the title first
    visual: Visual | None = None
    warnings: tuple[str, ...] = field(default=())
    layout: str = "Title Only"  # the slide layout, by name
    logo: Box | None = None  # left, top, the most width and the height of the logo
    origin: Slide | None = None  # the report's slide this plans (None: cover, agenda, ...)


SlotKind = Literal["title", "subtitle", "body", "footer", "page"]


@dataclass(frozen=True)
class Slot:
    """A placeholder a template's layout offers: what it holds, its idx, its box in inches."""

    kind: SlotKind
    idx: int
    box: Box
    align: Align = "left"  # how the template aligns its text


@dataclass(frozen=True)
class LayoutFrame:
    """A template's slide layout by name, with the placeholders the deck can fill."""

    name: str
    slots: tuple[Slot, ...] = ()

    def find(self, kind: SlotKind) -> Slot | None:
        """The placeholder of that kind (a body: idx 1 if there is one), else None."""
        found = sorted(self.find_all(kind), key=lambda s: s.idx != 1)
        return found[0] if found else None

    def find_all(self, kind: SlotKind) -> tuple[Slot, ...]:
        """The placeholders of that kind, left to right."""
        return tuple(sorted((s for s in self.slots if s.kind == kind), key=lambda s: s.box.x))


@dataclass(frozen=True)
class Frames:
    """A template's slide size in inches and the layouts the deck uses: plain data read from
    the template before planning, so that planning stays pure."""

    size: tuple[float, float]
    title: LayoutFrame
    content: LayoutFrame
    two: LayoutFrame
    section: LayoutFrame
