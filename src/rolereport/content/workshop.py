"""The workshop sections: collaboration, key differences, self-assessment, sources."""

from __future__ import annotations

from ..data.facts import Dataset
from ..text.formats import with_cite
from .citations import Citations
from .language import Language
from .model import Bullets, Callout, Checklist, Item, Paragraph, Section, Slide, SourceList, Tally


def collaboration_section(d: Dataset, t: Language) -> Section | None:
    c = d.comparison.collaboration
    if c is None:
        return None
    blocks: list = []
    if c.summary:
        blocks.append(Paragraph(c.summary))
    steps = tuple(Item(s.action, d.role(s.role).label) for s in c.steps)
    if steps:
        blocks.append(Bullets(steps, title=t("collaboration_workflow"), numbered=True))
    if c.example:
        blocks.append(Callout(t("collaboration_example"), c.example))
    example = c.example and t("collaboration_example_notes", example=c.example)
    slide = Slide(
        t("collaboration_slide_title"),
        bullets=tuple(f"{i.lead}: {i.text}" for i in steps) or (c.summary or "",),
        notes=" ".join(x for x in (c.summary, example) if x),
    )
    return Section("collaboration", t("section_collaboration"), tuple(blocks), (slide,))


def differences_section(d: Dataset, t: Language) -> Section | None:
    c = d.comparison
    if not c.key_differences and not c.takeaways:
        return None
    blocks: list = []
    slides = []
    if c.key_differences:
        title = t("differences_title")
        blocks.append(Bullets(tuple(Item(x) for x in c.key_differences), title=title))
        slides.append(Slide(title, bullets=c.key_differences, notes=" ".join(c.key_differences)))
    if c.takeaways:
        title = t("takeaways_title")
        blocks.append(Bullets(tuple(Item(x) for x in c.takeaways), title=title))
        slides.append(Slide(title, bullets=c.takeaways, notes=" ".join(c.takeaways)))
    return Section("differences", t("section_differences"), tuple(blocks), tuple(slides))


def self_assessment_section(d: Dataset, t: Language) -> Section | None:
    c = d.comparison
    if not c.self_assessment and not c.discussion_questions:
        return None
    blocks: list = []
    slides = []
    if c.self_assessment:
        items = tuple(Item(s.statement, s.leans) for s in c.self_assessment)
        tallies = _tallies(d, t)
        numbers = (", ".join(map(str, tally.statements)) for tally in tallies)
        key = "; ".join(
            t("assessment_key_item", role=tally.label, numbers=n)
            for tally, n in zip(tallies, numbers, strict=True)
        )
        blocks.append(
            Checklist(
                items,
                t("assessment_instructions"),
                t("assessment_scoring"),
                tallies,
                t("assessment_total"),
                t("assessment_outcome"),
                t("worksheet_name"),
                t("worksheet_date"),
            )
        )
        slides.append(
            Slide(
                t("assessment_slide_title"),
                bullets=tuple(s.statement for s in c.self_assessment),
                notes=t("assessment_notes", key=key),
                layout="discussion",
                purpose="self_assessment",
            )
        )
    if c.discussion_questions:
        questions = tuple(Item(q) for q in c.discussion_questions)
        blocks.append(Bullets(questions, title=t("discussion_title")))
        slides.append(
            Slide(
                t("discussion_slide_title"),
                bullets=c.discussion_questions,
                notes=t("discussion_notes"),
                layout="discussion",
                purpose="questions",
            )
        )
    return Section(
        "self-assessment", t("section_self_assessment"), tuple(blocks), tuple(slides), new_page=True
    )


def _tallies(d: Dataset, t: Language) -> tuple[Tally, ...]:
    """The scoring key: per role, in the roles' order, the statements that lean to it."""
    out = []
    for r in d.roles:
        nums = tuple(i + 1 for i, s in enumerate(d.comparison.self_assessment) if s.leans == r.id)
        if nums:
            text = t("assessment_statements", numbers=", ".join(map(str, nums)))
            out.append(Tally(r.id, r.name, text, nums, t("assessment_total_tip", role=r.name)))
    return tuple(out)


def sources_section(d: Dataset, cite: Citations, t: Language) -> Section:
    notes = tuple(Paragraph(n.text, cite(n.source), "small") for n in d.notes)
    blocks: list = []
    if notes:
        blocks.append(
            Bullets(tuple(Item(n.text, cites=n.cites) for n in notes), title=t("data_notes_title"))
        )
    blocks.append(SourceList(cite.refs()))
    slides = []
    if d.notes:
        slides.append(
            Slide(
                t("data_notes_slide_title"),
                # Whole notes: a first sentence alone can state the very claim a note corrects.
                bullets=tuple(n.text for n in d.notes),
                notes=" ".join(with_cite(n.text, cite(n.source)) for n in d.notes),
            )
        )
    return Section("sources", t("section_sources"), tuple(blocks), tuple(slides))
