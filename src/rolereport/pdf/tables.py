"""The Report's tables as ReportLab flowables: coloured header cells, role rows, column widths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as Para

from ..content.model import Table
from ..text.formats import words
from ..text.measure import Measure
from .style import ALL, CELL_PT, LEFT_RULE, ZEBRA, grid, ink, tint
from .tagging import tag_table

if TYPE_CHECKING:
    from .blocks import Blocks

CELL_PAD = (6, 6, 4.5, 5.5)  # table cells: left, right, top, bottom
LABEL_SHARE = 0.34  # at most this share of the width for a table's label column
MIN_CELL_PT = 7.5  # cells shrink down to this rather than break a word


def table(b: Blocks, t: Table, key: str) -> list[Flowable]:
    """The table under its caption (a heading), its header in the brand's or the roles'
    colours, zebra rows, a rule in a role's colour before each row about a role."""
    n = max([len(t.header), *(len(r) for r in t.rows)])
    if not t.rows and not any(t.header):
        return []
    rows = [list(r) + [""] * (n - len(r)) for r in (t.header, *t.rows)]
    shown = [list(r) + [""] * (n - len(r)) for r in (t.header, *t.marked())]  # for widths
    fills: list[str | None] = [b.theme.primary] * n
    if t.role_columns:
        roles = [b.theme.role_color(b.report.role_index(r)) for r in t.role_columns]
        fills = [b.theme.primary if rows[0][0] else None, *roles, *fills][:n]
    m = Measure(b.theme.font.regular, b.theme.font.bold)
    size, widths = _fit(shown, bool(t.role_columns), b.width, m)
    saved = {k: b.st[k] for k in ("cell", "label")}
    b.st.update({k: _sized(v, size) for k, v in saved.items()})  # smaller, not a word cut
    head = []
    for text, fill in zip(rows[0], fills, strict=True):
        on = ink(fill) if fill else HexColor(b.theme.foreground)
        head.append(Para(b.rich(text), ParagraphStyle("th", b.st["label"], textColor=on)))
    body = [
        [b.para(c, "cell" if x else "label", t.cites_at(y, x)) for x, c in enumerate(r)]
        for y, r in enumerate(rows[1:])
    ]
    b.st.update(saved)
    cmds: list[tuple[Any, ...]] = [
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, tint(b.theme.primary, ZEBRA)]),
        ("LINEBELOW", *ALL, 0.5, tint(b.theme.primary, 0.25)),
        ("LINEBELOW", (0, -1), (-1, -1), 1, tint(b.theme.primary, 0.6)),
        *[("BACKGROUND", (i, 0), (i, 0), HexColor(f)) for i, f in enumerate(fills) if f],
    ]
    for y in range(len(t.rows)):  # a row about a role carries its colour
        if role := t.role_at(y):
            color = HexColor(b.theme.role_color(b.report.role_index(role)))
            cmds.append(("LINEBEFORE", (0, y + 1), (0, y + 1), LEFT_RULE, color))
    tag_table(b.tree, head, body)
    flow = grid([head, *body], widths, b.fonts.regular, *cmds, pad=CELL_PAD, repeatRows=1)
    flow.spaceAfter = 12
    return [*(b.h2(t.caption, key, t.cites) if t.caption else []), flow]


def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}_{size}", style, fontSize=size, leading=size + 3)


def _fit(
    rows: list[list[str]], equal_roles: bool, width: float, m: Measure
) -> tuple[float, list[float]]:
    """The largest cell size, down to MIN_CELL_PT, whose columns hold their longest words,
    with the column widths at that size."""
    sizes = [CELL_PT - 0.5 * i for i in range(int((CELL_PT - MIN_CELL_PT) / 0.5) + 1)]
    for size in sizes:
        widths, least = _col_widths(rows, equal_roles, width, m, size)
        if all(w >= x - 0.01 for w, x in zip(widths, least, strict=True)):
            return size, widths
    return sizes[-1], widths


def _col_widths(
    rows: list[list[str]], equal_roles: bool, width: float, m: Measure, size: float = CELL_PT
) -> tuple[list[float], list[float]]:
    """The label column at its natural width (within reason); the rest shared by content.
    Also the width each column needs for its longest word."""
    cols = list(zip(*rows, strict=True))
    if len(cols) == 1:
        return [width], [width]

    def w(s: str) -> float:
        return m.width(s, size, bold=True) + CELL_PAD[0] + CELL_PAD[1] + 1

    natural = [max(w(c) for c in col) for col in cols]
    least = [max(w(word) for c in col for word in [*words(c), ""]) for col in cols]
    first = min(natural[0], max(min(least[0], width / 2), width * LABEL_SHARE))
    if equal_roles:  # role columns as wide as their longest word: taken from the label's
        first = max(min(first, width - max(least[1:]) * (len(cols) - 1)), min(least[0], width / 2))
    rest, nat = width - first, natural[1:]
    low = [min(x, rest / len(nat)) for x in least[1:]]  # splitLongWords breaks the rest
    if sum(nat) <= rest:
        widths = [x * rest / sum(nat) for x in nat]
    else:  # each column gets its longest word, then a share of the rest by its content
        flex = [a - b for a, b in zip(nat, low, strict=True)]
        widths = [b + (rest - sum(low)) * f / sum(flex) for b, f in zip(low, flex, strict=True)]
    widths = [sum(widths) / len(widths)] * len(widths) if equal_roles else widths
    return [first, *widths], least
