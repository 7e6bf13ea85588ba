"""Which charts the facts call for, with their data, labels and alt text (pure)."""

from __future__ import annotations

from collections.abc import Callable

from ..data.facts import Dataset
from ..data.roles import Role
from .citations import reported_by
from .language import Language
from .model import ChartSpec, Cites, Datum, Panel

Cite = Callable[[str | None], Cites]


def _missing(d: Dataset, have: list[Role], key: str, t: Language) -> str:
    lacking = [r.label for r in d.roles if r not in have]
    return t(key, roles=", ".join(lacking)) if lacking else ""


def pay_range(d: Dataset, cite: Cite, t: Language) -> ChartSpec:
    data, words = [], []
    for r in d.roles:
        s = r.salary
        data.append(Datum(r.label, r.id, (s.p10, s.p25, s.median, s.p75, s.p90), t.money(s.median)))
        parts = [t("pay_alt_median", amount=t.money(s.median))]
        if s.p10 is not None:
            parts.append(t("pay_alt_p10", amount=t.money(s.p10)))
        if s.p90 is not None:
            parts.append(t("pay_alt_p90", amount=t.money(s.p90)))
        words.append(f"{r.label}: {', '.join(parts)}")
    periods = sorted({r.salary.period for r in d.roles if r.salary.period})
    when = {"period": periods[0]} if len(periods) == 1 else {}
    period = "_period" if when else ""
    cites = tuple(sorted({n for r in d.roles for n in cite(r.salary.source)}))
    return ChartSpec(
        id="pay-range",
        kind="pay_range",
        title=t(f"pay_chart_title{period}", **when),
        alt=t(f"pay_chart_alt{period}", values="; ".join(words), **when),
        panels=(Panel("", tuple(data)),),
        unit="money",
        note=_pay_key(d, t),
        deck_note=_pay_key(d, t, "_native"),
        cites=cites,
        numbers=t.numbers(),
    )


def _pay_key(d: Dataset, t: Language, native: str = "") -> str:
    """How to read the pay chart, naming only the marks it draws (`native`: "_native" for
    the deck's PowerPoint chart, whose marks are bars and a label)."""
    salaries = [r.salary for r in d.roles]
    key = []
    if any(s.p10 is not None and s.p90 is not None for s in salaries):
        key.append(t(f"pay_key_range{native}"))
    if any(s.p25 is not None and s.p75 is not None for s in salaries):
        key.append(t(f"pay_key_quartiles{native}"))
    return " ".join([*key, t(f"pay_key_median{native}")])


def pay_location(d: Dataset, cite: Cite, t: Language) -> ChartSpec | None:
    panels, words, cites = [], [], set()
    for r in d.roles:
        if not r.salary.by_location:
            continue
        levels = {loc.level for loc in r.salary.by_location}
        level = levels.pop() if len(levels) == 1 else None
        who = t("city_who", level=level, role=r.label) if level else r.label
        data = []
        for loc in r.salary.by_location:
            value = t.money(loc.value)
            data.append(Datum(loc.place, r.id, (loc.value,), value, loc.qualifier or ""))
            q = loc.qualifier
            said = t("city_qualified", qualifier=q, amount=value) if q else value
            words.append(t("city_alt_item", who=who, place=loc.place, amount=said))
            cites.update(cite(loc.source))
        panels.append(Panel(who, tuple(data)))
    if not panels:
        return None
    by = reported_by(d, {loc.source for r in d.roles for loc in r.salary.by_location}, t)
    if len(panels) == 1:
        title = t("city_chart_title", who=panels[0].title, by=by)
    else:  # each panel names its role
        title = t("city_title", by=by)
    return ChartSpec(
        id="pay-location",
        kind="pay_location",
        title=title,
        alt=t("city_chart_alt", by=by, values="; ".join(words)),
        panels=tuple(panels),
        unit="money",
        note=t("city_chart_note", by=by),
        cites=tuple(sorted(cites)),
        numbers=t.numbers(),
    )


def outlook(d: Dataset, cite: Cite, t: Language) -> ChartSpec | None:
    have = [r for r in d.roles if r.outlook and r.outlook.growth_pct is not None]
    have_open = [r for r in d.roles if r.outlook and r.outlook.openings_per_year is not None]
    if not have and not have_open:
        return None
    periods = sorted({r.outlook.period for r in have + have_open if r.outlook and r.outlook.period})
    when = {"period": periods[0]} if len(periods) == 1 else {}
    period = "_period" if when else ""
    growth = tuple(
        Datum(r.label, r.id, (r.outlook.growth_pct,), t.percent(r.outlook.growth_pct))
        for r in have
        if r.outlook and r.outlook.growth_pct is not None
    )
    openings = tuple(
        Datum(r.label, r.id, (r.outlook.openings_per_year,), t.count(r.outlook.openings_per_year))
        for r in have_open
        if r.outlook and r.outlook.openings_per_year is not None
    )
    alt = [t(f"outlook_alt{period}", **when)]
    if growth:
        alt.append(t("outlook_alt_growth", values=", ".join(f"{x.label} {x.text}" for x in growth)))
    if openings:
        said = ", ".join(f"{x.label} {x.text}" for x in openings)
        alt.append(t("outlook_alt_openings", values=said))
    cites = tuple(
        sorted({n for r in have + have_open if r.outlook for n in cite(r.outlook.source)})
    )
    missing = (
        _missing(d, have, "outlook_missing_growth", t),
        _missing(d, have_open, "outlook_missing_openings", t),
    )
    return ChartSpec(
        id="outlook",
        kind="outlook",
        title=t(f"outlook_title{period}", **when),
        alt=" ".join(alt),
        panels=(
            Panel(t("projected_growth"), growth),
            Panel(t("openings_per_year"), openings),
        ),
        unit="percent",
        note=" ".join(m for m in missing if m),
        cites=cites,
        numbers=t.numbers(),
    )


def freelance(d: Dataset, cite: Cite, t: Language) -> ChartSpec | None:
    have = [r for r in d.roles if r.freelance]
    if not have:
        return None
    by = reported_by(d, {r.freelance.source for r in have if r.freelance}, t)
    ranges = {
        r.id: t.money_range(r.freelance.hourly_low, r.freelance.hourly_high)
        for r in have
        if r.freelance
    }
    data = tuple(
        Datum(
            r.label,
            r.id,
            (r.freelance.hourly_low, r.freelance.hourly_high),
            t("per_hour_short", amount=ranges[r.id]),
        )
        for r in have
        if r.freelance
    )
    cites = tuple(sorted({n for r in have if r.freelance for n in cite(r.freelance.source)}))
    said = "; ".join(f"{r.label}: {t('per_hour', amount=ranges[r.id])}" for r in have)
    missing = _missing(d, have, "freelance_missing", t)
    return ChartSpec(
        id="freelance",
        kind="freelance",
        title=t("freelance_chart_title", by=by),
        alt=t("freelance_chart_alt", by=by, values=said),
        panels=(Panel("", data),),
        unit="money_hour",
        note=" ".join(m for m in (t("freelance_chart_note", by=by), missing) if m),
        cites=cites,
        numbers=t.numbers(),
    )


def skills(
    d: Dataset, t: Language, roles: tuple[Role, ...] | None = None, part: int = 0
) -> ChartSpec | None:
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
        title=t("skills_chart_title_part", part=part) if part else t("skills_chart_title"),
        alt=t("skills_chart_alt", values="; ".join(words)),
        panels=panels,
        unit="weight",
        axis=t("skills_axis"),
        note=t("skills_chart_note")
        + " "
        + ("" if roles else _missing(d, have, "skills_missing", t)),
        numbers=t.numbers(),
    )


def ladder(d: Dataset, t: Language) -> ChartSpec | None:
    have = [r for r in d.roles if r.career_path]
    if not have:
        return None
    panels = tuple(
        Panel(
            r.label,
            tuple(
                Datum(st.stage, r.id, (), detail=t("years", years=st.years) if st.years else "")
                for st in r.career_path
            ),
        )
        for r in have
    )
    words = [
        f"{r.label}: "
        + " → ".join(
            t("career_stage_years", stage=st.stage, years=st.years) if st.years else st.stage
            for st in r.career_path
        )
        for r in have
    ]
    return ChartSpec(
        id="ladder",
        kind="ladder",
        title=t("ladder_title"),
        alt=t("ladder_alt", values="; ".join(words)),
        panels=panels,
        note=_missing(d, have, "ladder_missing", t),
        numbers=t.numbers(),
    )
