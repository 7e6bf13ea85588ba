"""PDF page furniture shared by the handout and the guide: logos, the cover band, the running
header and footer, and the passes that typeset a story until its page numbers settle."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus import Paragraph as Para
from reportlab.platypus.doctemplate import LayoutError

from ..brand.logo import Logo as BrandLogo
from ..brand.theme import Theme
from ..content.model import Report, Words
from ..errors import BrandError, RoleReportError
from ..text.measure import Measure
from .blocks import Anchor, Blocks
from .figures import vector
from .setup import Fonts, pdf_date, register_fonts
from .structure import write_structure
from .style import ink, on, tint
from .tagging import Elem, MarkingCanvas, Tree, tag

PAPER = {"letter": LETTER, "a4": A4}
MARGIN_X = 0.75 * inch  # left and right
MARGIN_TOP, COVER_TOP = 0.95 * inch, 0.55 * inch  # page top to text; the cover has no header
MARGIN_BOTTOM = 0.85 * inch  # page bottom to text, the footer inside it
HEADER_BASELINE, FOOTER_BASELINE, RULE_GAP = 0.52 * inch, 0.45 * inch, 7
LOGO_LARGE_H, LOGO_SMALL_H, LOGO_GAP = 0.5 * inch, 0.2 * inch, 20
RUNNING_PT = 8.5  # header and footer text
BAND_PAD, BAND_ACCENT = 0.32 * inch, 5  # the cover's colour band: padding, accent strip
KEEP_SLACK = 12  # points: a chain kept together moves on unless it fits with this to spare


class Logo:
    """A brand logo (PNG, JPEG or SVG) as the Theme decoded it, drawn at a given height in
    its aspect ratio; an SVG is read from the Theme's bytes with its text in `font`."""

    def __init__(self, logo: BrandLogo | None, font: str) -> None:
        self.image: ImageReader | Drawing | None = None
        self.aspect = 1.0
        if logo is None:
            return
        if logo.kind == "svg":
            try:
                self.image = vector(logo.data, font)
            except ValueError as e:
                raise BrandError.at(logo.path, "logo", f"is not a usable SVG image ({e})") from e
        else:
            self.image = ImageReader(logo.picture)
        self.aspect = logo.aspect

    def draw(self, canv: Canvas, x: float, y: float, h: float) -> None:
        if isinstance(self.image, Drawing):
            canv.saveState()
            canv.translate(x, y)
            canv.scale(h / self.image.height, h / self.image.height)
            renderPDF.draw(self.image, canv, 0, 0)
            canv.restoreState()
        elif self.image is not None:
            canv.drawImage(self.image, x, y, h * self.aspect, h, mask="auto")


class Band(Flowable):
    """The cover's top: the large logo, then a full-bleed colour band holding the title."""

    def __init__(self, paras: list[Para], fill: str, accent: str, logo: Logo, alt: Elem) -> None:
        super().__init__()
        self.paras, self.fill, self.accent, self.logo = paras, fill, accent, logo
        self.alt = alt  # the logo's /Figure

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.sizes = aw, [p.wrap(aw, ah)[1] for p in self.paras]
        text = sum(self.sizes) + sum(p.getSpaceAfter() for p in self.paras[:-1])
        self.band = text + 2 * BAND_PAD + BAND_ACCENT
        self.height = self.band + (LOGO_LARGE_H + LOGO_GAP if self.logo.image else 0)
        return aw, self.height

    def draw(self) -> None:
        c, bleed = self.canv, self.width + 2 * MARGIN_X
        box = (0, self.band + LOGO_GAP, LOGO_LARGE_H * self.logo.aspect, LOGO_LARGE_H)
        if self.logo.image:
            with c.mark(self.alt, self.logo, (*c.absolutePosition(*box[:2]), *box[2:])):
                self.logo.draw(c, *box[:2], LOGO_LARGE_H)
        c.setFillColor(HexColor(self.fill))
        c.rect(-MARGIN_X, BAND_ACCENT, bleed, self.band - BAND_ACCENT, stroke=0, fill=1)
        c.setFillColor(HexColor(self.accent))
        c.rect(-MARGIN_X, 0, bleed, BAND_ACCENT, stroke=0, fill=1)
        y = self.band - BAND_PAD
        for p, h in zip(self.paras, self.sizes, strict=True):
            p.drawOn(c, 0, y - h)
            y -= h + p.getSpaceAfter()


class Page:
    """The running header (`heading`, the data vintage) and footer, with "Page N of M" once a
    pass has counted M."""

    def __init__(
        self,
        theme: Theme,
        font: str,
        size: tuple[float, float],
        heading: str,
        as_of: str,
        words: Words,
    ) -> None:
        self.theme, self.font, self.size = theme, font, size
        self.heading, self.as_of, self.words = heading, as_of, words
        self.logo_large = Logo(theme.logo_large, font)
        self.logo_small = Logo(theme.logo_small, font)
        self.total = 0
        self.tree = Tree()  # the tagged PDF's structure, made with the flowables

    def templates(self) -> list[PageTemplate]:
        """A first page without the header, then pages with it."""
        width, height = self.size
        frame = partial(Frame, MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X)
        cover = frame(height - COVER_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="cover")
        body = frame(height - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="body")
        return [
            PageTemplate("cover", [cover], onPage=self.first, autoNextPageTemplate="later"),
            PageTemplate("later", [body], onPage=self.later),
        ]

    def first(self, canv: Canvas, doc: Any) -> None:
        number = self.words.fill("page_of", page=doc.page, pages=self.total)
        self._text(canv, FOOTER_BASELINE, self.theme.footer, number)
        self._rule(canv, FOOTER_BASELINE + RUNNING_PT + RULE_GAP - 3)

    def later(self, canv: Canvas, doc: Any) -> None:
        y, x = self.size[1] - HEADER_BASELINE, MARGIN_X
        if self.logo_small.image:
            self.logo_small.draw(canv, x, y - 3, LOGO_SMALL_H)
            x += LOGO_SMALL_H * self.logo_small.aspect + 6
        self._text(canv, y, self.heading, self.as_of, x)
        self._rule(canv, y - RULE_GAP)
        self.first(canv, doc)

    def _text(self, canv: Canvas, y: float, left: str, right: str, x: float = MARGIN_X) -> None:
        canv.setFont(self.font, RUNNING_PT)
        canv.setFillColor(HexColor(on(self.theme, "muted", "#FFFFFF")))  # on the white page
        canv.drawRightString(self.size[0] - MARGIN_X, y, right)
        m = Measure(self.theme.font.regular)  # the face registered as self.font
        room = self.size[0] - MARGIN_X - x - m.width(right, RUNNING_PT) - 24
        while left and m.width(left, RUNNING_PT) > room:
            left = left[:-2].rstrip() + "…"  # a long title is shortened, never overprinted
        canv.drawString(x, y, left)

    def _rule(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(tint(self.theme.primary, 0.3))
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y, self.size[0] - MARGIN_X, y)


class DatedCanvas(MarkingCanvas, Canvas):
    """A canvas that stamps the document time, shows the outline, tags what it draws, and may
    be a dry run."""

    def __init__(self, *args: Any, stamp: str, dry: bool, tree: Tree, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.start_marking(tree)
        self.dry = dry
        self._doc.info._dateFormatter = lambda *_: stamp  # never today's
        self.showOutline()


class _KeepTogether(KeepTogether):
    """ReportLab's chain of keep-with-next flowables, counted with room to spare: its sum of
    heights can miss a space that the frame then adds, and the chain's last part (a figure's
    chart) went to the next page without its caption."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        size = super().wrap(aw, ah)
        self._H += KEEP_SLACK
        return size


class OutlineDoc(BaseDocTemplate):
    """Turns anchors into outline entries and records the page each section starts on."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, keepTogetherClass=_KeepTogether, **kw)
        self.section_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Anchor):
            self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level, closed=False)
            if flowable.level == 0:
                self.section_pages[flowable.key] = self.page


def cover_band(b: Blocks, logo: Logo, title: str, subtitle: str, facts: list[str]) -> Band:
    """The cover's band: the title, the subtitle, then `facts` (markup) on one line."""
    on, bold, regular = ink(b.theme.primary), b.fonts.head, b.fonts.regular
    big = ParagraphStyle(
        "cover_title",
        b.st["body"],
        fontName=bold,
        fontSize=30,
        leading=34,
        textColor=on,
        spaceAfter=6,
    )
    sub = ParagraphStyle("cover_sub", big, fontName=regular, fontSize=15, leading=19, spaceAfter=12)
    meta = ParagraphStyle("cover_meta", sub, fontSize=10.5, leading=14)
    paras = [tag(Para(b.rich(title), big), "H1", b.tree)]
    paras += [tag(Para(b.rich(subtitle), sub), "P", b.tree)] if subtitle else []
    paras.append(tag(Para("   ·   ".join(facts), meta), "P", b.tree))
    alt = b.tree.add("Figure", alt=b.theme.logo_alt)
    return Band(paras, b.theme.primary, b.theme.secondary, logo, alt)


def start_pdf(report: Report, theme: Theme, paper: str, heading: str) -> tuple[Blocks, Page]:
    """What every PDF starts from (inside setup.safe_settings): the brand's fonts registered,
    blocks at the text width, and the page furniture with `heading` in the running header.
    Raises ValueError for an unknown paper size, BrandError for an unusable font or logo."""
    if paper not in PAPER:
        raise ValueError(f"paper must be 'letter' or 'a4', not {paper!r}")
    fonts = register_fonts(theme.font, theme.heading_font)
    width, _ = size = PAPER[paper]
    blocks = Blocks(report, theme, fonts, width - 2 * MARGIN_X)
    page = Page(theme, fonts.regular, size, heading, report.as_of, report.words)
    blocks.tree = page.tree  # the flowables are tagged into the tree the pages are marked for
    return blocks, page


def pdf_meta(report: Report, theme: Theme, title: str, subject: str) -> dict[str, Any]:
    """The document information every PDF carries."""
    return {
        "title": title,
        "author": theme.name,
        "creator": "rolereport",
        "subject": subject,
        "lang": report.language,
        "keywords": ", ".join(r.name for r in report.roles),
        "displayDocTitle": True,
    }


def _canvas(made: list[DatedCanvas], *a: Any, **kw: Any) -> DatedCanvas:
    made.append(DatedCanvas(*a, **kw))
    return made[-1]


def typeset(
    story: Callable[[dict[str, int]], list[Flowable]],
    page: Page,
    fonts: Fonts,
    meta: dict[str, Any],
    what: str,
) -> tuple[bytes, int]:
    """The story as PDF bytes and its page count, typeset until "Page N of M" and the pages
    found for the level-0 anchors settle; `story(pages)` makes fresh flowables for each pass
    from the pages the last one found. A first dry pass leaves charts out: it only learns
    where the pages break. Raises RoleReportError when the story cannot be laid out."""
    templates, tree = page.templates(), page.tree
    known: tuple[int, dict[str, int]] = (0, {})  # page total, page of each section's anchor
    dry = True
    for _ in range(3):  # the layout never depends on those numbers: two passes suffice
        page.total = known[0]
        tree.reset()
        flowables = story(known[1])  # flowables keep layout state: new ones every pass
        out = BytesIO()
        doc = OutlineDoc(
            out,
            pagesize=page.size,
            pageTemplates=templates,
            invariant=1,
            pageCompression=1,
            showBoundary=0,
            initialFontName=fonts.regular,
            **meta,
        )
        canvases: list[DatedCanvas] = []  # the one the build makes, for its marked content
        canvas = partial(_canvas, canvases, stamp=pdf_date(), dry=dry, tree=tree)
        try:
            doc.build(flowables, canvasmaker=canvas)
        except LayoutError as e:  # every flowable here splits or shrinks: a bug, said plainly
            raise RoleReportError(f"{what}: content could not be laid out on the page: {e}") from e
        if not dry and known == (doc.page, doc.section_pages):
            break
        known, dry = (doc.page, doc.section_pages), False
    data = write_structure(out.getvalue(), tree, canvases[-1], meta["title"], meta["lang"])
    return data, doc.page
