"""Where a slide's parts go, on our own grid or a template's placeholders, with its title fitted."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..brand.theme import Theme
from ..content.model import Report
from ..text.formats import words
from ..text.measure import Box, Measure, Para, fit_line
from .model import Aspect, Frames, Kind, LayoutFrame, PlannedSlide, Slot, Text

# Geometry, in inches. Horizontal positions scale with the slide width; the height is 7.5 in.
SLIDE_WIDTH = {"16:9": 40 / 3, "4:3": 10.0}
SLIDE_HEIGHT = 7.5
MARGIN = 0.6  # left and right
KICKER_TOP, KICKER_H = 0.36, 0.34
TITLE_TOP, TITLE_H = 0.66, 1.0
BODY_TOP, BODY_BOTTOM = 1.8, 6.74  # the body ends a clear 0.24 in above the footer rule
FOOTER_TOP, FOOTER_H = 7.04, 0.32
LOGO_SMALL, LOGO_WIDEST = 0.3, 3.0  # footer logo height, and its width at most × height
PAGE_W = 0.9  # slide number box
BAND_TOP = BODY_TOP - 0.12  # discussion slides: a tinted band behind the body, down to its end
BAND_INSET = (0.25, 0.1, 0.3)  # the text inside the band: left and right, top, bottom
GUTTER = 0.4  # between columns, and between bullets and a chart beside them
CHART_INSET = 0.2  # a chart sits this much inside the body width on each side
CELL_INSET_X, CELL_INSET_Y = 0.08, 0.05
COVER_LOGO_TOP, COVER_LOGO_H = 0.6, 0.8
COVER_TITLE_TOP, COVER_TITLE_H = 2.55, 1.8
COVER_SUBTITLE_TOP, COVER_SUBTITLE_H = 4.4, 0.8
COVER_META_TOP, COVER_META_H = 5.3, 0.95
SECTION_TITLE_TOP = 3.0  # a section divider's title, on a band of the primary colour
# Font sizes in points: (start, floor), shrunk in 2 pt steps.
TITLE_PT, COVER_TITLE_PT, SUBTITLE_PT = (32, 24), (44, 28), (26, 18)
BODY_PT, DISCUSSION_PT, TABLE_PT, AGENDA_PT = (28, 14), (28, 24), (24, 14), (28, 16)
SMALL_PT = (12, 9)  # kicker is bold 14; captions, footers and cover meta use these
KICKER_PT, META_PT = 14, 18
MAX_BULLETS, AGENDA_PER_COLUMN = 6, 6
TITLE_LINE = 1.1  # a title's line pitch × size (body text uses measure.LINE)
# PowerPoint and LibreOffice break a line by their own rounding of the glyph advances, not by
# the exact sums the measurer gives: LibreOffice 7.4 broke 4 of 206 test paragraphs onto an
# extra line when they were fitted to 99.8% of their frames, none at 99.5% (Carlito and
# DejaVu Sans, 10-28 pt). The plan breaks lines at 99% of a frame's width: twice that,
# for PowerPoint, which cannot be measured here.
RENDERER_MARGIN = 0.99
SPACE, SPREAD = 0.5, 1.0  # space before a paragraph after the first, × size: least and most
ROW_PAD = 0.25  # inches a table row may grow by when the slide has room


@dataclass(frozen=True)
class Page:
    """A slide's parts on one layout: empty text frames with their boxes and placeholders."""

    layout: str
    title: Text
    kicker: Text
    body: Text
    footer: Text
    page: Text
    logo: Box | None


def into(text: Text, slot: Slot | None) -> Text:
    """The text frame moved into a template's placeholder, when there is one."""
    return replace(text, box=slot.box, slot=slot.idx, align=slot.align) if slot else text


def tidy(text: str) -> str:
    """The text on one line, its runs of whitespace made single spaces; no-break spaces
    (as in "145.080 $", written by the locale's number formats) are kept."""
    return " ".join(words(text))


class Planner:
    """What every slide kind plans with: the slide size and type scale, the fonts to measure
    with, the pages of each layout; it fits titles, kickers, footers and page numbers."""

    def __init__(
        self,
        report: Report,
        aspect: Aspect,
        theme: Theme | None,
        frames: Frames | None,
        logo_aspect: float,
    ) -> None:
        self.r, self.frames = report, frames
        self.native_charts = theme is None or theme.deck_charts == "native"
        self.w, self.h = frames.size if frames else (SLIDE_WIDTH[aspect], SLIDE_HEIGHT)
        self.k = self.h / SLIDE_HEIGHT  # vertical geometry and type scale with the height
        fill = RENDERER_MARGIN
        self.m = Measure(*((theme.font.regular, theme.font.bold) if theme else ()), fill=fill)
        heading = theme.heading_font if theme else None
        self.hm = Measure(heading.regular, heading.bold, fill) if heading else self.m
        self.footer = " · ".join(x for x in (theme.footer if theme else "", report.as_of) if x)
        self.logos = (bool(theme and theme.logo_large), bool(theme and theme.logo_small))
        self.logo_aspect = min(max(logo_aspect, 0.2), LOGO_WIDEST)
        self.content_page = self._page(frames.content if frames else None)
        divider = not frames or frames.section.name != frames.content.name  # else a plain slide
        self.section_page = self._page(frames.section if frames else None, section=divider)
        two = frames.two if frames else None
        self.two = two if two and len(two.find_all("body")) >= 2 else None
        self.two_page = self._page(self.two) if self.two else None
        pages = (self.section_page, self.two_page, self.content_page)
        self.pages = {pg.layout: pg for pg in pages if pg}  # the footer by layout name
        self.body = self.content_page.body.box

    def pt(self, pts: tuple[int, int]) -> tuple[int, int]:
        """A (start, floor) pair of point sizes for this slide height."""
        return (self.pt1(pts[0]), self.pt1(pts[1]))

    def pt1(self, size: float) -> int:
        return max(1, int(size * self.k + 0.5))

    def _page(self, frame: LayoutFrame | None, section: bool = False) -> Page:
        """Where the parts of a slide go: the template's placeholders, else our own grid."""
        k, w, bw, kh = self.k, self.w, self.w - 2 * MARGIN, KICKER_H * self.k
        top, high = (SECTION_TITLE_TOP, COVER_TITLE_H) if section else (TITLE_TOP, TITLE_H)
        title = Text("title", Box(MARGIN, top * k, bw, high * k), (), color="primary", slot=0)
        kicker = Text("kicker", Box(MARGIN, KICKER_TOP * k, bw, kh), (), color="muted")
        if section:
            kicker = replace(kicker, box=replace(title.box, y=title.box.y - kh, h=kh))
        body = Text("body", Box(MARGIN, BODY_TOP * k, bw, (BODY_BOTTOM - BODY_TOP) * k), ())
        footer_box = Box(MARGIN, FOOTER_TOP * k, w - 2 * MARGIN - PAGE_W, FOOTER_H * k)
        footer = Text("footer", footer_box, (), color="muted")
        page_box = Box(w - MARGIN - PAGE_W, FOOTER_TOP * k, PAGE_W, FOOTER_H * k)
        page = Text("page", page_box, (), color="muted", align="right")
        if frame:
            if found := frame.find("title"):
                t, title = found.box, into(title, found)
                kicker = replace(kicker, box=replace(t, y=t.y - kh, h=kh), align=found.align)
                if t.y < kh + 0.04 * k:  # no room above: the kicker tops the title's box
                    kicker = replace(kicker, box=replace(t, h=kh))
                    title = replace(title, box=replace(t, y=t.y + kh, h=t.h - kh))
            if section:
                kicker = into(kicker, frame.find("body"))
            else:
                body = into(body, frame.find("body"))
            footer, page = into(footer, frame.find("footer")), into(page, frame.find("page"))
        logo = None
        if self.logos[1]:
            lh, fb, gap = LOGO_SMALL * k, footer.box, 0.12
            lw = lh * self.logo_aspect
            if fb.x < MARGIN + lw + gap:  # the footer text starts after the logo
                right = MARGIN + lw + gap
                footer = replace(footer, box=Box(right, fb.y, fb.x + fb.w - right, fb.h))
            room = footer.box.x - gap - MARGIN  # a logo too wide is shrunk to stay clear of it
            logo = Box(MARGIN, fb.y + (fb.h - lh) / 2, min(lw, room), lh)
        name = frame.name if frame else "Title Only"
        return Page(name, title, kicker, body, footer, page, logo)

    def slide(
        self, kind: Kind, title: str, kicker: str, notes: str, *extra: Text, **kw
    ) -> PlannedSlide:
        """A slide on a page (the content page unless `page=` names another): its title and
        kicker fitted, then the `extra` text frames; numbered and footed by `finish`."""
        pg: Page = kw.pop("page", self.content_page)
        pts = self.pt(TITLE_PT)
        head, warn = fit_line(self.hm, pg.title.box, title, pts, True, TITLE_LINE)
        texts, warns = [replace(pg.title, paras=(head,))], [warn]
        if kicker:
            pts = (self.pt1(KICKER_PT), self.pt(SMALL_PT)[1])
            para, kwarn = fit_line(self.m, pg.kicker.box, kicker, pts, True)
            texts.append(replace(pg.kicker, paras=(para,)))
            warns.append(kwarn)
        warns += kw.pop("warnings", [])
        return PlannedSlide(
            kind,
            title,
            0,
            notes,
            (*texts, *extra),
            warnings=tuple(w for w in warns if w),
            layout=pg.layout,
            **kw,
        )

    def finish(self, number: int, d: PlannedSlide) -> PlannedSlide:
        """The drafted slide numbered, with its footer, page number and small logo."""
        warns = tuple(f"slide {number} ({d.title}): {w}" for w in d.warnings if w)
        if d.kind == "title":
            return replace(d, number=number, warnings=warns)
        pg, pts = self.pages[d.layout], self.pt(SMALL_PT)
        para, warn = fit_line(self.m, pg.footer.box, self.footer, pts)
        footer = replace(pg.footer, paras=(para,))
        page = replace(pg.page, paras=(Para(str(number), pts[0]),))
        if warn:
            warns += (f"slide {number}: footer: {warn}",)
        texts = (*d.texts, footer, page)
        return replace(d, number=number, texts=texts, warnings=warns, logo=pg.logo)
