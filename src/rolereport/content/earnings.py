"""The money sections: pay, job outlook and freelance rates, with their charts."""

from __future__ import annotations

from ..data.facts import Dataset
from ..text.formats import with_cite
from . import chartspecs
from .citations import Citations, reported_by
from .language import Language
from .model import Bullets, Figure, Item, Paragraph, Section, Slide, Table


def pay_section(d: Dataset, cite: Citations, t: Language) -> Section:
    rng = chartspecs.pay_range(d, cite, t)
    lines = []
    for r in d.roles:
        s = r.salary
        if s.p10 is not None and s.p90 is not None:
            part = t(
                "pay_item_range",
                median=t.money(s.median),
                p10=t.money(s.p10),
                p90=t.money(s.p90),
            )
        else:
            part = t("pay_item", median=t.money(s.median))
        lines.append(Item(part, r.name, cite(s.source)))
    spread = any(r.salary.p10 is not None or r.salary.p90 is not None for r in d.roles)
    blocks: list = [
        Paragraph(t("pay_explainer" if spread else "pay_explainer_median")),
        Bullets(tuple(lines), title=t("pay_annual")),
        Figure(rng),
    ]
    slides = [Slide(t("pay_slide_title"), chart=rng, notes=rng.alt + " " + t.cited(rng.cites))]
    loc = chartspecs.pay_location(d, cite, t)
    if loc:
        blocks.append(Figure(loc))
        blocks.append(_city_pay(d, cite, t))
        slides.append(
            Slide(
                t("city_slide_title"),
                chart=loc,
                notes=loc.alt + " " + loc.note + " " + t.cited(loc.cites),
            )
        )
    out = chartspecs.outlook(d, cite, t)
    if out:
        words: list[Item] = []
        for r in d.roles:
            o = r.outlook
            if o is None:
                continue
            growth = t.percent(o.growth_pct) if o.growth_pct is not None else None
            openings = t.count(o.openings_per_year) if o.openings_per_year is not None else None
            if growth and openings:
                said = t("outlook_growth_openings", growth=growth, openings=openings)
            elif growth:
                said = t("outlook_growth", growth=growth)
            elif openings:
                said = t("outlook_openings", openings=openings)
            else:
                continue
            when = f" ({o.period})" if o.period else ""
            words.append(Item(said, f"{r.name}{when}", cite(o.source)))
        blocks.append(Bullets(tuple(words), title=t("outlook_title")))
        blocks.append(Figure(out))
        rates = [r.outlook.growth_pct for r in d.roles if r.outlook]
        growing = rates and all(g is not None and g > 0 for g in rates)
        slides.append(
            Slide(
                t("outlook_growing") if growing else t("outlook_title"),
                chart=out,
                notes=out.alt + " " + t.cited(out.cites),
            )
        )
    return Section("pay", t("section_pay"), tuple(blocks), tuple(slides))


def freelance_section(d: Dataset, cite: Citations, t: Language) -> Section | None:
    chart = chartspecs.freelance(d, cite, t)
    if chart is None:
        return None
    have = [r for r in d.roles if r.freelance]
    blocks: list = [
        Paragraph(t("freelance_explainer")),
        Figure(chart),
        Bullets(
            tuple(
                Item(
                    t(
                        "freelance_hourly",
                        low=t.money(r.freelance.hourly_low),
                        high=t.money(r.freelance.hourly_high),
                    ),
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
                    title=t("freelance_projects_of_role", role=r.name),
                    role=r.id,
                )
            )
    notes = chart.alt + " " + t.cited(chart.cites)
    slides = [Slide(t("freelance_slide_title"), chart=chart, notes=notes)]
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
                t("freelance_projects_slide_title"),
                table=Table(
                    tuple(r.name for r in proj), rows, role_columns=tuple(r.id for r in proj)
                ),
                notes=" ".join(  # each project cited as the handout cites it
                    f"{r.label}: "
                    + "; ".join(
                        with_cite(f"{p.title}: {(p.detail or '').rstrip('.')}", cite(p.source))
                        for p in r.freelance.projects
                    )
                    + "."
                    for r in proj
                    if r.freelance
                ),
            )
        )
    return Section("freelance", t("section_freelance"), tuple(blocks), tuple(slides))


def _city_pay(d: Dataset, cite: Citations, t: Language) -> Bullets:
    """The city figures in words too: a chart alone hides them from text and screen readers."""
    items = []
    for r in d.roles:
        for loc in r.salary.by_location:
            who = t("city_who", level=loc.level, role=r.label) if loc.level else r.label
            value = t.money(loc.value)
            said = (
                t("city_qualified", qualifier=loc.qualifier, amount=value)
                if loc.qualifier
                else value
            )
            items.append(Item(t("city_item", who=who, amount=said), loc.place, cite(loc.source)))
    by = reported_by(d, {loc.source for r in d.roles for loc in r.salary.by_location}, t)
    return Bullets(tuple(items), title=t("city_title", by=by))
