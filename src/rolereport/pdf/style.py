"""The PDFs' type and colour: paragraph styles by role, tints and inks, the table grid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from ..brand import colors
from ..brand.colors import WHITE, mix, readable

if TYPE_CHECKING:
    from ..brand.theme import Theme
    from .setup import Fonts

BODY_PT, CELL_PT, CITE_PT = 10.5, 9.5, 7.5  # body text, table cells, cite marks
GAP, BULLET_INDENT, BOX_PAD, LEFT_RULE = 6, 14, 11, 4  # paragraph gap; callout padding, rule
TINT, ZEBRA = 0.10, 0.05
ALL = ((0, 0), (-1, -1))


def tinted(hex_color: str, amount: float) -> str:
    """`hex_color` on white paper at `amount` strength (1: the colour, 0: white), as hex."""
    return mix(hex_color, WHITE, 1 - amount)


def tint(hex_color: str, amount: float) -> Color:
    """`hex_color` on white paper at `amount` strength, as a ReportLab colour."""
    return HexColor(tinted(hex_color, amount))


def paper(theme: Theme) -> str:
    """The darkest light ground body text is printed on: the tables' zebra rows. A colour
    readable on it is readable on the white page too (darker text, lighter ground)."""
    return tinted(theme.primary, ZEBRA)


def on(theme: Theme, name: str, ground: str) -> str:
    """The theme's colour `name` (foreground, muted, link ...) made readable on `ground`."""
    return readable(getattr(theme, name), ground)


def ink(hex_color: str) -> Color:
    """Black or white, whichever has the higher WCAG contrast ratio on `hex_color`."""
    return HexColor(colors.ink(hex_color))


def styles(theme: Theme, f: Fonts, ground: str = "") -> dict[str, ParagraphStyle]:
    """The paragraph styles by role (body, lead, h1, h2, cell, caption ...) in the brand,
    their colours readable on `ground` (by default the paper())."""
    ground = ground or paper(theme)
    muted, head = HexColor(on(theme, "muted", ground)), HexColor(on(theme, "heading_color", ground))
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=BODY_PT,
        leading=14.5,
        textColor=HexColor(on(theme, "foreground", ground)),
        spaceAfter=GAP,
        allowWidows=0,
        bulletFontName=f.bold,
        bulletColor=HexColor(on(theme, "primary", ground)),
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


class Grid(Table):
    """A ReportLab table that never starts a page with an empty piece of itself: when a split
    inside a row keeps every cell's content on this page and only the padding would go on,
    the padding is what is dropped."""

    def split(self, availWidth: float, availHeight: float) -> list[Table]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and not any(cell for row in parts[1]._cellvalues for cell in row):
            return parts[:1]
        return parts


def grid(rows: list[list[Any]], widths: list[Any], font: str, *cmds: Any, **kw: Any) -> Grid:
    """A left-aligned table in the brand font (ReportLab's default is Helvetica) that splits
    between and inside rows; `pad` is (left, right, top, bottom)."""
    sides = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    pads = zip(sides, kw.pop("pad"), strict=True)
    style = [("FONTNAME", *ALL, font), ("VALIGN", *ALL, "TOP"), *((p, *ALL, v) for p, v in pads)]
    return Grid(rows, colWidths=widths, hAlign="LEFT", splitInRow=1, style=[*style, *cmds], **kw)
