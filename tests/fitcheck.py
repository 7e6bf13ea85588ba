"""Does the text fit its box? Measured here, not with rolereport's own measuring code: glyph
advance widths straight from the font files (fontTools' hmtx table, scaled by size over
units per em, kerning left out), lines broken greedily at spaces across the full width (a word
longer than a line breaks between letters), each line as tall as the deck's line spacing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from pptx.util import Emu


@cache
def _metrics(path: Path) -> tuple[dict[int, int], int, float]:
    """Each code point's advance width in font units, the .notdef advance, and units per em."""
    font = TTFont(path, lazy=True)
    advances = font["hmtx"].metrics
    widths = {cp: advances[name][0] for cp, name in font.getBestCmap().items()}
    return widths, advances[".notdef"][0], float(font["head"].unitsPerEm)


def width(font: Path, text: str, size: float) -> float:
    """Points `text` takes at `size` in the font file `font`."""
    widths, missing, per_em = _metrics(font)
    return sum(widths.get(ord(ch), missing) for ch in text) * size / per_em


def line_count(font: Path, text: str, size: float, room: float) -> int:
    """Lines `text` takes in a column `room` points wide."""
    count = 0
    for hard in text.replace("\v", "\n").split("\n"):  # a line break inside a paragraph
        line = ""
        for word in hard.split(" "):
            trial = f"{line} {word}" if line else word
            if width(font, trial, size) <= room:
                line = trial
                continue
            if line:
                count += 1
            while len(word) > 1 and width(font, word, size) > room:
                cut = max(
                    (n for n in range(1, len(word)) if width(font, word[:n], size) <= room),
                    default=1,
                )
                count += 1
                word = word[cut:]
            line = word
        count += 1
    return count


@dataclass(frozen=True)
class Line:
    """A paragraph as the deck file states it: text, size, line pitch and space before (all in
    points), hanging indent (points) and weight."""

    text: str
    size: float
    pitch: float
    before: float = 0.0
    indent: float = 0.0
    bold: bool = False


def height(fonts: tuple[Path, Path], paras: Iterable[Line], room: float) -> float:
    """Points the paragraphs take in a column `room` points wide; fonts: (regular, bold)."""
    return sum(
        p.before + line_count(fonts[p.bold], p.text, p.size, room - p.indent) * p.pitch
        for p in paras
    )


def paragraphs(text_frame) -> list[Line]:
    """The paragraphs of a python-pptx text frame, read from the file."""
    out = []
    for p in text_frame.paragraphs:
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs)
        ppr = p._p.pPr
        spacing = p.line_spacing
        pitch = spacing.pt if hasattr(spacing, "pt") else (spacing or 1.0) * 1.2 * size
        out.append(
            Line(
                p.text.split("\t")[-1],  # a label such as "[1]\t" sits in the hanging indent
                size,
                pitch,
                p.space_before.pt if p.space_before is not None else 0.0,
                Emu(int(ppr.get("marL", 0))).pt if ppr is not None else 0.0,
                bool(runs[-1].font.bold),
            )
        )
    return out


def _fits(fonts, paras: Sequence[Line], w: int, h: int, margins: Sequence[int]) -> bool:
    left, right, top, bottom = (Emu(m).pt for m in margins)
    return height(fonts, paras, Emu(w).pt - left - right) <= Emu(h).pt - top - bottom + 0.01


def misfits(prs, theme, footer_top: float) -> list[str]:
    """Every text frame and table cell of a deck whose text is taller than its box (titles in
    the heading font, the rest in the body font), and every table that reaches `footer_top`
    (inches)."""
    body = (theme.font.regular, theme.font.bold)
    heading = (theme.heading_font.regular, theme.heading_font.bold)
    bad = []
    for n, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                tf = shape.text_frame
                margins = (tf.margin_left, tf.margin_right, tf.margin_top, tf.margin_bottom)
                fonts = heading if title and shape.shape_id == title.shape_id else body
                if not _fits(fonts, paragraphs(tf), shape.width, shape.height, margins):
                    bad.append(f"slide {n}: {shape.name}: {tf.text[:40]!r}")
            if shape.has_table:
                table = shape.table
                if Emu(shape.top + sum(r.height for r in table.rows)).inches > footer_top:
                    bad.append(f"slide {n}: table runs into the footer")
                for i, row in enumerate(table.rows):
                    for j, cell in enumerate(row.cells):
                        margins = [cell.margin_left, cell.margin_right]
                        margins += [cell.margin_top, cell.margin_bottom]
                        w = table.columns[j].width
                        if not _fits(body, paragraphs(cell.text_frame), w, row.height, margins):
                            bad.append(f"slide {n}: cell {i},{j}: {cell.text[:40]!r}")
    return bad


def plan_fits(theme, paras, box, inset: float = 0.05) -> bool:
    """Whether planned paragraphs (rolereport's Para: text, size, bold, line as a multiple of
    the size, space, indent) fit a planned box in inches inside `inset` inches of margin."""
    lines = [Line(p.text, p.size, p.size * p.line, p.space, p.indent, p.bold) for p in paras]
    room = (box.w - 2 * inset) * 72
    return (
        height((theme.font.regular, theme.font.bold), lines, room)
        <= (box.h - 2 * inset) * 72 + 0.01
    )
