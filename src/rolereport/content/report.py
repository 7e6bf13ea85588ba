"""Facts → Report: every editorial decision (order, wording, charts, citations, speaker notes)."""

from __future__ import annotations

from ..data.facts import Dataset
from ..data.roles import Role
from ..text.formats import first_sentence, iso_date
from . import chartspecs, earnings, workshop
from .citations import Citations
from .glance import Cell, Rows, at_a_glance
from .language import Language
from .model import (
    Bullets,
    Callout,
    Figure,
    Item,
    Paragraph,
    Report,
    RoleKey,
    Section,
    Slide,
    Table,
    guide_words,
)


def build_report(d: Dataset) -> Report:
    """The whole Report for a dataset. Pure: the same dataset gives the same Report."""
    t = Language.of(d)
    cite = Citations(d)
    glance = at_a_glance(d, cite, t)
    sections = tuple(
        s
        for s in (
            _roles(d, t),
            _skills(d, t),
            earnings.pay_section(d, cite, t),
            _education(d, cite, t),
            _generative_ai(d, t),
            workshop.collaboration_section(d, t),
            earnings.freelance_section(d, cite, t),
            workshop.differences_section(d, t),
            workshop.self_assessment_section(d, t),
            workshop.sources_section(d, cite, t),
        )
        if s is not None
    )
    return Report(
        slug=d.slug,
        title=d.meta.title,
        subtitle=d.meta.subtitle or "",
        summary=d.meta.summary,
        as_of=t("data_as_of", date=t.vintage(d.meta.as_of)),
        date=iso_date(d.meta.as_of),
        language=t.tag,
        audience=d.meta.audience or "",
        roles=tuple(RoleKey(r.id, r.name, r.label) for r in d.roles),
        at_a_glance=glance,
        sections=sections,
        sources=cite.refs(),
        words=t.words(),
        guide=guide_words(t.labels.texts),
    )


def _roles(d: Dataset, t: Language) -> Section:
    blocks: list = []
    slides = []
    for r in d.roles:
        blocks.append(Callout(r.name, r.focus or "", (), role=r.id))
        blocks.append(Paragraph(r.summary))
        if r.responsibilities:
            blocks.append(
                Bullets(tuple(Item(x) for x in r.responsibilities), title=t("roles_day_to_day"))
            )
        if r.occupation:
            official = t("roles_official", occupation=r.occupation.title, code=r.occupation.code)
            blocks.append(Paragraph(official, style="small"))
        focus = r.focus and t("roles_notes_focus", focus=r.focus)
        slides.append(
            Slide(
                title=t("roles_slide_title", role=r.label),
                bullets=r.responsibilities or (first_sentence(r.summary),),
                notes=" ".join(x for x in (focus, r.summary) if x),
            )
        )
    return Section("roles", t("section_roles"), tuple(blocks), tuple(slides))


def _top_skills(r: Role, n: int = 3) -> list:
    return sorted(r.skills, key=lambda s: -s.weight)[:n]


def _skills(d: Dataset, t: Language) -> Section | None:
    if not any(r.skills or r.tools for r in d.roles):
        return None
    chart = chartspecs.skills(d, t)
    blocks: list = []
    if chart:
        blocks.append(Figure(chart))
    for r in d.roles:
        if r.skills:
            blocks.append(
                Bullets(
                    tuple(Item(s.detail or "", s.name) for s in r.skills),
                    title=t("skills_of_role", role=r.name),
                    role=r.id,
                )
            )
    tool_rows = tuple((r.name, ", ".join(r.tools)) for r in d.roles if r.tools)
    tools = t("tools")
    roles = tuple(r.id for r in d.roles if r.tools)
    table = Table((t("tools_role"), tools), tool_rows, caption=tools, row_roles=roles)
    table = table if tool_rows else None
    if table:
        blocks.append(table)
    slides = []
    if chart:
        top = [
            t("skills_emphasis", role=r.label, skills=tuple(s.name for s in _top_skills(r)))
            for r in d.roles
            if r.skills
        ]
        notes = t("skills_notes", emphasis="; ".join(top), note=chart.note)
        with_skills = tuple(r for r in d.roles if r.skills)
        # Two roles per slide: four small panels would be unreadable from the back of a room.
        pairs = [with_skills[i : i + 2] for i in range(0, len(with_skills), 2)]
        for n, pair in enumerate(pairs, 1):
            part = chartspecs.skills(d, t, pair, n) if len(pairs) > 1 else chart
            title = t("skills_slide_title")
            if len(pairs) > 1:
                title = t("title_part", title=title, part=n, parts=len(pairs))
            slides.append(Slide(title, chart=part, notes=notes))
    if table:
        said = "; ".join(f"{r.label}: {', '.join(r.tools)}" for r in d.roles if r.tools)
        slides.append(
            Slide(t("tools_slide_title"), table=table, notes=t("tools_notes", tools=said))
        )
    return Section("skills", t("section_skills"), tuple(blocks), tuple(slides))


def _education(d: Dataset, cite: Citations, t: Language) -> Section | None:
    edus = [r.education for r in d.roles]
    ladder = chartspecs.ladder(d, t)
    if not any(edus) and not ladder:
        return None
    blocks: list = []
    slides = []
    table = None
    if any(edus):
        out = Rows(cite, t, "—", [], [])
        for label, key, sourced in (
            (t("entry_education"), "entry_level", True),
            (t("education_background"), "typical", False),
            (t("education_advance"), "advanced", False),
        ):
            out.add(
                label,
                [
                    Cell(getattr(e, key), e.source if sourced else None) if e else Cell(None)
                    for e in edus
                ],
            )
        table = Table(
            ("", *[r.name for r in d.roles]),
            tuple(out.rows),
            caption=t("education_title"),
            role_columns=tuple(r.id for r in d.roles),
            cell_cites=tuple(out.cites),
        )
        blocks.append(table)
        items = "; ".join(
            t("education_notes_item", role=r.label, education=e.entry_level)
            for r, e in zip(d.roles, edus, strict=True)
            if e and e.entry_level
        )
        cited = sorted({n for row in out.cites for cell in row for n in cell})
        notes = t("education_notes", items=items, sources=t.cited(cited))
        slides.append(Slide(t("education_slide_title"), table=table, notes=notes))
    if ladder:
        blocks.append(Figure(ladder))
        for r in d.roles:
            if r.career_path:
                blocks.append(
                    Bullets(
                        tuple(
                            Item(
                                st.detail or "",
                                t("career_stage_years", stage=st.stage, years=st.years)
                                if st.years
                                else st.stage,
                            )
                            for st in r.career_path
                        ),
                        title=t("career_of_role", role=r.name),
                        numbered=True,
                        role=r.id,
                    )
                )
        notes = t("career_notes", alt=ladder.alt)
        slides.append(Slide(t("career_slide_title"), chart=ladder, notes=notes))
    return Section("education", t("section_education"), tuple(blocks), tuple(slides))


def _generative_ai(d: Dataset, t: Language) -> Section | None:
    have = [r for r in d.roles if r.generative_ai]
    if not have:
        return None
    items = tuple(Item(r.generative_ai or "", r.name) for r in have)
    slide = Slide(
        t("generative_ai_slide_title"),
        bullets=tuple(f"{r.label}: {first_sentence(r.generative_ai or '')}" for r in have),
        notes=" ".join(f"{r.label}: {r.generative_ai}" for r in have),
    )
    return Section("generative-ai", t("section_generative_ai"), (Bullets(items),), (slide,))
