"""Charts: every kind renders to SVG (text as text) and PNG, deterministically, safely."""

from __future__ import annotations

import io
import re

import matplotlib
import pytest
from chartkit import DPI, KINDS, PDF, ROLES, SLIDE, png_size, render, spec, theme

from rolereport.charts.render import render_chart
from rolereport.content.model import ChartSpec, Datum, Panel

pytestmark = pytest.mark.uncached  # tests of drawing: every chart is drawn


@pytest.mark.parametrize("n", [2, 4])
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_a_png_of_the_requested_pixel_size(kind: str, n: int) -> None:
    width, height = png_size(render(kind, n, "png"))
    assert abs(width - PDF[0] * DPI) <= 1 and abs(height - PDF[1] * DPI) <= 1


@pytest.mark.parametrize("n", [2, 4])
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_an_svg_with_text_as_text_in_the_brand_family(kind: str, n: int) -> None:
    svg = render(kind, n, "svg")
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    families = set(re.findall(rb"font-family: '([^']+)'", svg))
    assert b"<path" in svg and b"<text" in svg and families == {theme().font.family.encode()}
    assert b"<dc:date>" not in svg and b"Matplotlib" not in svg.split(b"<defs>")[0]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_same_bytes_twice(kind: str) -> None:
    for fmt in ("svg", "png"):
        again = render_chart(spec(kind), theme(), ROLES, PDF, fmt, dpi=DPI)  # type: ignore[arg-type]
        assert again == render(kind, 2, fmt)


def test_slide_size_renders_at_the_requested_dpi() -> None:
    assert png_size(render("pay_range", 2, "png", SLIDE)) == (690, 294)


def test_dollar_signs_and_markup_in_labels_render_without_error() -> None:
    labels = ("Budget $5 and $10 <&> analyst", "Ba$$in & <b>co</b>", "x_1^2 {a}", "50% \\n")
    for kind in KINDS:
        chart = spec(kind, 4, labels=labels)
        svg = render_chart(chart, theme(), ROLES, PDF, "svg")
        assert b"<path" in svg
    png = render_chart(spec("pay_range", 2, labels=labels), theme(), ROLES, PDF, "png", dpi=DPI)
    assert png_size(png) == (420, 180)


def test_negative_growth_renders_a_bar_left_of_zero() -> None:
    chart = spec("outlook", 3, growth=-8)
    plain = render_chart(spec("outlook", 3), theme(), ROLES, PDF, "png", dpi=DPI)
    shrinking = render_chart(chart, theme(), ROLES, PDF, "png", dpi=DPI)
    assert png_size(shrinking) == png_size(plain) and shrinking != plain


def test_pay_range_with_only_a_median_renders() -> None:
    data = (
        Datum("AI engineer", ROLES[0], (None, None, 145080, None, None), "$145,080"),
        Datum("Data scientist", ROLES[1], (61070, None, 108020, None, None)),
    )
    chart = ChartSpec("p", "pay_range", "Pay", "Alt", (Panel("", data),), unit="money")
    assert b"<path" in render_chart(chart, theme(), ROLES, PDF, "svg")


def test_ladder_with_six_stages_per_role_fits_a_slide() -> None:
    stages = tuple(
        Datum(f"Stage number {i} of a long career", ROLES[0], (), detail=f"{i}+ years")
        for i in range(6)
    )
    chart = ChartSpec("l", "ladder", "Ladder", "Alt", (Panel("AI", stages), Panel("DS", stages)))
    assert png_size(render_chart(chart, theme(), ROLES, SLIDE, "png", dpi=DPI)) == (690, 294)


def test_a_role_missing_from_role_order_is_reported() -> None:
    with pytest.raises(ValueError, match="not in role_order"):
        render_chart(spec("freelance", 2), theme(), ROLES[1:], PDF, "svg")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="svg"):
        render_chart(spec("freelance"), theme(), ROLES, PDF, "pdf")  # type: ignore[arg-type]


def test_a_chart_without_data_is_refused() -> None:
    chart = ChartSpec("e", "freelance", "Empty", "Alt", (Panel("", ()),), unit="money_hour")
    with pytest.raises(ValueError, match="no data"):
        render_chart(chart, theme(), ROLES, PDF, "svg")


def test_rendering_leaves_global_rcparams_untouched() -> None:
    before = dict(matplotlib.rcParams)
    render_chart(spec("skills", 3), theme(), ROLES, PDF, "svg")
    assert dict(matplotlib.rcParams) == before


def test_svg_converts_to_a_reportlab_drawing_with_svglib() -> None:
    svglib = pytest.importorskip("svglib.svglib")
    drawing = svglib.svg2rlg(io.BytesIO(render("pay_range", 2, "svg")))
    assert drawing is not None and (drawing.width, drawing.height) == (504, 216)


def test_text_is_drawn_with_the_brand_font_and_bold_where_it_stands_out() -> None:
    svg = render("pay_range", 2, "svg")
    assert b"font-family: 'Carlito'" in svg and b"font-weight: 700" in svg
    assert b"DejaVu" not in svg


def test_the_handout_reads_chart_text_in_the_registered_brand_faces_only() -> None:
    from reportlab.graphics.shapes import String

    from rolereport.pdf.figures import vector

    drawing = vector(render("pay_range", 2, "svg"), "Times-Roman", "Courier-Bold")
    stack, faces = [drawing], set()
    while stack:
        for child in getattr(stack.pop(), "contents", ()):
            faces |= {child.fontName} if isinstance(child, String) else set()
            stack.append(child)
    assert faces == {"Times-Roman", "Courier-Bold"}  # the two names given, nothing else


def test_font_size_can_be_set_by_the_writer() -> None:
    chart = spec("freelance")
    small = render_chart(chart, theme(), ROLES, PDF, "png", dpi=DPI, font_pt=8)
    assert small != render("freelance", 2, "png") and png_size(small) == (420, 180)


def test_pay_location_with_places_of_two_roles_in_one_panel_renders() -> None:
    data = (
        Datum("San Francisco, CA", ROLES[0], (219000,), "$219,000", "well over"),
        Datum("New York, NY", ROLES[1], (180000,), "$180,000"),
    )
    chart = ChartSpec("l", "pay_location", "Pay by city", "Alt", (Panel("", data),), unit="money")
    assert b"<path" in render_chart(chart, theme(), ROLES, SLIDE, "svg")


# --- text that always fits: charts of a dataset at the schema's limits ---------------------


def test_a_font_replaced_in_place_decides_which_spaces_chart_labels_keep(tmp_path):
    # Carlito has no no-break space, so labels print a plain one; Liberation Sans has it. The
    # font is read by content, so the same path with new contents is read anew (watch mode).
    from dataclasses import replace
    from shutil import copyfile

    from conftest import ASSETS, ROOT

    from rolereport import load_brand
    from rolereport.charts.style import Style
    from rolereport.content.model import Numbers

    font = tmp_path / "Brand-Regular.ttf"
    copyfile(ASSETS / "fonts" / "Carlito-Regular.ttf", font)
    brand = load_brand(ASSETS)
    style = Style(
        replace(brand, font=replace(brand.font, regular=font, bold=font)),
        (),
        10,
        Numbers.english(),
        7,
    )
    assert style.printable("145.080\u00a0$") == "145.080 $"
    copyfile(ROOT / "examples/brands/northwind/fonts/LiberationSans-Regular.ttf", font)
    assert style.printable("145.080\u00a0$") == "145.080\u00a0$"
