"""The deck's career ladder as native shapes, read back with python-pptx: each step's name as
text in its role's colour, in order, joined by arrows, one group with the ladder's alt text."""

from __future__ import annotations

from io import BytesIO

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from rolereport.brand.load import load_brand
from rolereport.content.report import build_report
from rolereport.data.facts import load_dataset
from rolereport.deck.writer import render_deck
from rolereport.plan.deckplan import deck_plan


def _deck(dataset, mode="native", aspect="16:9"):
    report = build_report(dataset)
    return report, Presentation(BytesIO(render_deck(report, load_brand(None), aspect, mode).data))


def _ladder_slide(prs):
    (shape, slide) = next(
        (sh, s) for s in prs.slides for sh in s.shapes if sh.name.startswith("Chart: Career")
    )
    return slide, shape


@pytest.fixture(scope="module")
def made():
    dataset = load_dataset(None)
    return (dataset, *_deck(dataset))


def test_the_ladder_is_a_group_of_shapes_with_each_roles_steps_as_text_in_order(made):
    dataset, _report, prs = made
    _slide, group = _ladder_slide(prs)
    assert group.shape_type == MSO_SHAPE_TYPE.GROUP
    said = [sh.text_frame.text for sh in group.shapes if sh.has_text_frame and sh.text_frame.text]
    expected = []
    for role in dataset.roles:
        expected.append(role.short_name or role.name)
        for step in role.career_path:
            expected.append(step.stage)
            if step.years:
                expected.append(f"{step.years} years")
    assert said == expected


def test_the_ladder_group_carries_the_charts_alt_text_and_the_slide_no_picture_of_it(made):
    _dataset, report, prs = made
    slide, group = _ladder_slide(prs)
    plan = deck_plan(report, load_brand(None))
    charts = [p.visual.chart for p in plan if p.visual and p.visual.chart]
    (spec,) = [c for c in charts if c.id == "ladder"]
    cnv = group._element.nvGrpSpPr.cNvPr
    assert cnv.get("descr") == spec.alt
    assert cnv.get("title") == spec.title
    pictures = [sh.name for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert pictures == ["Logo"]


def test_each_step_is_a_box_in_its_roles_colour_joined_to_the_next_by_an_arrow(made):
    dataset, _report, prs = made
    theme = load_brand(None)
    _slide, group = _ladder_slide(prs)
    steps = [sh for sh in group.shapes if sh.name == "Step"]
    arrows = [sh for sh in group.shapes if sh.shape_type == MSO_SHAPE_TYPE.LINE]
    fills = [str(sh.fill.fore_color.rgb) for sh in steps]
    expected = [theme.role_color(i)[1:] for i, r in enumerate(dataset.roles) for _ in r.career_path]
    assert fills == expected
    assert len(arrows) == sum(len(r.career_path) - 1 for r in dataset.roles)
    for arrow in arrows:  # glued: moving a box in PowerPoint takes its arrows along
        xml = arrow._element.xml
        assert "a:stCxn" in xml and "a:endCxn" in xml and 'type="triangle"' in xml
    # each arrow runs left to right, between two boxes of one row
    for arrow in arrows:
        assert arrow.begin_x < arrow.end_x and arrow.begin_y == arrow.end_y


def test_picture_mode_keeps_the_ladder_as_a_picture():
    _report, prs = _deck(load_dataset(None), "picture")
    _slide, ladder = _ladder_slide(prs)
    assert ladder.shape_type == MSO_SHAPE_TYPE.PICTURE


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_the_stress_ladder_stays_inside_its_slide_with_every_role_and_step(stress_decks, aspect):
    from stress import stress_dataset

    dataset = stress_dataset(4)
    prs = Presentation(BytesIO(stress_decks(aspect).data))
    _slide, group = _ladder_slide(prs)
    steps = [sh for sh in group.shapes if sh.name == "Step"]
    assert len(steps) == sum(len(r.career_path) for r in dataset.roles)
    for sh in group.shapes:
        assert sh.left >= 0 and sh.top >= 0
        assert sh.left + sh.width <= prs.slide_width and sh.top + sh.height <= prs.slide_height
    for step, stage in zip(steps, [s for r in dataset.roles for s in r.career_path], strict=True):
        text = step.text_frame.text.replace("\v", " ")
        assert stage.stage.startswith(text.removesuffix("…"))  # whole, or cut at its end
