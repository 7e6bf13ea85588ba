"""Facts → Report: every editorial decision (order, wording, charts, citations, speaker notes)."""

from __future__ import annotations

from ..data.facts import Dataset
from ..data.roles import Role
from ..text.formats import first_sentence, iso_date, with_cite
from . import chartspecs, earnings, workshop
from .citations import Citations
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
    glance = _at_a_glance(d, cite, t)
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
    charts = tuple(b.chart for s in sections for b in s.blocks if isinstance(b, Figure))
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
        takeaways=d.comparison.takeaways,
        charts=charts,
        words=t.words(),
        guide=guide_words(t.labels.texts),
    )


def _at_a_glance(d: Dataset, cite: Citations, t: Language) -> Table:
    roles = d.roles
    rows: list[tuple[str, ...]] = []

    def row(label: str, values: list[str | None], source: str | None) -> None:
        if any(values):
            missing = t("glance_missing")
            rows.append((with_cite(label, cite(source)), *[v or missing for v in values]))

    if any(r.focus for r in roles):
        rows.append((t("glance_focus"), *[r.focus or "" for r in roles]))
    src = roles[0].salary.source
    period = roles[0].salary.period or ""
    row(
        t("glance_median_pay_period", period=period) if period else t("glance_median_pay"),
        [t.money(r.salary.median) for r in roles],
        src,
    )
    row(
        t("glance_pay_range"),
        [
            t.money_range(r.salary.p10, r.salary.p90)
            if r.salary.p10 is not None and r.salary.p90 is not None
            else None
            for r in roles
        ],
        src,
    )
    outlooks = [r.outlook for r in roles]
    o_src = next((o.source for o in outlooks if o), None)
    o_period = next((o.period for o in outlooks if o and o.period), "")
    row(
        t("projected_growth_period", period=o_period) if o_period else t("projected_growth"),
        [t.percent(o.growth_pct) if o and o.growth_pct is not None else None for o in outlooks],
        o_src,
    )
    row(
        t("openings_per_year"),
        [
            t.count(o.openings_per_year) if o and o.openings_per_year is not None else None
            for o in outlooks
        ],
        o_src,
    )
    edus = [r.education for r in roles]
    row(
        t("entry_education"),
        [e.entry_level if e else None for e in edus],
        next((e.source for e in edus if e and e.source), None),
    )
    return Table(
        header=("", *[r.name for r in roles]),
        rows=tuple(rows),
        caption=t("glance_title"),
        role_columns=tuple(r.id for r in roles),
    )


def _roles(d: Dataset, t: Language) -> Section:
    blocks: list = []
    slides = []
    for r in d.roles:
        blocks.append(Callout(r.name, r.focus or "", ()))
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
                )
            )
    tool_rows = tuple((r.name, ", ".join(r.tools)) for r in d.roles if r.tools)
    tools = t("tools")
    table = Table((t("tools_role"), tools), tool_rows, caption=tools) if tool_rows else None
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
        src = next((e.source for e in edus if e and e.source), None)
        rows = []
        for label, key, s in (
            (t("entry_education"), "entry_level", src),
            (t("education_background"), "typical", None),
            (t("education_advance"), "advanced", None),
        ):
            values = [getattr(e, key) if e else None for e in edus]
            if any(values):
                rows.append((with_cite(label, cite(s)), *[v or "—" for v in values]))
        table = Table(
            ("", *[r.name for r in d.roles]),
            tuple(rows),
            caption=t("education_title"),
            role_columns=tuple(r.id for r in d.roles),
        )
        blocks.append(table)
        items = "; ".join(
            t("education_notes_item", role=r.label, education=e.entry_level)
            for r, e in zip(d.roles, edus, strict=True)
            if e and e.entry_level
        )
        notes = t("education_notes", items=items, sources=t.cited(cite(src)))
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
                    )
                )
        notes = t("career_notes", alt=ladder.alt)
        slides.append(Slide(t("career_slide_title"), chart=ladder, notes=notes))
    return Section("education", t("section_education"), tuple(blocks), tuple(slides))


def _generative_ai(d: Dataset, t: Language) -> Section | None:
    have = [r for r in d.roles if r.generative_ai]
    if not have:
        return None
    blocks = tuple(Paragraph(r.generative_ai or "") for r in have)
    items = tuple(Item(r.generative_ai or "", r.name) for r in have)
    return (
        Section(
            "generative-ai",
            t("section_generative_ai"),
            (Bullets(items),),
            (
                Slide(
                    t("generative_ai_slide_title"),
                    bullets=tuple(
                        f"{r.label}: {first_sentence(r.generative_ai or '')}" for r in have
                    ),
                    notes=" ".join(f"{r.label}: {r.generative_ai}" for r in have),
                ),
            ),
        )
        if blocks
        else None
    )
