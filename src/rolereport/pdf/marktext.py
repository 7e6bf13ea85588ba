"""Text objects for the tagged PDF: each line of marked text ends with a space (so that the
structure tree's text keeps the word break a line break shows), and a paragraph's links are
marked content of their own /Link elements, inside the text object that draws them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.textobject import PDFTextObject

if TYPE_CHECKING:
    from .tagging import Elem

_SHOWS = ("Tj", "TJ")  # the operators that print text; the rest only set state or move


class LinkMark:
    """Where a link's words begin (`elem`, its /Link) or end (None) in a text object's code."""

    __slots__ = ("elem",)

    def __init__(self, elem: Elem | None) -> None:
        self.elem = elem


class MarkedText(PDFTextObject):
    """A text object that knows where its links' words are. ReportLab's paragraph calls
    `_linkRecord` after writing a link's first words and when the link ends, and makes the
    links' annotations before the canvas draws the text object."""

    def __init__(self, canvas: Any, *a: Any, **kw: Any) -> None:
        super().__init__(canvas, *a, **kw)
        self.marked = canvas.marking()  # inside a structure element, not an artifact
        self.links: dict[Any, Elem] = {}  # ReportLab's link key -> its /Link element
        self.waiting: dict[str, list[Elem]] = {}  # link target -> /Links awaiting annotations
        self.whole: Elem | None = None  # the /Link when the whole text is one link

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if TStar and self.marked and not text.endswith(" "):  # the line's end (or a <br/>)
            text += " "  # is a word break for whoever reads the text
        super()._textOut(text, TStar)

    def textLine(self, text: str = "") -> None:  # a string drawn alone: a chart's label
        super().textLine(self._spaced(text))

    def textOut(self, text: str) -> None:  # a bullet, or a list item's number
        super().textOut(text)
        if self._spaced(text) != text:  # a space the layout does not know: where ReportLab
            self._code.append(self._formatText(" "))  # puts the paragraph is not moved

    def _spaced(self, text: str) -> str:
        return text + " " if text and self.marked and not text.endswith(" ") else text

    def _linkRecord(self, key: Any, what: str) -> None:
        if not self.marked:
            return
        if what == "end":
            self._code.append(LinkMark(None))
            return
        elem = self.links.get(key)
        if elem is None:
            elem = self.links[key] = self._canvas.new_link()
        self.waiting.setdefault(key[1], []).append(elem)  # one annotation per line it is on
        self._code.insert(len(self._code) - 1, LinkMark(elem))  # before its first words

    def link_for(self, target: str) -> Elem | None:
        """The /Link element an annotation for `target` made now belongs to; None when the
        link is not in this text."""
        if not self.marked:
            return None
        waiting = self.waiting.get(target)
        if waiting:
            return waiting.pop(0)
        if self.links:
            return None
        if self.whole is None:  # a paragraph that is one link has no marks: all of it
            self.whole = self._canvas.new_link()
        return self.whole

    def segments(self, elem: Elem) -> list[tuple[Elem, list[str]]]:
        """The code after BT cut into runs, each with the element its text belongs to:
        `elem` outside links, a /Link inside one."""
        outside = self.whole or elem
        out: list[tuple[Elem, list[str]]] = [(outside, [])]
        for item in self._code[1:]:
            if isinstance(item, LinkMark):
                out.append((item.elem or outside, []))
            else:
                out[-1][1].append(item)
        return out


def shows_text(code: list[str]) -> bool:
    """Whether a run of text-object code prints anything."""
    return any(op in line for line in code for op in _SHOWS)


def attach(link: Elem, parent: Elem) -> None:
    """Make `link` (made before the text was drawn) a kid of `parent`, once."""
    if link.parent is None and link is not parent:
        link.parent = parent
        parent.items.append(link)
