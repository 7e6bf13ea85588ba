"""Facts → Report: every editorial decision (order, wording, charts, citations, speaker notes)."""

from __future__ import annotations

from . import chartspecs, earnings, workshop
from .citations import Citations, cites_said
from .facts import Dataset, Role
from .formats import (
    count,
    first_sentence,
    iso_date,
    join_words,
    lower_first,
    money,
    percent,
    vintage,
    with_cite,
)
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
)


def build_report(d: Dataset) -> Report:
    """The whole Report for a dataset. Pure: the same dataset gives the same Report."""
    cite = Citations(d)
    glance = _at_a_glance(d, cite)
    sections = tuple(
        s
        for s in (
            _roles(d),
            _skills(d),
            earnings.pay_section(d, cite),
            _education(d, cite),
            _generative_ai(d),
            workshop.collaboration_section(d),
            earnings.freelance_section(d, cite),
            workshop.differences_section(d),
            workshop.self_assessment_section(d),
            workshop.sources_section(d, cite),
        )
        if s is not None
    )
    charts = tuple(b.chart for s in sections for b in s.blocks if isinstance(b, Figure))
    lang = (d.meta.locale or "en_US").replace("_", "-")
    return Report(
        slug=d.slug,
        title=d.meta.title,
        subtitle=d.meta.subtitle or "",
        summary=d.meta.summary,
        as_of=f"Data: {vintage(d.meta.as_of)}",
        date=iso_date(d.meta.as_of),
        language=lang,
        audience=d.meta.audience or "",
        roles=tuple(RoleKey(r.id, r.name, r.label) for r in d.roles),
        at_a_glance=glance,
        sections=sections,
        sources=cite.refs(),
        takeaways=d.comparison.takeaways,
        charts=charts,
    )


def _at_a_glance(d: Dataset, cite: Citations) -> Table:
    cur = d.meta.currency
    roles = d.roles
    rows: list[tuple[str, ...]] = []

    def row(label: str, values: list[str | None], source: str | None) -> None:
        if any(values):
            rows.append((with_cite(label, cite(source)), *[v or "not in the data" for v in values]))

    if any(r.focus for r in roles):
        rows.append(("Focus", *[r.focus or "" for r in roles]))
    src = roles[0].salary.source
    period = roles[0].salary.period or ""
    row(
        f"Median annual pay{', ' + period if period else ''}",
        [money(r.salary.median, cur) for r in roles],
        src,
    )
    row(
        "Pay range, 10th–90th percentile",
        [
            f"{money(r.salary.p10, cur)}–{money(r.salary.p90, cur)}"
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
        f"Projected growth{', ' + o_period if o_period else ''}",
        [percent(o.growth_pct) if o and o.growth_pct is not None else None for o in outlooks],
        o_src,
    )
    row(
        "Openings per year",
        [
            count(o.openings_per_year) if o and o.openings_per_year is not None else None
            for o in outlooks
        ],
        o_src,
    )
    edus = [r.education for r in roles]
    row(
        "Typical entry-level education",
        [e.entry_level if e else None for e in edus],
        next((e.source for e in edus if e and e.source), None),
    )
    return Table(
        header=("", *[r.name for r in roles]),
        rows=tuple(rows),
        caption="At a glance",
        role_columns=tuple(r.id for r in roles),
    )


def _roles(d: Dataset) -> Section:
    blocks: list = []
    slides = []
    for r in d.roles:
        blocks.append(Callout(r.name, r.focus or "", ()))
        blocks.append(Paragraph(r.summary))
        if r.responsibilities:
            blocks.append(Bullets(tuple(Item(x) for x in r.responsibilities), title="Day to day"))
        if r.occupation:
            blocks.append(
                Paragraph(
                    f"Official statistics for this role: {r.occupation.title} "
                    f"(SOC {r.occupation.code}).",
                    style="small",
                )
            )
        slides.append(
            Slide(
                title=f"What {_article(r.label)} {lower_first(r.label)} does",
                bullets=r.responsibilities or (first_sentence(r.summary),),
                notes=" ".join(x for x in (r.focus and f"In one line: {r.focus}.", r.summary) if x),
            )
        )
    return Section("roles", "The roles", tuple(blocks), tuple(slides))


def _top_skills(r: Role, n: int = 3) -> list:
    return sorted(r.skills, key=lambda s: -s.weight)[:n]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _skills(d: Dataset) -> Section | None:
    if not any(r.skills or r.tools for r in d.roles):
        return None
    chart = chartspecs.skills(d)
    blocks: list = []
    if chart:
        blocks.append(Figure(chart))
    for r in d.roles:
        if r.skills:
            blocks.append(
                Bullets(
                    tuple(Item(s.detail or "", s.name) for s in r.skills), title=f"{r.name}: skills"
                )
            )
    tool_rows = tuple((r.name, ", ".join(r.tools)) for r in d.roles if r.tools)
    table = Table(("Role", "Tools"), tool_rows, caption="Tools") if tool_rows else None
    if table:
        blocks.append(table)
    slides = []
    if chart:
        top = [
            f"{r.label}: {join_words([lower_first(s.name) for s in _top_skills(r)])}"
            for r in d.roles
            if r.skills
        ]
        notes = "Strongest emphasis by role: " + "; ".join(top) + ". " + chart.note
        with_skills = tuple(r for r in d.roles if r.skills)
        # Two roles per slide: four small panels would be unreadable from the back of a room.
        pairs = [with_skills[i : i + 2] for i in range(0, len(with_skills), 2)]
        for n, pair in enumerate(pairs, 1):
            part = chartspecs.skills(d, pair, n) if len(pairs) > 1 else chart
            title = "Skills: where the emphasis lies"
            slides.append(
                Slide(
                    f"{title} ({n} of {len(pairs)})" if len(pairs) > 1 else title,
                    chart=part,
                    notes=notes,
                )
            )
    if table:
        slides.append(
            Slide(
                "Tools of the trade",
                table=table,
                notes="Tools named for each role: "
                + "; ".join(f"{r.label}: {', '.join(r.tools)}" for r in d.roles if r.tools)
                + ". Ask the group which of these they have already used.",
            )
        )
    return Section("skills", "Skills and tools", tuple(blocks), tuple(slides))


def _education(d: Dataset, cite: Citations) -> Section | None:
    edus = [r.education for r in d.roles]
    ladder = chartspecs.ladder(d)
    if not any(edus) and not ladder:
        return None
    blocks: list = []
    slides = []
    table = None
    if any(edus):
        src = next((e.source for e in edus if e and e.source), None)
        rows = []
        for label, key, s in (
            ("Typical entry-level education", "entry_level", src),
            ("Common background", "typical", None),
            ("To advance", "advanced", None),
        ):
            values = [getattr(e, key) if e else None for e in edus]
            if any(values):
                rows.append((with_cite(label, cite(s)), *[v or "—" for v in values]))
        table = Table(
            ("", *[r.name for r in d.roles]),
            tuple(rows),
            caption="Education",
            role_columns=tuple(r.id for r in d.roles),
        )
        blocks.append(table)
        slides.append(
            Slide(
                "Education: where people start",
                table=table,
                notes="; ".join(
                    f"{r.label}: {e.entry_level} is the typical entry-level education"
                    for r, e in zip(d.roles, edus, strict=True)
                    if e and e.entry_level
                )
                + ". "
                + cites_said(cite(src))
                + " Ask who in the room is studying now, and toward which role.",
            )
        )
    if ladder:
        blocks.append(Figure(ladder))
        for r in d.roles:
            if r.career_path:
                blocks.append(
                    Bullets(
                        tuple(
                            Item(
                                st.detail or "",
                                st.stage + (f" ({st.years} years)" if st.years else ""),
                            )
                            for st in r.career_path
                        ),
                        title=f"{r.name}: career path",
                        numbered=True,
                    )
                )
        slides.append(
            Slide(
                "Career paths, entry to senior",
                chart=ladder,
                notes=ladder.alt
                + " Ask: which step would you aim for in five years, and what would get you there?",
            )
        )
    return Section("education", "Education and career paths", tuple(blocks), tuple(slides))


def _generative_ai(d: Dataset) -> Section | None:
    have = [r for r in d.roles if r.generative_ai]
    if not have:
        return None
    blocks = tuple(Paragraph(r.generative_ai or "") for r in have)
    items = tuple(Item(r.generative_ai or "", r.name) for r in have)
    return (
        Section(
            "generative-ai",
            "How generative AI changes the work",
            (Bullets(items),),
            (
                Slide(
                    "Generative AI changes the work",
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
