"""The slide plan's values: text frames, visuals, planned slides; a template's frames
(Frames, LayoutFrame, Slot) are the brand's, read when it loads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..brand.template import Align, Frames, LayoutFrame, Slot, SlotKind
from ..content.model import ChartSpec, Slide, Table
from ..text.measure import Box, Para

__all__ = [
    "Align",
    "Aspect",
    "Color",
    "Frames",
    "Kind",
    "LayoutFrame",
    "PlannedSlide",
    "Role",
    "Slot",
    "SlotKind",
    "Text",
    "Visual",
]

Aspect = Literal["16:9", "4:3"]
Role = Literal["title", "kicker", "subtitle", "meta", "body", "caption", "footer", "page"]
Color = Literal["foreground", "primary", "muted", "ink"]


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
