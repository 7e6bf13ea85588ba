"""The run sheet: suggested minutes, the running clock and the parts, checked without a PDF."""

from __future__ import annotations

import pytest

from rolereport import build_report
from rolereport.deck.writer import deck_plan
from rolereport.plan.runsheet import MINUTES, clock, run_sheet


@pytest.fixture(scope="module")
def planned(report, theme):
    plan = deck_plan(report, theme)
    return plan, run_sheet(report, plan)


def by_title(sheet, title):
    return next(s for s in sheet.slides if s.title == title)


def test_the_clock_reads_hours_and_minutes():
    assert [clock(m) for m in (0, 5, 59, 60, 95, 600)] == [
        "0:00",
        "0:05",
        "0:59",
        "1:00",
        "1:35",
        "10:00",
    ]


def test_one_entry_per_planned_slide_with_its_number_title_and_notes(planned):
    plan, sheet = planned
    assert [s.number for s in sheet.slides] == [p.number for p in plan]
    assert [s.notes for s in sheet.slides] == [p.notes for p in plan]
    assert [s.title for s in sheet.slides] == [p.texts[0].paras[0].text for p in plan]


def test_minutes_follow_what_a_slide_asks_of_the_room(planned, dataset):
    _, sheet = planned
    expect = {
        "AI Engineer vs. Data Scientist": MINUTES["title"],
        "Agenda": MINUTES["agenda"],
        "At a glance": MINUTES["glance"],
        "What an AI engineer does": MINUTES["bullets"],
        "What the roles pay": MINUTES["visual"],
        "Tools of the trade": MINUTES["visual"],
        "Which role fits you?": MINUTES["exercise"],
        "Which role fits you? (continued)": MINUTES["continued"],
        "Sources": MINUTES["sources"],
    }
    assert {t: by_title(sheet, t).minutes for t in expect} == expect
    talk = [s for s in sheet.slides if s.title.startswith("Let’s discuss")]
    assert sum(s.minutes for s in talk) == MINUTES["question"] * len(
        dataset.comparison.discussion_questions
    )


def test_the_clock_runs_without_gaps_and_the_parts_cover_every_slide_once(planned):
    _, sheet = planned
    start = 0
    for s in sheet.slides:
        assert s.start == start and s.minutes > 0
        start += s.minutes
    assert sheet.total == start
    numbers = [n for p in sheet.parts for n in range(p.first, p.last + 1)]
    assert numbers == [s.number for s in sheet.slides]
    assert [p.start for p in sheet.parts] == [by_number(sheet, p.first).start for p in sheet.parts]
    assert sheet.table.rows[-1][1:] == (
        f"1–{len(sheet.slides)}",
        str(start),
        f"Ends at {clock(start)}",
    )


def by_number(sheet, n):
    return next(s for s in sheet.slides if s.number == n)


def test_a_question_too_long_for_one_slide_is_timed_once(dataset, theme):
    # Longer than the schema allows (model_copy does not validate): the deck splits it.
    long = " ".join(["Which of these many considerations matters most to you"] * 40) + "?"
    comparison = dataset.comparison.model_copy(update={"discussion_questions": (long, "Why?")})
    report = build_report(dataset.model_copy(update={"comparison": comparison}))
    plan = deck_plan(report, theme)
    sheet = run_sheet(report, plan)
    talk = [
        s
        for s, p in zip(sheet.slides, plan, strict=True)
        if p.origin is not None and p.origin.bullets == (long, "Why?")
    ]
    pieces = [[pt.text for pt in s.points] for s in talk]
    assert len(talk) > 2 and pieces[0][0].endswith("…")  # split over slides
    middle = [
        s for s, texts in zip(talk, pieces, strict=True) if len(texts) == 1 and texts[0][-1] == "…"
    ]
    assert middle  # slides that only carry on the long question: a minute each
    assert [s.minutes for s in middle] == [MINUTES["continued"]] * len(middle)
    assert sum(s.minutes for s in talk) == MINUTES["question"] * 2 + MINUTES["continued"] * len(
        middle
    )
    assert [q.text for q in sheet.questions] == [long, "Why?"]


def test_table_slides_become_one_line_per_row(planned, report):
    _, sheet = planned
    glance = by_title(sheet, "At a glance")
    assert len(glance.points) == len(report.at_a_glance.rows)
    names = [r.name for r in report.roles]
    pay = next(p.text for p in glance.points if p.text.startswith("Median annual pay"))
    assert all(f"{name}: $" in pay for name in names)


def test_the_ladder_slide_is_described_as_a_diagram_with_each_roles_steps_in_order(
    planned, dataset
):
    plan, sheet = planned
    charted = [p for p in plan if p.visual and p.visual.chart]
    (number,) = [p.number for p in charted if p.visual.chart.id == "ladder"]
    points = [p.text for p in next(s for s in sheet.slides if s.number == number).points]
    steps = [
        f"{r.short_name or r.name}: "
        + " → ".join(f"{s.stage} ({s.years} years)" if s.years else s.stage for s in r.career_path)
        for r in dataset.roles
    ]
    assert points[-len(steps) - 1 :] == ["Diagram: Career ladder, entry to senior", *steps]
    assert not any(p.startswith("Chart:") for p in points)
