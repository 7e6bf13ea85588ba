"""The deck on a corporate PowerPoint template, and brand logos in SVG: rendered, read back."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import ASSETS
from fitcheck import misfits, plan_fits
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.util import Emu, Inches

from rolereport.brand.load import load_brand
from rolereport.content.model import Slide
from rolereport.deck.writer import plan_slides, render_deck
from rolereport.plan.slides import Frames, LayoutFrame, Slot
from rolereport.text.measure import Box

SIZE = (10.0, 5.625)  # the old 16:9 size: not one rolereport picks by itself
BAR = "C00000"  # the corporate bar the template's master draws on every slide
SAMPLE = "Sample slide shipped with the template"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
DECK_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
LAYOUT_NAMES = {"Title Slide": "Corporate Title", "Title and Content": "Corporate Content"}
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
  <rect x="0" y="0" width="40" height="40" rx="6" fill="#1F3A5F"/>
  <rect x="50" y="12" width="70" height="16" fill="#1F3A5F"/>
</svg>
"""


def _corporate_template(path: Path) -> None:
    """python-pptx's default template made corporate: another slide size (its layouts scaled
    to it), renamed layouts, a red bar on the master and one sample slide."""
    prs = Presentation()
    sx, sy = Inches(SIZE[0]) / prs.slide_width, Inches(SIZE[1]) / prs.slide_height
    prs.slide_width, prs.slide_height = Inches(SIZE[0]), Inches(SIZE[1])
    master = prs.slide_masters[0]
    for part in (master, *master.slide_layouts):
        for el in part.shapes._spTree.iter():
            if el.tag.rsplit("}", 1)[-1] in ("off", "ext"):  # a shape's position and size
                for key, scale in (("x", sx), ("cx", sx), ("y", sy), ("cy", sy)):
                    if el.get(key) is not None:
                        el.set(key, str(round(int(el.get(key)) * scale)))
    for layout in master.slide_layouts:
        layout.name = LAYOUT_NAMES.get(layout.name, layout.name)
    sample = prs.slides.add_slide(master.slide_layouts[1])
    sample.shapes.title.text = SAMPLE
    sample.notes_slide.notes_text_frame.text = "Notes of the sample slide"
    bar = sample.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, prs.slide_width, Inches(0.12))
    bar.name = "Corporate bar"
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(BAR)
    bar._element.nvSpPr.cNvPr.set("id", "99")
    master.shapes._spTree.append(bar._element)  # moved from the sample slide to the master
    slide_id = prs.slides._sldIdLst[0].get("id")
    prs.part._element.append(  # PowerPoint's sections, which list slides by id
        etree.fromstring(
            f'<p:extLst xmlns:p="{P}" xmlns:p14="{P14}"><p:ext uri="{SECTIONS}">'
            f'<p14:sectionLst><p14:section name="Samples" id="{{00000000-0000-0000-0000-'
            f'000000000001}}"><p14:sldIdLst><p14:sldId id="{slide_id}"/></p14:sldIdLst>'
            "</p14:section></p14:sectionLst></p:ext></p:extLst>"
        )
    )
    prs.save(path)


def _assets(tmp: Path, template: str = "template.pptx", logo: str = "") -> Path:
    """A copy of the built-in brand that names a template (and, optionally, one logo)."""
    folder = tmp / "assets"
    shutil.copytree(ASSETS, folder)
    _corporate_template(folder / "template.pptx")
    brand = yaml.safe_load((folder / "brand.yml").read_text(encoding="utf-8"))
    own = brand.setdefault("defaults", {}).setdefault("rolereport", {})
    own["pptx_template"] = template
    own["pptx_layouts"] = {"title": "Corporate Title", "content": "Corporate Content"}
    if logo:
        brand["logo"] = logo
    text = yaml.safe_dump(brand, allow_unicode=True, sort_keys=False)
    (folder / "brand.yml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corporate(tmp_path_factory):
    return load_brand(_assets(tmp_path_factory.mktemp("corporate")))


@pytest.fixture(scope="module")
def short(report):
    """The report without its charts, which are slow to draw and no concern here."""
    sections = [
        replace(x, slides=tuple(s for s in x.slides if not s.chart)) for x in report.sections
    ]
    return replace(report, sections=tuple(sections))


@pytest.fixture(scope="module")
def deck(report, corporate):
    return render_deck(report, corporate)


@pytest.fixture(scope="module")
def prs(deck):
    return Presentation(io.BytesIO(deck.data))


def _inches(length: int) -> float:
    return Emu(length).inches


def _footer_top(prs) -> float:
    layout = next(la for la in prs.slide_layouts if la.name == "Corporate Content")
    footer = next(
        ph for ph in layout.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER
    )
    return _inches(footer.top)


def test_the_template_sets_the_slide_size_whatever_the_aspect(prs, short, corporate):
    assert (_inches(prs.slide_width), _inches(prs.slide_height)) == SIZE
    four_three = Presentation(io.BytesIO(render_deck(short, corporate, "4:3").data))
    assert (_inches(four_three.slide_width), _inches(four_three.slide_height)) == SIZE


def test_every_slide_uses_the_layout_brand_yml_names_for_its_kind(prs, corporate):
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[0] == "Corporate Title"
    assert set(layouts[1:]) == {"Corporate Content"}  # the dataset has no section divider
    assert corporate.layouts.content == "Corporate Content"


def test_the_templates_own_slides_are_dropped_from_the_deck_and_its_package(prs, deck):
    assert deck.pages == len(prs.slides)
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert SAMPLE not in titles
    package = zipfile.ZipFile(io.BytesIO(deck.data))
    slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    notes = [n for n in package.namelist() if re.fullmatch(r"ppt/notesSlides/\w+\.xml", n)]
    assert len(slides) == deck.pages
    assert len(notes) == sum(s.has_notes_slide for s in prs.slides)
    assert not any(SAMPLE.encode() in package.read(n) for n in package.namelist())
    assert b"sectionLst" not in package.read("ppt/presentation.xml")


def test_the_masters_design_shows_behind_every_slide(prs):
    for slide in prs.slides:
        master = slide.slide_layout.slide_master
        bar = next(sh for sh in master.shapes if sh.name == "Corporate bar")
        assert str(bar.fill.fore_color.rgb) == BAR


def test_text_goes_into_the_layouts_placeholders_and_none_is_left_empty(prs):
    slides = list(prs.slides)
    for slide in slides:
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip()
        for ph in slide.placeholders:
            assert ph.has_text_frame and ph.text_frame.text.strip(), ph.name
    cover = slides[0].placeholders
    assert cover[0].placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    assert cover[1].placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
    bullets = next(s for s in slides if s.shapes.title.text_frame.text == "Takeaways")
    body = next(sh for sh in bullets.shapes if sh.name == "Body")
    assert body.is_placeholder and body.placeholder_format.idx == 1
    for slide in slides[1:]:
        kinds = {ph.placeholder_format.type for ph in slide.placeholders}
        assert {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER} <= kinds


def test_every_text_frame_fits_its_placeholder_or_box_on_the_template(prs, corporate):
    assert misfits(prs, corporate, _footer_top(prs)) == []


def test_nothing_reaches_below_the_slide_or_over_its_edges(prs):
    w, h = prs.slide_width, prs.slide_height
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (n, shape.name)
            assert shape.left + shape.width <= w and shape.top + shape.height <= h, (n, shape.name)


def test_titles_name_the_heading_font_and_body_text_the_body_font(short, corporate):
    theme = replace(corporate, deck_heading_font="Cambria")
    prs = Presentation(io.BytesIO(render_deck(short, theme).data))
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text:
                continue
            heading = shape.is_placeholder and shape.placeholder_format.type in TITLES
            fonts = {r.font.name for p in shape.text_frame.paragraphs for r in p.runs}
            assert fonts == {"Cambria" if heading else corporate.deck_font}, shape.name


def test_bullets_beside_a_chart_take_the_templates_two_column_layout(report, corporate):
    pay = next(s.chart for section in report.sections for s in section.slides if s.chart)
    slide = Slide("Pay at a glance", bullets=("Medians differ.", "So do ranges."), chart=pay)
    section = replace(report.sections[0], slides=(slide,))
    rendered = render_deck(replace(report, sections=(section,)), corporate)
    prs = Presentation(io.BytesIO(rendered.data))
    two = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Pay at a glance")
    assert two.slide_layout.name == corporate.layouts.two == "Two Content"
    layout_right = next(
        ph for ph in two.slide_layout.placeholders if ph.placeholder_format.idx == 2
    )
    chart = next(sh for sh in two.shapes if sh.name.startswith("Chart"))
    assert chart.left >= layout_right.left
    assert misfits(prs, corporate, _footer_top(prs)) == []


@pytest.mark.uncached
def test_a_template_deck_is_the_same_bytes_every_time(report, corporate, deck):
    assert render_deck(report, corporate).data == deck.data


def test_a_potx_template_works_like_a_pptx(tmp_path, short, corporate):
    folder = _assets(tmp_path, template="template.potx")
    pptx_file = folder / "template.pptx"
    with zipfile.ZipFile(pptx_file) as src, zipfile.ZipFile(folder / "template.potx", "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "[Content_Types].xml":
                body = body.replace(DECK_TYPE.encode(), TEMPLATE_TYPE.encode())
            dst.writestr(item, body)
    pptx_file.unlink()
    assert TEMPLATE_TYPE.encode() in zipfile.ZipFile(folder / "template.potx").read(
        "[Content_Types].xml"
    )
    theme = load_brand(folder)
    rendered = render_deck(short, theme)
    prs = Presentation(io.BytesIO(rendered.data))
    assert (_inches(prs.slide_width), _inches(prs.slide_height)) == SIZE
    assert prs.slides[1].slide_layout.name == "Corporate Content"
    assert rendered.data == render_deck(short, corporate).data  # the same template inside


@pytest.mark.parametrize("template", [False, True])
def test_an_svg_logo_is_embedded_as_a_sharp_transparent_png(tmp_path, short, template):
    folder = _assets(tmp_path, logo="logo.svg")
    (folder / "logo.svg").write_bytes(SVG)
    theme = load_brand(folder)
    if not template:
        theme = replace(theme, template=None)
    rendered = render_deck(short, theme)
    assert not any("logo" in w for w in rendered.warnings)
    prs = Presentation(io.BytesIO(rendered.data))
    logos = [sh for s in prs.slides for sh in s.shapes if sh.name == "Logo"]
    assert len(logos) == len(prs.slides)
    for logo in logos:
        assert logo.image.content_type == "image/png"
        image = Image.open(io.BytesIO(logo.image.blob))
        assert image.height >= 300 * _inches(logo.height)
        assert abs(image.width / image.height - 3) < 0.05  # the SVG's 120 × 40
        assert image.mode == "RGBA" and image.getpixel((0, image.height - 1))[3] == 0
        assert logo._element.nvPicPr.cNvPr.get("descr")
    assert render_deck(short, theme).data == rendered.data


def test_a_jpeg_logo_rotated_by_its_exif_tag_is_shown_upright(tmp_path, short):
    folder = _assets(tmp_path, logo="logo.jpg")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: viewers turn it a quarter clockwise
    Image.new("RGB", (90, 30), "#1F3A5F").save(folder / "logo.jpg", "JPEG", exif=exif)
    theme = replace(load_brand(folder), template=None)
    prs = Presentation(io.BytesIO(render_deck(short, theme).data))
    logos = [sh for s in prs.slides for sh in s.shapes if sh.name == "Logo"]
    assert logos
    for logo in logos:
        assert Image.open(io.BytesIO(logo.image.blob)).size == (30, 90)
        assert logo.height > logo.width


def test_the_plan_on_a_template_fills_its_placeholders_at_its_size(short, corporate):
    """Plain data in, plain data out: a template's geometry needs no PowerPoint file."""
    title, body = Box(0.5, 0.3, 9.0, 0.9), Box(0.5, 1.3, 9.0, 3.6)
    content = LayoutFrame(
        "Corporate Content",
        (
            Slot("title", 0, title, "center"),
            Slot("body", 1, body),
            Slot("footer", 11, Box(3.4, 5.2, 3.2, 0.3), "center"),
            Slot("page", 12, Box(7.2, 5.2, 2.3, 0.3), "right"),
        ),
    )
    cover = LayoutFrame("Corporate Title", (Slot("title", 0, Box(0.8, 1.8, 8.4, 1.2)),))
    frames = Frames(SIZE, cover, content, content, content)
    plan = plan_slides(short, "4:3", corporate, frames)
    assert {p.layout for p in plan} == {"Corporate Title", "Corporate Content"}
    takeaways = next(p for p in plan if p.title == "Takeaways")
    texts = {t.role: t for t in takeaways.texts}
    assert (texts["title"].slot, texts["body"].slot) == (0, 1)
    assert texts["body"].box == body and texts["kicker"].slot is None
    assert (texts["footer"].slot, texts["page"].slot) == (11, 12)
    assert texts["kicker"].align == "center"  # as the title it sits on
    for p in plan:
        for t in p.texts:
            assert plan_fits(corporate, t.paras, t.box), (p.title, t.role)
            assert t.box.x + t.box.w <= SIZE[0] and t.box.y + t.box.h <= SIZE[1]
