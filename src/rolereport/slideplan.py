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
LOGO_SMALL = 0.3  # footer logo height
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


@dataclass(frozen=True)
class Text:
    """A text frame: where it goes, its paragraphs (already fitted) and how to mark them."""

    role: Role
    box: Box
    paras: tuple[Para, ...]
    marker: Literal["", "bullet", "number"] = ""
    start: int = 1
    color: Color = "foreground"
    align: Literal["left", "right"] = "left"


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
    report: Report, aspect: Aspect = "16:9", theme: Theme | None = None
) -> tuple[PlannedSlide, ...]:
    """The deck as plain data: per slide its title, boxes of fitted text, chart or table and
    notes. Text is measured with the theme's fonts (an average glyph width without a theme);
    what does not fit at the floor size moves to a continuation slide. Pure."""
    p = _Planner(report, aspect, theme)
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
    def __init__(self, report: Report, aspect: Aspect, theme: Theme | None) -> None:
        self.r, self.w = report, SLIDE_WIDTH[aspect]
        self.m = Measure(theme.font.regular, theme.font.bold) if theme else Measure()
        self.footer = " · ".join(x for x in (theme.footer if theme else "", report.as_of) if x)
        self.logo = bool(theme and theme.logo_small)
        self.body = Box(MARGIN, BODY_TOP, self.w - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)

    def slide(self, kind: Kind, title: str, kicker: str, notes: str, *extra: Text, **kw):
        m, w = self.m, self.body.w
        head, warn = fit_line(
            m, Box(MARGIN, TITLE_TOP, w, TITLE_H), title, TITLE_PT, True, TITLE_LINE
        )
        texts = [Text("title", Box(MARGIN, TITLE_TOP, w, TITLE_H), (head,), color="primary")]
        warns = [warn]
        if kicker:
            box = Box(MARGIN, KICKER_TOP, w, KICKER_H)
            para, kwarn = fit_line(m, box, kicker, (KICKER_PT, SMALL_PT[1]), True)
            texts.append(Text("kicker", box, (para,), color="muted"))
            warns.append(kwarn)
        warns += kw.pop("warnings", [])
        return PlannedSlide(
            kind, title, 0, notes, (*texts, *extra), warnings=tuple(w for w in warns if w), **kw
        )

    def cover(self) -> PlannedSlide:
        r, m, w = self.r, self.m, self.body.w
        box = Box(MARGIN, COVER_TITLE_TOP, w, COVER_TITLE_H)
        title, warn = fit_line(m, box, r.title, COVER_TITLE_PT, True, TITLE_LINE)
        texts = [Text("title", box, (title,), color="primary")]
        if r.subtitle:
            box = Box(MARGIN, COVER_SUBTITLE_TOP, w, COVER_SUBTITLE_H)
            texts.append(Text("subtitle", box, (fit_line(m, box, r.subtitle, SUBTITLE_PT)[0],)))
        meta = [_tidy(x) for x in (r.as_of, r.audience) if x]
        box = Box(MARGIN, COVER_META_TOP, w, COVER_META_H)
        paras = fit(m, box, lambda s: tuple(Para(x, s) for x in meta), (META_PT, SMALL_PT[0]))
        if meta:
            texts.append(
                Text("meta", box, paras or (Para(" · ".join(meta), SMALL_PT[0]),), color="muted")
            )
        return PlannedSlide(
            "title", r.title, 0, r.summary, tuple(texts), warnings=(warn,) if warn else ()
        )

    def agenda(self) -> list[PlannedSlide]:
        items = [_tidy(s.title) for s in self.r.sections if s.slides]
        if not items:
            return []
        half = Box(self.body.x, self.body.y, (self.body.w - GUTTER) / 2, self.body.h)

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
                    out.append(Text("body", box, paras, "number", start + c * n))
            return out

        def ok(group: Sequence[str], s: float = AGENDA_PT[1]) -> bool:
            return all(self.m.fits(t.paras, t.box) for t in columns(group, s))

        groups = chunks(items, ok, 2 * AGENDA_PER_COLUMN)
        s = next((s for s in sizes(*AGENDA_PT) if all(ok(g, s) for g in groups)), AGENDA_PT[1])
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

        def ok(rows: Sequence[tuple[str, ...]], s: float = TABLE_PT[1]) -> bool:
            return sum(heights(widths(s), [t.header, *rows], s)) <= box.h

        groups = chunks(list(t.rows), ok, max(1, len(t.rows)))
        s = next((s for s in sizes(*TABLE_PT) if all(ok(g, s) for g in groups)), TABLE_PT[1])
        out = []
        for g in groups:
            hs = heights(widths(s), [t.header, *g], s)
            pad = max(0.0, min((box.h - sum(hs)) / len(hs), ROW_PAD))  # air, when there is room
            hs = [h + pad for h in hs]
            v = Visual(
                replace(box, h=sum(hs)), None, t, (t.header, *g), tuple(widths(s)), tuple(hs), s
            )
            out.append(v)
        return out

    def bullets(
        self, items: Sequence[str], box: Box, numbered: bool
    ) -> tuple[list[Text], list[str]]:
        pts = DISCUSSION_PT if numbered else BODY_PT

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
            out.append(Text("body", box, body, "number" if numbered else "bullet", start))
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
        two_lines = [s for s in sizes(*SMALL_PT) if len(self.m.wrap(caption, s, inner)) <= 2]
        para = Para(caption, two_lines[0] if two_lines else SMALL_PT[1])
        h = self.m.height((para,), inner) / 72 + 2 * INSET
        text = Text("caption", Box(area.x, area.y + area.h - h, area.w, h), (para,), color="muted")
        return Visual(replace(area, h=area.h - h - 0.04), chart=spec), [text]

    def content(self, kicker: str, s: Slide) -> list[PlannedSlide]:
        kind: Kind = "discussion" if s.layout == "discussion" else "content"
        if s.layout == "section" or not (s.bullets or s.chart or s.table):
            return [self.divider(kicker, s)]
        body = self.body
        if kind == "discussion":
            left, top, bottom = BAND_INSET
            body = Box(body.x + left, body.y + top, body.w - 2 * left, body.h - top - bottom)
        text_box = visual_box = body
        if s.bullets and (s.chart or s.table):
            text_box = Box(body.x, body.y, body.w * 0.38, body.h)
            visual_box = Box(
                body.x + text_box.w + GUTTER, body.y, body.w - text_box.w - GUTTER, body.h
            )
        texts, warns = (
            self.bullets(s.bullets, text_box, kind == "discussion") if s.bullets else ([], [])
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
                self.slide(kind, title, kicker, s.notes, *extra, visual=visual, warnings=warned)
            )
        return out

    def divider(self, kicker: str, s: Slide) -> PlannedSlide:
        """A section divider: the title large on a band of the primary colour."""
        box = Box(MARGIN, SECTION_TITLE_TOP, self.body.w, COVER_TITLE_H)
        title, warn = fit_line(self.m, box, s.title, COVER_TITLE_PT, True, TITLE_LINE)
        texts = [Text("title", box, (title,))]
        if kicker:
            kbox = replace(box, y=box.y - KICKER_H, h=KICKER_H)
            kpara = fit_line(self.m, kbox, kicker, (KICKER_PT, SMALL_PT[1]), True)[0]
            texts.append(Text("kicker", kbox, (kpara,)))
        return PlannedSlide("section", s.title, 0, s.notes, tuple(texts), warnings=(warn,))

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

        def ok(group: Sequence[SourceRef], s: float = BODY_PT[1]) -> bool:
            return self.m.fits(paras(group, s), self.body)

        groups = chunks(list(refs), ok, MAX_BULLETS)
        s = next((s for s in sizes(20, BODY_PT[1]) if all(ok(g, s) for g in groups)), BODY_PT[1])
        notes = "Every number in brackets in this deck points to this list. " + " ".join(
            f"[{r.number}] {_source(r)}{': ' + r.url if r.url else ''}." for r in refs
        )
        return [
            self.slide("sources", _continued("Sources", i), self.r.title, notes, body)
            for i, g in enumerate(groups)
            for body in [Text("body", self.body, paras(g, s))]
        ]

    def finish(self, number: int, d: PlannedSlide) -> PlannedSlide:
        warns = tuple(f"slide {number} ({d.title}): {w}" for w in d.warnings if w)
        if d.kind == "title":
            return replace(d, number=number, warnings=warns)
        left = MARGIN + (LOGO_SMALL + 0.12 if self.logo else 0)
        box = Box(left, FOOTER_TOP, self.w - MARGIN - PAGE_W - left, FOOTER_H)
        para, warn = fit_line(self.m, box, self.footer, SMALL_PT)
        page = Box(self.w - MARGIN - PAGE_W, FOOTER_TOP, PAGE_W, FOOTER_H)
        texts = (
            *d.texts,
            Text("footer", box, (para,), color="muted"),
            Text("page", page, (Para(str(number), SMALL_PT[0]),), color="muted", align="right"),
        )
        if warn:
            warns += (f"slide {number}: footer: {warn}",)
        return replace(d, number=number, texts=texts, warnings=warns)
