"""The workshop sections: collaboration, key differences, self-assessment, sources."""

from __future__ import annotations

from .citations import Citations
from .facts import Dataset
from .formats import with_cite
from .model import (
    Bullets,
    Callout,
    Checklist,
    Item,
    Paragraph,
    Section,
    Slide,
    SourceList,
    Tally,
)

# The self-assessment worksheet's fixed wording, in one place.
WORDS = {
    "instructions": "Tick every statement that sounds like you. Go with your first reaction.",
    "scoring": "Scoring: for each role, count your ticks on the statements listed and write "
    "the number in its box.",
    "statements": "statements {numbers}",
    "total": "Your ticks",
    "total_tip": "Your ticks for {role}",
    "outcome": "More ticks for a role show where your interests lie today, not where you must go.",
    "name": "Name",
    "date": "Date",
}


def collaboration_section(d: Dataset) -> Section | None:
    c = d.comparison.collaboration
    if c is None:
        return None
    blocks: list = []
    if c.summary:
        blocks.append(Paragraph(c.summary))
    steps = tuple(Item(s.action, d.role(s.role).label) for s in c.steps)
    if steps:
        blocks.append(Bullets(steps, title="A typical workflow", numbered=True))
    if c.example:
        blocks.append(Callout("Example", c.example))
    slide = Slide(
        "Working together",
        bullets=tuple(f"{i.lead}: {i.text}" for i in steps) or (c.summary or "",),
        notes=" ".join(x for x in (c.summary, c.example and f"Example: {c.example}") if x),
    )
    return Section("collaboration", "How the roles work together", tuple(blocks), (slide,))


def differences_section(d: Dataset) -> Section | None:
    c = d.comparison
    if not c.key_differences and not c.takeaways:
        return None
    blocks: list = []
    slides = []
    if c.key_differences:
        blocks.append(Bullets(tuple(Item(x) for x in c.key_differences), title="Key differences"))
        slides.append(
            Slide("Key differences", bullets=c.key_differences, notes=" ".join(c.key_differences))
        )
    if c.takeaways:
        blocks.append(Bullets(tuple(Item(x) for x in c.takeaways), title="Takeaways"))
        slides.append(Slide("Takeaways", bullets=c.takeaways, notes=" ".join(c.takeaways)))
    return Section("differences", "Key differences and takeaways", tuple(blocks), tuple(slides))


def self_assessment_section(d: Dataset) -> Section | None:
    c = d.comparison
    if not c.self_assessment and not c.discussion_questions:
        return None
    blocks: list = []
    slides = []
    if c.self_assessment:
        items = tuple(Item(s.statement, s.leans) for s in c.self_assessment)
        tallies = _tallies(d)
        keys = [f"{t.label}: {t.text}" for t in tallies]
        blocks.append(
            Checklist(
                items,
                WORDS["instructions"],
                WORDS["scoring"],
                tallies,
                WORDS["total"],
                WORDS["outcome"],
                WORDS["name"],
                WORDS["date"],
            )
        )
        slides.append(
            Slide(
                "Which role fits you?",
                bullets=tuple(s.statement for s in c.self_assessment),
                notes="Give people three minutes to tick the statements on the handout's "
                "self-assessment page, then ask for a show of hands per role. "
                + "Scoring key: "
                + "; ".join(keys)
                + ".",
                layout="discussion",
            )
        )
    if c.discussion_questions:
        blocks.append(
            Bullets(tuple(Item(q) for q in c.discussion_questions), title="Questions to discuss")
        )
        slides.append(
            Slide(
                "Let’s discuss",
                bullets=c.discussion_questions,
                notes="Take the questions in pairs or small groups, about five minutes each, "
                "then collect one answer per group.",
                layout="discussion",
            )
        )
    return Section(
        "self-assessment", "Self-assessment", tuple(blocks), tuple(slides), new_page=True
    )


def _tallies(d: Dataset) -> tuple[Tally, ...]:
    """The scoring key: per role, in the roles' order, the statements that lean to it."""
    out = []
    for r in d.roles:
        nums = tuple(i + 1 for i, s in enumerate(d.comparison.self_assessment) if s.leans == r.id)
        if nums:
            text = WORDS["statements"].format(numbers=", ".join(map(str, nums)))
            out.append(Tally(r.id, r.name, text, nums, WORDS["total_tip"].format(role=r.name)))
    return tuple(out)


def sources_section(d: Dataset, cite: Citations) -> Section:
    notes = tuple(Paragraph(n.text, cite(n.source), "small") for n in d.notes)
    blocks: list = []
    if notes:
        blocks.append(
            Bullets(tuple(Item(n.text, cites=n.cites) for n in notes), title="Data notes")
        )
    blocks.append(SourceList(cite.refs()))
    slides = []
    if d.notes:
        slides.append(
            Slide(
                "About these figures",
                # Whole notes: a first sentence alone can state the very claim a note corrects.
                bullets=tuple(n.text for n in d.notes),
                notes=" ".join(with_cite(n.text, cite(n.source)) for n in d.notes),
            )
        )
    return Section("sources", "Sources and data notes", tuple(blocks), tuple(slides))
