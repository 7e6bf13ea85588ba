"""The Report's sections and blocks as ReportLab flowables: safe markup, headings, paragraphs,
lists, callouts, figures and sources; tables and the worksheet from their own modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreakIfNotEmpty
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import Table as Grid

from ..content.model import (
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
from .figures import Chart, chart_drawing, chart_theme
from .form import worksheet
from .style import ALL, BOX_PAD, CITE_PT, LEFT_RULE, TINT, grid, on, paper, styles, tint, tinted
from .tables import table
from .tagging import Tree, style_role, tag, tag_list

if TYPE_CHECKING:
    from ..brand.theme import Theme
    from .setup import Fonts

SECTION_MIN_SPACE = 2.2 * inch  # a section starts on a new page when less is left
SOURCE_KEY = "source-"
_LINKABLE = ("https://", "http://", "mailto:")


def _esc(text: str, attr: bool = False) -> str:
    """User text → markup that prints exactly as typed: the only door from data to markup."""
    return escape(text, {'"': "&quot;"} if attr else {})


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


class Blocks:
    """Translates sections and blocks into flowables for a frame `width` points wide."""

    def __init__(self, report: Report, theme: Theme, fonts: Fonts, width: float) -> None:
        self.report, self.theme, self.fonts, self.width = report, theme, fonts, width
        self.ground = paper(theme)  # what the text is printed on: its colours read on it
        self.st = styles(theme, fonts, self.ground)
        self.grounds = {self.ground: self.st}  # the styles for each ground, made once
        has_list = any(isinstance(b, SourceList) for s in report.sections for b in s.blocks)
        self.anchored = {r.number for r in report.sources} if has_list else set()
        self.figures, self.drawings = 0, dict[int, Drawing]()  # charts are drawn once per build
        self.chars: set[str] = set()  # every character printed, for the font coverage check
        self.tree = Tree()  # the structure the flowables are tagged with

    def color(self, name: str) -> str:
        """The theme's colour `name` (link, muted, heading_color ...) readable where the text
        is printed now."""
        return on(self.theme, name, self.ground)

    @contextmanager
    def printed_on(self, ground: str) -> Iterator[None]:
        """Paragraphs made inside the block are printed on `ground` (a box's tint): their
        styles and colours are chosen to read on it."""
        saved = self.ground, self.st
        if ground not in self.grounds:
            self.grounds[ground] = styles(self.theme, self.fonts, ground)
        self.ground, self.st = ground, self.grounds[ground]
        try:
            yield
        finally:
            self.ground, self.st = saved

    def rich(self, text: str, cites: tuple[int, ...] = (), lead: str = "") -> str:
        """Escaped text after an optional bold lead-in, then its cite marks as links."""
        self.chars.update(text + lead)
        out = _esc(text)
        if lead:
            out = f"<b>{_esc(lead)}</b>" + (f": {out}" if text else "")
        if not cites:
            return out
        # The mark as cite_mark writes it, each number a link to its source.
        linked = "[" + ", ".join(map(self._cite_link, sorted(set(cites)))) + "]"
        color = _esc(self.color("link"), True)
        return f'{out} <font size="{CITE_PT}" color="{color}">{linked}</font>'

    def _cite_link(self, n: int) -> str:
        return f'<a href="#{SOURCE_KEY}{n}">{n}</a>' if n in self.anchored else str(n)

    def para(self, text: str, style: str = "body", cites: tuple[int, ...] = ()) -> Para:
        return tag(Para(self.rich(text, cites), self.st[style]), style_role(style), self.tree)

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
            return table(self, b, key)
        return self.checklist(b) if isinstance(b, Checklist) else self.sources(b)

    def bullets(self, b: Bullets, key: str) -> list[Flowable]:
        out = self.h2(b.title, key, role=b.role) if b.title else []
        for n, item in enumerate(b.items, 1):
            style = self.st["bullet_last" if n == len(b.items) else "bullet"]
            mark = f"{n}." if b.numbered else "•"
            out.append(Para(self.rich(item.text, item.cites, item.lead), style, bulletText=mark))
            out[-1].keepWithNext = int(n == len(b.items) - 1 > 1)  # no lone last item
        tag_list(self.tree, out[-len(b.items) :] if b.items else [])
        return out

    def h2(
        self, title: str, key: str, cites: tuple[int, ...] = (), role: str = ""
    ) -> list[Flowable]:
        """A heading within a section; an outline entry too when it heads a role's part."""
        head = self.para(title, "h2", cites)
        return [Anchor(key, title, 1), head] if role else [head]

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
        role = self.report.role_index(c.role) if c.role else None
        color = self.theme.primary if role is None else self.theme.role_color(role)
        with self.printed_on(tinted(color, TINT)):
            cells = [self.para(c.title, "box_title"), self.para(c.text, "box", c.cites)]
        if role is not None:  # a role's card is in the outline, under its section
            tag(cells[0], "H2", self.tree)
        box = self.box(cells, tint(color, TINT), "LINEBEFORE", LEFT_RULE, HexColor(color))
        box.spaceBefore, box.spaceAfter = 6, 10
        if role is None:
            return [box]
        box.keepWithNext = 1  # a role's card heads its profile
        return [Anchor(key, c.title, 1), box]

    def figure(self, spec: ChartSpec) -> list[Flowable]:
        self.figures += 1
        if self.figures not in self.drawings:
            roles = tuple(r.id for r in self.report.roles)
            self.drawings[self.figures] = chart_drawing(
                spec, chart_theme(self.theme, self.ground), roles, self.width, self.fonts
            )
        color = _esc(self.color("heading_color"), True)
        label = _esc(self.report.words.fill("figure", number=self.figures))
        number = f'<font color="{color}"><b>{label}</b></font> '
        caption = Para(number + self.rich(spec.title, spec.cites), self.st["caption"])
        parts: list[Flowable] = [tag(caption, "P", self.tree)]
        parts.append(tag(Chart(self.drawings[self.figures]), self.tree.add("Figure", alt=spec.alt)))
        if spec.note.strip():
            parts.append(self.para(spec.note.strip(), "note"))
        parts[-1].spaceAfter = self.st["note"].spaceAfter  # not a Spacer: dropped at a page end
        for f in parts[:-1]:  # caption, chart and note share a page: a chain, not a container,
            f.keepWithNext = 1  # so that the lines introducing the figure can join it
        return parts

    def checklist(self, c: Checklist) -> list[Flowable]:
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
            self.tree.names[f"{SOURCE_KEY}{ref.number}"] = f"[{ref.number}] {title}"
        tag_list(self.tree, out)
        return out

    def url(self, url: str) -> str:
        self.chars.update(url)
        if not url.lower().startswith(_LINKABLE):  # never a javascript: or file: link
            return _esc(url)
        link = _esc(self.color("link"), True)
        return f'<a href="{_esc(url, True)}" color="{link}">{_esc(url)}</a>'
