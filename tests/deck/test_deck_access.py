"""The deck as a screen reader meets it: titles, alt text, decorative shapes, header rows,
reading order and readable colours, read back with python-pptx."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from rolereport import build, load_brand, packaged_datasets
from rolereport.brand.colors import contrast
from rolereport.deck.access import is_decorative

BRANDS = ("", "examples/brands/northwind", "examples/brands/minimal")


@pytest.fixture(scope="module", params=BRANDS)
def decks(request, tmp_path_factory) -> list[tuple[Path, object]]:
    out = tmp_path_factory.mktemp("decks")
    assets = ROOT / request.param if request.param else None
    for name in packaged_datasets():
        build(name, assets, out, only=("pptx",), parallel=False)
    theme = load_brand(assets) if assets else load_brand(ROOT / "assets")
    return [(p, theme) for p in sorted(out.glob("*.pptx"))]


def _slides(decks):
    for path, theme in decks:
        for n, slide in enumerate(Presentation(path).slides, 1):
            yield f"{path.name} slide {n}", slide, theme


def _alt(shape) -> str:
    return shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")


def test_every_slide_has_a_unique_title_in_its_title_placeholder(decks):
    for path, _ in decks:
        titles = []
        for slide in Presentation(path).slides:
            title = slide.shapes.title
            assert title is not None and title.text_frame.text.strip(), path.name
            assert title.placeholder_format.type in (
                PP_PLACEHOLDER.TITLE,
                PP_PLACEHOLDER.CENTER_TITLE,
            )
            titles.append(title.text_frame.text)
        assert not [t for t, n in Counter(titles).items() if n > 1], path.name


def test_pictures_have_alt_text_and_decoration_is_flagged_decorative(decks):
    decorative = 0
    for where, slide, _ in _slides(decks):
        for shape in slide.shapes:
            if is_decorative(shape):
                decorative += 1
                assert not shape.has_text_frame or not shape.text_frame.text, where
            elif shape.shape_type == MSO_SHAPE_TYPE.PICTURE or shape.has_table:
                assert _alt(shape).strip(), f"{where}: {shape.name}"
            elif shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE:  # only text, never bare shapes
                assert shape.text_frame.text.strip(), f"{where}: {shape.name}"
    assert decorative > 0


def test_repeated_logos_are_decorative_and_the_cover_logo_is_described(decks):
    for where, slide, theme in _slides(decks):
        logos = [s for s in slide.shapes if s.name == "Logo"]
        cover = slide.shapes.title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
        for logo in logos:
            if cover:
                assert _alt(logo) == theme.logo_alt and not is_decorative(logo), where
            else:
                assert is_decorative(logo), where


def test_tables_mark_their_first_row_as_the_header_row(decks):
    tables = 0
    for _, slide, _ in _slides(decks):
        for shape in slide.shapes:
            if shape.has_table:
                tables += 1
                assert shape._element.xpath(".//a:tblPr")[0].get("firstRow") == "1"
    assert tables > 0


def test_the_title_is_read_first_and_a_caption_after_its_chart(decks):
    for where, slide, _ in _slides(decks):
        read = [s for s in slide.shapes if not is_decorative(s)]
        assert read[0].shape_id == slide.shapes.title.shape_id, where
        names = [s.name for s in read]
        if "Caption" in names:
            visual = [i for i, s in enumerate(read) if s.name.startswith(("Chart", "Table"))]
            assert visual and visual[0] < names.index("Caption"), where


def _fill(cell) -> str:
    color = cell._tc.xpath("./a:tcPr/a:solidFill/a:srgbClr")
    return "#" + color[0].get("val")


def test_table_text_is_readable_on_its_cell_colour(decks):
    for where, slide, _ in _slides(decks):
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            for row in shape.table.rows:
                for cell in row.cells:
                    for run in cell._tc.iter(qn("a:r")):
                        rpr = run.find(qn("a:rPr"))
                        ink = "#" + rpr.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val")
                        size = int(rpr.get("sz")) / 100
                        large = size >= 18 or (size >= 14 and rpr.get("b") == "1")
                        assert contrast(ink, _fill(cell)) >= (3 if large else 4.5), where


def _under(slide, shape, background: str) -> str:
    """The colour behind a shape's middle: the last filled rectangle there, else the page."""
    x, y = shape.left + shape.width // 2, shape.top + shape.height // 2
    fill = background
    for s in slide.shapes:
        if s.shape_id == shape.shape_id:
            break
        inside = s.left <= x <= s.left + s.width and s.top <= y <= s.top + s.height
        color = s._element.xpath("./p:spPr/a:solidFill/a:srgbClr")
        if inside and color and is_decorative(s):
            fill = "#" + color[0].get("val")
    return fill


def test_slide_text_is_readable_on_what_is_behind_it(decks):
    for where, slide, theme in _slides(decks):
        for shape in slide.shapes:
            if not shape.has_text_frame or is_decorative(shape):
                continue
            fill = _under(slide, shape, theme.background)
            for run in shape._element.iter(qn("a:r")):
                rpr = run.find(qn("a:rPr"))
                color = rpr.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}")
                if color is None or not run.findtext(qn("a:t")).strip():
                    continue
                size = int(rpr.get("sz", "1800")) / 100
                large = size >= 18 or (size >= 14 and rpr.get("b") == "1")
                ratio = contrast("#" + color.get("val"), fill)
                assert ratio >= (3 if large else 4.5), f"{where}: {shape.name} {ratio:.2f}"
