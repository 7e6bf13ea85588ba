"""One planning function per slide kind: cover, agenda, at a glance, content, divider, sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..content.model import Slide, SourceRef
from ..text.measure import INSET, Box, Para, fit, fit_line, sizes
from .body import bullets, chart, chunks, has_label_column, table_visuals
from .layout import (
    AGENDA_PER_COLUMN,
    AGENDA_PT,
    BAND_INSET,
    BODY_PT,
    CHART_INSET,
    COVER_LOGO_H,
    COVER_LOGO_TOP,
    COVER_META_H,
    COVER_META_TOP,
    COVER_SUBTITLE_H,
    COVER_SUBTITLE_TOP,
    COVER_TITLE_H,
    COVER_TITLE_PT,
    COVER_TITLE_TOP,
    GUTTER,
    KICKER_PT,
    MARGIN,
    MAX_BULLETS,
    META_PT,
    SMALL_PT,
    SPACE,
    SUBTITLE_PT,
    TITLE_LINE,
    Planner,
    into,
    tidy,
)
from .model import Kind, PlannedSlide, Text, Visual


def _source(ref: SourceRef) -> str:
    return tidy(", ".join(x for x in (ref.title, ref.publisher, str(ref.year or "")) if x))


def _continued(p: Planner, title: str, i: int) -> str:
    return p.r.words.fill("continued", title=title) if i else title


def cover(p: Planner) -> PlannedSlide:
    """The title slide: title, subtitle, date and audience, and the large logo."""
    r, m, k, bw = p.r, p.m, p.k, p.w - 2 * MARGIN
    frame = p.frames.title if p.frames else None
    title = Text("title", Box(MARGIN, COVER_TITLE_TOP * k, bw, COVER_TITLE_H * k), ())
    title = replace(title, color="primary", slot=0)
    sub_box = Box(MARGIN, COVER_SUBTITLE_TOP * k, bw, COVER_SUBTITLE_H * k)
    sub = Text("subtitle", sub_box, (), slot=None if frame else 1)  # "Title Slide" idx 1
    meta = Text("meta", Box(MARGIN, COVER_META_TOP * k, bw, COVER_META_H * k), ())
    meta, lines = replace(meta, color="muted"), [tidy(x) for x in (r.as_of, r.audience) if x]
    holder = (frame.find("subtitle") or frame.find("body")) if frame else None
    if frame:
        title = into(title, frame.find("title"))
        sub, meta = (into(sub, holder), meta) if r.subtitle else (sub, into(meta, holder))
    pts = p.pt(COVER_TITLE_PT)
    head, warn = fit_line(p.hm, title.box, r.title, pts, True, TITLE_LINE)
    texts = [replace(title, paras=(head,))]
    if r.subtitle:
        shared = holder is not None and bool(lines)  # the meta lines below, in its box
        b = sub.box
        box = replace(b, h=b.h * 0.6) if shared else b
        para = fit_line(m, box, r.subtitle, p.pt(SUBTITLE_PT))[0]
        if shared:
            used = m.height((para,), (b.w - 2 * INSET) * 72) / 72 + 2 * INSET
            meta = replace(meta, box=Box(b.x, b.y + used, b.w, b.h - used), align=sub.align)
            sub = replace(sub, box=replace(b, h=used))
        texts.append(replace(sub, paras=(para,)))
    if lines:
        small = p.pt(SMALL_PT)[0]
        pts = (p.pt1(META_PT), small)
        paras = fit(m, meta.box, lambda s: tuple(Para(x, s) for x in lines), pts)
        texts.append(replace(meta, paras=paras or (Para(" · ".join(lines), small),)))
    logo = None
    if p.logos[0]:
        logo = Box(MARGIN, COVER_LOGO_TOP * k, p.w * 0.45, COVER_LOGO_H * k)
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


def agenda(p: Planner) -> list[PlannedSlide]:
    """The parts of the report, numbered, in up to two columns a slide."""
    items = [tidy(s.title) for s in p.r.sections if s.slides]
    if not items:
        return []
    half = Box(p.body.x, p.body.y, (p.body.w - GUTTER) / 2, p.body.h)
    slot, pts = p.content_page.body.slot, p.pt(AGENDA_PT)

    def columns(group: Sequence[str], s: float, start: int = 1) -> list[Text]:
        n = (len(group) + 1) // 2 if len(group) > AGENDA_PER_COLUMN else len(group)
        out = []
        for c, part in enumerate((group[:n], group[n:])):
            if part:
                box = Box(half.x + c * (half.w + GUTTER), half.y, half.w, half.h)
                ind = p.m.width("00.", s, True) + 0.5 * s
                paras = tuple(
                    Para(t, s, space=SPACE * 1.6 * s if i else 0, indent=ind)
                    for i, t in enumerate(part)
                )
                at = None if c else slot  # the first column fills the body placeholder
                out.append(Text("body", box, paras, "number", start + c * n, slot=at))
        return out

    def ok(group: Sequence[str], s: float = pts[1]) -> bool:
        return all(p.m.fits(t.paras, t.box) for t in columns(group, s))

    groups = chunks(items, ok, 2 * AGENDA_PER_COLUMN)
    s = next((s for s in sizes(*pts) if all(ok(g, s) for g in groups)), pts[1])
    words = p.r.words
    parts = "; ".join(f"{i + 1}. {t}" for i, t in enumerate(items))
    notes = words.fill("agenda_notes", count=len(items), parts=parts, data=p.r.as_of)
    out, start = [], 1
    for i, g in enumerate(groups):
        title = _continued(p, words.agenda, i)
        out.append(p.slide("agenda", title, p.r.title, notes, *columns(g, s, start)))
        start += len(g)
    return out


def glance(p: Planner) -> list[PlannedSlide]:
    """The at-a-glance table, with its figures read out in the notes."""
    t = p.r.at_a_glance
    if not t.rows:
        return []
    label = has_label_column(t)
    lines = []
    for row in t.marked():
        cells = (
            zip(t.header[1:], row[1:], strict=False) if label else zip(t.header, row, strict=False)
        )
        pairs = "; ".join(f"{h} – {v}" for h, v in cells)
        lines.append(f"{row[0]}: {pairs}." if label else f"{pairs}.")
    notes = p.r.words.fill("glance_notes", figures=" ".join(lines))
    return [
        p.slide("glance", _continued(p, t.caption, i), p.r.title, notes, visual=v)
        for i, v in enumerate(table_visuals(p, t, p.body))
    ]


def content(p: Planner, kicker: str, s: Slide) -> list[PlannedSlide]:
    """A report slide: bullets, a chart or a table, or both side by side; continued over
    more slides when they do not fit one; a divider when it is a section or empty."""
    kind: Kind = "discussion" if s.layout == "discussion" else "content"
    if s.layout == "section" or not (s.bullets or s.chart or s.table):
        return [divider(p, kicker, s)]
    pg = p.content_page
    body, slot = pg.body.box, pg.body.slot
    if kind == "discussion" and not p.frames:  # our own look: text on a tinted band
        left, top, bottom = BAND_INSET
        body = Box(body.x + left, body.y + top, body.w - 2 * left, body.h - top - bottom)
    text_box = visual_box = body
    if s.bullets and (s.chart or s.table):
        if p.two and p.two_page:  # the template's two-column layout
            pg, (left_slot, right_slot) = p.two_page, p.two.find_all("body")[:2]
            text_box, visual_box, slot = left_slot.box, right_slot.box, left_slot.idx
        else:
            text_box = Box(body.x, body.y, body.w * 0.38, body.h)
            visual_box = Box(
                body.x + text_box.w + GUTTER, body.y, body.w - text_box.w - GUTTER, body.h
            )
    texts, warns = (
        bullets(p, s.bullets, text_box, kind == "discussion", slot) if s.bullets else ([], [])
    )
    visuals: list[tuple[Visual, list[Text]]] = []
    if s.chart:
        visuals.append(chart(p, s.chart, visual_box, 0 if s.bullets else CHART_INSET))
    elif s.table:
        visuals = [(v, []) for v in table_visuals(p, s.table, visual_box)]
    out = []
    for i in range(max(len(texts), len(visuals))):
        visual, extra = visuals[i] if i < len(visuals) else (None, [])
        extra = texts[i : i + 1] + extra
        title, warned = _continued(p, s.title, i), warns if i == 0 else []
        out.append(
            p.slide(kind, title, kicker, s.notes, *extra, visual=visual, warnings=warned, page=pg)
        )
    return out


def divider(p: Planner, kicker: str, s: Slide) -> PlannedSlide:
    """A section divider: the title large (on a band of the primary colour, without a
    template), the part it opens above it."""
    pg = p.section_page
    pts = p.pt(COVER_TITLE_PT)
    title, warn = fit_line(p.hm, pg.title.box, s.title, pts, True, TITLE_LINE)
    texts = [replace(pg.title, paras=(title,))]
    if kicker:
        kpts = (p.pt1(KICKER_PT), p.pt(SMALL_PT)[1])
        kpara = fit_line(p.m, pg.kicker.box, kicker, kpts, True)[0]
        texts.append(replace(pg.kicker, paras=(kpara,)))
    return PlannedSlide(
        "section", s.title, 0, s.notes, tuple(texts), warnings=(warn,), layout=pg.layout
    )


def sources(p: Planner) -> list[PlannedSlide]:
    """The numbered sources list the brackets in the deck point to, with their links."""
    refs = p.r.sources

    def paras(group: Sequence[SourceRef], s: float) -> tuple[Para, ...]:
        ind = p.m.width("[00]", s, True) + 0.5 * s
        out: list[Para] = []
        for i, ref in enumerate(group):
            label, space = f"[{ref.number}]", SPACE * s if i else 0
            out.append(Para(_source(ref), s, space=space, indent=ind, label=label))
            if ref.url:
                out.append(Para(ref.url, round(s * 0.8), indent=ind, link=ref.url))
        return tuple(out)

    floor = p.pt(BODY_PT)[1]

    def ok(group: Sequence[SourceRef], s: float = floor) -> bool:
        return p.m.fits(paras(group, s), p.body)

    groups = chunks(list(refs), ok, MAX_BULLETS)
    s = next((s for s in sizes(p.pt1(20), floor) if all(ok(g, s) for g in groups)), floor)
    said = " ".join(f"[{r.number}] {_source(r)}{': ' + r.url if r.url else ''}." for r in refs)
    notes = p.r.words.fill("sources_notes", sources=said)
    return [
        p.slide("sources", _continued(p, p.r.words.sources, i), p.r.title, notes, body)
        for i, g in enumerate(groups)
        for body in [replace(p.content_page.body, paras=paras(g, s))]
    ]
