"""Chart text that always fits: the stress dataset's charts at the schema's limits, laid out
without overlap, shortened at word boundaries, never below the size floor."""

from __future__ import annotations

import re
import warnings
from functools import cache

import pytest
from chartkit import DPI, KINDS, LABELS, PDF, ROLES, SLIDE, png_size, spec, theme
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from rolereport.charts.draw import drawn_figure as _figure
from rolereport.charts.render import render_chart
from rolereport.content.model import ChartSpec, Datum, Panel
from rolereport.content.model import Figure as FigureBlock
from rolereport.pdf.figures import chart_height

pytestmark = pytest.mark.uncached  # tests of drawing: every chart is drawn

STRESS_SIZES = (((7.0, 3.0), "svg"), ((11.7, 4.4), "png"), ((7.1, 4.4), "png"))
FLOOR = {"svg": 7.0, "png": 10.0}  # points: no chart text is smaller, in print and on slides


@cache
def stress_charts() -> tuple[tuple[ChartSpec, ...], tuple[str, ...]]:
    """The stress report's charts, with the deck's own (skills in pairs of roles)."""
    from stress import stress_dataset

    from rolereport import build_report

    report = build_report(stress_dataset())
    slides = [s.chart for sec in report.sections for s in sec.slides if s.chart]
    figures = [b.chart for s in report.sections for b in s.blocks if isinstance(b, FigureBlock)]
    charts = {c.id: c for c in (*figures, *slides)}
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
    + [("skills-1", SLIDE, "png"), ("pay-location", (7.1, 4.4), "png"), ("ladder", PDF, "svg")],
)
def test_a_chart_is_drawn_once_when_saved_with_no_layout_engine_and_no_measuring_draw(
    chart_id: str, size, fmt: str, monkeypatch
) -> None:
    # The speed-up: our own text measurement places everything; matplotlib draws the figure
    # once, to save it. Nothing measures the chart's text on a renderer before that draw.
    events: list[str] = []
    draw, extent = Figure.draw, Text.get_window_extent

    def drawing(fig: Figure, renderer) -> None:
        events.append(f"draw, layout engine {fig.get_layout_engine()}")
        events.append("in draw")
        try:
            draw(fig, renderer)
        finally:
            events.remove("in draw")

    def measuring(text: Text, *args, **kwargs):
        chart = text.figure is not None and tuple(text.figure.get_size_inches()) == size
        if chart and "in draw" not in events:
            events.append(f"measured {text.get_text()!r}")
        return extent(text, *args, **kwargs)

    monkeypatch.setattr(Figure, "draw", drawing)
    monkeypatch.setattr(Text, "get_window_extent", measuring)
    render_chart(stress_chart(chart_id), theme(), stress_charts()[1], size, fmt, dpi=DPI)
    assert events == ["draw, layout engine None"]


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
