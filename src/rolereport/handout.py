"""Report + Theme → the printable PDF handout (ReportLab), rendered in memory."""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from datetime import datetime, timezone
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from PIL import Image, ImageOps
from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer
from reportlab.platypus import Paragraph as Para
from reportlab.platypus.doctemplate import LayoutError

from .brand import FontFiles, Theme
from .errors import BrandError, RoleReportError
from .handout_blocks import Anchor, Blocks, Fonts, grid, ink, tint, vector
from .model import Rendered, Report

PAPER = {"letter": LETTER, "a4": A4}
MARGIN_X = 0.75 * inch  # left and right
MARGIN_TOP, COVER_TOP = 0.95 * inch, 0.55 * inch  # page top to text; the cover has no header
MARGIN_BOTTOM = 0.85 * inch  # page bottom to text, the footer inside it
HEADER_BASELINE, FOOTER_BASELINE, RULE_GAP = 0.52 * inch, 0.45 * inch, 7
LOGO_LARGE_H, LOGO_SMALL_H, LOGO_GAP = 0.5 * inch, 0.2 * inch, 20
RUNNING_PT = 8.5  # header and footer text
BAND_PAD, BAND_ACCENT = 0.32 * inch, 5  # the cover's colour band: padding, accent strip
CONTENTS_GAP, PAGE_NUMBER_W = 0.4 * inch, 24  # the cover's two-column list of contents
MAX_LOGO_PIXELS = 40_000_000


def render_handout(
    report: Report, theme: Theme, paper: Literal["letter", "a4"] = "letter"
) -> Rendered:
    """The handout as PDF bytes, its page count and warnings (characters the font lacks).

    Raises BrandError when a font or logo file is unusable, ValueError for an unknown paper
    size, RoleReportError when the content cannot be laid out.
    """
    if paper not in PAPER:
        raise ValueError(f"paper must be 'letter' or 'a4', not {paper!r}")
    _pin_safe_settings()
    fonts = _register_fonts(theme.font, theme.heading_font)
    width, height = size = PAPER[paper]
    blocks = Blocks(report, theme, fonts, width - 2 * MARGIN_X)
    page = _Page(report, theme, fonts.regular, size)
    frame = partial(Frame, MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X)
    cover = frame(height - COVER_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="cover")
    body = frame(height - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="body")
    templates = [
        PageTemplate("cover", [cover], onPage=page.first, autoNextPageTemplate="later"),
        PageTemplate("later", [body], onPage=page.later),
    ]
    keywords = ", ".join(r.name for r in report.roles)
    meta = {
        "title": report.title,
        "author": theme.name,
        "creator": "rolereport",
        "subject": report.subtitle or report.summary,
        "lang": report.language,
        "keywords": keywords,
        "displayDocTitle": True,
    }
    known: tuple[int, dict[str, int]] = (0, {})  # page total, page of each section's anchor
    dry = True  # the dry pass leaves charts out: it only learns where the pages break
    for _ in range(3):  # the layout never depends on those numbers: two passes suffice
        blocks.figures, page.total = 0, known[0]  # flowables keep layout state: new ones
        story = [*_cover(report, blocks, page.logo_large, known[1]), PageBreak()]
        for section in report.sections:
            story += blocks.section(section)
        out = BytesIO()
        doc = _Doc(
            out,
            pagesize=size,
            pageTemplates=templates,
            invariant=1,
            pageCompression=1,
            showBoundary=0,
            initialFontName=fonts.regular,
            **meta,
        )
        canvas = partial(_Canvas, stamp=_pdf_date(report.date), dry=dry)
        try:
            doc.build(story, canvasmaker=canvas)
        except LayoutError as e:  # every flowable here splits or shrinks: a bug, said plainly
            raise RoleReportError(f"handout: content could not be laid out on the page: {e}") from e
        if not dry and known == (doc.page, doc.section_pages):
            break
        known, dry = (doc.page, doc.section_pages), False
    blocks.chars.update(report.title + report.as_of + theme.footer)
    return Rendered(out.getvalue(), _glyph_warnings(blocks.chars, fonts), doc.page)


def _pin_safe_settings() -> None:
    """Put back the defaults ReportLab ships with, then pin what safety needs.

    ReportLab applies RL_* environment variables and ~/.reportlab_settings when it is
    imported; neither may loosen URL fetching or colour evaluation, nor change the layout.
    """
    import sys

    from reportlab import rl_settings

    # Search paths are expanded at import; every font is named by path, every page by size.
    names = [
        n for n in rl_settings.__all__ if not n.endswith("SearchPath") and n != "defaultPageSize"
    ]
    for name in names:
        value = getattr(rl_settings, name)
        if name.endswith("Glob"):  # converted at start-up, as rl_config does
            value = value.split() if value else []
        setattr(rl_config, name, list(value) if isinstance(value, list) else value)
    rl_config.trustedHosts = None  # no host is trusted: markup never fetches a URL ...
    rl_config.trustedSchemes = []  # ... nor opens file:, data: or any other scheme
    rl_config.toColorCanUse = None  # colour strings are literals, never evaluated
    rl_config.allowTTFSubsetting = []  # embed only what a font's licence allows
    rl_config.allowTableBoundsErrors = 1  # widths are computed to fit; never raise on them
    rl_config.platypus_link_underline = 0  # links look as designed, whatever the env says
    # Some modules copy a setting when imported (`from reportlab.rl_config import _FUZZ`):
    # give those copies the pinned values too.
    pinned = {n: getattr(rl_config, n) for n in names}
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("reportlab.") or module in (rl_config, rl_settings, None):
            continue
        for name, value in pinned.items():
            here = getattr(module, name, None)
            if here is not None and not callable(here):
                setattr(module, name, value)
    # ParagraphStyle took its defaults from settings when imported, under other names.
    from_setting = {
        "fontName": "canvas_basefontname",
        "bulletFontName": "canvas_basefontname",
        "linkUnderline": "platypus_link_underline",
        **{
            k: k
            for k in ParagraphStyle.defaults
            if k in pinned and k not in ("fontName", "bulletFontName")
        },
    }
    ParagraphStyle.defaults.update({k: pinned[v] for k, v in from_setting.items()})


def _register_fonts(font: FontFiles, heading: FontFiles) -> Fonts:
    """Register each brand face once, named for its family and its file's content."""
    names = [_register(font, style) for style in ("regular", "bold", "italic", "bold_italic")]
    f = Fonts(*names, heading=_register(heading, "bold"))
    pdfmetrics.registerFontFamily(
        f.regular, normal=f.regular, bold=f.bold, italic=f.italic, boldItalic=f.bold_italic
    )
    return f


def _register(font: FontFiles, style: str) -> str:
    path = Path(getattr(font, style))
    family = re.sub(r"[^A-Za-z0-9]+", "", font.family) or "Brand"
    # Named by content, not path: the same font gives the same bytes in any checkout.
    name = f"{family}-{_digest(path)}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as e:  # truncated, fake or CFF-flavoured font files
            msg = f"is not a usable TrueType font ({e}); supply a .ttf with TrueType outlines"
            raise BrandError.at(path, "typography.fonts", msg) from e
    return name


@cache
def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:8]


def _glyph_warnings(chars: set[str], fonts: Fonts) -> tuple[str, ...]:
    faces = [
        pdfmetrics.getFont(n).face.charToGlyph for n in (fonts.regular, fonts.bold, fonts.head)
    ]
    lost = sorted(c for c in chars if not c.isspace() and any(ord(c) not in f for f in faces))
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in lost)
    return (f"handout: the brand font lacks {shown}; they print as empty boxes",) if lost else ()


def _pdf_date(iso: str) -> str:
    """The creation date from the data (SOURCE_DATE_EPOCH wins when set), in PDF syntax."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
    return datetime.fromisoformat(iso).strftime("D:%Y%m%d%H%M%S+00'00'")


class _Logo:
    """A brand logo (PNG, JPEG or SVG), drawn at a given height in its aspect ratio."""

    def __init__(self, path: Path | None, font: str) -> None:
        self.image: ImageReader | Drawing | None = None
        self.aspect = 1.0
        if path is None:
            return
        data = path.read_bytes()
        try:
            if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:4] in (b"<?xm", b"<svg", b"<!DO"):
                self.image = vector(data, font)
                self.aspect = self.image.width / self.image.height
                return
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                img = Image.open(BytesIO(data))  # the format from the content, not the name
                if img.width * img.height > MAX_LOGO_PIXELS:
                    raise ValueError(f"{img.width}×{img.height} pixels is too large")
                img = ImageOps.exif_transpose(img)
                img.load()
            self.image, self.aspect = ImageReader(img), img.width / img.height
        except Exception as e:
            why = "unknown format" if isinstance(e, Image.UnidentifiedImageError) else str(e)
            msg = f"is not a usable PNG, JPEG or SVG image ({why})"
            raise BrandError.at(path, "logo", msg) from e

    def draw(self, canv: Canvas, x: float, y: float, h: float) -> None:
        if isinstance(self.image, Drawing):
            canv.saveState()
            canv.translate(x, y)
            canv.scale(h / self.image.height, h / self.image.height)
            renderPDF.draw(self.image, canv, 0, 0)
            canv.restoreState()
        elif self.image is not None:
            canv.drawImage(self.image, x, y, h * self.aspect, h, mask="auto")


class _Band(Flowable):
    """The cover's top: the large logo, then a full-bleed colour band holding the title."""

    def __init__(self, paras: list[Para], fill: str, accent: str, logo: _Logo) -> None:
        super().__init__()
        self.paras, self.fill, self.accent, self.logo = paras, fill, accent, logo

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.sizes = aw, [p.wrap(aw, ah)[1] for p in self.paras]
        text = sum(self.sizes) + sum(p.getSpaceAfter() for p in self.paras[:-1])
        self.band = text + 2 * BAND_PAD + BAND_ACCENT
        self.height = self.band + (LOGO_LARGE_H + LOGO_GAP if self.logo.image else 0)
        return aw, self.height

    def draw(self) -> None:
        c, bleed = self.canv, self.width + 2 * MARGIN_X
        self.logo.draw(c, 0, self.band + LOGO_GAP, LOGO_LARGE_H)
        c.setFillColor(HexColor(self.fill))
        c.rect(-MARGIN_X, BAND_ACCENT, bleed, self.band - BAND_ACCENT, stroke=0, fill=1)
        c.setFillColor(HexColor(self.accent))
        c.rect(-MARGIN_X, 0, bleed, BAND_ACCENT, stroke=0, fill=1)
        y = self.band - BAND_PAD
        for p, h in zip(self.paras, self.sizes, strict=True):
            p.drawOn(c, 0, y - h)
            y -= h + p.getSpaceAfter()


class _Contents(Flowable):
    """Section titles as links, two columns, with the pages the dry pass found for them."""

    def __init__(self, report: Report, blocks: Blocks, pages: dict[str, int]) -> None:
        super().__init__()
        self.titles = [(f"sec-{s.id}", s.title) for s in report.sections]
        self.blocks, self.pages = blocks, pages

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        b, half = self.blocks, (len(self.titles) + 1) // 2
        rows: list[list[Any]] = [[""] * 5 for _ in range(half)]
        for i, (key, title) in enumerate(self.titles):
            row, col = rows[i % half], 3 * (i // half)
            row[col] = Para(f'<a href="#{key}">{b.rich(title)}</a>', b.st["box"])
            row[col + 1] = Para(str(self.pages.get(key, "")), b.st["toc_page"])
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


def _cover(report: Report, b: Blocks, logo: _Logo, pages: dict[str, int]) -> list[Flowable]:
    on, bold, regular = ink(b.theme.primary), b.fonts.head, b.fonts.regular
    title = ParagraphStyle(
        "cover_title",
        b.st["body"],
        fontName=bold,
        fontSize=30,
        leading=34,
        textColor=on,
        spaceAfter=6,
    )
    sub = ParagraphStyle(
        "cover_sub", title, fontName=regular, fontSize=15, leading=19, spaceAfter=12
    )
    meta = ParagraphStyle("cover_meta", sub, fontSize=10.5, leading=14)
    paras = [Para(b.rich(report.title), title)]
    paras += [Para(b.rich(report.subtitle), sub)] if report.subtitle else []
    facts = [b.rich(report.as_of)]
    if report.audience:  # the label's own words escaped as well as the audience
        facts.append(b.rich(report.words.fill("audience", audience=report.audience)))
    paras.append(Para("   ·   ".join(facts), meta))
    band = _Band(paras, b.theme.primary, b.theme.secondary, logo)
    out = [
        band,
        Spacer(1, 22),
        b.para(report.summary, "lead"),
        *b.table(report.at_a_glance, "glance"),
    ]
    if len(report.sections) > 1:  # on paper there is no outline pane: list where things are
        out += [*b.h2(report.words.contents, "contents"), _Contents(report, b, pages)]
    return out


class _Page:
    """The running header and footer, with "Page N of M" once a pass has counted M."""

    def __init__(self, report: Report, theme: Theme, font: str, size: tuple[float, float]):
        self.report, self.theme, self.font, self.size = report, theme, font, size
        self.logo_large, self.logo_small = (
            _Logo(theme.logo_large, font),
            _Logo(theme.logo_small, font),
        )
        self.total = 0

    def first(self, canv: Canvas, doc: Any) -> None:
        number = self.report.words.fill("page_of", page=doc.page, pages=self.total)
        self._text(canv, FOOTER_BASELINE, self.theme.footer, number)
        self._rule(canv, FOOTER_BASELINE + RUNNING_PT + RULE_GAP - 3)

    def later(self, canv: Canvas, doc: Any) -> None:
        y, x = self.size[1] - HEADER_BASELINE, MARGIN_X
        if self.logo_small.image:
            self.logo_small.draw(canv, x, y - 3, LOGO_SMALL_H)
            x += LOGO_SMALL_H * self.logo_small.aspect + 6
        self._text(canv, y, self.report.title, self.report.as_of, x)
        self._rule(canv, y - RULE_GAP)
        self.first(canv, doc)

    def _text(self, canv: Canvas, y: float, left: str, right: str, x: float = MARGIN_X) -> None:
        canv.setFont(self.font, RUNNING_PT)
        canv.setFillColor(HexColor(self.theme.muted))
        canv.drawRightString(self.size[0] - MARGIN_X, y, right)
        right_w = pdfmetrics.stringWidth(right, self.font, RUNNING_PT)
        room = self.size[0] - MARGIN_X - x - right_w - 24
        while left and pdfmetrics.stringWidth(left, self.font, RUNNING_PT) > room:
            left = left[:-2].rstrip() + "…"  # a long title is shortened, never overprinted
        canv.drawString(x, y, left)

    def _rule(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(tint(self.theme.primary, 0.3))
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y, self.size[0] - MARGIN_X, y)


class _Canvas(Canvas):
    """A canvas that stamps the data's date, shows the outline, and may be a dry run."""

    def __init__(self, *args: Any, stamp: str, dry: bool, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.dry = dry
        self._doc.info._dateFormatter = lambda *_: stamp  # the data's date, not today's
        self.showOutline()


class _Doc(BaseDocTemplate):
    """Turns anchors into outline entries and records the page each section starts on."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.section_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Anchor):
            self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level, closed=False)
            if flowable.level == 0:
                self.section_pages[flowable.key] = self.page
