"""LibreOffice opens the decks: each deck is converted once (one LibreOffice run with a fresh
profile) and the PDF it makes is read back: pages, lines, and every character in its frame."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from conftest import libreoffice_pdf, require_tool
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu
from pypdf import PdfReader
from readback import on_page, pages_of

from rolereport import render_deck, render_guide, render_handout
from rolereport.build.preview import write_preview

pytestmark = pytest.mark.slow
TOLERANCE = 1.0  # points: LibreOffice and the frames' EMU positions round differently


def convert(pptx: bytes, folder: Path) -> bytes:
    """The deck as LibreOffice prints it to PDF (once per run for the same deck)."""
    return libreoffice_pdf(pptx, folder)


@pytest.fixture(scope="module")
def default_pdf(default_deck, tmp_path_factory) -> bytes:
    return convert(default_deck.data, tmp_path_factory.mktemp("lo") / "default")


@pytest.fixture(scope="module")
def stress_pdf(stress_deck, tmp_path_factory) -> bytes:
    return convert(stress_deck.data, tmp_path_factory.mktemp("lo") / "stress")


def frames(slide) -> list[tuple[str, float, float, float, float]]:
    """(name, left, top, right, bottom) in points of every text frame inside its margins, and
    of every table and native chart, as the deck file places them."""
    found = []
    for shape in _flat(slide.shapes):
        left, top = Emu(shape.left).pt, Emu(shape.top).pt
        right, bottom = left + Emu(shape.width).pt, top + Emu(shape.height).pt
        if shape.has_text_frame and shape.text_frame.text.strip():
            tf = shape.text_frame
            left, right = left + Emu(tf.margin_left).pt, right - Emu(tf.margin_right).pt
            top, bottom = top + Emu(tf.margin_top).pt, bottom - Emu(tf.margin_bottom).pt
            found.append((shape.name, left, top, right, bottom))
        elif shape.has_table or getattr(shape, "has_chart", False):  # its text stays inside
            found.append((shape.name, left, top, right, bottom))
    return found


def _flat(shapes):
    """The shapes, those of a group (the career ladder) in its place."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _flat(shape.shapes)
        else:
            yield shape


def outside_frames(page, boxes) -> str:
    """The characters LibreOffice printed outside every frame: a character is inside a frame
    when its whole width and the middle of its line lie within the frame."""

    def inside(c, box) -> bool:
        _, left, top, right, bottom = box
        middle = (c["top"] + c["bottom"]) / 2
        return (
            left - TOLERANCE <= c["x0"]
            and c["x1"] <= right + TOLERANCE
            and top - TOLERANCE <= middle <= bottom + TOLERANCE
        )

    return "".join(
        c["text"]
        for c in page.chars
        if c["text"].strip() and not any(inside(c, box) for box in boxes)
    )


def misplaced(pptx: bytes, pdf: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(pptx))
    pages = pages_of(pdf)
    assert len(pages) == len(prs.slides)
    return [
        f"slide {n}: {text[:60]!r}"
        for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), 1)
        if (text := outside_frames(page, frames(slide)))
    ]


def test_libreoffice_opens_the_deck_with_one_page_per_slide(default_deck, default_pdf):
    assert len(PdfReader(io.BytesIO(default_pdf)).pages) == default_deck.pages


def test_libreoffice_keeps_c_plus_plus_whole_where_a_line_breaks(default_pdf):
    # In the default deck a statement's line ends just before "C++."; LibreOffice may break
    # between two plus signs.
    with pdfplumber.open(io.BytesIO(default_pdf)) as doc:
        lines = [s.strip() for p in doc.pages for s in (p.extract_text() or "").splitlines()]
    assert any("C++" in s for s in lines)
    assert not [s for s in lines if s.endswith("C+") or s.startswith("+")]


def test_libreoffice_lays_every_line_of_the_default_deck_inside_its_frame(
    default_deck, default_pdf
):
    assert misplaced(default_deck.data, default_pdf) == []


def test_libreoffice_lays_every_line_of_the_stress_deck_inside_its_frame(stress_deck, stress_pdf):
    assert misplaced(stress_deck.data, stress_pdf) == []


def test_the_frame_check_finds_text_that_runs_past_a_frame_made_smaller(default_deck, default_pdf):
    """The same LibreOffice PDF against frames a third of their height: the check that passes
    above finds the lines below each shrunken frame."""
    prs = Presentation(io.BytesIO(default_deck.data))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Takeaways")
    body = next(sh for sh in slide.shapes if sh.name == "Body")
    n = list(prs.slides).index(slide)
    page = pages_of(default_pdf)[n]
    assert outside_frames(page, frames(slide)) == ""
    body.height = body.height // 3
    spilt = outside_frames(page, frames(slide))
    said = "".join(body.text_frame.text.split())
    assert len(spilt) > 20 and said.endswith(spilt.replace("•", ""))  # its last lines


def test_libreoffice_shows_every_character_of_the_stress_deck_inside_its_slide(
    stress_deck, stress_pdf
):
    pages = pages_of(stress_pdf)
    assert len(pages) == stress_deck.pages
    for page in pages:
        outside = [c["text"] for c in page.chars if not on_page(c, page)]
        assert not outside, f"slide {page.page_number}: {''.join(outside)[:60]}"


def test_preview_writes_every_page_and_slide_and_a_contact_sheet(tmp_path, report, theme):
    from PIL import Image

    require_tool("soffice")
    short = replace(report, sections=report.sections[:2])  # a few pages and slides: quicker
    pdf, deck, guide = (
        render(short, theme) for render in (render_handout, render_deck, render_guide)
    )
    shown = write_preview(report.slug, pdf.data, deck.data, tmp_path, guide.data)
    assert len(shown.pages) == pdf.pages and len(shown.slides) == deck.pages
    assert len(shown.guide) == guide.pages and shown.guide[0].name.endswith("-guide-page-01.png")
    with Image.open(shown.sheet) as sheet, Image.open(shown.pages[0]) as page:
        assert sheet.width > page.width and page.height > page.width  # portrait pages
        # Rows of four thumbnails 420 px wide per document (no thumbnail is flatter than a
        # 16:9 slide): handout pages, slides, then guide pages.
        rows = sum(-(-n // 4) for n in (pdf.pages, deck.pages, guide.pages))
        assert sheet.height >= rows * 420 * 9 / 16
    written = {p.name for p in tmp_path.iterdir()}
    assert written == {p.name for p in (*shown.pages, *shown.slides, *shown.guide, shown.sheet)}
