"""Every text run of the deck, and every bullet, reads against what is behind it (WCAG AA),
with brands whose colours make that hard: the deck chooses readable text colours."""

from __future__ import annotations

import pytest
from conftest import ROOT
from contrast import HOSTILE, hostile_brand, needed, ratio, rgb
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from rolereport import build
from rolereport.deck.access import is_decorative

WHITE = "#FFFFFF"  # the built-in slide master's background


def _solid(element, path: str) -> str:
    found = element.xpath(path)
    return "#" + found[0].get("val") if found else ""


def _behind(slide, shape) -> str:
    """The colour behind a shape's middle: the last filled decoration under it drawn before
    it, else the slide's (or its layout's or master's) background."""
    x, y = shape.left + shape.width // 2, shape.top + shape.height // 2
    ground = ""
    for part in (slide.slide_layout.slide_master, slide.slide_layout, slide):
        ground = _solid(part._element, "./p:cSld/p:bg//a:srgbClr") or ground
    ground = ground or WHITE
    for s in slide.shapes:
        if s.shape_id == shape.shape_id:
            break
        inside = s.left <= x <= s.left + s.width and s.top <= y <= s.top + s.height
        color = _solid(s._element, "./p:spPr/a:solidFill/a:srgbClr")
        if inside and color and is_decorative(s):
            ground = color
    return ground


def _runs(where: str, element, ground: str):
    """(where, run colour, ground, needed ratio) of every run, and of every bullet (3:1)."""
    for p in element.iter(qn("a:p")):
        bullet = _solid(p, "./a:pPr/a:buClr/a:srgbClr")
        if bullet and p.find(f"{qn('a:pPr')}/{qn('a:buChar')}") is not None:
            yield f"{where} bullet", bullet, ground, 3.0
        for r in p.iter(qn("a:r")):
            rpr = r.find(qn("a:rPr"))
            text = r.findtext(qn("a:t")) or ""
            if not text.strip():
                continue
            color = _solid(rpr, "./a:solidFill/a:srgbClr")
            assert color, f"{where}: {text!r} has no colour of its own"
            size = int(rpr.get("sz")) / 100
            yield f"{where} {text[:30]!r}", color, ground, needed(size, rpr.get("b") == "1")


def _chart_text(where: str, frame, ground: str):
    """(where, colour, ground, needed ratio) of every text style a native chart sets: its
    axes' tick labels and titles, its data labels (the chart area is not filled)."""
    space = frame.chart._chartSpace
    assert not space.xpath("./c:spPr/a:solidFill"), f"{where}: a filled chart area"
    for rpr in space.xpath(".//a:defRPr | .//a:rPr"):
        color = _solid(rpr, "./a:solidFill/a:srgbClr")
        if color and rpr.get("sz"):
            size = int(rpr.get("sz")) / 100
            yield f"{where} chart text", color, ground, needed(size, rpr.get("b") == "1")


@pytest.mark.parametrize("brand", sorted(HOSTILE))
def test_every_text_run_and_bullet_reads_against_what_is_behind_it(tmp_path, dataset, brand):
    assets = hostile_brand(ROOT, tmp_path / "brand", brand)
    build(dataset, assets, tmp_path / "out", only=("pptx",), parallel=False)
    deck = Presentation(next((tmp_path / "out").glob("*.pptx")))
    checked, poor = [], []
    for n, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        fill = _solid(cell._tc, "./a:tcPr/a:solidFill/a:srgbClr")
                        checked += _runs(f"slide {n} table", cell._tc, fill)
            elif shape.has_chart:  # native charts: labels and axes beside the bars
                checked += _chart_text(f"slide {n} {shape.name}", shape, _behind(slide, shape))
            elif shape.shape_type == MSO_SHAPE_TYPE.GROUP:  # the career ladder
                for part in shape.shapes:
                    own = _solid(part._element, "./p:spPr/a:solidFill/a:srgbClr")
                    ground = own or _behind(slide, shape)
                    checked += _runs(f"slide {n} {shape.name} {part.name}", part._element, ground)
            elif shape.has_text_frame and not is_decorative(shape):
                ground = _behind(slide, shape)
                checked += _runs(f"slide {n} {shape.name}", shape._element, ground)
        if slide.has_notes_slide:
            checked += _runs(f"slide {n} notes", slide.notes_slide.notes_text_frame._txBody, WHITE)
    grounds = {g for _, _, g, _ in checked}
    assert len(checked) > 200 and len(grounds) >= 3  # on the page, bands and table cells
    for where, color, ground, need in checked:
        if ratio(rgb(color), rgb(ground)) < need:
            poor.append((where, color, ground, round(ratio(rgb(color), rgb(ground)), 2)))
    assert not poor, poor[:20]
