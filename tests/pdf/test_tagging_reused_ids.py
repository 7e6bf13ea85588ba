"""Tagging does not depend on what the process did before: a paragraph drawn after another
was drawn and freed is tagged as itself, even when Python gives it the freed one's id (which
happens or not depending on when the garbage collector last ran, that is on every earlier
render of the process; watch mode and batch builds render many documents in one process)."""

from __future__ import annotations

import gc
import io
import weakref

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from rolereport.pdf.tagging import MarkingCanvas, Tree, tag

STYLE = getSampleStyleSheet()["Normal"]


class _Canvas(MarkingCanvas, Canvas):
    pass


def _at(address: int) -> Paragraph | None:
    """A new, empty Paragraph at `address`: blocks of its size are taken (and kept) until
    Python hands out the one at that address; None if it never does."""
    kept = []
    for _ in range(200_000):
        p = Paragraph.__new__(Paragraph)
        if id(p) == address:
            return p
        kept.append(p)
    return None


def test_a_paragraph_that_gets_a_freed_paragraphs_id_is_tagged_as_itself_not_as_a_repeat():
    tree = Tree()
    canvas = _Canvas(io.BytesIO())
    canvas.start_marking(tree)
    first = tag(Paragraph("The first paragraph, drawn and then let go.", STYLE), "P", tree)
    first.wrapOn(canvas, 400, 100)
    first.drawOn(canvas, 72, 700)
    address, alive = id(first), weakref.ref(first)
    del first
    gc.collect()  # a tagged paragraph is in a reference cycle: freed when the collector runs
    if alive() is None:  # freed: a new paragraph can get its id
        second = _at(address)
        assert second is not None, "Python gave no new paragraph the freed one's address"
        second.__init__("The second paragraph.", STYLE)
    else:  # kept while the canvas marks: no other paragraph can have its id
        second = Paragraph("The second paragraph.", STYLE)
    tag(second, "P", tree)
    second.wrapOn(canvas, 400, 100)
    second.drawOn(canvas, 72, 600)
    # its text is marked content of its own /P (an MCID of the page), not an artifact
    assert [item[0] for item in second._struct.items] == ["mc"]
    assert canvas.mcids[0][-1] is second._struct
