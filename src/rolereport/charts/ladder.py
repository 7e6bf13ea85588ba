"""The ladder chart: each panel a row of boxes joined by arrows, sized to fit their names."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..brand.colors import ink
from ..content.model import ChartSpec
from .fit import narrowest, shorten, sizes, text_width
from .layout import data_panels
from .style import Style

_CENTER = {"ha": "center", "va": "center"}


def ladder(fig: Figure, spec: ChartSpec, st: Style) -> None:
    width, height = fig.get_figwidth(), fig.get_figheight()
    ax = fig.add_axes((0, 0, 1, 1), xlim=(0, width), ylim=(0, height))  # data units: inches
    ax.axis("off")
    panels = data_panels(spec)
    titled, margin, arrow = len(panels) > 1, st.pt / 72 * 0.5, max(0.18, st.pt / 72 * 2.2)
    avail, tall = width - 2 * margin, height - 2 * margin

    def room(widths: list[float]) -> list[float]:
        """Inches for each box's detail, centred under it: no further than halfway to the
        next box, nor past the edge."""
        out, x = [], margin
        for w in widths:
            c = x + w / 2
            out.append(min(w + arrow - 0.06, 2 * (c - 0.02), 2 * (width - c - 0.02)))
            x += w + arrow
        return out

    def plan(pt: float, max_lines: int, cut: bool) -> _Plan | None:
        """Boxes at `pt` with names in at most `max_lines` lines: at their natural widths
        (None if a row or a detail does not fit), or `cut` to even widths."""
        pad, line = pt / 72 * 0.7, pt / 72 * 1.2
        s = replace(st, floor=min(st.floor, pt))  # below the floor only as a last resort
        font, small = s.font(pt=pt, bold=True), s.font(pt=pt * 0.95)
        rows, widths = [], []
        for p in panels:
            n = len(p.data)
            even = (avail - arrow * (n - 1)) / n
            if cut:
                inner = max(0.01, even - 2 * pad) * 72
                names = [shorten(d.label, font, inner, max_lines)[0] for d in p.data]
                row = [(s.split("\n"), even) for s in names]
                ws = [even] * n
            else:
                row = [narrowest(d.label, font, max_lines) for d in p.data]
                natural = [w + 2 * pad for _, w in row]
                spare = (avail - sum(natural) - arrow * (n - 1)) / n
                ws = [even] * n if max(natural) <= even else [w + spare for w in natural]
                if spare < 0 or any(
                    text_width(d.detail, small) / 72 > r
                    for d, r in zip(p.data, room(ws), strict=True)
                ):
                    return None
            rows.append([lines for lines, _ in row])
            widths.append(ws)
        box_h = max(len(ls) for r in rows for ls in r) * line + 2 * pad
        block = box_h + line * (2.3 if titled else 1.1)
        if len(rows) * block > tall and pt > 1:
            return None
        return _Plan(pt, line, box_h, block, rows, widths)

    # Largest font first, then wrap names onto 2-3 lines, then shrink towards the floor; at the
    # floor, names are shortened to even widths in the lines the height allows (smaller still
    # only if not even one line fits).
    natural = ((pt, n, False) for pt in sizes(st.pt, st.floor) for n in (1, 2, 3))
    cut = ((pt, n, True) for pt in sizes(st.floor, 1) for n in (3, 2, 1))
    found = next(p for args in itertools.chain(natural, cut) if (p := plan(*args)))
    pt, line, box_h, block = found.pt, found.line, found.box_h, found.block
    st = replace(st, floor=min(st.floor, pt))
    rows, widths = found.rows, found.widths
    # Spare height: taller boxes first (up to one more line), then wider gaps between rows.
    grow = max(0.0, min(line, (tall - len(rows) * (block + line * 1.5)) / len(rows)))
    box_h, block = box_h + grow, block + grow
    gap = min(line * 2.5, (tall - len(rows) * block) / max(1, len(rows) - 1))
    top = height - (height - len(rows) * block - (len(rows) - 1) * gap) / 2
    title_font, detail_font = st.font(pt=pt, bold=True), st.font(pt=pt * 0.95)
    for panel, row, ws in zip(panels, rows, widths, strict=True):
        if titled:
            title = shorten(panel.title, title_font, avail * 72)[0]
            ax.text(margin, top - line * 0.5, title, va="center", **st.bold(pt=pt))
        y, mid = top - block + line * 1.1, top - block + line * 1.1 + box_h / 2
        x = margin
        for i, (d, lines, w, r) in enumerate(zip(panel.data, row, ws, room(ws), strict=True)):
            fill = st.color(d.role)
            box = f"round,pad=0,rounding_size={min(0.08, box_h / 4)}"
            ax.add_patch(FancyBboxPatch((x, y), w, box_h, boxstyle=box, fc=fill, ec="none"))
            kw = st.bold(pt=pt) | {"color": ink(fill)}
            ax.text(x + w / 2, mid, "\n".join(lines), **_CENTER, **kw)
            if d.detail:
                detail = shorten(d.detail, detail_font, r * 72)[0]
                ax.text(x + w / 2, y - line * 0.6, detail, **_CENTER, **st.muted(pt=pt * 0.95))
            if i < len(row) - 1:
                ends = (x + w + 0.03, mid), (x + w + arrow - 0.03, mid)
                head = {"arrowstyle": "-|>", "mutation_scale": pt * 1.1, "lw": 1.2}
                ax.add_patch(FancyArrowPatch(*ends, color=st.theme.muted, **head))
            x += w + arrow
        top -= block + gap


@dataclass(frozen=True)
class _Plan:
    """A ladder's boxes: text size, line and box height, block per role (inches), each role's
    names (as lines) and box widths."""

    pt: float
    line: float
    box_h: float
    block: float
    rows: list[list[list[str]]]
    widths: list[list[float]]
