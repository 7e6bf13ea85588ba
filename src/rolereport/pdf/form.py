"""The self-assessment worksheet as a fillable PDF form: tick boxes, name, date and totals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Paragraph as Para

from ..content.model import Checklist
from ..text.measure import Measure
from .style import ALL, BODY_PT, BOX_PAD, LEFT_RULE, ZEBRA, grid, tint
from .tagging import tag

if TYPE_CHECKING:
    from ..brand.theme import Theme
    from .blocks import Blocks

# Typed text needs every glyph a reader may type, and a viewer that draws it anew needs a
# font it knows: Helvetica, a PDF standard font, not the brand's embedded subset.
FIELD_FONT, FIELD_PT = "Helvetica", 10
FIELD_H, TOTAL_W, TOTAL_INSET = 16, 34, 3  # text field height; a total's box and its inset
CHECKBOX, BORDER_W, GUIDE_W = 11, 0.9, 0.8  # tick box size; its border; lines to write on
NAME_LEN, DATE_LEN, TOTAL_LEN = 60, 20, 2  # most characters each field takes
GUIDE_TINT, LABEL_PAD = 0.6, 8  # lines to write on: the text colour, lighter; after a label
ROW_PAD = (2, 6, 8, 5)  # statement rows: left, right, top, bottom


class Field(Flowable):
    """A form field drawn where the layout puts it: a tick box, or a text field as wide as its
    cell. The box or line to write on is printed with the page as well, so that it prints
    alike filled or blank, whatever appearance a viewer gives the field when it redraws it.

    Only the final document holds the field: the dry pass, which measures pages, draws none.
    """

    def __init__(
        self,
        name: str,
        tip: str,
        theme: Theme,
        kind: Literal["check", "line", "box"],
        max_len: int = 0,
    ) -> None:
        super().__init__()
        self.name, self.tip, self.kind, self.max_len = name, tip, kind, max_len
        self.ink, self.paper = HexColor(theme.foreground), HexColor(theme.background)
        self.guide = tint(theme.foreground, GUIDE_TINT)
        self.width, self.height = (CHECKBOX, CHECKBOX) if kind == "check" else (TOTAL_W, FIELD_H)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self.kind == "line":
            self.width = aw
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(self.ink if self.kind == "check" else self.guide)
        c.setLineWidth(BORDER_W if self.kind == "check" else GUIDE_W)
        if self.kind == "line":
            c.line(0, -GUIDE_W, self.width, -GUIDE_W)
        elif self.kind == "box":  # on paper colour, as the widget is, whatever the panel around
            c.setFillColor(self.paper)
            c.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        else:  # the widget's own border, printed too: viewers that redraw a tick box may not
            half = BORDER_W / 2
            c.rect(half, half, CHECKBOX - BORDER_W, CHECKBOX - BORDER_W, stroke=1, fill=0)
        if getattr(c, "dry", False):
            return
        inset = TOTAL_INSET if self.kind == "box" else 0
        common = {
            "name": self.name,
            "tooltip": self.tip,
            "x": inset,
            "y": inset / 2,
            "relative": True,
            # A tick box lets the page show through: a viewer that redraws it in white would
            # hide the printed box.
            "fillColor": None if self.kind == "check" else self.paper,
            "textColor": self.ink,
            "annotationFlags": "print",
            "fieldFlags": "",
        }
        if self.kind == "check":
            c.acroForm.checkbox(
                size=CHECKBOX,
                buttonStyle="check",
                borderColor=self.ink,
                borderWidth=BORDER_W,
                **common,
            )
            return
        c.acroForm.textfield(
            width=self.width - 2 * inset,
            height=self.height - inset,
            borderColor=None,
            borderWidth=0,
            fontName=FIELD_FONT,
            fontSize=FIELD_PT,
            maxlen=self.max_len,
            **common,
        )


def worksheet(b: Blocks, c: Checklist) -> list[Flowable]:
    """The worksheet's flowables: name and date, the statements to tick, the scoring key."""
    theme, body = b.theme, b.st["box"]
    # The field names are the form's interface (people and scripts fill it): stable words.
    name_w, date_w = (_label_width(b, x) for x in (c.name_label, c.date_label))
    name = Field("name", c.name_label, theme, "line", NAME_LEN)
    date = Field("date", c.date_label, theme, "line", DATE_LEN)
    widths = [name_w, b.width * 0.55, date_w, b.width * 0.45 - name_w - date_w]
    row = [[b.para(c.name_label), name, b.para(c.date_label), date]]
    who = grid(row, widths, b.fonts.regular, ("VALIGN", *ALL, "BOTTOM"), pad=(0, 6, 0, 3))
    who.spaceAfter = 16
    rows = [
        [
            Field(f"statement_{n}", item.text, theme, "check"),
            tag(Para(f"<b>{n}.</b>", body), "P", b.tree),
            b.para(item.text, "box"),
        ]
        for n, item in enumerate(c.items, 1)
    ]
    ticks = grid(
        rows,
        [26, 30, None],
        b.fonts.regular,
        ("TOPPADDING", (0, 0), (0, -1), 10),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, tint(theme.primary, 0.25)),
        pad=ROW_PAD,
    )
    fill, rule = tint(theme.primary, ZEBRA), HexColor(theme.primary)
    score = b.box(
        [b.para(c.scoring, "box"), *_tallies(b, c), b.para(c.outcome, "box")], fill, "BOX", 1, rule
    )
    score.spaceBefore, score.spaceAfter = 14, 12
    score.splitInRow = 0  # the scoring key moves whole to the next page, never a sliver of it
    return [_OnePage([who, b.para(c.instructions, "lead"), ticks, score])]


class _OnePage(KeepTogether):
    """One printable worksheet: kept on one page whenever it fits on one; one longer than a
    page flows on from where it starts, never leaving its heading alone on a page."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        f, tall = getattr(self, "_frame", None), self._H
        if f is not None and tall > f._height - f._topPadding - f._bottomPadding:
            return list(self._content)
        return super().split(aW, aH)


def _tallies(b: Blocks, c: Checklist) -> list[Flowable]:
    """The scoring key's lines: a role in its colour, its statements, a box for the total."""
    if not c.tallies:
        return []
    label = ParagraphStyle("tally", b.st["box"], fontName=b.fonts.bold)
    inner = b.width - 2 * BOX_PAD  # inside the scoring box
    widest = max(_label_width(b, t.label, bold=True) for t in c.tallies)
    role_w = min(inner * 0.34, LABEL_PAD + widest)  # air after the rule, the name, air
    total_w = _label_width(b, c.total_label)
    rows, cmds = [], []
    for y, t in enumerate(c.tallies):
        box = Field(f"total_{t.role}", t.tip, b.theme, "box", TOTAL_LEN)
        rows.append(
            [
                tag(Para(b.rich(t.label), label), "P", b.tree),
                b.para(t.text, "box"),
                b.para(c.total_label, "box"),
                box,
            ]
        )
        color = HexColor(b.theme.role_color(b.report.role_index(t.role)))
        cmds.append(("LINEBEFORE", (0, y), (0, y), LEFT_RULE, color))
    widths = [role_w, inner - role_w - total_w - TOTAL_W, total_w, TOTAL_W]
    cmds += [("VALIGN", *ALL, "MIDDLE"), ("LEFTPADDING", (0, 0), (0, -1), LABEL_PAD)]
    cmds.append(("RIGHTPADDING", (-1, 0), (-1, -1), 0))  # the total's box fills its column
    table = grid(rows, widths, b.fonts.regular, *cmds, pad=(0, LABEL_PAD, 3, 3))
    table.spaceBefore, table.spaceAfter = 6, 6
    return [table]


def _label_width(b: Blocks, text: str, bold: bool = False) -> float:
    """Room for a printed label at body size, and a little air before what follows it."""
    m = Measure(b.theme.font.regular, b.theme.font.bold)
    return m.width(text, BODY_PT, bold) + LABEL_PAD
