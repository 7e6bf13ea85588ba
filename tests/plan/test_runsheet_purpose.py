"""The run sheet knows the self-assessment slide by what it is for, not by its words."""

from __future__ import annotations

from dataclasses import replace

from rolereport.content.model import Report
from rolereport.deck.writer import deck_plan
from rolereport.plan.runsheet import MINUTES, run_sheet


def reworded(report: Report) -> Report:
    """The workshop part alone, its self-assessment slide worded unlike the worksheet."""
    part = next(s for s in report.sections if s.id == "self-assessment")
    first = part.slides[0]
    shorter = tuple(f"Statement {n}: {b[:20]}" for n, b in enumerate(first.bullets, 1))
    slides = (replace(first, bullets=shorter), *part.slides[1:])
    return replace(report, sections=(replace(part, slides=slides),))


def test_the_run_sheet_finds_the_self_assessment_slide_when_its_statements_are_reworded(
    report, theme
):
    changed = reworded(report)
    plan = deck_plan(changed, theme)
    sheet = run_sheet(changed, plan)
    statements = changed.sections[0].slides[0]
    shown = [p.number for p in plan if p.origin is statements]
    timed = [s.minutes for s in sheet.slides if s.number in shown]
    assert timed == [MINUTES["exercise"]] + [MINUTES["continued"]] * (len(shown) - 1)
    where = f"slide {shown[0]}" if len(shown) == 1 else f"slides {shown[0]}–{shown[-1]}"
    assert sheet.scoring is not None and where in sheet.scoring.intro
    asked = [q.text for q in sheet.questions]
    assert asked == list(changed.sections[0].slides[1].bullets)
