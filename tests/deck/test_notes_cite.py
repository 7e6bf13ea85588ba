"""Speaker notes cite their figures with the marks the handout prints beside them."""

from __future__ import annotations

import io

from pptx import Presentation

from rolereport.content.model import Bullets
from rolereport.text.formats import cite_mark


def test_the_freelance_projects_notes_carry_the_source_marks_the_handout_shows(
    report, default_deck
):
    section = next(s for s in report.sections if s.id == "freelance")
    table = next(s for s in section.slides if s.table)
    titles = {cell for row in table.table.rows for cell in row}
    items = [i for b in section.blocks if isinstance(b, Bullets) for i in b.items]
    projects = [i for i in items if i.lead in titles]
    prs = Presentation(io.BytesIO(default_deck.data))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == table.title)
    notes = slide.notes_slide.notes_text_frame.text
    assert projects
    for item in projects:
        assert item.cites
        assert f"{item.lead}: {item.text.rstrip('.')} {cite_mark(item.cites)}" in notes
