"""Charts: every kind renders to SVG (text as paths) and PNG, deterministically, safely."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import matplotlib
import pytest
from PIL import Image

from rolereport.brand import Theme, load_brand
from rolereport.charts import render_chart
from rolereport.model import ChartSpec, Datum, Panel

ASSETS = Path(__file__).parents[1] / "assets"
KINDS = ("pay_range", "pay_location", "outlook", "freelance", "skills", "ladder")
ROLES = ("ai-engineer", "data-scientist", "ml-ops", "analyst")
LABELS = ("AI engineer", "Data scientist", "Machine learning operations engineer", "Analyst")
PDF, SLIDE = (7.0, 3.0), (11.5, 4.9)
DPI = 60  # enough to check pixel sizes, and fast


@cache
def theme() -> Theme:
    return load_brand(ASSETS)


def _pay(label: str, role: str, k: int) -> Datum:
    p10, p25, med, p75, p90 = (v + 10_000 * k for v in (61070, 79810, 108020, 147670, 184090))
    return Datum(label, role, (p10, p25, med, p75, p90), f"${med:,}")


def spec(kind: str, n: int = 2, labels: tuple[str, ...] = LABELS, growth: float = 26) -> ChartSpec:
    """A small hand-built chart of `kind` for the first `n` roles."""
    roles = list(zip(labels[:n], ROLES[:n], range(n), strict=True))
    if kind == "pay_range":
        panels = (Panel("", tuple(_pay(lab, r, k) for lab, r, k in roles)),)
    elif kind == "pay_location":
        places = ("San Francisco, CA", "Washington, DC", "Little Rock, AR")
        panels = tuple(
            Panel(
                f"Lead {lab}",
                tuple(
                    Datum(p, r, (219000 - 30000 * i,), "$219,000", "well over")
                    for i, p in enumerate(places)
                ),
            )
            for lab, r, _ in roles[: max(1, n // 2)]
        )
    elif kind == "outlook":
        growths = [growth if k == 0 else 36 - 15 * k for k in range(n)]
        panels = (
            Panel(
                "Growth",
                tuple(
                    Datum(lab, r, (g,), f"{g:g}%")
                    for (lab, r, _), g in zip(roles, growths, strict=True)
                ),
            ),
            Panel(
                "Openings per year",
                tuple(
                    Datum(lab, r, (3400 + 5000 * k,), f"{3400 + 5000 * k:,}") for lab, r, k in roles
                ),
            ),
        )
    elif kind == "freelance":
        panels = (
            Panel(
                "",
                tuple(
                    Datum(lab, r, (35 + k, 100 + 50 * k), f"${35 + k}–${100 + 50 * k}/h")
                    for lab, r, k in roles
                ),
            ),
        )
    elif kind == "skills":
        names = ("Programming languages", "Machine learning and deep learning frameworks", "SQL")
        panels = tuple(
            Panel(lab, tuple(Datum(s, r, (5 - i,)) for i, s in enumerate(names)))
            for lab, r, _ in roles
        )
    else:
        stages = (
            "Entry-level or internship",
            "Specialist (NLP, computer vision, robotics)",
            "Manager of technical teams",
            "Director",
        )
        panels = tuple(
            Panel(
                lab,
                tuple(
                    Datum(s, r, (), detail=f"{i}–{i + 3} years")
                    for i, s in enumerate(stages[: 3 + k % 2])
                ),
            )
            for lab, r, k in roles
        )
    unit = {
        "pay_range": "money",
        "pay_location": "money",
        "outlook": "percent",
        "freelance": "money_hour",
        "skills": "weight",
    }.get(kind, "none")
    return ChartSpec(f"{kind}-{n}", kind, "Title", "Alt text", panels, unit=unit)  # type: ignore[arg-type]


@cache
def render(kind: str, n: int, fmt: str, size: tuple[float, float] = PDF) -> bytes:
    return render_chart(spec(kind, n), theme(), ROLES, size, fmt, dpi=DPI)  # type: ignore[arg-type]


def png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "PNG"
        return im.size


@pytest.mark.parametrize("n", [2, 4])
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_a_png_of_the_requested_pixel_size(kind: str, n: int) -> None:
    width, height = png_size(render(kind, n, "png"))
    assert abs(width - PDF[0] * DPI) <= 1 and abs(height - PDF[1] * DPI) <= 1


@pytest.mark.parametrize("n", [2, 4])
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_an_svg_with_text_as_paths(kind: str, n: int) -> None:
    svg = render(kind, n, "svg")
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert b"<path" in svg and b"<text" not in svg
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


def test_text_is_drawn_with_the_brand_font_files() -> None:
    svg = render("pay_range", 2, "svg")
    assert b'id="Carlito-' in svg and b'id="Carlito-Bold-' in svg  # glyph outlines, by font
    assert b"DejaVu" not in svg


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
