"""The Report's blocks as ReportLab flowables: type styles, safe markup, tables, charts, forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreakIfNotEmpty
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import Table as Grid
from svglib.svglib import svg2rlg

from . import colors
from .charts import render_chart
from .colors import WHITE, mix
from .formats import cite_mark, words
from .model import (
    Block,
    Bullets,
    Callout,
    ChartSpec,
    Checklist,
    Figure,
    Paragraph,
    Report,
    Section,
    SourceList,
    Table,
)
from .theme import Theme

BODY_PT, CELL_PT, CITE_PT = 10.5, 9.5, 7.5  # body text, table cells, cite marks
GAP, BULLET_INDENT, BOX_PAD, LEFT_RULE = 6, 14, 11, 4  # paragraph gap; callout padding, rule
CELL_PAD = (6, 6, 4.5, 5.5)  # table cells: left, right, top, bottom
LABEL_SHARE = 0.34  # at most this share of the width for a table's label column
CHART_MIN_H, CHART_MAX_H = 1.8, 8.5  # inches; between them, a chart is as tall as its rows
SECTION_MIN_SPACE = 2.2 * inch  # a section starts on a new page when less is left
TINT, ZEBRA = 0.10, 0.05
SOURCE_KEY = "source-"
ALL = ((0, 0), (-1, -1))
_CITE_TAIL = re.compile(r"\s*\[(\d+(?:,\s*\d+)*)\]\s*$")
_LINKABLE = ("https://", "http://", "mailto:")


def _esc(text: str, attr: bool = False) -> str:
    """User text → markup that prints exactly as typed: the only door from data to markup."""
    return escape(text, {'"': "&quot;"} if attr else {})


def tint(hex_color: str, amount: float) -> Color:
    """`hex_color` on white paper at `amount` strength (1: the colour, 0: white)."""
    return HexColor(mix(hex_color, WHITE, 1 - amount))


def ink(hex_color: str) -> Color:
    """Black or white, whichever has the higher WCAG contrast ratio on `hex_color`."""
    return HexColor(colors.ink(hex_color))


@dataclass(frozen=True)
class Fonts:
    """Registered ReportLab names of the brand's four faces, and the face for headings."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    heading: str = ""

    @property
    def head(self) -> str:
        return self.heading or self.bold


def styles(theme: Theme, f: Fonts) -> dict[str, ParagraphStyle]:
    muted, head = HexColor(theme.muted), HexColor(theme.heading_color)
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=BODY_PT,
        leading=14.5,
        textColor=HexColor(theme.foreground),
        spaceAfter=GAP,
        allowWidows=0,
        bulletFontName=f.bold,
        bulletColor=HexColor(theme.primary),
    )
    heading = {"fontName": f.head, "textColor": head, "keepWithNext": 1}
    cell = {"fontSize": CELL_PT, "leading": CELL_PT + 3, "spaceAfter": 0}
    bullet = {"leftIndent": BULLET_INDENT, "bulletIndent": 2, "spaceAfter": 3}
    table: dict[str, dict[str, Any]] = {
        "lead": {"fontSize": 12.5, "leading": 17.5, "spaceAfter": 12},
        "small": {"fontSize": 8.5, "leading": 11.5, "textColor": muted},
        "note": {"fontSize": 8.5, "leading": 11.5, "textColor": muted, "spaceAfter": 12},
        "h1": {**heading, "fontSize": 20, "leading": 24, "spaceBefore": 16, "spaceAfter": 4},
        "h2": {**heading, "fontSize": 13, "leading": 16.5, "spaceBefore": 10, "spaceAfter": 4},
        "box_title": {**heading, "fontSize": 13, "leading": 16.5, "spaceAfter": 2},
        "bullet": bullet,
        "bullet_last": {**bullet, "spaceAfter": 3 + 2 * GAP},
        "cell": cell,
        "label": {**cell, "fontName": f.bold},
        "caption": {"fontSize": 10, "leading": 13, "spaceBefore": 6, "spaceAfter": 4},
        "box": {"spaceAfter": 0},
        "toc_page": {"spaceAfter": 0, "alignment": 2, "textColor": muted},
        "source": {"fontSize": 9.5, "leading": 13, "leftIndent": 22, "spaceAfter": 5},
    }
    return {"body": body} | {k: ParagraphStyle(k, parent=body, **v) for k, v in table.items()}


def grid(rows: list[list[Any]], widths: list[Any], font: str, *cmds: Any, **kw: Any) -> Grid:
    """A left-aligned table in the brand font (ReportLab's default is Helvetica) that splits
    between and inside rows; `pad` is (left, right, top, bottom)."""
    sides = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    pads = zip(sides, kw.pop("pad"), strict=True)
    style = [("FONTNAME", *ALL, font), ("VALIGN", *ALL, "TOP"), *((p, *ALL, v) for p, v in pads)]
    return Grid(rows, colWidths=widths, hAlign="LEFT", splitInRow=1, style=[*style, *cmds], **kw)


def vector(svg: bytes, font: str, bold: str = "") -> Drawing:
    """An SVG as a Drawing with its text in the brand font (`bold` for heavy text), never an
    unembedded base-14 one nor a system font. Read from bytes, so svglib refuses the SVG's
    external references."""
    drawing = svg2rlg(BytesIO(svg), font_map=_BrandFaces(font, bold or font))
    if drawing is None or not drawing.width or not drawing.height:
        raise ValueError("not a readable SVG")
    drawing.initialFontName = font
    return drawing


@dataclass(frozen=True)
class _BrandFaces:
    """svglib's font lookup, answered with the registered brand faces only."""

    regular: str
    bold: str

    def find_font(self, family: str, weight: str = "normal", style: str = "normal") -> tuple:
        heavy = weight.strip().lower() in ("bold", "bolder") or (
            weight.strip().isdigit() and int(weight) >= 600
        )
        return (self.bold if heavy else self.regular), True


class Anchor(Flowable):
    """A link destination above a heading; the doc's afterFlowable makes it an outline entry."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level, self.keepWithNext = key, title, level, 1

    def draw(self) -> None:  # zero size: it never moves the heading, nor a page break
        self.canv.bookmarkHorizontal(self.key, 0, 30)  # the heading below, and some air


class _Accent(Flowable):
    """The short bar under a heading, in vector, kept with the heading."""

    def __init__(self, w: float, h: float, color: Color, space_after: float = 0):
        super().__init__()
        self.width, self.height, self.color = w, h, color
        self.spaceAfter, self.keepWithNext = space_after, 1

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


class _Chart(Flowable):
    """A vector chart; left out on the dry pass that only measures where pages break."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing, self.width, self.height = drawing, drawing.width, drawing.height

    def draw(self) -> None:
        if not getattr(self.canv, "dry", False):
            renderPDF.draw(self.drawing, self.canv, 0, 0)


def chart_height(spec: ChartSpec) -> float:
    """Inches a chart needs at the handout's width: room for axes plus a share per row (place,
    skill, role), more when its labels wrap onto more lines, up to about the frame's height;
    a ladder, a share per role, more when its stages' names need more lines in their boxes."""
    panels = [p for p in spec.panels if p.data] or [*spec.panels]
    rows, stacked = max(len(p.data) for p in panels), sum(len(p.data) for p in panels)
    # Row labels wrap at about 20 characters, onto at most 3 lines; at 9 pt a row needs some
    # 0.15 in per line of its label.
    chars = max((len(d.label) for p in panels for d in p.data), default=0)
    row = 0.15 * min(3, max(1, -(-chars // 20))) + 0.03
    # A ladder's row of boxes spans the width: about 100 characters of names fit on a line.
    names = max((sum(len(d.label) for d in p.data) for p in panels), default=0)
    box = 0.5 + 0.17 * min(3, max(1, -(-names // 100)))
    h = {
        "skills": (0.9 + max(0.33, row) * rows) * ((len(panels) + 1) // 2),  # two abreast
        "ladder": 0.4 + max(0.8, box) * len(panels),
        "outlook": 0.9 + max(0.45, row) * rows,  # panels side by side
    }.get(spec.kind, 0.8 + max(0.42, row) * stacked + 0.3 * (len(panels) - 1))
    return min(CHART_MAX_H, max(CHART_MIN_H, h))


class Blocks:
    """Translates sections and blocks into flowables for a frame `width` points wide."""

    def __init__(self, report: Report, theme: Theme, fonts: Fonts, width: float) -> None:
        self.report, self.theme, self.fonts, self.width = report, theme, fonts, width
        self.st = styles(theme, fonts)
        has_list = any(isinstance(b, SourceList) for s in report.sections for b in s.blocks)
        self.known = {r.number for r in report.sources}
        self.anchored = self.known if has_list else set()
        self.figures, self.drawings = 0, dict[int, Drawing]()  # charts are drawn once per build
        self.chars: set[str] = set()  # every character printed, for the font coverage check

    def rich(self, text: str, cites: tuple[int, ...] = (), lead: str = "") -> str:
        """Escaped text after an optional bold lead-in, then its cite marks as links."""
        m = _CITE_TAIL.search(text)
        found = [int(n) for n in m.group(1).split(",")] if m else []
        if m and set(found) <= self.known:  # content.py writes some marks into the text
            text, cites = text[: m.start()], (*cites, *found)
        self.chars.update(text + lead)
        out = _esc(text)
        if lead:
            out = f"<b>{_esc(lead)}</b>" + (f": {out}" if text else "")
        if not cites:
            return out
        linked = re.sub(r"\d+", self._cite_link, _esc(cite_mark(cites)))
        return f'{out} <font size="{CITE_PT}" color="{_esc(self.theme.link, True)}">{linked}</font>'

    def _cite_link(self, n: re.Match[str]) -> str:
        return f'<a href="#{SOURCE_KEY}{n[0]}">{n[0]}</a>' if int(n[0]) in self.anchored else n[0]

    def para(self, text: str, style: str = "body", cites: tuple[int, ...] = ()) -> Para:
        return Para(self.rich(text, cites), self.st[style])

    def role_of(self, title: str) -> int | None:
        """The role a heading names ("Data Scientist", "AI Engineer: skills"), if any."""
        for i, r in enumerate(self.report.roles):
            if title == r.name or title.startswith(r.name + ":") or title.endswith(": " + r.name):
                return i
        return None

    def heading(self, key: str, title: str, new_page: bool = False) -> list[Flowable]:
        """A section's start: a page break when asked (or when little room is left), its
        outline entry, its title and the accent bar under it."""
        out = [PageBreakIfNotEmpty() if new_page else CondPageBreak(SECTION_MIN_SPACE)]
        accent = _Accent(36, 3, HexColor(self.theme.secondary), space_after=10)
        return [*out, Anchor(f"sec-{key}", title, 0), self.para(title, "h1"), accent]

    def section(self, s: Section) -> list[Flowable]:
        out = self.heading(s.id, s.title, s.new_page)
        card: list[Flowable] = []
        for i, (b, after) in enumerate(zip(s.blocks, [*s.blocks[1:], None], strict=True)):
            flow = self.block(b, f"sec-{s.id}-{i}")
            if isinstance(b, Paragraph | Bullets) and isinstance(after, Figure):
                for f in flow:  # the lines introducing a figure stay on its page
                    f.keepWithNext = 1
            if card and flow:  # a role's card never ends a page without its first lines
                flow, card = [KeepTogether([*card, flow[0]]), *flow[1:]], []
            if isinstance(b, Callout) and after is not None and flow[-1].keepWithNext:
                card = flow
                continue
            out += flow
        return out + card

    def block(self, b: Block, key: str) -> list[Flowable]:
        if isinstance(b, Paragraph):
            return [self.para(b.text, b.style, b.cites)]
        if isinstance(b, Bullets):
            return self.bullets(b, key)
        if isinstance(b, Callout):
            return self.callout(b, key)
        if isinstance(b, Figure):
            return self.figure(b.chart)
        if isinstance(b, Table):
            return self.table(b, key)
        return self.checklist(b) if isinstance(b, Checklist) else self.sources(b)

    def bullets(self, b: Bullets, key: str) -> list[Flowable]:
        out = self.h2(b.title, key) if b.title else []
        for n, item in enumerate(b.items, 1):
            style = self.st["bullet_last" if n == len(b.items) else "bullet"]
            mark = f"{n}." if b.numbered else "•"
            out.append(Para(self.rich(item.text, item.cites, item.lead), style, bulletText=mark))
            out[-1].keepWithNext = int(n == len(b.items) - 1 > 1)  # no lone last item
        return out

    def h2(self, title: str, key: str, cites: tuple[int, ...] = ()) -> list[Flowable]:
        head = self.para(title, "h2", cites)
        return [head] if self.role_of(title) is None else [Anchor(key, title, 1), head]

    def box(self, cells: list[Flowable], fill: Color, *rule: Any) -> Grid:
        """A full-width, one-cell panel with a tinted fill and a rule (LINEBEFORE or BOX)."""
        pad = (BOX_PAD, BOX_PAD, BOX_PAD * 0.8, BOX_PAD * 0.8)
        return grid(
            [[cells]],
            [self.width],
            self.fonts.regular,
            ("BACKGROUND", *ALL, fill),
            (rule[0], *ALL, *rule[1:]),
            pad=pad,
        )

    def callout(self, c: Callout, key: str) -> list[Flowable]:
        role = self.role_of(c.title)
        color = self.theme.primary if role is None else self.theme.role_color(role)
        cells = [self.para(c.title, "box_title"), self.para(c.text, "box", c.cites)]
        box = self.box(cells, tint(color, TINT), "LINEBEFORE", LEFT_RULE, HexColor(color))
        box.spaceBefore, box.spaceAfter = 6, 10
        if role is None:
            return [box]
        box.keepWithNext = 1  # a role's card heads its profile
        return [Anchor(key, c.title, 1), box]

    def table(self, t: Table, key: str) -> list[Flowable]:
        n = max([len(t.header), *(len(r) for r in t.rows)])
        if not t.rows and not any(t.header):
            return []
        rows = [list(r) + [""] * (n - len(r)) for r in (t.header, *t.rows)]
        fills: list[str | None] = [self.theme.primary] * n
        if t.role_columns:
            roles = [self.theme.role_color(self.report.role_index(r)) for r in t.role_columns]
            fills = [self.theme.primary if rows[0][0] else None, *roles, *fills][:n]
        head = []
        for text, fill in zip(rows[0], fills, strict=True):
            on = ink(fill) if fill else HexColor(self.theme.foreground)
            head.append(Para(self.rich(text), ParagraphStyle("th", self.st["label"], textColor=on)))
        body = [[self.para(c, "cell" if i else "label") for i, c in enumerate(r)] for r in rows[1:]]
        cmds: list[tuple[Any, ...]] = [
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, tint(self.theme.primary, ZEBRA)]),
            ("LINEBELOW", *ALL, 0.5, tint(self.theme.primary, 0.25)),
            ("LINEBELOW", (0, -1), (-1, -1), 1, tint(self.theme.primary, 0.6)),
            *[("BACKGROUND", (i, 0), (i, 0), HexColor(f)) for i, f in enumerate(fills) if f],
        ]
        for y, r in enumerate(rows[1:], 1):  # a row about a role carries its colour
            if (role := self.role_of(r[0])) is not None:
                color = HexColor(self.theme.role_color(role))
                cmds.append(("LINEBEFORE", (0, y), (0, y), LEFT_RULE, color))
        widths = self.col_widths(rows, bool(t.role_columns))
        table = grid([head, *body], widths, self.fonts.regular, *cmds, pad=CELL_PAD, repeatRows=1)
        table.spaceAfter = 12
        return [*(self.h2(t.caption, key, t.cites) if t.caption else []), table]

    def col_widths(self, rows: list[list[str]], equal_roles: bool) -> list[float]:
        """The label column at its natural width (within reason); the rest shared by content."""
        cols = list(zip(*rows, strict=True))
        if len(cols) == 1:
            return [self.width]

        def w(s: str) -> float:
            return stringWidth(s, self.fonts.bold, CELL_PT) + CELL_PAD[0] + CELL_PAD[1] + 1

        natural = [max(w(c) for c in col) for col in cols]
        least = [max(w(word) for c in col for word in [*words(c), ""]) for col in cols]
        first = min(natural[0], max(min(least[0], self.width / 2), self.width * LABEL_SHARE))
        rest, nat = self.width - first, natural[1:]
        low = [min(x, rest / len(nat)) for x in least[1:]]  # splitLongWords breaks the rest
        if sum(nat) <= rest:
            widths = [x * rest / sum(nat) for x in nat]
        else:  # each column gets its longest word, then a share of the rest by its content
            flex = [a - b for a, b in zip(nat, low, strict=True)]
            widths = [b + (rest - sum(low)) * f / sum(flex) for b, f in zip(low, flex, strict=True)]
        return [first, *([sum(widths) / len(widths)] * len(widths) if equal_roles else widths)]

    def figure(self, spec: ChartSpec) -> list[Flowable]:
        self.figures += 1
        if self.figures not in self.drawings:
            self.drawings[self.figures] = self.drawing(spec)
        color = _esc(self.theme.heading_color, True)
        label = _esc(self.report.words.fill("figure", number=self.figures))
        number = f'<font color="{color}"><b>{label}</b></font> '
        parts = [Para(number + self.rich(spec.title, spec.cites), self.st["caption"])]
        parts.append(_Chart(self.drawings[self.figures]))
        if spec.note.strip():
            parts.append(self.para(spec.note.strip(), "note"))
        parts[-1].spaceAfter = self.st["note"].spaceAfter  # not a Spacer: dropped at a page end
        for f in parts[:-1]:  # caption, chart and note share a page: a chain, not a container,
            f.keepWithNext = 1  # so that the lines introducing the figure can join it
        return parts

    def drawing(self, spec: ChartSpec) -> Drawing:
        roles = tuple(r.id for r in self.report.roles)
        size = (self.width / inch, chart_height(spec))
        svg = render_chart(spec, self.theme, roles, size, "svg")
        drawing = vector(svg, self.fonts.regular, self.fonts.bold)
        k = self.width / drawing.width  # drawn at the frame width already: k is ~1
        drawing.scale(k, k)
        drawing.width, drawing.height = self.width, drawing.height * k
        return drawing

    def checklist(self, c: Checklist) -> list[Flowable]:
        from .handout_form import worksheet  # it builds on this module's helpers

        return worksheet(self, c)

    def sources(self, s: SourceList) -> list[Flowable]:
        return self.h2(self.report.words.sources, "sources") + self.source_entries(s)

    def source_entries(self, s: SourceList) -> list[Flowable]:
        """The numbered sources, each a link destination for the marks that cite it."""
        out: list[Flowable] = []
        for ref in s.sources:
            title = ref.title.strip()
            parts = [self.rich(title if title.endswith((".", "?", "!")) else title + ".")]
            where = ", ".join(x for x in (ref.publisher, str(ref.year or "")) if x)
            parts += [self.rich(where) + "."] if where else []
            parts += [self.url(ref.url)] if ref.url else []
            markup = f'<a name="{SOURCE_KEY}{ref.number}"/>' + " ".join(parts)
            out.append(Para(markup, self.st["source"], bulletText=f"[{ref.number}]"))
        return out

    def url(self, url: str) -> str:
        self.chars.update(url)
        if not url.lower().startswith(_LINKABLE):  # never a javascript: or file: link
            return _esc(url)
        return f'<a href="{_esc(url, True)}" color="{_esc(self.theme.link, True)}">{_esc(url)}</a>'
