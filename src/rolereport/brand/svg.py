"""SVG pictures (charts and logos) read as ReportLab Drawings, with their text in the brand
faces: the one SVG reader that the PDFs and the deck's logo share."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.graphics.shapes import Drawing
from svglib.svglib import svg2rlg


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
