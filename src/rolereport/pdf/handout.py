"""Report + Theme → the printable PDF handout (ReportLab), rendered in memory."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus import Paragraph as Para

from ..brand.theme import Theme
from ..content.model import Rendered, Report
from .blocks import Blocks
from .page import Logo, cover_band, pdf_meta, start_pdf, typeset
from .setup import glyph_warnings, safely
from .style import grid, tint
from .tables import table
from .tagging import tag

CONTENTS_GAP, PAGE_NUMBER_W = 0.4 * inch, 24  # the cover's list of contents, in columns
STUB = 0.3  # a last page filled less than this is a stub
SOURCE_TIGHT = {"leading": 11.5, "spaceAfter": 2}  # the sources, tighter to save a page
CONTENTS_PAD, CONTENTS_TIGHT = (0, 0, 3, 5), (0, 0, 1.5, 2.5)  # its rows' padding


@safely
def render_handout(
    report: Report, theme: Theme, paper: Literal["letter", "a4"] = "letter"
) -> Rendered:
    """The handout as PDF bytes, its page count and warnings (characters the font lacks).

    Raises BrandError when a font or logo file is unusable, ValueError for an unknown paper
    size, RoleReportError when the content cannot be laid out.
    """
    blocks, page = start_pdf(report, theme, paper, report.title)
    meta = pdf_meta(report, theme, report.title, report.subtitle or report.summary)
    tail = _Tail()

    def story(pages: dict[str, int], apart: bool = False) -> list[Flowable]:
        blocks.figures = 0
        out = [*_cover(report, blocks, page.logo_large, pages), PageBreak()]
        for i, section in enumerate(report.sections):
            if apart and i == len(report.sections) - 1:
                section = replace(section, new_page=True)
            out += blocks.section(section)
        return [*out, tail]

    fonts, source = blocks.fonts, blocks.st["source"]
    data, count = typeset(story, page, fonts, meta, "handout")
    # The last page is never a stub of a source or two: tighter sources when that saves the
    # page, else the last section starts a page of its own when that adds none.
    if count > 2 and tail.fill < STUB:
        fill = tail.fill
        blocks.st["source"] = ParagraphStyle("source_tight", source, **SOURCE_TIGHT)
        tighter = typeset(story, page, fonts, meta, "handout")
        blocks.st["source"] = source
        if tighter[1] < count:
            data, count = tighter
        else:
            alone = typeset(partial(story, apart=True), page, fonts, meta, "handout")
            if alone[1] == count and tail.fill > fill:
                data, count = alone
    blocks.chars.update(report.title + report.as_of + theme.footer)
    return Rendered(data, glyph_warnings(blocks.chars, fonts), count)


class _Tail(Flowable):
    """Nothing to draw: at the story's end it learns how full the last page is."""

    def __init__(self) -> None:
        super().__init__()
        self.fill = 1.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)  # the frame placing it sets this
        self.fill = 1 - ah / frame._height if frame else 1.0
        return 0, 0

    def draw(self) -> None:
        pass


class _Contents(Flowable):
    """The contents heading over the section titles as links, with the pages the dry pass
    found for them: in two columns, or three and tighter when that keeps it on the cover
    (a contents page of a few lines wastes a sheet), or run on in one paragraph."""

    def __init__(self, report: Report, blocks: Blocks, pages: dict[str, int]) -> None:
        super().__init__()
        self.titles = [(f"sec-{s.id}", s.title) for s in report.sections]
        self.blocks, self.pages = blocks, pages
        self.head = blocks.para(report.words.contents, "h2")
        self.toc = blocks.tree.add("TOC")  # the entries, read down one column then the next
        # each entry's title and page, tagged into the same elements whichever form is drawn
        self.entries = [
            (e.add("P"), e.add("P")) for e in (self.toc.add("TOCI") for _ in self.titles)
        ]
        self.run_in: Any = None
        blocks.tree.names.update(self.titles)

    def _grid(self, aw: float, columns: int, pad: tuple[float, ...]) -> Any:
        b, per = self.blocks, -(-len(self.titles) // columns)
        rows: list[list[Any]] = [[""] * (3 * columns - 1) for _ in range(per)]
        for i, (key, title) in enumerate(self.titles):
            row, col = rows[i % per], 3 * (i // per)
            row[col] = Para(f'<a href="#{key}">{b.rich(title)}</a>', b.st["box"])
            row[col + 1] = Para(str(self.pages.get(key, "")), b.st["toc_page"])
            tag(row[col], self.entries[i][0])
            tag(row[col + 1], self.entries[i][1])
        w = (aw - CONTENTS_GAP * (columns - 1)) / columns - PAGE_NUMBER_W
        widths = ([w, PAGE_NUMBER_W, CONTENTS_GAP] * columns)[:-1]
        line = tint(b.theme.primary, 0.25)
        rules = [("LINEBELOW", (c, 0), (c + 1, -1), 0.5, line) for c in range(0, 3 * columns, 3)]
        return grid(rows, widths, b.fonts.regular, *rules, pad=pad)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.head_h = self.head.wrap(aw, ah)[1] + self.head.getSpaceAfter()
        tries = [(2, CONTENTS_PAD), (3, CONTENTS_PAD), (3, CONTENTS_TIGHT)]
        for columns, pad in tries:
            self.grid = self._grid(aw, columns, pad)
            h = self.head_h + self.grid.wrap(aw, ah)[1]
            if h <= ah:
                return aw, h
        self.grid = self._run_in()
        h = self.head_h + self.grid.wrap(aw, ah)[1]
        if h <= ah:
            return aw, h
        self.grid = self._grid(aw, *tries[0])  # on a page of its own: the roomy form
        return aw, self.head_h + self.grid.wrap(aw, ah)[1]

    def _run_in(self) -> Para:
        """The titles and pages run on in one paragraph: the fewest lines of all."""
        b, sep = self.blocks, "\u2003·\u2003"
        page = f'<font color="{b.color("muted")}">{{}}</font>'
        parts = [
            f'<a href="#{key}">{b.rich(title)}</a>\u00a0' + page.format(self.pages.get(key, ""))
            for key, title in self.titles
        ]
        if self.run_in is None:
            self.run_in = self.toc.add("P")
        return tag(Para(sep.join(parts), b.st["box"]), self.run_in)

    def getSpaceBefore(self) -> float:
        return self.head.getSpaceBefore()

    def draw(self) -> None:
        grid_h = self.grid.height if isinstance(self.grid, Para) else self.grid._height
        # the heading first: the structure tree's order is the order things are drawn
        self.head.drawOn(self.canv, 0, grid_h + self.head.getSpaceAfter())
        self.grid.drawOn(self.canv, 0, 0)


def _cover(report: Report, b: Blocks, logo: Logo, pages: dict[str, int]) -> list[Flowable]:
    facts = [b.rich(report.as_of)]
    if report.audience:  # the label's own words escaped as well as the audience
        facts.append(b.rich(report.words.fill("audience", audience=report.audience)))
    out = [
        cover_band(b, logo, report.title, report.subtitle, facts),
        Spacer(1, 22),
        b.para(report.summary, "lead"),
        *table(b, report.at_a_glance, "glance"),
    ]
    if len(report.sections) > 1:  # on paper there is no outline pane: list where things are
        out.append(_Contents(report, b, pages))
    return out
