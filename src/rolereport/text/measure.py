"""Text measured in a theme's fonts: wrapping, heights, and the largest size that fits a box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import ImageFont

LINE = 1.2  # line pitch × size, written as exact spacing in the deck
INSET = 0.05  # text frame margins in inches, every side
SAFETY = 0.97  # renderers kern and round a little differently: use 97% of a line's width


@dataclass(frozen=True)
class Box:
    """A rectangle in inches: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Para:
    """A paragraph at a size, as the fitting measured it and the deck writes it."""

    text: str
    size: float
    bold: bool = False
    line: float = LINE
    space: float = 0.0  # points before the paragraph
    indent: float = 0.0  # points of hanging indent (bullet, number or label)
    label: str = ""  # shown in the hanging indent, e.g. "[1]"
    link: str = ""


class Measure:
    """Text widths in points from the theme's TrueType files; wraps and fits paragraphs."""

    def __init__(self, regular: Path | None = None, bold: Path | None = None) -> None:
        self.files = (regular, bold or regular)
        # Fonts are cached by content: a file replaced in place (watch mode) is read again.
        self.versions = tuple(font_version(p) if p else None for p in self.files)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        path, version = self.files[1 if bold else 0], self.versions[1 if bold else 0]
        if path is None:  # no theme: a generous average glyph width
            return len(text) * size * (0.56 if bold else 0.52)
        # Without kerning (as Pillow's basic layout) widths add up word by word: cache words.
        words = text.split(" ")
        units = sum(_units(path, version, w) for w in words)
        return (units + (len(words) - 1) * _units(path, version, " ")) * size / _UNITS

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Lines as a renderer breaks them: at spaces, and inside words longer than a line."""
        width *= SAFETY
        lines: list[str] = []
        line = ""
        for word in text.split(" "):
            trial = f"{line} {word}" if line else word
            if self.width(trial, size, bold) <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and self.width(word, size, bold) > width:
                cut = len(word) - 1
                while cut > 1 and self.width(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
        return lines

    def height(self, paras: Sequence[Para], width: float) -> float:
        """Points the paragraphs take in a frame `width` points wide (inside its margins)."""
        return sum(
            p.space + len(self.wrap(p.text, p.size, width - p.indent, p.bold)) * p.size * p.line
            for p in paras
        )

    def fits(self, paras: Sequence[Para], box: Box, inset: float = INSET) -> bool:
        return self.height(paras, (box.w - 2 * inset) * 72) <= (box.h - 2 * inset) * 72 + 0.01


_UNITS = 200  # fonts load at this size; widths scale linearly from it


def font_version(path: Path) -> tuple[int, int]:
    """What tells a font file's versions apart: its size and modification time (ns)."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=8)
def _font(path: Path, version: tuple[int, int]) -> ImageFont.FreeTypeFont:
    # From bytes in memory: FreeType would read a file lazily, and it may be replaced.
    data = BytesIO(path.read_bytes())
    return ImageFont.truetype(data, _UNITS, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def _units(path: Path, version: tuple[int, int], word: str) -> float:
    return _font(path, version).getlength(word)


def sizes(start: float, floor: float) -> list[float]:
    """The sizes to try, largest first: `start` down to `floor` in 2 pt steps."""
    return list(range(int(start), int(floor) - 1, -2))


def fit(
    m: Measure, box: Box, make: Callable[[float], tuple[Para, ...]], pts: tuple[int, int]
) -> tuple[Para, ...] | None:
    """The paragraphs at the largest size that fits the box, or None."""
    return next((ps for s in sizes(*pts) if m.fits(ps := make(s), box)), None)


def fit_line(
    m: Measure, box: Box, text: str, pts: tuple[int, int], bold: bool = False, line: float = LINE
) -> tuple[Para, str]:
    """One paragraph fitted to the box; at the floor, cut at a word with an ellipsis (warned)."""
    got = fit(m, box, lambda s: (Para(text, s, bold, line),), pts)
    if got:
        return got[0], ""
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        para = Para(" ".join(words) + "…", pts[1], bold, line)
        if m.fits((para,), box):
            return para, f"'{text}' is too long for its box and was shortened"
    return Para(text, pts[1], bold, line), f"'{text}' does not fit its box"


def split_long(text: str, ok: Callable[[str], bool]) -> list[str]:
    """A single item too long for a slide, cut at words into pieces that each fit."""
    if ok(text):
        return [text]
    pieces, words = [], text.split(" ")
    while words:
        n = len(words)
        while n > 1 and not ok(" ".join(words[:n]) + " …"):
            n -= 1
        piece = " ".join(words[:n])
        words = words[n:]
        pieces.append(piece + (" …" if words else ""))
    return pieces
