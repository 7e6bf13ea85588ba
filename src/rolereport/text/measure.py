"""The one text measurer: advance widths from the font files, wrapping, heights, and the
largest size that fits a box. The slide plan, the deck's native charts, matplotlib charts and
the PDFs all measure here."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LINE = 1.2  # line pitch × size, written as exact spacing in the deck
INSET = 0.05  # text frame margins in inches, every side
GUESS = (0.6, 0.66)  # em per character, regular and bold, without a font file: wider than
# DejaVu Sans, among the widest sans fonts, in capitals


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


class FontMetrics:
    """One font file's horizontal metrics: each character's advance width (hmtx through the
    best Unicode cmap) in font units, and the font's units per em.

    Widths are advance sums without kerning, as ReportLab's stringWidth and matplotlib's
    unhinted advances give them; how PowerPoint and LibreOffice differ from them is the slide
    plan's RENDERER_MARGIN (plan/layout.py)."""

    def __init__(self, data: bytes) -> None:
        from fontTools.ttLib import TTFont

        quiet = logging.getLogger("fontTools")  # it logs oddities it reads past
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            with TTFont(io.BytesIO(data), lazy=True, fontNumber=0) as font:
                hmtx, cmap = font["hmtx"].metrics, font.getBestCmap() or {}
                order = font.getGlyphOrder()
                self.per_em = float(font["head"].unitsPerEm)
        finally:
            quiet.setLevel(level)
        self.missing = hmtx[order[0]][0]  # a character the font lacks shows glyph 0
        self.mapped = frozenset(cmap)  # the characters the font has
        self.advances = {cp: hmtx[name][0] for cp, name in cmap.items() if name in hmtx}
        for a, b in ((0x20, 0xA0), (0xA0, 0x20)):  # a missing no-break space is a space
            if a in self.advances:
                self.advances.setdefault(b, self.advances[a])
        self.space = self.advances.get(0x20, self.missing)  # font units
        self._words: dict[str, int] = {}

    def units(self, text: str) -> int:
        """The advance width of `text` in font units (added up word by word: words repeat)."""
        words = text.split(" ")
        return sum(map(self._word, words)) + (len(words) - 1) * self.space

    def _word(self, word: str) -> int:
        got = self._words.get(word)
        if got is None:
            got = sum(self.advances.get(ord(c), self.missing) for c in word)
            if len(self._words) < 65536:
                self._words[word] = got
        return got

    def width(self, text: str, size: float) -> float:
        """Points `text` takes on one line at `size` points."""
        return self.units(text) * size / self.per_em


def font_version(path: Path | str) -> tuple[int, int]:
    """What tells a font file's versions apart: its size and modification time (ns)."""
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def font_metrics(path: Path | str) -> FontMetrics:
    """The metrics of the font file at `path`, read once per content: a file replaced in place
    (watch mode) is read again, and copies of one font share one reading."""
    return _metrics_at(str(path), *font_version(path))


_parsed: dict[str, FontMetrics] = {}  # by the SHA-256 of the file's bytes
_lock = threading.Lock()


@lru_cache(maxsize=64)
def _metrics_at(path: str, size: int, mtime_ns: int) -> FontMetrics:
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with _lock:
        if digest not in _parsed:
            if len(_parsed) >= 32:  # fonts replaced over a long watch session
                _parsed.pop(next(iter(_parsed)))
            _parsed[digest] = FontMetrics(data)
        return _parsed[digest]


class Measure:
    """Text widths in points in a regular and a bold font file; wraps and fits paragraphs.
    Without a file (no theme), a generous average glyph width stands in.

    Widths are exact; `fill` is the caller's margin for a renderer that breaks lines a little
    wider than the advance sums: lines are broken at that share of the width asked for."""

    def __init__(
        self, regular: Path | None = None, bold: Path | None = None, fill: float = 1.0
    ) -> None:
        self.files = (regular, bold or regular)
        self.fill = fill
        self._fonts: dict[bool, FontMetrics] = {}
        self._wrapped: dict[tuple[str, float, float, bool], tuple[str, ...]] = {}

    def font(self, bold: bool = False) -> FontMetrics | None:
        """The metrics of the face, read when first needed and kept for this measure."""
        path = self.files[bold]
        if path is None:
            return None
        if bold not in self._fonts:
            self._fonts[bold] = font_metrics(path)
        return self._fonts[bold]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Points `text` takes on one line at `size` points."""
        font = self.font(bold)
        return font.width(text, size) if font else len(text) * size * GUESS[bold]

    def ellipsis(self, text: str, size: float, width: float, bold: bool = False) -> str:
        """`text` on one line of `width` points: whole, else cut at a word (or, when its first
        word is too long, a letter) and ended with an ellipsis."""
        if self.width(text, size, bold) <= width:
            return text
        words = text.split(" ")
        while len(words) > 1 and self.width(" ".join(words) + "…", size, bold) > width:
            words.pop()
        out = " ".join(words)
        while len(out) > 1 and self.width(out + "…", size, bold) > width:
            out = out[:-1]
        return out.rstrip() + "…"

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Lines as a renderer breaks them `width` points wide (less the fill margin): at
        spaces, and inside words longer than a line. Kept per measure: fitting asks for the
        same paragraph at the same size many times."""
        key = (text, size, width, bold)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrap(text, size, width * self.fill, bold)
            if len(self._wrapped) >= 8192:  # a bound on what one measure keeps
                self._wrapped.clear()
            self._wrapped[key] = lines
        return list(lines)

    def _wrap(self, text: str, size: float, width: float, bold: bool) -> tuple[str, ...]:
        # A line's width is added up word by word (its words' advances and the spaces between
        # them), the same sums `width` makes, without measuring the line again for each word.
        font = self.font(bold)
        if font is None:
            space, units = 1, len

            def points(n: int) -> float:
                return n * size * GUESS[bold]
        else:
            space, units = font.space, font.units

            def points(n: int) -> float:
                return n * size / font.per_em

        lines: list[str] = []
        line, taken = "", 0
        for word in text.split(" "):
            got = units(word)
            trial = taken + space + got if line else got
            if points(trial) <= width:
                line, taken = (f"{line} {word}" if line else word), trial
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and self.width(word, size, bold) > width:
                cut = len(word) - 1
                while cut > 1 and self.width(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line, taken = word, units(word)
        lines.append(line)
        return tuple(lines)

    def height(self, paras: Sequence[Para], width: float) -> float:
        """Points the paragraphs take in a frame `width` points wide (inside its margins)."""
        return sum(
            p.space + len(self.wrap(p.text, p.size, width - p.indent, p.bold)) * p.size * p.line
            for p in paras
        )

    def fits(self, paras: Sequence[Para], box: Box, inset: float = INSET) -> bool:
        """Whether the paragraphs fit the box inside `inset` inches of margin."""
        return self.height(paras, (box.w - 2 * inset) * 72) <= (box.h - 2 * inset) * 72 + 0.01


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
