"""The deck's native charts, read back with python-pptx and openpyxl: figures, workbook,
number formats, colours, alt text, and the picture mode that keeps matplotlib's PNGs."""

from __future__ import annotations

import shutil
import zipfile
from io import BytesIO

import openpyxl
import pytest
import yaml
from conftest import ROOT
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from rolereport import InputError
from rolereport.brand.load import load_brand
from rolereport.build.options import BuildOptions
from rolereport.content.model import Numbers
from rolereport.content.report import build_report
from rolereport.data.facts import load_dataset
from rolereport.deck.chartformats import number_format
from rolereport.deck.writer import render_deck
from rolereport.plan.deckplan import deck_plan


@pytest.fixture(scope="module")
def made():
    dataset = load_dataset(None)
    theme = load_brand(None)
    report = build_report(dataset)
    deck = render_deck(report, theme, "16:9", "native").data
    return dataset, theme, report, Presentation(BytesIO(deck))


def _charts(prs):
    return {
        sh.name: sh for slide in prs.slides for sh in slide.shapes if getattr(sh, "has_chart", 0)
    }


def _specs(report):
    plan = deck_plan(report, load_brand(None))
    return {p.visual.chart.title: p.visual.chart for p in plan if p.visual and p.visual.chart}


def _workbook(frame):
    blob = frame.chart.part.chart_workbook.xlsx_part.blob
    return openpyxl.load_workbook(BytesIO(blob)).active


def test_the_pay_range_chart_holds_each_roles_percentiles_as_series_and_in_its_workbook(made):
    dataset, _theme, _report, prs = made
    frame = next(f for n, f in _charts(prs).items() if n.startswith("Chart: Annual pay"))
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == [r.label for r in dataset.roles]
    series = {s.name: list(s.values) for s in chart.plots[0].series}
    for i, role in enumerate(dataset.roles):
        s = role.salary
        assert series["10th percentile"][i] == s.p10
        assert series["25th percentile"][i] == s.p25
        assert series["median"][i] == s.median
        assert series["75th percentile"][i] == s.p75
        assert series["90th percentile"][i] == s.p90
    sheet = _workbook(frame)
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    for i, role in enumerate(dataset.roles):
        assert body[i][0] == role.label
        assert body[i][header.index("median")] == role.salary.median
        assert body[i][header.index("90th percentile")] == role.salary.p90


def test_the_outlook_is_two_charts_of_growth_and_openings_per_role(made):
    dataset, _theme, _report, prs = made
    frames = [sh for s in prs.slides for sh in s.shapes if sh.name.startswith("Chart: Job")]
    assert len(frames) == 2
    growth, openings = (list(f.chart.plots[0].series[0].values) for f in frames)
    assert growth == [r.outlook.growth_pct for r in dataset.roles]
    assert openings == [r.outlook.openings_per_year for r in dataset.roles]
    assert _workbook(frames[1]).cell(2, 2).value == dataset.roles[0].outlook.openings_per_year


def test_every_native_chart_has_its_specs_alt_text_and_bars_in_the_role_colours(made):
    dataset, theme, report, prs = made
    specs = _specs(report)
    frames = [sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", 0)]
    assert {f.name.removeprefix("Chart: ") for f in frames} == {
        t for t, s in specs.items() if s.kind != "ladder"
    }
    for frame in frames:
        spec = specs[frame.name.removeprefix("Chart: ")]
        assert frame.element.nvGraphicFramePr.cNvPr.get("descr") == spec.alt
        assert frame.chart.has_legend is False
        assert frame.chart.font.name == theme.deck_font
    pay = next(f for f in frames if f.name.startswith("Chart: Annual pay")).chart
    p75 = next(s for s in pay.plots[0].series if s.name == "75th percentile")
    for i in range(len(dataset.roles)):
        assert str(p75.points[i].format.fill.fore_color.rgb) == theme.role_color(i)[1:]


def test_the_career_ladder_is_shapes_not_a_picture_in_native_mode(made):
    prs = made[3]
    ladder = [sh for s in prs.slides for sh in s.shapes if sh.name.startswith("Chart: Career")]
    assert [sh.shape_type for sh in ladder] == [MSO_SHAPE_TYPE.GROUP]


def _point_labels(frame):
    """Each series' label texts by point, as the chart's rich-text labels hold them."""
    out = {}
    for series in frame.chart.plots[0].series:
        texts = []
        for i in range(len(list(series.values))):
            label = series.points[i].data_label
            texts.append(label.text_frame.text if label.has_text_frame else "")
        out[series.name] = texts
    return out


@pytest.mark.parametrize(
    ("name", "money"),
    [
        (None, lambda v: f"${v:,.0f}"),
        ("ki-ingenieur-vs-data-scientist", lambda v: f"{v:,.0f}".replace(",", ".") + "\u00a0$"),
    ],
)
def test_the_pay_range_labels_its_ends_and_median_as_the_data_files_locale_writes_money(
    name, money
):
    dataset = load_dataset(name)
    report, theme = build_report(dataset), load_brand(None)
    prs = Presentation(BytesIO(render_deck(report, theme, "16:9", "native").data))
    pay = ("Chart: Annual", "Chart: Spanne")
    frame = next(f for n, f in _charts(prs).items() if n.startswith(pay))
    labels = _point_labels(frame)
    for i, role in enumerate(dataset.roles):
        s = role.salary
        assert labels["90th percentile"][i] == money(s.p90)
        assert labels["10th percentile"][i] == money(s.p10)
        assert labels["median"][i] == money(s.median)
        assert labels["25th percentile"][i] == labels["75th percentile"][i] == ""


def test_picture_mode_places_a_picture_where_each_chart_is():
    report, theme = build_report(load_dataset(None)), load_brand(None)
    prs = Presentation(BytesIO(render_deck(report, theme, "16:9", "picture").data))
    shapes = [sh for s in prs.slides for sh in s.shapes if sh.name.startswith("Chart: ")]
    assert len(shapes) == len(_specs(report))
    assert {sh.shape_type for sh in shapes} == {MSO_SHAPE_TYPE.PICTURE}


@pytest.mark.parametrize("mode", ["native", "picture"])
def test_two_decks_of_the_same_inputs_are_the_same_bytes(mode):
    report, theme = build_report(load_dataset(None)), load_brand(None)
    first = render_deck(report, theme, "16:9", mode).data
    assert render_deck(report, theme, "16:9", mode).data == first


def test_the_embedded_workbook_carries_the_document_time_not_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    report, theme = build_report(load_dataset(None)), load_brand(None)
    deck = zipfile.ZipFile(BytesIO(render_deck(report, theme).data))
    books = [n for n in deck.namelist() if n.endswith(".xlsx")]
    assert books
    for name in books:
        book = zipfile.ZipFile(BytesIO(deck.read(name)))
        core = book.read("docProps/core.xml").decode()
        assert "2023-11-14T22:13:20Z" in core
        assert {i.date_time for i in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_money_is_formatted_where_the_locale_puts_the_currency_sign():
    us = Numbers("en_US", "USD", "{n}k", "{n}M", "{amount}/h")
    de = Numbers("de_DE", "USD", "{n} Tsd.", "{n} Mio.", "{amount}/h")
    assert number_format("money", us) == '"$"#,##0'
    assert number_format("money", de) == '#,##0"\u00a0$"'
    assert number_format("money_hour", us) == '"$"#,##0"/h"'
    assert number_format("percent", de, 1) == '0.0"\u00a0%"'


def test_an_unknown_deck_chart_mode_is_named_by_its_option():
    with pytest.raises(InputError) as caught:
        BuildOptions(deck_charts="png")
    assert str(caught.value) == "deck_charts: 'png' is not native or picture"


def test_the_pay_slides_key_names_the_marks_each_mode_draws():
    report, theme = build_report(load_dataset(None)), load_brand(None)

    def captions(mode):
        prs = Presentation(BytesIO(render_deck(report, theme, "16:9", mode).data))
        return " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes
                        if sh.name == "Caption")  # fmt: skip

    native, picture = captions("native"), captions("picture")
    assert "Pale bar: 10th to 90th percentile, figures at its ends." in native
    assert "Figure above the bar: median." in native and "Dot: median." not in native
    assert "Thin line: 10th to 90th percentile." in picture and "Dot: median." in picture


def test_a_brand_may_choose_pictures_and_the_build_option_wins(tmp_path):
    from rolereport.build.pipeline import build

    (tmp_path / "brand.yml").write_text("defaults:\n  rolereport:\n    deck_charts: picture\n")

    def kinds(**mode):
        (deck,) = build(None, tmp_path, tmp_path / "out", only=("pptx",), force=True, **mode).paths
        prs = Presentation(deck)
        return {sh.shape_type for s in prs.slides for sh in s.shapes if sh.name.startswith("Chart")}

    assert kinds() == {MSO_SHAPE_TYPE.PICTURE}
    assert MSO_SHAPE_TYPE.CHART in kinds(deck_charts="native")


def test_an_unknown_brand_chart_mode_is_named_by_its_key(tmp_path):
    from rolereport.errors import BrandError

    (tmp_path / "brand.yml").write_text("defaults:\n  rolereport:\n    deck_charts: pictures\n")
    with pytest.raises(BrandError) as caught:
        load_brand(tmp_path)
    assert "defaults.rolereport.deck_charts: must be 'native' or 'picture'; got 'pictures'" in str(
        caught.value
    )


def test_a_role_with_only_its_median_gets_a_visible_bar_up_to_the_median():
    """The 10th-percentile series is painted in the page's colour over the others: with no
    lower figure it must stay at 0, or it hides the whole bar (a chart of labels alone)."""
    dataset = load_dataset(None)
    bare = [
        r.model_copy(
            update={
                "salary": r.salary.model_copy(update=dict.fromkeys(("p10", "p25", "p75", "p90")))
            }
        )
        for r in dataset.roles
    ]
    report = build_report(dataset.model_copy(update={"roles": tuple(bare)}))
    prs = Presentation(BytesIO(render_deck(report, load_brand(None), "16:9", "native").data))
    frame = next(f for n, f in _charts(prs).items() if n.startswith("Chart: Annual pay"))
    series = {s.name: list(s.values) for s in frame.chart.plots[0].series}
    for i, role in enumerate(dataset.roles):
        assert series["median"][i] == role.salary.median
        assert series["10th percentile"][i] == 0  # the eraser leaves the bar from 0 showing


def test_a_pay_chart_whose_every_figure_is_zero_still_has_an_axis_to_draw_on():
    """A median of 0 for every role (valid data, found by the property test) gave the pay
    chart's axis a top of 0, and the deck a division by zero."""
    dataset = load_dataset(None)
    zero = [
        r.model_copy(
            update={
                "salary": r.salary.model_copy(
                    update={"median": 0} | dict.fromkeys(("p10", "p25", "p75", "p90"))
                )
            }
        )
        for r in dataset.roles
    ]
    report = build_report(dataset.model_copy(update={"roles": tuple(zero)}))
    prs = Presentation(BytesIO(render_deck(report, load_brand(None), "16:9", "native").data))
    frame = next(f for n, f in _charts(prs).items() if n.startswith("Chart: Annual pay"))
    axis = frame.chart.value_axis
    assert axis.maximum_scale > axis.minimum_scale == 0
    series = {s.name: list(s.values) for s in frame.chart.plots[0].series}
    assert series["median"] == [0] * len(dataset.roles)


def test_the_picture_option_warns_when_pictures_cannot_show_the_brands_deck_font(tmp_path):
    # The brand chooses native charts and names Arial for the deck, with Carlito's files:
    # `--deck-charts picture` draws the charts in Carlito, and the build says so.
    from rolereport.build.pipeline import build

    shutil.copytree(ROOT / "assets", tmp_path / "brand")
    brand = tmp_path / "brand" / "brand.yml"
    text = yaml.safe_load(brand.read_text(encoding="utf-8"))
    text.setdefault("defaults", {}).setdefault("rolereport", {})["deck_font"] = "Arial"
    brand.write_text(yaml.safe_dump(text), encoding="utf-8")

    def warned(**mode) -> list[str]:
        result = build(None, tmp_path / "brand", tmp_path / "out", only=("pptx",), **mode)
        return [w for w in result.warnings if "picture charts are drawn in" in w]

    assert warned() == []  # native: the charts name the deck's font, as its text does
    assert warned(deck_charts="picture") == [
        "deck_charts picture: picture charts are drawn in Carlito (the brand's font files), "
        "not in the deck's font 'Arial'; choose native charts, or font files of the deck's "
        "font, for charts in the deck's font"
    ]
