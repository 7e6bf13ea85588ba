"""The one text measurer: its widths are the ones ReportLab and matplotlib lay text out with,
it wraps within the width it is given, and it reads a font by its content."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from matplotlib import ft2font
from matplotlib.font_manager import FontProperties, get_font
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rolereport.charts.fit import text_width
from rolereport.text.measure import Measure, font_metrics

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONTS = [
    ROOT / "assets" / "fonts" / "Carlito-Regular.ttf",
    ROOT / "assets" / "fonts" / "Carlito-Bold.ttf",
    ROOT / "examples" / "brands" / "northwind" / "fonts" / "LiberationSans-Regular.ttf",
    ROOT / "examples" / "brands" / "northwind" / "fonts" / "Caladea-Bold.ttf",
    DEJAVU,
]
TEXTS = [
    "AI engineer vs. data scientist",
    "Wählen Sie die Aussagen, die für Sie zutreffen – Gehälter in €",
    "C++, SQL & Python: 10% of 95 000 $ (2024/25)",
    "no\u00a0break\u00a0spaces and a 中 the font lacks",
    "WAVE Ty To AV fi fl ffi",  # kerning pairs and ligatures, neither of which counts
]
SIZES = [7.5, 10, 14, 28]
NO_HINTING = getattr(getattr(ft2font, "LoadFlags", None), "NO_HINTING", None)
if NO_HINTING is None:  # matplotlib < 3.10
    NO_HINTING = ft2font.LOAD_NO_HINTING


def _reportlab(path: Path, text: str, size: float) -> float:
    name = f"measured-{path.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return pdfmetrics.stringWidth(text, name, size)


def _matplotlib(path: Path, text: str, size: float) -> float:
    """The unhinted advances matplotlib places glyphs by; a character the font lacks shows
    glyph 0, and a chart's text has its missing spaces made plain spaces (charts/style.py)."""
    font = get_font(str(path))
    font.set_size(100, 72)
    glyphs = [
        font.get_char_index(ord(c)) or font.get_char_index(ord(" ")) * c.isspace() for c in text
    ]
    units = sum(font.load_glyph(g, flags=NO_HINTING).linearHoriAdvance for g in glyphs)
    return units / 65536 / 100 * size


def _installed(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"{path.name} is not installed")
    return path


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.stem)
def test_widths_are_reportlabs_and_matplotlibs_to_a_hundredth_of_a_point(path):
    path = _installed(path)
    m = Measure(path)
    for text in TEXTS:
        for size in SIZES:
            ours = m.width(text, size)
            assert ours == pytest.approx(_reportlab(path, text, size), abs=0.01), (text, size)
            assert ours == pytest.approx(_matplotlib(path, text, size), abs=0.01), (text, size)


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.stem)
def test_chart_text_widths_are_matplotlibs_advances_line_by_line(path):
    path = _installed(path)
    font = FontProperties(fname=str(path), size=9)
    text = "Median pay\nWählen Sie – C++ 中"
    widest = max(_matplotlib(path, s, 9) for s in text.split("\n"))
    assert text_width(text, font) == pytest.approx(widest, abs=0.01)


def test_wrapped_lines_fit_the_width_and_take_every_word_that_fits():
    path = FONTS[0]
    text = " ".join(TEXTS[:3])
    for size, room in [(12, 90.0), (18, 160.0), (28, 200.0)]:
        lines = Measure(path).wrap(text, size, room)
        assert " ".join(lines) == text
        assert all(_reportlab(path, s, size) <= room for s in lines), lines
        for line, after in itertools.pairwise(lines):
            assert _reportlab(path, f"{line} {after.split(' ')[0]}", size) > room, line


def test_a_word_longer_than_the_line_breaks_between_letters_within_the_width():
    path = FONTS[0]
    word = "Registered-apprenticeship-programmes-everywhere"
    lines = Measure(path).wrap(word, 12, 90.0)
    assert len(lines) > 1 and "".join(lines) == word
    assert all(_reportlab(path, s, 12) <= 90.0 for s in lines), lines


def test_a_fill_margin_breaks_lines_at_that_share_of_the_width():
    path = FONTS[0]
    text = "Both reward strong fundamentals in Python, SQL, statistics and machine learning."
    exact, margin = Measure(path), Measure(path, fill=0.9)
    for room in (100.0, 150.0, 220.0):
        assert margin.wrap(text, 14, room) == exact.wrap(text, 14, room * 0.9)
        assert all(_reportlab(path, s, 14) <= room * 0.9 for s in margin.wrap(text, 14, room))


def test_without_a_font_file_the_estimate_is_wider_than_the_real_fonts():
    guess = Measure()
    bold = [FONTS[1], FONTS[3], DEJAVU.with_name("DejaVuSans-Bold.ttf")]
    for text in [*TEXTS[:3], "AI ENGINEER VS. DATA SCIENTIST"]:
        for path in (p for p in FONTS if p.is_file()):
            assert guess.width(text, 12) > _reportlab(path, text, 12), path.name
        for path in (p for p in bold if p.is_file()):
            assert guess.width(text, 12, bold=True) > _reportlab(path, text, 12), path.name


def test_a_font_replaced_in_place_is_measured_anew(tmp_path):
    dejavu = _installed(DEJAVU)
    font = tmp_path / "Brand-Regular.ttf"
    shutil.copyfile(FONTS[0], font)
    before = Measure(font).width("Data scientist", 20)
    stat = font.stat()
    font.write_bytes(dejavu.read_bytes())  # the same file, new content
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # as a copy a moment later
    after = Measure(font).width("Data scientist", 20)
    assert before == pytest.approx(_reportlab(FONTS[0], "Data scientist", 20), abs=0.01)
    assert after == pytest.approx(_reportlab(dejavu, "Data scientist", 20), abs=0.01)
    assert after > before


def test_copies_of_one_font_are_read_once(tmp_path):
    copies = [tmp_path / "a.ttf", tmp_path / "b" / "c.ttf"]
    for copy in copies:
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(FONTS[0], copy)
    assert font_metrics(copies[0]) is font_metrics(copies[1])
