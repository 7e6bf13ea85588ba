"""Which charts the facts call for, with their data, labels and alt text (pure)."""

from __future__ import annotations

from collections.abc import Callable

from .citations import reported_by
from .facts import Dataset, Role
from .formats import count, currency_symbol, lower_first, money, percent
from .model import ChartSpec, Cites, Datum, Panel

Cite = Callable[[str | None], Cites]


def _names(roles: list[Role]) -> str:
    return " and ".join(r.label for r in roles)


def _missing(d: Dataset, have: list[Role], what: str) -> str:
    lacking = [r.label for r in d.roles if r not in have]
    return f"No {what} for {', '.join(lacking)} in the data." if lacking else ""


def pay_range(d: Dataset, cite: Cite) -> ChartSpec:
    cur = d.meta.currency
    data, words = [], []
    for r in d.roles:
        s = r.salary
        data.append(
            Datum(r.label, r.id, (s.p10, s.p25, s.median, s.p75, s.p90), money(s.median, cur))
        )
        parts = [f"median {money(s.median, cur)}"]
        if s.p10 is not None:
            parts.append(f"10th percentile {money(s.p10, cur)}")
        if s.p90 is not None:
            parts.append(f"90th percentile {money(s.p90, cur)}")
        words.append(f"{r.label}: {', '.join(parts)}")
    periods = sorted({r.salary.period for r in d.roles if r.salary.period})
    when = f", {periods[0]}" if len(periods) == 1 else ""
    cites = tuple(sorted({n for r in d.roles for n in cite(r.salary.source)}))
    return ChartSpec(
        id="pay-range",
        kind="pay_range",
        title=f"Annual pay range{when}",
        alt=f"Range chart of annual pay{when}, 10th to 90th percentile with the median marked. "
        + "; ".join(words)
        + ".",
        panels=(Panel("", tuple(data)),),
        unit="money",
        currency_symbol=currency_symbol(cur),
        note=_pay_key(d),
        cites=cites,
    )


def _pay_key(d: Dataset) -> str:
    """How to read the pay chart, naming only the marks it draws."""
    salaries = [r.salary for r in d.roles]
    key = []
    if any(s.p10 is not None and s.p90 is not None for s in salaries):
        key.append("Thin line: 10th to 90th percentile.")
    if any(s.p25 is not None and s.p75 is not None for s in salaries):
        key.append("Thick bar: 25th to 75th.")
    return " ".join([*key, "Dot: median."])


def pay_location(d: Dataset, cite: Cite) -> ChartSpec | None:
    cur = d.meta.currency
    panels, words, cites = [], [], set()
    for r in d.roles:
        if not r.salary.by_location:
            continue
        levels = {loc.level for loc in r.salary.by_location}
        level = levels.pop() if len(levels) == 1 else None
        who = f"{level} {lower_first(r.label)}" if level else r.label
        data = []
        for loc in r.salary.by_location:
            value = money(loc.value, cur)
            data.append(Datum(loc.place, r.id, (loc.value,), value, loc.qualifier or ""))
            said = f"{loc.qualifier} {value}" if loc.qualifier else value
            words.append(f"{who} in {loc.place}: {said}")
            cites.update(cite(loc.source))
        panels.append(Panel(who, tuple(data)))
    if not panels:
        return None
    who = panels[0].title if len(panels) == 1 else "Pay"
    by = reported_by(d, {loc.source for r in d.roles for loc in r.salary.by_location})
    return ChartSpec(
        id="pay-location",
        kind="pay_location",
        title=f"{who} pay by city, as reported by {by}",
        alt=f"Bar chart of annual pay by city, as reported by {by}. " + "; ".join(words) + ".",
        panels=tuple(panels),
        unit="money",
        currency_symbol=currency_symbol(cur),
        note=f"Figures as quoted by {by}; see the data notes.",
        cites=tuple(sorted(cites)),
    )


def outlook(d: Dataset, cite: Cite) -> ChartSpec | None:
    have = [r for r in d.roles if r.outlook and r.outlook.growth_pct is not None]
    have_open = [r for r in d.roles if r.outlook and r.outlook.openings_per_year is not None]
    if not have and not have_open:
        return None
    periods = sorted({r.outlook.period for r in have + have_open if r.outlook and r.outlook.period})
    when = f", {periods[0]}" if len(periods) == 1 else ""
    growth = tuple(
        Datum(r.label, r.id, (r.outlook.growth_pct,), percent(r.outlook.growth_pct))
        for r in have
        if r.outlook and r.outlook.growth_pct is not None
    )
    openings = tuple(
        Datum(r.label, r.id, (r.outlook.openings_per_year,), count(r.outlook.openings_per_year))
        for r in have_open
        if r.outlook and r.outlook.openings_per_year is not None
    )
    words = [f"{x.label} {x.text}" for x in growth]
    words2 = [f"{x.label} {x.text}" for x in openings]
    alt = f"Two bar charts of the job outlook{when}. "
    if growth:
        alt += f"Projected employment growth: {', '.join(words)}. "
    if openings:
        alt += f"Openings per year: {', '.join(words2)}."
    cites = tuple(
        sorted({n for r in have + have_open if r.outlook for n in cite(r.outlook.source)})
    )
    note = " ".join(
        m
        for m in (_missing(d, have, "growth figure"), _missing(d, have_open, "openings figure"))
        if m
    )
    return ChartSpec(
        id="outlook",
        kind="outlook",
        title=f"Job outlook{when}",
        alt=alt.strip(),
        panels=(Panel("Projected growth", growth), Panel("Openings per year", openings)),
        unit="percent",
        note=note,
        cites=cites,
    )


def freelance(d: Dataset, cite: Cite) -> ChartSpec | None:
    have = [r for r in d.roles if r.freelance]
    if not have:
        return None
    sym = currency_symbol(d.meta.currency)
    by = reported_by(d, {r.freelance.source for r in have if r.freelance})
    data = tuple(
        Datum(
            r.label,
            r.id,
            (r.freelance.hourly_low, r.freelance.hourly_high),
            f"{sym}{r.freelance.hourly_low:,.0f}–{sym}{r.freelance.hourly_high:,.0f}/h",
        )
        for r in have
        if r.freelance
    )
    cites = tuple(sorted({n for r in have if r.freelance for n in cite(r.freelance.source)}))
    missing = _missing(d, have, "freelance rate")
    return ChartSpec(
        id="freelance",
        kind="freelance",
        title=f"Freelance hourly rates, as reported by {by}",
        alt=f"Range chart of freelance hourly rates as reported by {by}. "
        + "; ".join(f"{x.label}: {x.text.replace('/h', ' an hour')}" for x in data)
        + ".",
        panels=(Panel("", data),),
        unit="money_hour",
        currency_symbol=sym,
        note=" ".join(m for m in (f"Rates as quoted by {by}.", missing) if m),
        cites=cites,
    )


def skills(d: Dataset, roles: tuple[Role, ...] | None = None, part: int = 0) -> ChartSpec | None:
    """The skills chart; `roles` and `part` make one of several smaller charts for slides."""
    have = [r for r in (roles or d.roles) if r.skills]
    if not have:
        return None
    panels = tuple(
        Panel(
            r.label, tuple(Datum(s.name, r.id, (float(s.weight),), str(s.weight)) for s in r.skills)
        )
        for r in have
    )
    words = [f"{r.label}: " + ", ".join(f"{s.name} {s.weight}" for s in r.skills) for r in have]
    return ChartSpec(
        id=f"skills-{part}" if part else "skills",
        kind="skills",
        title="Skills profile (editorial weights, 1–5)" + (f", part {part}" if part else ""),
        alt="Bar charts of the skills each role needs, weighted 1 to 5 by the handout's authors. "
        + "; ".join(words)
        + ".",
        panels=panels,
        unit="weight",
        note="Weights are the dataset authors' judgement of importance, not measured data. "
        + ("" if roles else _missing(d, have, "skills list")),
    )


def ladder(d: Dataset) -> ChartSpec | None:
    have = [r for r in d.roles if r.career_path]
    if not have:
        return None
    panels = tuple(
        Panel(
            r.label,
            tuple(
                Datum(st.stage, r.id, (), detail=f"{st.years} years" if st.years else "")
                for st in r.career_path
            ),
        )
        for r in have
    )
    words = [
        f"{r.label}: "
        + " → ".join(
            f"{st.stage} ({st.years} years)" if st.years else st.stage for st in r.career_path
        )
        for r in have
    ]
    return ChartSpec(
        id="ladder",
        kind="ladder",
        title="Career ladder, entry to senior",
        alt="Diagram of typical career steps, from entry level to senior. "
        + "; ".join(words)
        + ".",
        panels=panels,
        note=_missing(d, have, "career path"),
    )


def all_roles(d: Dataset) -> str:
    return _names(list(d.roles))
