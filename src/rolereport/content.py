"""Facts → Report: every editorial decision (order, wording, charts, citations, speaker notes)."""

from __future__ import annotations

import re

from . import chartspecs
from .facts import Dataset, Role
from .formats import count, iso_date, lower_first, money, percent, vintage, with_cite
from .model import (
    Bullets,
    Callout,
    Checklist,
    Cites,
    Figure,
    Item,
    Paragraph,
    Report,
    RoleKey,
    Section,
    Slide,
    SourceList,
    SourceRef,
    Table,
)

MAX_SLIDE_BULLETS = 6


class _Citations:
    """Numbers sources in the order the documents first cite them."""

    def __init__(self, d: Dataset) -> None:
        self.d = d
        self.order: list[str] = []

    def __call__(self, source_id: str | None) -> Cites:
        if source_id is None:
            return ()
        if source_id not in self.order:
            self.order.append(source_id)
        return (self.order.index(source_id) + 1,)

    def refs(self) -> tuple[SourceRef, ...]:
        for s in self.d.sources:  # sources never cited still close the list
            self(s.id)
        by_id = {s.id: s for s in self.d.sources}
        return tuple(
            SourceRef(
                i + 1,
                sid,
                by_id[sid].title,
                by_id[sid].publisher or "",
                by_id[sid].url or "",
                by_id[sid].year,
            )
            for i, sid in enumerate(self.order)
        )


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def build_report(d: Dataset) -> Report:
    """The whole Report for a dataset. Pure: the same dataset gives the same Report."""
    cite = _Citations(d)
    glance = _at_a_glance(d, cite)
    sections = tuple(
        s
        for s in (
            _roles(d),
            _skills(d),
            _pay(d, cite),
            _education(d, cite),
            _generative_ai(d),
            _collaboration(d),
            _freelance(d, cite),
            _differences(d),
            _self_assessment(d),
            _sources(d, cite),
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


def _at_a_glance(d: Dataset, cite: _Citations) -> Table:
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
                bullets=r.responsibilities or (_first_sentence(r.summary),),
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
    table = (
        Table(("Role", "Tools the article names"), tool_rows, caption="Tools")
        if tool_rows
        else None
    )
    if table:
        blocks.append(table)
    slides = []
    if chart:
        top = [
            f"{r.label}: {_join([lower_first(s.name) for s in _top_skills(r)])}"
            for r in d.roles
            if r.skills
        ]
        slides.append(
            Slide(
                "Skills: where the emphasis lies",
                chart=chart,
                notes="Strongest emphasis by role: " + "; ".join(top) + ". " + chart.note,
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


def _pay(d: Dataset, cite: _Citations) -> Section:
    cur = d.meta.currency
    rng = chartspecs.pay_range(d, cite)
    lines = []
    for r in d.roles:
        s = r.salary
        part = f"median {money(s.median, cur)}"
        if s.p10 is not None and s.p90 is not None:
            part += f"; 10th to 90th percentile {money(s.p10, cur)} to {money(s.p90, cur)}"
        lines.append(Item(part, r.name, cite(s.source)))
    blocks: list = [
        Paragraph(
            "Half of the workers in each occupation earn more than the median and half earn less; "
            "the 10th and 90th percentiles show the spread from early-career to top earners."
        ),
        Bullets(tuple(lines), title="Annual pay"),
        Figure(rng),
    ]
    slides = [Slide("What the roles pay", chart=rng, notes=rng.alt + " " + _cites_said(rng.cites))]
    loc = chartspecs.pay_location(d, cite)
    if loc:
        blocks.append(Figure(loc))
        slides.append(
            Slide(
                "Pay varies with location",
                chart=loc,
                notes=loc.alt + " " + loc.note + " " + _cites_said(loc.cites),
            )
        )
    out = chartspecs.outlook(d, cite)
    if out:
        words: list[Item] = []
        for r in d.roles:
            o = r.outlook
            if o is None:
                continue
            facts = []
            if o.growth_pct is not None:
                facts.append(f"employment projected to grow {percent(o.growth_pct)}")
            if o.openings_per_year is not None:
                facts.append(f"about {count(o.openings_per_year)} openings a year")
            if facts:
                when = f" ({o.period})" if o.period else ""
                words.append(Item(_join(facts), f"{r.name}{when}", cite(o.source)))
        blocks.append(Bullets(tuple(words), title="Job outlook"))
        blocks.append(Figure(out))
        growth = [r.outlook.growth_pct for r in d.roles if r.outlook]
        growing = growth and all(g is not None and g > 0 for g in growth)
        slides.append(
            Slide(
                "Demand is growing" if growing else "Job outlook",
                chart=out,
                notes=out.alt + " " + _cites_said(out.cites),
            )
        )
    return Section("pay", "Pay and outlook", tuple(blocks), tuple(slides))


def _cites_said(cites: Cites) -> str:
    if not cites:
        return ""
    plural = "s" if len(cites) > 1 else ""
    return f"Source{plural}: {', '.join(f'[{n}]' for n in cites)} in the sources list."


def _education(d: Dataset, cite: _Citations) -> Section | None:
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
                + _cites_said(cite(src))
                + " Degrees open doors; the article stresses that staying current matters too.",
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
                        f"{r.label}: {_first_sentence(r.generative_ai or '')}" for r in have
                    ),
                    notes=" ".join(f"{r.label}: {r.generative_ai}" for r in have),
                ),
            ),
        )
        if blocks
        else None
    )


def _collaboration(d: Dataset) -> Section | None:
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


def _freelance(d: Dataset, cite: _Citations) -> Section | None:
    chart = chartspecs.freelance(d, cite)
    if chart is None:
        return None
    have = [r for r in d.roles if r.freelance]
    blocks: list = [
        Paragraph(
            "Freelance rates depend on experience, specialism and the platform; "
            "treat these marketplace figures as indications.",
        ),
        Figure(chart),
    ]
    for r in have:
        if r.freelance and r.freelance.projects:
            blocks.append(
                Bullets(
                    tuple(
                        Item(p.detail or "", p.title, cite(p.source)) for p in r.freelance.projects
                    ),
                    title=f"Typical freelance projects: {r.name}",
                )
            )
    slides = [
        Slide("Freelance work", chart=chart, notes=chart.alt + " " + _cites_said(chart.cites))
    ]
    proj = [r for r in have if r.freelance and r.freelance.projects]
    if proj:
        depth = max(len(r.freelance.projects) for r in proj if r.freelance)
        rows = tuple(
            tuple(
                r.freelance.projects[i].title
                if r.freelance and i < len(r.freelance.projects)
                else ""
                for r in proj
            )
            for i in range(depth)
        )
        slides.append(
            Slide(
                "Typical freelance projects",
                table=Table(
                    tuple(r.name for r in proj), rows, role_columns=tuple(r.id for r in proj)
                ),
                notes=" ".join(
                    f"{r.label}: "
                    + "; ".join(f"{p.title}: {p.detail or ''}" for p in r.freelance.projects)
                    for r in proj
                    if r.freelance
                ),
            )
        )
    return Section("freelance", "Freelance work", tuple(blocks), tuple(slides))


def _differences(d: Dataset) -> Section | None:
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


def _self_assessment(d: Dataset) -> Section | None:
    c = d.comparison
    if not c.self_assessment and not c.discussion_questions:
        return None
    blocks: list = []
    slides = []
    if c.self_assessment:
        items = tuple(Item(s.statement, s.leans) for s in c.self_assessment)
        keys = []
        for r in d.roles:
            nums = [str(i + 1) for i, s in enumerate(c.self_assessment) if s.leans == r.id]
            if nums:
                keys.append(f"{r.name}: statements {', '.join(nums)}")
        blocks.append(
            Checklist(
                items,
                "Tick every statement that sounds like you. Go with your first reaction.",
                "Scoring: count your ticks for each role. "
                + "; ".join(keys)
                + ". More ticks for a role show where your interests lie today,"
                " not where you must go.",
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


def _sources(d: Dataset, cite: _Citations) -> Section:
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
