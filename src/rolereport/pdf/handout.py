"""Report + Theme → the printable PDF handout (ReportLab), rendered in memory."""

from __future__ import annotations

from typing import Any, Literal

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus import Paragraph as Para

from ..brand.theme import Theme
from ..content.model import Rendered, Report
from .blocks import Blocks
from .page import Logo, cover_band, pdf_meta, start_pdf, typeset
from .setup import glyph_warnings
from .style import grid, tint
from .tables import table
from .tagging import tag

CONTENTS_GAP, PAGE_NUMBER_W = 0.4 * inch, 24  # the cover's two-column list of contents


def render_handout(
    report: Report, theme: Theme, paper: Literal["letter", "a4"] = "letter"
) -> Rendered:
    """The handout as PDF bytes, its page count and warnings (characters the font lacks).

    Raises BrandError when a font or logo file is unusable, ValueError for an unknown paper
    size, RoleReportError when the content cannot be laid out.
    """
    blocks, page = start_pdf(report, theme, paper, report.title)
    meta = pdf_meta(report, theme, report.title, report.subtitle or report.summary)

    def story(pages: dict[str, int]) -> list[Flowable]:
        blocks.figures = 0
        out = [*_cover(report, blocks, page.logo_large, pages), PageBreak()]
        for section in report.sections:
            out += blocks.section(section)
        return out

    fonts = blocks.fonts
    data, count = typeset(story, page, fonts, meta, report.date, "handout")
    blocks.chars.update(report.title + report.as_of + theme.footer)
    return Rendered(data, glyph_warnings(blocks.chars, fonts), count)


class _Contents(Flowable):
    """Section titles as links, two columns, with the pages the dry pass found for them."""

    def __init__(self, report: Report, blocks: Blocks, pages: dict[str, int]) -> None:
        super().__init__()
        self.titles = [(f"sec-{s.id}", s.title) for s in report.sections]
        self.blocks, self.pages = blocks, pages
        toc = blocks.tree.add("TOC")  # the entries, read down one column then the next
        self.entries = [toc.add("TOCI") for _ in self.titles]
        blocks.tree.names.update(self.titles)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        b, half = self.blocks, (len(self.titles) + 1) // 2
        rows: list[list[Any]] = [[""] * 5 for _ in range(half)]
        for i, (key, title) in enumerate(self.titles):
            row, col = rows[i % half], 3 * (i // half)
            row[col] = Para(f'<a href="#{key}">{b.rich(title)}</a>', b.st["box"])
            row[col + 1] = Para(str(self.pages.get(key, "")), b.st["toc_page"])
            tag(row[col], self.entries[i].add("P"))
            tag(row[col + 1], self.entries[i].add("P"))
        w, line = (aw - CONTENTS_GAP) / 2 - PAGE_NUMBER_W, tint(b.theme.primary, 0.25)
        widths = [w, PAGE_NUMBER_W, CONTENTS_GAP, w, PAGE_NUMBER_W]
        self.grid = grid(
            rows,
            widths,
            b.fonts.regular,
            ("LINEBELOW", (0, 0), (1, -1), 0.5, line),
            ("LINEBELOW", (3, 0), (4, -1), 0.5, line),
            pad=(0, 0, 3, 5),
        )
        return self.grid.wrap(aw, ah)

    def draw(self) -> None:
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
        out += [*b.h2(report.words.contents, "contents"), _Contents(report, b, pages)]
    return out
