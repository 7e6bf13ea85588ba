"""A brand's PowerPoint template as plain data: its checked bytes, read once, and the frames
(slide size, placeholders, alignment) of the layouts the deck fills, for the pure slide plan."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import BrandError
from ..text.measure import Box

if TYPE_CHECKING:
    from .theme import Layouts

SlotKind = Literal["title", "subtitle", "body", "footer", "page"]
Align = Literal["left", "center", "right"]
_EMU_PER_INCH = 914400
_ALIGN: dict[str, Align] = {"ctr": "center", "r": "right"}


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


@dataclass(frozen=True)
class Template:
    """A checked template: the .pptx bytes python-pptx opens (a .potx already converted),
    their digest (what keys a build), and the frames of the layouts the brand picked."""

    data: bytes = field(repr=False)
    digest: str
    frames: Frames


def open_template(data: bytes, path: Path, key: str, brand_file: Path) -> Any:
    """The checked template bytes parsed by python-pptx, once per brand load: what its layouts
    are named and where their placeholders sit are read from this one parse.
    Raises BrandError when python-pptx cannot open them."""
    from pptx import Presentation

    try:
        return Presentation(BytesIO(data))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors, ...
        raise BrandError.at(
            brand_file, key, f"'{path.name}' cannot be opened as a presentation ({exc})"
        ) from None


def layout_names(prs: Any) -> tuple[str, ...]:
    """The names of the layouts an opened template offers, in master order."""
    return tuple(layout.name for master in prs.slide_masters for layout in master.slide_layouts)


def read_template(data: bytes, prs: Any, names: Layouts) -> Template:
    """The template (`data`, opened as `prs`) with the frames of the layouts `names` picks
    (brand/load.py has checked that each exists). Raises KeyError for a layout it lacks."""
    layouts: dict[str, Any] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            layouts.setdefault(layout.name, layout)
    size = (_inches(prs.slide_width), _inches(prs.slide_height))
    keys = ("title", "content", "two", "section")
    frames = Frames(size, *(_frame(layouts[getattr(names, k)]) for k in keys))
    return Template(data, hashlib.sha256(data).hexdigest(), frames)


def _inches(emu: int) -> float:
    return emu / _EMU_PER_INCH


def _frame(layout: Any) -> LayoutFrame:
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    kinds: dict[Any, SlotKind] = {
        PH.TITLE: "title",
        PH.CENTER_TITLE: "title",
        PH.SUBTITLE: "subtitle",
        PH.BODY: "body",
        PH.OBJECT: "body",
        PH.FOOTER: "footer",
        PH.SLIDE_NUMBER: "page",
    }
    slots = []
    for ph in layout.placeholders:
        kind = kinds.get(ph.placeholder_format.type)
        xywh = (ph.left, ph.top, ph.width, ph.height)
        vertical = ph.element.xpath("./p:txBody/a:bodyPr[@vert and @vert!='horz']")
        if kind and None not in xywh and not vertical:
            box = Box(*(_inches(v) for v in xywh))
            slots.append(Slot(kind, ph.placeholder_format.idx, box, _alignment(layout, ph, kind)))
    return LayoutFrame(layout.name, tuple(slots))


def _alignment(layout: Any, ph: Any, kind: SlotKind) -> Align:
    """How a layout placeholder aligns its first level of text, following inheritance: the
    layout's list style, the master placeholder's, then the master's text styles."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    path = "./p:txBody/a:lstStyle/a:lvl1pPr/@algn"
    found = ph.element.xpath(path)
    master = layout.slide_master
    if not found:  # the master placeholder this one inherits from, as PowerPoint finds it
        own = {"title": PH.TITLE, "footer": PH.FOOTER, "page": PH.SLIDE_NUMBER}
        base = master.placeholders.get(own.get(kind, PH.BODY))
        found = base.element.xpath(path) if base is not None else []
    if not found and kind in ("title", "subtitle", "body"):
        style = "p:titleStyle" if kind == "title" else "p:bodyStyle"
        found = master.element.xpath(f"./p:txStyles/{style}/a:lvl1pPr/@algn")
    return _ALIGN.get(found[0] if found else "l", "left")
