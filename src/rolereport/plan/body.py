"""A slide's body filled: bullets and tables split over slides, a chart with its caption."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import combinations
from math import comb
from typing import TypeVar

from ..content.model import ChartSpec, Table
from ..text.formats import cite_mark
from ..text.measure import INSET, LINE, Box, Measure, Para, sizes, split_long
from .layout import (
    BODY_PT,
    CELL_INSET_X,
    CELL_INSET_Y,
    DISCUSSION_PT,
    MAX_BULLETS,
    ROW_PAD,
    SMALL_PT,
    SPACE,
    SPREAD,
    TABLE_PT,
    Planner,
    tidy,
)
from .model import Text, Visual

T = TypeVar("T")
BALANCE = 1.12  # splits whose heaviest slide is this close to the lightest such are as good
MAX_SPLITS = 5000  # more ways to split than this: fill greedily


def chunks(
    items: Sequence[T],
    ok: Callable[[Sequence[T]], bool],
    limit: int,
    weight: Callable[[Sequence[T]], float] | None = None,
) -> list[list[T]]:
    """Split items into the fewest slides that each fit: balanced by `weight` (the heaviest
    slide as light as it can be, so that no continuation slide is a stub) when given, else
    evenly by count when that fits too."""
    greedy: list[list[T]] = []
    for item in items:
        if greedy and len(greedy[-1]) < limit and ok([*greedy[-1], item]):
            greedy[-1].append(item)
        else:
            greedy.append([item])
    k, n = len(greedy), len(items)
    if weight is not None and 1 < k <= n:
        return _balanced(items, ok, limit, weight, k) or greedy
    even, i = [], 0
    for j in range(k):
        size = n // k + (1 if j < n % k else 0)
        even.append(list(items[i : i + size]))
        i += size
    return even if all(len(c) <= limit and ok(c) for c in even) else greedy


def _balanced(
    items: Sequence[T],
    ok: Callable[[Sequence[T]], bool],
    limit: int,
    weight: Callable[[Sequence[T]], float],
    k: int,
) -> list[list[T]] | None:
    """The split into `k` runs that all fit with the lightest heaviest run (among those
    within BALANCE of it, the most even in count), or None."""
    n = len(items)
    if comb(n - 1, k - 1) > MAX_SPLITS:
        return None
    found = []
    for cuts in combinations(range(1, n), k - 1):
        runs = [list(items[a:b]) for a, b in zip((0, *cuts), (*cuts, n), strict=True)]
        if all(len(r) <= limit and ok(r) for r in runs):
            counts = [len(r) for r in runs]
            found.append((max(map(weight, runs)), max(counts) - min(counts), runs))
    if not found:
        return None
    best = min(f[0] for f in found)
    near = [f for f in found if f[0] <= best * BALANCE]
    return min(near, key=lambda f: (f[1], f[0]))[2]


def has_label_column(table: Table) -> bool:
    """True when the first column labels the rows (role columns, if any, follow it)."""
    return len(table.role_columns) != len(table.header)


def table_visuals(p: Planner, t: Table, box: Box) -> list[Visual]:
    """The table in the box: its rows split over as few slides as fit, one size for all,
    the label column as wide as makes the table shortest. Cells show their cite marks."""
    label, n, marked = has_label_column(t), len(t.header), t.marked()

    def heights(widths: Sequence[float], rows: Sequence[Sequence[str]], s: float) -> list[float]:
        """Inches per row (the first row is the header) at `s` points."""
        return [
            max(
                len(p.m.wrap(tidy(c), s, (w - 2 * CELL_INSET_X) * 72, not i or (label and not j)))
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

    rows = [t.header, *marked]

    @cache
    def need(s: float) -> tuple[float, ...]:
        """Inches each column needs for its longest word at `s` points: a cell narrower
        than that breaks the word in two ("Register|ed")."""
        return tuple(
            max(
                p.m.width(w, s, not i or (label and not j)) / 72 / p.m.fill + 2 * CELL_INSET_X
                for i, row in enumerate(rows)
                for w in [*tidy(row[j]).split(" "), ""]
            )
            for j in range(n)
        )

    def whole(ws: Sequence[float], s: float) -> bool:
        return all(w >= x for w, x in zip(ws, need(s), strict=True))

    @cache
    def widths(s: float) -> list[float]:
        """Equal columns, or the label column width that makes the table shortest among
        those that break no word (any, when none can)."""
        if not label or n < 2:
            return [box.w / n] * n
        firsts = [box.w * f / 100 for f in range(20, 42, 2)]
        firsts += [need(s)[0]] if box.w * 0.2 < need(s)[0] < box.w / 2 else []
        keep = [f for f in firsts if whole(columns(f), s)] or firsts
        return columns(min(keep, key=lambda f: sum(heights(columns(f), rows, s))))

    pts = p.pt(TABLE_PT)

    def ok(rows: Sequence[tuple[str, ...]], s: float = pts[1]) -> bool:
        return sum(heights(widths(s), [t.header, *rows], s)) <= box.h

    def tall(rows: Sequence[tuple[str, ...]]) -> float:
        return sum(heights(widths(pts[1]), rows, pts[1]))

    groups = chunks(list(marked), ok, max(1, len(marked)), tall)
    fits = [s for s in sizes(*pts) if all(ok(g, s) for g in groups)] or [pts[1]]
    s = next((s for s in fits if whole(widths(s), s)), fits[0])  # shrink rather than break
    out = []
    for g in groups:
        hs = heights(widths(s), [t.header, *g], s)
        pad = max(0.0, min((box.h - sum(hs)) / len(hs), ROW_PAD * p.k))  # air, if room
        hs = [h + pad for h in hs]
        v = Visual(replace(box, h=sum(hs)), None, t, (t.header, *g), tuple(widths(s)), tuple(hs), s)
        out.append(v)
    return out


def bullets(
    p: Planner, items: Sequence[str], box: Box, numbered: bool, slot: int | None
) -> tuple[list[Text], list[str]]:
    """The items as bullets (numbered on a discussion slide), one body per slide, and a
    warning when an item had to be split."""
    pts = p.pt(DISCUSSION_PT if numbered else BODY_PT)

    def paras(group: Sequence[str], s: float) -> tuple[Para, ...]:
        ind = s * (1.5 if numbered else 1.0)
        return tuple(
            Para(t, s, space=SPACE * s if i else 0, indent=ind) for i, t in enumerate(group)
        )

    def ok(group: Sequence[str], s: float = pts[1]) -> bool:
        return p.m.fits(paras(group, s), box)

    flat = [piece for t in items for piece in split_long(tidy(t), lambda x: ok([x]))]
    warns = [] if len(flat) == len(items) else ["a bullet too long for one slide was split"]

    def tall(group: Sequence[str]) -> float:
        return p.m.height(paras(group, pts[1]), (box.w - 2 * INSET) * 72)

    groups = chunks(flat, ok, MAX_BULLETS, tall)
    s = next((s for s in sizes(*pts) if all(ok(g, s) for g in groups)), pts[1])
    out, start = [], 1
    for g in groups:
        body = _spread(p.m, paras(g, s), box)
        marker = "number" if numbered else "bullet"
        out.append(Text("body", box, body, marker, start, slot=slot))
        start += len(g)
    return out, warns


def _spread(m: Measure, paras: tuple[Para, ...], box: Box) -> tuple[Para, ...]:
    """More space between paragraphs, up to SPREAD × size, when the box has room."""
    if len(paras) < 2:
        return paras
    spare = (box.h - 2 * INSET) * 72 - m.height(paras, (box.w - 2 * INSET) * 72)
    extra = max(0.0, spare / (len(paras) - 1))
    return tuple(
        replace(para, space=min(para.space + extra, SPREAD * para.size)) if i else para
        for i, para in enumerate(paras)
    )


def chart(p: Planner, spec: ChartSpec, box: Box, inset: float) -> tuple[Visual, list[Text]]:
    """The chart at the size it is drawn, with its note and source as a caption below."""
    area = Box(box.x + inset, box.y, box.w - 2 * inset, box.h)
    form = "chart_source_many" if len(spec.cites) > 1 else "chart_source_one"
    source = p.r.words.fill(form, marks=cite_mark(spec.cites))
    note = spec.deck_note if p.native_charts and spec.deck_note else spec.note
    caption = tidy(" ".join(x for x in (note, source if spec.cites else "") if x))
    if not caption:
        return Visual(area, chart=spec), []
    inner = (area.w - 2 * INSET) * 72
    pts = p.pt(SMALL_PT)
    two_lines = [s for s in sizes(*pts) if len(p.m.wrap(caption, s, inner)) <= 2]
    para = Para(caption, two_lines[0] if two_lines else pts[1])
    h = p.m.height((para,), inner) / 72 + 2 * INSET
    text = Text("caption", Box(area.x, area.y + area.h - h, area.w, h), (para,), color="muted")
    return Visual(replace(area, h=area.h - h - 0.04), chart=spec), [text]
