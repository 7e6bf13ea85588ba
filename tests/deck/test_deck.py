"""The PowerPoint deck: the slide plan as data, then the rendered file read back."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from fitcheck import misfits
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from rolereport.brand.colors import ink
from rolereport.content.model import Slide
from rolereport.deck.writer import render_deck
from rolereport.plan.layout import BODY_BOTTOM, FOOTER_TOP

FOOTER_ROLES = ("Footer", "Page", "Logo", "Decoration")


@pytest.fixture(scope="module")
def deck(default_deck):
    return default_deck


@pytest.fixture(scope="module")
def prs(deck):
    return Presentation(io.BytesIO(deck.data))


@pytest.fixture(scope="module")
def prs43(report, theme):
    return Presentation(io.BytesIO(render_deck(report, theme, "4:3").data))


def _inches(length: int) -> float:
    return Emu(length).inches


# The plan, as plain data


# The rendered deck, read back


def test_deck_is_16_9_by_default_and_4_3_on_request(prs, prs43, deck):
    assert (round(_inches(prs.slide_width), 2), _inches(prs.slide_height)) == (13.33, 7.5)
    assert (_inches(prs43.slide_width), _inches(prs43.slide_height)) == (10.0, 7.5)
    assert deck.pages == len(prs.slides)
    assert len(prs43.slides) >= len(prs.slides)  # narrower slides may need continuations


def test_every_slide_has_a_title_and_no_empty_placeholder(prs):
    for slide in prs.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        for ph in slide.placeholders:
            assert ph.has_text_frame and ph.text_frame.text.strip()


def test_every_picture_has_alt_text_and_charts_carry_their_figures(prs, report):
    charts = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # picture
                c_nv_pr = shape._element.nvPicPr.cNvPr
                assert c_nv_pr.get("descr", "").strip(), shape.name
                if shape.name.startswith("Chart"):
                    charts[c_nv_pr.get("title")] = c_nv_pr.get("descr")
            elif getattr(shape, "has_chart", False):  # a native chart's graphic frame
                c_nv_pr = shape.element.nvGraphicFramePr.cNvPr
                charts[c_nv_pr.get("title")] = c_nv_pr.get("descr")
            elif shape.shape_type == 6:  # a group: the career ladder's shapes
                c_nv_pr = shape._element.nvGrpSpPr.cNvPr
                charts[c_nv_pr.get("title")] = c_nv_pr.get("descr")
    specs = [s.chart for section in report.sections for s in section.slides if s.chart]
    assert charts == {spec.title: spec.alt for spec in specs}
    assert "$145,080" in charts["Annual pay range, May 2023"]


def test_charts_are_at_least_200_dpi_at_their_placed_size(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13 and shape.name.startswith("Chart"):
                px_w, px_h = Image.open(io.BytesIO(shape.image.blob)).size
                assert px_w / _inches(shape.width) >= 200
                assert px_h / _inches(shape.height) >= 200


def test_chart_slides_caption_the_source_under_the_chart(prs):
    pay = next(s for s in prs.slides if s.shapes.title.text_frame.text == "What the roles pay")
    caption = next(sh for sh in pay.shapes if sh.name == "Caption")
    assert "Source: [1]" in caption.text_frame.text


def test_speaker_notes_carry_the_figures_and_their_sources(prs):
    slides = list(prs.slides)
    for slide in slides[1:]:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
    pay = next(s for s in slides if s.shapes.title.text_frame.text == "What the roles pay")
    notes = pay.notes_slide.notes_text_frame.text
    assert "$145,080" in notes and "[1]" in notes
    glance = slides[2].notes_slide.notes_text_frame.text
    assert "$108,020" in glance and "[2]" in glance


def test_every_run_names_the_brand_deck_font(prs, theme):
    assert theme.deck_heading_font == theme.deck_font  # the built-in brand: one family

    def frames(slide):
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield shape.text_frame
            if shape.has_table:
                yield from (c.text_frame for row in shape.table.rows for c in row.cells)
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame

    runs = [r for s in prs.slides for tf in frames(s) for p in tf.paragraphs for r in p.runs]
    assert runs
    assert {r.font.name for r in runs} == {theme.deck_font}


def test_at_a_glance_is_a_real_table_with_role_coloured_headers(prs, theme, report):
    slide = list(prs.slides)[2]
    table = next(sh for sh in slide.shapes if sh.has_table).table
    text = " ".join(c.text for row in table.rows for c in row.cells)
    assert "$108,020" in text and "36.0%" in text
    for i, role in enumerate(report.roles, start=1):
        cell = table.cell(0, i)
        fill = "#" + str(cell.fill.fore_color.rgb)
        assert cell.text == role.name
        assert fill == theme.role_color(i - 1)
        ink_rgb = cell.text_frame.paragraphs[0].runs[0].font.color.rgb
        assert "#" + str(ink_rgb) == ink(fill)


def test_sources_slide_lists_numbered_sources_with_links(prs, report):
    slide = list(prs.slides)[-1]
    assert slide.shapes.title.text_frame.text == "Sources"
    body = next(sh for sh in slide.shapes if sh.name == "Body").text_frame
    links = [r.hyperlink.address for p in body.paragraphs for r in p.runs if r.hyperlink.address]
    assert links == [s.url for s in report.sources if s.url]
    assert body.paragraphs[0].text.startswith("[1]\t")


def test_every_content_slide_has_the_data_vintage_and_a_slide_number(prs, report):
    for n, slide in enumerate(prs.slides, 1):
        if n == 1:
            continue
        names = {sh.name: sh for sh in slide.shapes}
        assert report.as_of in names["Footer"].text_frame.text
        assert names["Page"].text_frame.text == str(n)


def test_nothing_but_the_footer_reaches_below_the_body(prs):
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            bottom = _inches(shape.top + shape.height)
            if n > 1 and shape.name not in FOOTER_ROLES:
                assert bottom <= BODY_BOTTOM + 0.01, (n, shape.name)


def test_every_text_frame_fits_its_box_in_both_shapes(prs, prs43, theme):
    assert misfits(prs, theme, FOOTER_TOP) == []
    assert misfits(prs43, theme, FOOTER_TOP) == []


def test_the_fit_check_finds_a_frame_made_too_small_and_a_word_too_long(deck, theme):
    """The check above can fail: measured from the font files, a body cut to a third of its
    height and a title of one long word no longer fit."""
    prs = Presentation(io.BytesIO(deck.data))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Takeaways")
    body = next(sh for sh in slide.shapes if sh.name == "Body")
    body.height //= 3
    title = slide.shapes.title.text_frame.paragraphs[0].runs[0]
    title.text = "Takeaways" * 12
    n = list(prs.slides).index(slide) + 1
    assert misfits(prs, theme, FOOTER_TOP) == [
        f"slide {n}: {slide.shapes.title.name}: {title.text[:40]!r}",
        f"slide {n}: Body: {body.text_frame.text[:40]!r}",
    ]


@pytest.mark.uncached
def test_same_input_gives_the_same_bytes(report, theme, deck):
    assert render_deck(report, theme).data == deck.data


def test_package_has_fixed_order_timestamps_and_properties(deck, prs, report, theme, monkeypatch):
    names = zipfile.ZipFile(io.BytesIO(deck.data)).infolist()
    assert names[0].filename == "[Content_Types].xml"
    assert [i.filename for i in names[1:]] == sorted(i.filename for i in names[1:])
    assert {i.date_time for i in names} == {(1980, 1, 1, 0, 0, 0)}  # no SOURCE_DATE_EPOCH
    cp = prs.core_properties
    assert (cp.title, cp.author, cp.language, cp.revision) == (
        report.title,
        theme.name,
        report.language,
        1,
    )
    assert cp.created.date().isoformat() == "1980-01-01" == cp.modified.date().isoformat()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = zipfile.ZipFile(io.BytesIO(render_deck(report, theme).data)).infolist()
    assert {i.date_time for i in stamped} == {(2023, 11, 14, 22, 13, 20)}


def test_a_section_slide_and_a_slide_with_bullets_beside_a_chart_fit_and_render(
    report, theme, tmp_path
):
    pay = next(s.chart for section in report.sections for s in section.slides if s.chart)
    extra = (
        Slide("Part one", layout="section", notes="Introduce part one."),
        Slide(
            "Pay at a glance", bullets=("Medians differ.", "So do ranges."), chart=pay, notes="."
        ),
    )
    section = replace(report.sections[0], slides=extra)
    rendered = render_deck(replace(report, sections=(section,)), theme)
    prs = Presentation(io.BytesIO(rendered.data))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[3:5] == ["Part one", "Pay at a glance"]
    assert misfits(prs, theme, FOOTER_TOP) == []
    assert rendered.warnings == ()
