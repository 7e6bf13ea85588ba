"""A PowerPoint template's layouts read as Frames: placeholder kinds, boxes and alignment."""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ..brand.theme import Layouts
from ..plan.model import Align, Frames, LayoutFrame, Slot, SlotKind
from ..text.measure import Box

_SLOT_KINDS: dict[PP_PLACEHOLDER, SlotKind] = {
    PP_PLACEHOLDER.TITLE: "title",
    PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body",
    PP_PLACEHOLDER.OBJECT: "body",
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "page",
}
_ALIGN: dict[str, Align] = {"ctr": "center", "r": "right"}


def template_frames(prs, names: Layouts) -> Frames:
    """The template's slide size and the placeholders of the layouts `names` picks, as plain
    data for plan_slides. Raises KeyError for a layout the template lacks (brand.py checks)."""
    layouts = layouts_by_name(prs)

    def frame(name: str) -> LayoutFrame:
        slots = []
        for ph in layouts[name].placeholders:
            kind = _SLOT_KINDS.get(ph.placeholder_format.type)
            xywh = (ph.left, ph.top, ph.width, ph.height)
            vertical = ph._element.xpath("./p:txBody/a:bodyPr[@vert and @vert!='horz']")
            if kind and None not in xywh and not vertical:
                box = Box(*(Emu(v).inches for v in xywh))
                slots.append(Slot(kind, ph.placeholder_format.idx, box, _alignment(ph, kind)))
        return LayoutFrame(name, tuple(slots))

    size = (Emu(prs.slide_width).inches, Emu(prs.slide_height).inches)
    return Frames(size, *(frame(getattr(names, k)) for k in ("title", "content", "two", "section")))


def layouts_by_name(prs) -> dict:
    """Every layout of every master by name (the first of a name wins)."""
    found: dict = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, layout)
    return found


def _alignment(ph, kind: SlotKind) -> Align:
    """How a layout placeholder aligns its first level of text, following inheritance: the
    layout's list style, the master placeholder's, then the master's text styles."""
    path = "./p:txBody/a:lstStyle/a:lvl1pPr/@algn"
    found = ph._element.xpath(path)
    base = ph._base_placeholder
    if not found and base is not None:
        found = base._element.xpath(path)
    if not found and kind in ("title", "subtitle", "body"):
        style = "p:titleStyle" if kind == "title" else "p:bodyStyle"
        master = ph.part.slide_master._element
        found = master.xpath(f"./p:txStyles/{style}/a:lvl1pPr/@algn")
    return _ALIGN.get(found[0] if found else "l", "left")
