"""The slide plan, as plain data: slides, their texts and boxes, before any PowerPoint file."""

from __future__ import annotations

from dataclasses import replace

from fitcheck import plan_fits

from rolereport.content.model import Slide
from rolereport.deck.writer import plan_slides

CONTENT = ("content", "discussion")
FOOTER_ROLES = ("Footer", "Page", "Logo", "Decoration")


def test_plan_opens_with_a_title_slide_an_agenda_and_the_figures_at_a_glance(report, theme):
    plan = plan_slides(report, theme=theme)
    assert [p.kind for p in plan[:3]] == ["title", "agenda", "glance"]
    assert plan[0].title == report.title
    assert plan[-1].kind == "sources"
    assert [p.number for p in plan] == list(range(1, len(plan) + 1))


def test_plan_has_a_slide_per_idea_and_notes_on_every_content_slide(report, theme):
    plan = plan_slides(report, theme=theme)
    assert len(plan) >= 12
    assert all(p.notes.strip() for p in plan[1:])
    ideas = [s.title for section in report.sections for s in section.slides]
    assert set(ideas) <= {p.title for p in plan}


def test_no_slide_has_more_than_six_bullets(report, theme):
    for aspect in ("16:9", "4:3"):
        for p in plan_slides(report, aspect, theme):
            if p.kind in CONTENT:
                assert sum(len(t.paras) for t in p.texts if t.marker) <= 6, p.title


def test_a_long_list_continues_on_a_slide_titled_continued_with_the_same_notes(report, theme):
    plan = plan_slides(report, theme=theme)
    first, second = (p for p in plan if p.title.startswith("Which role fits you?"))
    assert second.title == "Which role fits you? (continued)"
    assert second.notes == first.notes
    body = next(t for t in second.texts if t.marker)
    assert body.start == 1 + len(next(t for t in first.texts if t.marker).paras)


def test_text_too_long_for_a_slide_is_split_not_shrunk_below_the_floor(report, theme):
    long = " ".join(["Bullets from a generous colleague can run on for many words."] * 12)
    huge = " ".join([long] * 6)  # more than one slide can hold even alone
    slide = Slide(
        "A slide with far too much to say", bullets=(long,) * 4 + (huge,), notes="Say less."
    )
    section = replace(report.sections[0], slides=(slide,))
    plan = plan_slides(replace(report, sections=(section,)), theme=theme)
    parts = [p for p in plan if p.notes == "Say less."]
    assert len(parts) > 1
    assert all(p.title.endswith("(continued)") for p in parts[1:])
    for p in parts:
        for t in p.texts:
            assert all(para.size >= 14 for para in t.paras if t.role == "body")
            assert plan_fits(theme, t.paras, t.box), (p.title, t.role)


def test_a_title_too_long_for_its_box_is_shortened_with_a_warning(report, theme):
    slide = Slide(" ".join(["Remarkably long title words"] * 12), bullets=("One point.",))
    section = replace(report.sections[0], slides=(slide,))
    plan = plan_slides(replace(report, sections=(section,)), theme=theme)
    planned = next(p for p in plan if p.title == slide.title)
    assert planned.texts[0].paras[0].text.endswith("…")
    assert any("shortened" in w for w in planned.warnings)
