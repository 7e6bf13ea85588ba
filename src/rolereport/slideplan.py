"""The deck's plan: Report → slides of boxes holding measured, fitted text (pure, no pptx)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal, TypeVar

from .brand import Theme
from .formats import cite_mark
from .model import ChartSpec, Report, Slide, SourceRef, Table
from .textfit import INSET, LINE, Box, Measure, Para, fit, fit_line, sizes, split_long

Aspect = Literal["16:9", "4:3"]
T = TypeVar("T")

# Geometry, in inches. Horizontal positions scale with the slide width; the height is 7.5 in.
SLIDE_WIDTH = {"16:9": 40 / 3, "4:3": 10.0}
SLIDE_HEIGHT = 7.5
MARGIN = 0.6  # left and right
KICKER_TOP, KICKER_H = 0.36, 0.34
TITLE_TOP, TITLE_H = 0.66, 1.0
BODY_TOP, BODY_BOTTOM = 1.8, 6.78
FOOTER_TOP, FOOTER_H = 6.98, 0.32
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
TITLE_LINE = 1.1  # a title's line pitch × size (body text uses textfit.LINE)
SPACE, SPREAD = 0.5, 1.0  # space before a paragraph after the first, × size: least and most
ROW_PAD = 0.25  # inches a table row may grow by when the slide has room


Role = Literal["title", "kicker", "subtitle", "meta", "body", "caption", "footer", "page"]
Color = Literal["foreground", "primary", "muted", "ink"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    """A text frame: where it goes, its paragraphs (already fitted) and how to mark them."""

    role: Role
    box: Box
    paras: tuple[Para, ...]
    marker: Literal["", "bullet", "number"] = ""
    start: int = 1
    color: Color = "foreground"
    align: Align = "left"
    slot: int | None = None  # the idx of the layout placeholder that holds it, else a text box


@dataclass(frozen=True)
class Visual:
    box: Box
    chart: ChartSpec | None = None
    table: Table | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # the table rows on this slide, header first
    widths: tuple[float, ...] = ()  # inches per column
    heights: tuple[float, ...] = ()  # inches per row
    size: float = 0.0  # table text size


Kind = Literal["title", "agenda", "glance", "content", "discussion", "section", "sources"]


@dataclass(frozen=True)
class PlannedSlide:
    kind: Kind
    title: str
    number: int
    notes: str
    texts: tuple[Text, ...]  # the title first
    visual: Visual | None = None
    warnings: tuple[str, ...] = field(default=())
    layout: str = "Title Only"  # the slide layout, by name
    logo: Box | None = None  # left, top, the most width and the height of the logo


SlotKind = Literal["title", "subtitle", "body", "footer", "page"]


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
class _Page:
    """A slide's parts on one layout: empty text frames with their boxes and placeholders."""

    layout: str
    title: Text
    kicker: Text
    body: Text
    footer: Text
    page: Text
    logo: Box | None


def _into(text: Text, slot: Slot | None) -> Text:
    """The text frame moved into a template's placeholder, when there is one."""
    return replace(text, box=slot.box, slot=slot.idx, align=slot.align) if slot else text


def chunks(items: Sequence[T], ok: Callable[[Sequence[T]], bool], limit: int) -> list[list[T]]:
    """Split items into the fewest slides that each fit (evenly when that fits too)."""
    greedy: list[list[T]] = []
    for item in items:
        if greedy and len(greedy[-1]) < limit and ok([*greedy[-1], item]):
            greedy[-1].append(item)
        else:
            greedy.append([item])
    k, n = len(greedy), len(items)
    even, i = [], 0
    for j in range(k):
        size = n // k + (1 if j < n % k else 0)
        even.append(list(items[i : i + size]))
        i += size
    return even if all(len(c) <= limit and ok(c) for c in even) else greedy


def plan_slides(
    report: Report,
    aspect: Aspect = "16:9",
    theme: Theme | None = None,
    frames: Frames | None = None,
    logo_aspect: float = 1.0,
) -> tuple[PlannedSlide, ...]:
    """The deck as plain data: per slide its layout, title, boxes of fitted text, chart or table
    and notes. Text is measured with the theme's fonts (an average glyph width without a
    theme); what does not fit at the floor size moves to a continuation slide. With `frames`
    (a template's size and layouts) text goes into the layouts' placeholders and the slide
    size is the template's, whatever the aspect. `logo_aspect` is the small logo's width over
    its height: the footer text starts after it. Pure."""
    p = _Planner(report, aspect, theme, frames, logo_aspect)
    drafts = [p.cover(), *p.agenda(), *p.glance()]
    for section in report.sections:
        for slide in section.slides:
            drafts.extend(p.content(section.title, slide))
    drafts.extend(p.sources())
    return tuple(p.finish(i + 1, d) for i, d in enumerate(drafts))


def has_label_column(table: Table) -> bool:
    """True when the first column labels the rows (role columns, if any, follow it)."""
    return len(table.role_columns) != len(table.header)


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _source(ref: SourceRef) -> str:
    return _tidy(", ".join(x for x in (ref.title, ref.publisher, str(ref.year or "")) if x))


def _continued(title: str, i: int) -> str:
    return f"{title} (continued)" if i else title


class _Planner:
    def __init__(
        self,
        report: Report,
        aspect: Aspect,
        theme: Theme | None,
        frames: Frames | None,
        logo_aspect: float,
    ) -> None:
        self.r, self.frames = report, frames
        self.w, self.h = frames.size if frames else (SLIDE_WIDTH[aspect], SLIDE_HEIGHT)
        self.k = self.h / SLIDE_HEIGHT  # vertical geometry and type scale with the height
        self.m = Measure(theme.font.regular, theme.font.bold) if theme else Measure()
        heading = theme.heading_font if theme else None
        self.hm = Measure(heading.regular, heading.bold) if heading else self.m
        self.footer = " · ".join(x for x in (theme.footer if theme else "", report.as_of) if x)
        self.logos = (bool(theme and theme.logo_large), bool(theme and theme.logo_small))
        self.logo_aspect = min(max(logo_aspect, 0.2), LOGO_WIDEST)
        self.content_page = self.page(frames.content if frames else None)
        divider = not frames or frames.section.name != frames.content.name  # else a plain slide
        self.section_page = self.page(frames.section if frames else None, section=divider)
        two = frames.two if frames else None
        self.two = two if two and len(two.find_all("body")) >= 2 else None
        self.two_page = self.page(self.two) if self.two else None
        pages = (self.section_page, self.two_page, self.content_page)
        self.pages = {pg.layout: pg for pg in pages if pg}  # the footer by layout name
        self.body = self.content_page.body.box

    def pt(self, pts: tuple[int, int]) -> tuple[int, int]:
        """A (start, floor) pair of point sizes for this slide height."""
        return (self.pt1(pts[0]), self.pt1(pts[1]))

    def pt1(self, size: float) -> int:
        return max(1, int(size * self.k + 0.5))

    def page(self, frame: LayoutFrame | None, section: bool = False) -> _Page:
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
                t, title = found.box, _into(title, found)
                kicker = replace(kicker, box=replace(t, y=t.y - kh, h=kh), align=found.align)
                if t.y < kh + 0.04 * k:  # no room above: the kicker tops the title's box
                    kicker = replace(kicker, box=replace(t, h=kh))
                    title = replace(title, box=replace(t, y=t.y + kh, h=t.h - kh))
            if section:
                kicker = _into(kicker, frame.find("body"))
            else:
                body = _into(body, frame.find("body"))
            footer, page = _into(footer, frame.find("footer")), _into(page, frame.find("page"))
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
        return _Page(name, title, kicker, body, footer, page, logo)

    def slide(
        self, kind: Kind, title: str, kicker: str, notes: str, *extra: Text, **kw
    ) -> PlannedSlide:
        pg: _Page = kw.pop("page", self.content_page)
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

    def cover(self) -> PlannedSlide:
        r, m, k, bw = self.r, self.m, self.k, self.w - 2 * MARGIN
        frame = self.frames.title if self.frames else None
        title = Text("title", Box(MARGIN, COVER_TITLE_TOP * k, bw, COVER_TITLE_H * k), ())
        title = replace(title, color="primary", slot=0)
        sub_box = Box(MARGIN, COVER_SUBTITLE_TOP * k, bw, COVER_SUBTITLE_H * k)
        sub = Text("subtitle", sub_box, (), slot=None if frame else 1)  # "Title Slide" idx 1
        meta = Text("meta", Box(MARGIN, COVER_META_TOP * k, bw, COVER_META_H * k), ())
        meta, lines = replace(meta, color="muted"), [_tidy(x) for x in (r.as_of, r.audience) if x]
        holder = (frame.find("subtitle") or frame.find("body")) if frame else None
        if frame:
            title = _into(title, frame.find("title"))
            sub, meta = (_into(sub, holder), meta) if r.subtitle else (sub, _into(meta, holder))
        pts = self.pt(COVER_TITLE_PT)
        head, warn = fit_line(self.hm, title.box, r.title, pts, True, TITLE_LINE)
        texts = [replace(title, paras=(head,))]
        if r.subtitle:
            shared = holder is not None and bool(lines)  # the meta lines below, in its box
            b = sub.box
            para = fit_line(
                m, replace(b, h=b.h * 0.6) if shared else b, r.subtitle, self.pt(SUBTITLE_PT)
            )[0]
            if shared:
                used = m.height((para,), (b.w - 2 * INSET) * 72) / 72 + 2 * INSET
                meta = replace(meta, box=Box(b.x, b.y + used, b.w, b.h - used), align=sub.align)
                sub = replace(sub, box=replace(b, h=used))
            texts.append(replace(sub, paras=(para,)))
        if lines:
            small = self.pt(SMALL_PT)[0]
            pts = (self.pt1(META_PT), small)
            paras = fit(m, meta.box, lambda s: tuple(Para(x, s) for x in lines), pts)
            texts.append(replace(meta, paras=paras or (Para(" · ".join(lines), small),)))
        logo = None
        if self.logos[0]:
            logo = Box(MARGIN, COVER_LOGO_TOP * k, self.w * 0.45, COVER_LOGO_H * k)
            room = title.box.y - 0.1 * k - logo.y  # a template's title may sit high
            logo = replace(logo, h=min(logo.h, room)) if room >= 0.3 * k else None
        return PlannedSlide(
            "title",
            r.title,
            0,
            r.summary,
            tuple(texts),
            warnings=(warn,) if warn else (),
            layout=frame.name if frame else "Title Slide",
            logo=logo,
        )

    def agenda(self) -> list[PlannedSlide]:
        items = [_tidy(s.title) for s in self.r.sections if s.slides]
        if not items:
            return []
        half = Box(self.body.x, self.body.y, (self.body.w - GUTTER) / 2, self.body.h)
        slot, pts = self.content_page.body.slot, self.pt(AGENDA_PT)

        def columns(group: Sequence[str], s: float, start: int = 1) -> list[Text]:
            n = (len(group) + 1) // 2 if len(group) > AGENDA_PER_COLUMN else len(group)
            out = []
            for c, part in enumerate((group[:n], group[n:])):
                if part:
                    box = Box(half.x + c * (half.w + GUTTER), half.y, half.w, half.h)
                    ind = self.m.width("00.", s, True) + 0.5 * s
                    paras = tuple(
                        Para(t, s, space=SPACE * 1.6 * s if i else 0, indent=ind)
                        for i, t in enumerate(part)
                    )
                    at = None if c else slot  # the first column fills the body placeholder
                    out.append(Text("body", box, paras, "number", start + c * n, slot=at))
            return out

        def ok(group: Sequence[str], s: float = pts[1]) -> bool:
            return all(self.m.fits(t.paras, t.box) for t in columns(group, s))

        groups = chunks(items, ok, 2 * AGENDA_PER_COLUMN)
        s = next((s for s in sizes(*pts) if all(ok(g, s) for g in groups)), pts[1])
        notes = (
            f"Today we cover {len(items)} parts: "
            + "; ".join(f"{i + 1}. {t}" for i, t in enumerate(items))
            + f". {self.r.as_of}. Every figure carries a number in brackets that points to the "
            "sources list on the last slide."
        )
        out, start = [], 1
        for i, g in enumerate(groups):
            out.append(
                self.slide(
                    "agenda", _continued("Agenda", i), self.r.title, notes, *columns(g, s, start)
                )
            )
            start += len(g)
        return out

    def glance(self) -> list[PlannedSlide]:
        t = self.r.at_a_glance
        if not t.rows:
            return []
        label = has_label_column(t)
        lines = []
        for row in t.rows:
            cells = (
                zip(t.header[1:], row[1:], strict=False)
                if label
                else zip(t.header, row, strict=False)
            )
            pairs = "; ".join(f"{h} – {v}" for h, v in cells)
            lines.append(f"{row[0]}: {pairs}." if label else f"{pairs}.")
        notes = "The key figures, as the data gives them: " + " ".join(lines)
        title = t.caption or "At a glance"
        return [
            self.slide("glance", _continued(title, i), self.r.title, notes, visual=v)
            for i, v in enumerate(self.table_visuals(t, self.body))
        ]

    def table_visuals(self, t: Table, box: Box) -> list[Visual]:
        label, n = has_label_column(t), len(t.header)

        def heights(
            widths: Sequence[float], rows: Sequence[Sequence[str]], s: float
        ) -> list[float]:
            """Inches per row (the first row is the header) at `s` points."""
            return [
                max(
                    len(
                        self.m.wrap(
                            _tidy(c), s, (w - 2 * CELL_INSET_X) * 72, not i or (label and not j)
                        )
                    )
                    for j, (c, w) in enumerate(zip(row, widths, strict=True))
                )
                * s
                * LINE
                / 72
                + 2 * CELL_INSET_Y
                for i, row in enumerate(rows)
            ]

        def columns(first: float) -> list[float]:
            return [first] + [(box.w - first) / (n - 1)] * (n - 1)

        @cache
        def widths(s: float) -> list[float]:
            """Equal columns, or the label column width that makes the table shortest."""
            if not label or n < 2:
                return [box.w / n] * n
            firsts = [box.w * f / 100 for f in range(20, 42, 2)]
            rows = [t.header, *t.rows]
            return columns(min(firsts, key=lambda f: sum(heights(columns(f), rows, s))))

        pts = self.pt(TABLE_PT)

        def ok(rows: Sequence[tuple[str, ...]], s: float = pts[1]) -> bool:
            return sum(heights(widths(s), [t.header, *rows], s)) <= box.h

        groups = chunks(list(t.rows), ok, max(1, len(t.rows)))
        s = next((s for s in sizes(*pts) if all(ok(g, s) for g in groups)), pts[1])
        out = []
        for g in groups:
            hs = heights(widths(s), [t.header, *g], s)
            pad = max(0.0, min((box.h - sum(hs)) / len(hs), ROW_PAD * self.k))  # air, if room
            hs = [h + pad for h in hs]
            v = Visual(
                replace(box, h=sum(hs)), None, t, (t.header, *g), tuple(widths(s)), tuple(hs), s
            )
            out.append(v)
        return out

    def bullets(
        self, items: Sequence[str], box: Box, numbered: bool, slot: int | None
    ) -> tuple[list[Text], list[str]]:
        pts = self.pt(DISCUSSION_PT if numbered else BODY_PT)

        def paras(group: Sequence[str], s: float) -> tuple[Para, ...]:
            ind = s * (1.5 if numbered else 1.0)
            return tuple(
                Para(t, s, space=SPACE * s if i else 0, indent=ind) for i, t in enumerate(group)
            )

        def ok(group: Sequence[str], s: float = pts[1]) -> bool:
            return self.m.fits(paras(group, s), box)

        flat = [piece for t in items for piece in split_long(_tidy(t), lambda x: ok([x]))]
        warns = [] if len(flat) == len(items) else ["a bullet too long for one slide was split"]
        groups = chunks(flat, ok, MAX_BULLETS)
        s = next((s for s in sizes(*pts) if all(ok(g, s) for g in groups)), pts[1])
        out, start = [], 1
        for g in groups:
            body = self.spread(paras(g, s), box)
            marker = "number" if numbered else "bullet"
            out.append(Text("body", box, body, marker, start, slot=slot))
            start += len(g)
        return out, warns

    def spread(self, paras: tuple[Para, ...], box: Box) -> tuple[Para, ...]:
        """More space between paragraphs, up to SPREAD × size, when the box has room."""
        if len(paras) < 2:
            return paras
        spare = (box.h - 2 * INSET) * 72 - self.m.height(paras, (box.w - 2 * INSET) * 72)
        extra = max(0.0, spare / (len(paras) - 1))
        return tuple(
            replace(p, space=min(p.space + extra, SPREAD * p.size)) if i else p
            for i, p in enumerate(paras)
        )

    def chart(self, spec: ChartSpec, box: Box, inset: float) -> tuple[Visual, list[Text]]:
        """The chart at the size it is drawn, with its note and source as a caption below."""
        area = Box(box.x + inset, box.y, box.w - 2 * inset, box.h)
        source = f"Source{'s' * (len(spec.cites) > 1)}: {cite_mark(spec.cites)}"
        caption = _tidy(" ".join(x for x in (spec.note, source if spec.cites else "") if x))
        if not caption:
            return Visual(area, chart=spec), []
        inner = (area.w - 2 * INSET) * 72
        pts = self.pt(SMALL_PT)
        two_lines = [s for s in sizes(*pts) if len(self.m.wrap(caption, s, inner)) <= 2]
        para = Para(caption, two_lines[0] if two_lines else pts[1])
        h = self.m.height((para,), inner) / 72 + 2 * INSET
        text = Text("caption", Box(area.x, area.y + area.h - h, area.w, h), (para,), color="muted")
        return Visual(replace(area, h=area.h - h - 0.04), chart=spec), [text]

    def content(self, kicker: str, s: Slide) -> list[PlannedSlide]:
        kind: Kind = "discussion" if s.layout == "discussion" else "content"
        if s.layout == "section" or not (s.bullets or s.chart or s.table):
            return [self.divider(kicker, s)]
        pg = self.content_page
        body, slot = pg.body.box, pg.body.slot
        if kind == "discussion" and not self.frames:  # our own look: text on a tinted band
            left, top, bottom = BAND_INSET
            body = Box(body.x + left, body.y + top, body.w - 2 * left, body.h - top - bottom)
        text_box = visual_box = body
        if s.bullets and (s.chart or s.table):
            if self.two and self.two_page:  # the template's two-column layout
                pg, (left_slot, right_slot) = self.two_page, self.two.find_all("body")[:2]
                text_box, visual_box, slot = left_slot.box, right_slot.box, left_slot.idx
            else:
                text_box = Box(body.x, body.y, body.w * 0.38, body.h)
                visual_box = Box(
                    body.x + text_box.w + GUTTER, body.y, body.w - text_box.w - GUTTER, body.h
                )
        texts, warns = (
            self.bullets(s.bullets, text_box, kind == "discussion", slot) if s.bullets else ([], [])
        )
        visuals: list[tuple[Visual, list[Text]]] = []
        if s.chart:
            visuals.append(self.chart(s.chart, visual_box, 0 if s.bullets else CHART_INSET))
        elif s.table:
            visuals = [(v, []) for v in self.table_visuals(s.table, visual_box)]
        out = []
        for i in range(max(len(texts), len(visuals))):
            visual, extra = visuals[i] if i < len(visuals) else (None, [])
            extra = texts[i : i + 1] + extra
            title, warned = _continued(s.title, i), warns if i == 0 else []
            out.append(
                self.slide(
                    kind, title, kicker, s.notes, *extra, visual=visual, warnings=warned, page=pg
                )
            )
        return out

    def divider(self, kicker: str, s: Slide) -> PlannedSlide:
        """A section divider: the title large (on a band of the primary colour, without a
        template), the part it opens above it."""
        pg = self.section_page
        pts = self.pt(COVER_TITLE_PT)
        title, warn = fit_line(self.hm, pg.title.box, s.title, pts, True, TITLE_LINE)
        texts = [replace(pg.title, paras=(title,))]
        if kicker:
            kpts = (self.pt1(KICKER_PT), self.pt(SMALL_PT)[1])
            kpara = fit_line(self.m, pg.kicker.box, kicker, kpts, True)[0]
            texts.append(replace(pg.kicker, paras=(kpara,)))
        return PlannedSlide(
            "section", s.title, 0, s.notes, tuple(texts), warnings=(warn,), layout=pg.layout
        )

    def sources(self) -> list[PlannedSlide]:
        refs = self.r.sources

        def paras(group: Sequence[SourceRef], s: float) -> tuple[Para, ...]:
            ind = self.m.width("[00]", s, True) + 0.5 * s
            out: list[Para] = []
            for i, ref in enumerate(group):
                label, space = f"[{ref.number}]", SPACE * s if i else 0
                out.append(Para(_source(ref), s, space=space, indent=ind, label=label))
                if ref.url:
                    out.append(Para(ref.url, round(s * 0.8), indent=ind, link=ref.url))
            return tuple(out)

        floor = self.pt(BODY_PT)[1]

        def ok(group: Sequence[SourceRef], s: float = floor) -> bool:
            return self.m.fits(paras(group, s), self.body)

        groups = chunks(list(refs), ok, MAX_BULLETS)
        s = next((s for s in sizes(self.pt1(20), floor) if all(ok(g, s) for g in groups)), floor)
        notes = "Every number in brackets in this deck points to this list. " + " ".join(
            f"[{r.number}] {_source(r)}{': ' + r.url if r.url else ''}." for r in refs
        )
        return [
            self.slide("sources", _continued("Sources", i), self.r.title, notes, body)
            for i, g in enumerate(groups)
            for body in [replace(self.content_page.body, paras=paras(g, s))]
        ]

    def finish(self, number: int, d: PlannedSlide) -> PlannedSlide:
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
