"""Continuation slides share the text: neither half is a stub of one short bullet."""

from __future__ import annotations

from dataclasses import replace

from stress import text

from rolereport.content.model import Slide
from rolereport.deck.writer import deck_plan

SHORT = "Check the figures before quoting them."


def _bodies(report, theme, bullets):
    """The planned slides' bullets for one slide of these bullets (and its continuations)."""
    slide = Slide("About these figures", bullets=tuple(bullets), notes="Read them out.")
    section = replace(report.sections[0], slides=(slide,))
    plan = deck_plan(replace(report, sections=(section,)), theme)
    mine = [s for s in plan if s.title.startswith(slide.title)]
    return [[p.text for t in s.texts if t.role == "body" for p in t.paras] for s in mine]


def test_two_long_notes_and_a_short_one_are_split_two_and_one_balanced_by_length(report, theme):
    # the longest pair of notes that still shares one slide
    n = 200
    while len(_bodies(report, theme, [text(n + 100, 1), text(n + 100, 2)])) == 1:
        n += 100
    long_notes = [text(n, 1), text(n, 2)]
    assert len(_bodies(report, theme, long_notes)) == 1
    slides = _bodies(report, theme, [*long_notes, SHORT])
    assert len(slides) == 2
    chars = sorted(sum(len(b) for b in body) for body in slides)
    assert chars[0] >= chars[1] / 3, slides  # not one short bullet on a slide of its own
