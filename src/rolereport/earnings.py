"""The money sections: pay, job outlook and freelance rates, with their charts."""

from __future__ import annotations

from . import chartspecs
from .citations import Citations, cites_said, reported_by
from .facts import Dataset
from .formats import count, join_words, lower_first, money, percent
from .model import Bullets, Figure, Item, Paragraph, Section, Slide, Table


def pay_section(d: Dataset, cite: Citations) -> Section:
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
            "a tenth earn less than the 10th percentile and a tenth more than the 90th."
        ),
        Bullets(tuple(lines), title="Annual pay"),
        Figure(rng),
    ]
    slides = [Slide("What the roles pay", chart=rng, notes=rng.alt + " " + cites_said(rng.cites))]
    loc = chartspecs.pay_location(d, cite)
    if loc:
        blocks.append(Figure(loc))
        blocks.append(_city_pay(d, cite))
        slides.append(
            Slide(
                "Pay varies with location",
                chart=loc,
                notes=loc.alt + " " + loc.note + " " + cites_said(loc.cites),
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
                words.append(Item(join_words(facts), f"{r.name}{when}", cite(o.source)))
        blocks.append(Bullets(tuple(words), title="Job outlook"))
        blocks.append(Figure(out))
        growth = [r.outlook.growth_pct for r in d.roles if r.outlook]
        growing = growth and all(g is not None and g > 0 for g in growth)
        slides.append(
            Slide(
                "Demand is growing" if growing else "Job outlook",
                chart=out,
                notes=out.alt + " " + cites_said(out.cites),
            )
        )
    return Section("pay", "Pay and outlook", tuple(blocks), tuple(slides))


def freelance_section(d: Dataset, cite: Citations) -> Section | None:
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
        Bullets(
            tuple(
                Item(
                    _hourly(d, r.freelance.hourly_low, r.freelance.hourly_high),
                    r.name,
                    cite(r.freelance.source),
                )
                for r in have
                if r.freelance
            ),
            title=chart.title,
        ),
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
    slides = [Slide("Freelance work", chart=chart, notes=chart.alt + " " + cites_said(chart.cites))]
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


def _hourly(d: Dataset, low: float, high: float) -> str:
    return f"{money(low, d.meta.currency)} to {money(high, d.meta.currency)} an hour"


def _city_pay(d: Dataset, cite: Citations) -> Bullets:
    """The city figures in words too: a chart alone hides them from text and screen readers."""
    items = []
    for r in d.roles:
        for loc in r.salary.by_location:
            level = f"{loc.level} {lower_first(r.label)}" if loc.level else r.label
            value = money(loc.value, d.meta.currency)
            said = f"{loc.qualifier} {value}" if loc.qualifier else value
            items.append(Item(f"{level}, {said} a year", loc.place, cite(loc.source)))
    by = reported_by(d, {loc.source for r in d.roles for loc in r.salary.by_location})
    return Bullets(tuple(items), title=f"Pay by city, as reported by {by}")
