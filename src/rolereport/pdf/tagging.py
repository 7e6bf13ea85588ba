"""Tagged PDF while ReportLab draws: structure elements made with the flowables, and a canvas
that puts what they draw in marked content (everything else is an /Artifact)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.platypus import Flowable

from .marktext import MarkedText, attach, shows_text

STYLE_ROLES = {"h1": "H1", "h2": "H2"}  # a paragraph style's structure type; others are /P
UNMARKED = ("Form", "Table", "THead", "TBody", "TR", "L", "LI", "TOC", "Document")
ARTIFACT = "/Artifact BMC"
_STATE = re.compile(r"q|Q|[-\d. ]+ (?:cm|rg|RG|g|G|k|K)")  # operators that paint nothing


class Elem:
    """A structure element: its type, attributes, and its content in reading order (marked
    content as (page, mcid), annotations as (page, index, description), and kid elements)."""

    def __init__(self, tree: Tree, role: str, parent: Elem | None, **attrs: Any) -> None:
        self.tree, self.role, self.parent, self.attrs = tree, role, parent, attrs
        self.items: list[Any] = []
        self.first = 0  # when its first content was drawn, for the order of the document's kids
        if parent is not None:
            parent.items.append(self)

    def add(self, role: str, **attrs: Any) -> Elem:
        """A new kid element of this one, after the kids it has."""
        return Elem(self.tree, role, self, **attrs)

    def drawn(self) -> int:
        """When the first content of this element or of a kid was drawn; 0 when none was."""
        seen = [self.first] + [e.drawn() for e in self.items if isinstance(e, Elem)]
        return min((s for s in seen if s), default=0)


class Tree:
    """The structure tree of one typesetting pass, under its /Document element."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.root = Elem(self, "Document", None)
        self.names: dict[str, str] = {}  # link destination -> what a link to it says
        self.clock = 0

    def add(self, role: str, **attrs: Any) -> Elem:
        """A new element at the document's top level (ordered by when it is drawn)."""
        return self.root.add(role, **attrs)

    def tick(self) -> int:
        self.clock += 1
        return self.clock


def tag(flowable: Flowable, elem: Elem | str, tree: Tree | None = None) -> Flowable:
    """`flowable`, drawing its content inside `elem` (a new top-level element of `tree` when
    a type name); the pieces it splits into draw into the same element."""
    if isinstance(elem, str):
        assert tree is not None
        elem = tree.add(elem)
    flowable._struct = elem  # type: ignore[attr-defined]
    if "drawOn" in vars(flowable):
        return flowable
    draw, split = flowable.drawOn, flowable.split

    def drawOn(canv: Any, x: float, y: float, *a: Any, **kw: Any) -> Any:
        mark = getattr(canv, "mark", None)
        if mark is None:
            return draw(canv, x, y, *a, **kw)
        box = (x, y, getattr(flowable, "width", 0), getattr(flowable, "height", 0))
        with mark(flowable._struct, flowable, box):  # type: ignore[attr-defined]
            return draw(canv, x, y, *a, **kw)

    def split_(aw: float, ah: float) -> list[Flowable]:
        parts = split(aw, ah)
        for p in parts:
            if p is not flowable and "_struct" not in vars(p):
                tag(p, flowable._struct)  # type: ignore[attr-defined]
        return parts

    flowable.drawOn, flowable.split = drawOn, split_  # type: ignore[method-assign]
    return flowable


def style_role(style: str) -> str:
    return STYLE_ROLES.get(style, "P")


def tag_table(tree: Tree, head: list[Flowable], body: list[list[Flowable]]) -> Elem:
    """A /Table of the cells: the header row as /TH for their columns, each body row's first
    cell as /TH for its row, the other cells /TD."""
    table = tree.add("Table")
    row = table.add("THead").add("TR")
    for cell in head:
        tag(cell, row.add("TH", scope="Column"))
    tbody = table.add("TBody")
    for cells in body:
        row = tbody.add("TR")
        for i, cell in enumerate(cells):
            tag(cell, row.add("TH", scope="Row") if i == 0 and len(cells) > 1 else row.add("TD"))
    return table


def tag_list(tree: Tree, items: list[Flowable]) -> Elem:
    """A /L of paragraphs with bullets or numbers: each an /LI of its /Lbl and /LBody."""
    lst = tree.add("L")
    for item in items:
        tag(item, list_body(lst, bool(getattr(item, "bulletText", None))))
    return lst


def list_body(lst: Elem, label: bool = True) -> Elem:
    """A new /LI of `lst` with its /Lbl (when `label`), and its /LBody: the paragraph tagged
    with it draws its bullet or number (its first text object) into the /Lbl."""
    li = lst.add("LI")
    return li.add("LBody", label=li.add("Lbl")) if label else li.add("LBody")


class MarkingCanvas:
    """Canvas mix-in: content drawn inside `mark(elem)` is marked content of `elem` with an
    MCID of its page; everything else, page furniture included, is an /Artifact. Annotations
    made meanwhile belong to the element (a /Link kid for links)."""

    _code: list[str]

    def start_marking(self, tree: Tree) -> None:
        self.tree = tree
        self.stack: list[Elem | None] = [None]  # None: an artifact
        self.mcids: list[list[Elem]] = [[]]  # per page, the element of each MCID
        self.annots: list[list[Elem]] = [[]]  # per page, the element of each annotation
        # the flowables marked so far, by id, kept alive here: a flowable freed once drawn
        # (a split paragraph's first part) leaves its id to a new one, which must not pass
        # for a repeat; whether an id is reused depends on all the process did before
        self.drawn: dict[int, Any] = {}
        self.link: str = ""
        self.opened: tuple[int, Elem | None] = (0, None)  # the open sequence: where, whose
        self._text: MarkedText | None = None  # the text object being written, not yet drawn
        self._code.append(ARTIFACT)

    @contextmanager
    def mark(self, elem: Elem, flowable: Any, box: tuple[float, ...]) -> Iterator[None]:
        again = id(flowable) in self.drawn  # a header row repeated on the next page
        self.drawn[id(flowable)] = flowable
        target = None if again else elem
        if target is not None and target.role in UNMARKED:  # its annotations, not its text
            self.stack.append(target)
            try:
                yield
            finally:
                self.stack.pop()
            return
        if target is not None and target.role == "Figure" and "bbox" not in target.attrs:
            x, y, w, h = box
            target.attrs["bbox"] = (x, y, x + w, y + h)
        self._close()
        self.stack.append(target)
        self._open()
        try:
            yield
        finally:
            self._close_or_drop(self._top())
            self.stack.pop()
            self._open()

    def _top(self) -> Elem | None:
        marked = [e for e in self.stack if e is None or e.role not in UNMARKED]
        return marked[-1]

    def marking(self) -> bool:
        """Whether what is drawn now is marked content of an element (not an artifact)."""
        return self._top() is not None

    def _open(self) -> None:
        elem = self._top()
        if elem is None:
            self._code.append(ARTIFACT)
            return
        self.opened = (len(self._code), elem)
        self._code.append(self._begin(elem))

    def _begin(self, elem: Elem) -> str:
        """The operator that begins a new marked-content sequence of `elem` on this page."""
        page = self.mcids[-1]
        elem.items.append(("mc", len(self.mcids) - 1, len(page)))
        elem.first = elem.first or elem.tree.tick()
        page.append(elem)
        return f"/{elem.role} <</MCID {len(page) - 1}>> BDC"

    def _close(self) -> None:
        self._code.append("EMC")

    def _close_or_drop(self, elem: Elem | None) -> None:
        """Close `elem`'s sequence, or take it back when it has marked only state changes."""
        start, opened = self.opened
        last = elem.items[-1] if elem is not None and elem.items else None
        if opened is not elem or not isinstance(last, tuple) or last[0] != "mc":
            return self._close()
        if not all(_STATE.fullmatch(line) for line in self._code[start + 1 :]):
            return self._close()
        del self._code[start]
        self.mcids[-1].pop()
        elem.items.pop()
        self.opened = (0, None)

    def beginText(self, *a: Any, **kw: Any) -> MarkedText:
        self._text = MarkedText(self, *a, **kw)  # its links are annotated before it is drawn
        return self._text

    def new_link(self) -> Elem:
        """A /Link element not yet in the tree: its text finds it a parent."""
        return Elem(self.tree, "Link", None)

    def drawText(self, text: Any) -> None:
        self._text, elem = None, self._top()
        if elem is not None and isinstance(text, MarkedText) and (text.links or text.whole):
            return self._draw_links(elem, text)
        label = elem.attrs.pop("label", None) if elem is not None else None
        if label is None:
            return super().drawText(text)  # type: ignore[misc]
        self._close_or_drop(elem)  # a paragraph's bullet: a text object before its lines
        self.stack.append(label)
        self._open()
        super().drawText(text)  # type: ignore[misc]
        self._close()
        self.stack.pop()
        self._open()

    def _draw_links(self, elem: Elem, text: MarkedText) -> None:
        """`text` with each run of words in its own marked content inside the text object
        (marked content and text objects nest, never overlap): `elem`'s, or a link's."""
        self._close_or_drop(elem)
        code: list[Any] = ["BT"]
        for owner, run in text.segments(elem):
            if not shows_text(run):
                code += run
                continue
            if owner is not elem:
                attach(owner, elem)
            code += [self._begin(owner), *run, "EMC"]
        text._code = code
        super().drawText(text)  # type: ignore[misc]
        self._open()

    def showPage(self) -> None:
        self._close()
        super().showPage()  # type: ignore[misc]
        self.mcids.append([])
        self.annots.append([])
        self._open()

    def save(self) -> None:
        if self._code == [ARTIFACT]:  # nothing drawn since the last page: no blank page
            self._code.clear()
        elif self._code and self._code[-1] == ARTIFACT:
            self._code.pop()
        super().save()  # type: ignore[misc]

    def linkURL(self, url: str, *a: Any, **kw: Any) -> Any:
        self.link = url
        return super().linkURL(url, *a, **kw)  # type: ignore[misc]

    def linkRect(self, contents: str, dest: str, *a: Any, **kw: Any) -> Any:
        self.link = "#" + dest
        return super().linkRect(contents, dest, *a, **kw)  # type: ignore[misc]

    def _annotatePage(self, name: str) -> None:
        super()._annotatePage(name)  # type: ignore[misc]
        owner = next((e for e in reversed(self.stack) if e is not None), self.tree.root)
        page, index, link = len(self.annots) - 1, len(self.annots[-1]), self.link
        words = self._text.link_for(link) if link and self._text is not None else None
        if link:  # a link is its own element, holding its words, inside the one around them
            desc = self.tree.names.get(link[1:], link[1:]) if link[0] == "#" else link
            owner = words or owner.add("Link")
            owner.items.append(("annot", page, index, desc))
        else:  # a form field's widget: a /Form element where the field is drawn
            owner = owner.add("Form")
            owner.items.append(("annot", page, index, ""))
        owner.first = owner.first or self.tree.tick()
        self.annots[-1].append(owner)
        self.link = ""
