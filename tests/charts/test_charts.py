"""Charts: every kind renders to SVG (text as text) and PNG, deterministically, safely."""

from __future__ import annotations

import io
import re
import warnings
from functools import cache

import matplotlib
import pytest
from conftest import ASSETS
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

from rolereport.brand.load import load_brand
from rolereport.brand.theme import Theme
from rolereport.charts.draw import drawn_figure as _figure
from rolereport.charts.render import render_chart
from rolereport.content.model import ChartSpec, Datum, Panel
from rolereport.pdf.figures import chart_height

KINDS = ("pay_range", "pay_location", "outlook", "freelance", "skills", "ladder")
ROLES = ("ai-engineer", "data-scientist", "ml-ops", "analyst")
LABELS = ("AI engineer", "Data scientist", "Machine learning operations engineer", "Analyst")
PDF, SLIDE = (7.0, 3.0), (11.5, 4.9)
DPI = 60  # enough to check pixel sizes, and fast
pytestmark = pytest.mark.uncached  # tests of drawing: every chart is drawn


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
    axis = "Importance (editorial, 1–5)" if kind == "skills" else ""
    return ChartSpec(f"{kind}-{n}", kind, "Title", "Alt text", panels, unit=unit, axis=axis)  # type: ignore[arg-type]


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

STRESS_SIZES = (((7.0, 3.0), "svg"), ((11.7, 4.4), "png"), ((7.1, 4.4), "png"))
FLOOR = {"svg": 7.0, "png": 10.0}  # points: no chart text is smaller, in print and on slides


@cache
def stress_charts() -> tuple[tuple[ChartSpec, ...], tuple[str, ...]]:
    """The stress report's charts, with the deck's own (skills in pairs of roles)."""
    from stress import stress_dataset

    from rolereport import build_report

    report = build_report(stress_dataset())
    slides = [s.chart for sec in report.sections for s in sec.slides if s.chart]
    charts = {c.id: c for c in (*report.charts, *slides)}
    return tuple(charts.values()), tuple(r.id for r in report.roles)


def stress_cases() -> list[tuple[str, tuple[float, float], str]]:
    ids = ("skills", "skills-1", "skills-2", "pay-range", "pay-location", "outlook")
    return [(i, size, fmt) for i in (*ids, "freelance", "ladder") for size, fmt in STRESS_SIZES]


def stress_chart(chart_id: str) -> ChartSpec:
    return next(c for c in stress_charts()[0] if c.id == chart_id)


def test_the_stress_report_has_the_charts_the_tests_check() -> None:
    ids = {c.id for c in stress_charts()[0]}
    assert ids == {i for i, _, _ in stress_cases()}


def _boxes(fig: Figure) -> list[tuple[Text, Bbox]]:
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return [(t, t.get_window_extent(renderer)) for t in texts]


def _shown(texts: list[Text]) -> list[Text]:
    return [t for t in texts if t.get_visible() and t.get_text()]


def _overlap(a: Bbox, b: Bbox, tol: float = 0.5) -> bool:
    return a.x0 < b.x1 - tol and b.x0 < a.x1 - tol and a.y0 < b.y1 - tol and b.y0 < a.y1 - tol


@pytest.mark.parametrize(("chart_id", "size", "fmt"), stress_cases())
def test_stress_chart_renders_without_a_warning(chart_id: str, size, fmt: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = render_chart(stress_chart(chart_id), theme(), stress_charts()[1], size, fmt, dpi=DPI)
    if fmt == "png":
        assert png_size(data) == (round(size[0] * DPI), round(size[1] * DPI))


@pytest.mark.parametrize(("chart_id", "size", "fmt"), stress_cases())
def test_stress_chart_text_fits_without_overlap(chart_id: str, size, fmt: str) -> None:
    """Tick labels within an axes, and all text of a chart, neither overlap nor leave the
    figure; direct labels stay inside their axes; nothing is smaller than the floor."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _figure(stress_chart(chart_id), theme(), stress_charts()[1], size, fmt)  # type: ignore[arg-type]
    page, boxes = fig.bbox, _boxes(fig)
    assert boxes
    for t, box in boxes:
        where = f"{t.get_text()!r} at {box}"
        assert page.x0 - 0.5 <= box.x0 and box.x1 <= page.x1 + 0.5, where
        assert page.y0 - 0.5 <= box.y0 and box.y1 <= page.y1 + 0.5, where
        assert t.get_fontsize() >= FLOOR[fmt] - 1e-6, where
    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison:
            continue
        for ticks in (ax.get_xticklabels(), ax.get_yticklabels()):
            shown = [(t, t.get_window_extent()) for t in ticks if t.get_visible() and t.get_text()]
            for i, (a, box_a) in enumerate(shown):
                for b, box_b in shown[i + 1 :]:
                    assert not _overlap(box_a, box_b), (a.get_text(), b.get_text())
        inside = ax.get_window_extent().padded(0.5)
        for t in ax.texts:
            box = t.get_window_extent()
            assert inside.x0 <= box.x0 and box.x1 <= inside.x1, t.get_text()
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert not _overlap(box_a, box_b), (a.get_text(), b.get_text())
    for patch in (p for ax in fig.axes for p in ax.patches if isinstance(p, FancyBboxPatch)):
        outline = patch.get_window_extent().padded(0.5)  # a ladder's box holds its name
        names = [box for _, box in boxes if outline.contains(box.x0 + box.width / 2, box.y0)]
        assert len(names) == 1, patch
        assert outline.x0 <= names[0].x0 and names[0].x1 <= outline.x1
        assert outline.y0 <= names[0].y0 and names[0].y1 <= outline.y1


def test_stress_labels_are_shortened_at_a_word_boundary_with_an_ellipsis() -> None:
    chart = stress_chart("pay-location")
    fig = _figure(chart, theme(), stress_charts()[1], (7.1, 4.4), "png")
    names = {d.label for p in chart.panels for d in p.data}
    shown = [" ".join(t.get_text().split()) for ax in fig.axes for t in ax.get_yticklabels()]
    shown = [s for s in shown if s]
    assert len(shown) == 32 and any(s.endswith("\u2026") for s in shown)
    for s in shown:
        if s.endswith("\u2026"):
            cut = s[:-1]
            assert any(n.startswith(cut) and n[len(cut)] == " " for n in names), s
        else:
            assert s in names


def test_axes_are_compact_while_direct_labels_keep_the_full_figure() -> None:
    fig = _figure(stress_chart("pay-range"), theme(), stress_charts()[1], (11.7, 4.4), "png")
    (ax,) = [a for a in fig.axes if a.get_visible()]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "$3M" in ticks and all(re.fullmatch(r"\$\d+(\.\d+)?[kM]?", s) for s in ticks), ticks
    assert "$3,040,000" in {t.get_text() for t in ax.texts}
    outlook = _figure(stress_chart("outlook"), theme(), stress_charts()[1], (11.7, 4.4), "png")
    counts = [t.get_text() for t in outlook.axes[-1].get_xticklabels() if t.get_text()]
    assert "1M" in counts and "1,234,567" in {t.get_text() for t in outlook.axes[-1].texts}


def test_stress_chart_renders_same_bytes_twice() -> None:
    chart, roles = stress_chart("pay-location"), stress_charts()[1]
    first = render_chart(chart, theme(), roles, (7.1, 4.4), "png", dpi=DPI)
    assert render_chart(chart, theme(), roles, (7.1, 4.4), "png", dpi=DPI) == first


@pytest.mark.parametrize(
    ("chart_id", "size", "fmt"),
    [(i, PDF, "svg") for i in ("skills", "pay-range", "pay-location", "outlook", "freelance")]
    + [("skills-1", SLIDE, "png"), ("pay-location", (7.1, 4.4), "png")],
)
def test_laying_out_without_drawing_gives_the_bytes_a_full_draw_gives(
    chart_id: str, size, fmt: str, monkeypatch
) -> None:
    # The speed-up: charts are laid out by running the layout engine alone. The bytes must be
    # those of laying out by drawing the whole figure, as matplotlib does before saving.
    from rolereport.charts import layout as chartlayout

    chart, roles = stress_chart(chart_id), stress_charts()[1]
    fast = render_chart(chart, theme(), roles, size, fmt, dpi=DPI)
    monkeypatch.setattr(chartlayout, "lay_out", Figure.draw_without_rendering)
    assert render_chart(chart, theme(), roles, size, fmt, dpi=DPI) == fast


@pytest.mark.parametrize("kind", KINDS)
def test_short_labels_are_neither_shortened_nor_shrunk(kind: str) -> None:
    for size, fmt in STRESS_SIZES:
        fig = _figure(spec(kind, 2), theme(), ROLES, size, fmt)  # type: ignore[arg-type]
        texts = [t for t, _ in _boxes(fig)]
        assert not any("\u2026" in t.get_text() for t in texts), kind
        if kind != "ladder":  # rows at the base size: 1/0.85 of the value axis's labels
            rows = {t.get_fontsize() for ax in fig.axes for t in _shown(ax.get_yticklabels())}
            ticks = {t.get_fontsize() for ax in fig.axes for t in _shown(ax.get_xticklabels())}
            assert len(rows) == len(ticks) == 1
            assert rows.pop() == pytest.approx(ticks.pop() / 0.85)


def test_handout_charts_grow_with_their_rows_up_to_the_frame() -> None:
    def places(n: int, label: str = "San Francisco, CA") -> ChartSpec:
        data = tuple(Datum(label, ROLES[0], (100_000,), "$100,000") for _ in range(n))
        return ChartSpec("p", "pay_location", "Pay", "Alt", (Panel("", data),), unit="money")

    heights = [chart_height(places(n)) for n in (1, 3, 8, 16, 32)]
    assert heights == sorted(heights) and heights[1] < heights[2] < heights[3]
    assert chart_height(places(3, "x " * 30)) > chart_height(places(3))  # labels on more lines
    assert 8 <= chart_height(stress_chart("pay-location")) <= 8.5
    assert chart_height(stress_chart("skills")) <= 8.5


def test_outlook_rows_follow_the_roles_when_a_panel_lacks_one() -> None:
    growth = (Datum(LABELS[0], ROLES[0], (26,), "26%"), Datum(LABELS[3], ROLES[3], (5,), "5%"))
    openings = tuple(
        Datum(label, role, (1000.0 * k,), f"{1000 * k:,}")
        for k, (label, role) in enumerate(zip(LABELS, ROLES, strict=True), 1)
    )
    panels = (Panel("Growth", growth), Panel("Openings per year", openings))
    chart = ChartSpec("o", "outlook", "Outlook", "Alt", panels, unit="percent")
    fig = _figure(chart, theme(), ROLES, PDF, "png", dpi=DPI)
    left, right = fig.axes
    assert [" ".join(t.get_text().split()) for t in left.get_yticklabels()] == list(LABELS)
    assert [round(p.get_y() + p.get_height() / 2) for p in left.patches] == [0, 3]
    assert [round(p.get_y() + p.get_height() / 2) for p in right.patches] == [0, 1, 2, 3]
