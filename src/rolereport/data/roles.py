"""One role's facts: occupation, skills, education, pay, outlook, freelance work, career path."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..text.labels import Name as LabelName
from .types import Amount, FactModel, Ident, Item, Label, Line, Name, Number, Para, SourceRef


class Occupation(FactModel):
    """The official occupation whose statistics stand for the role."""

    code: Label
    """Occupation code, e.g. SOC "15-1221" (quote it)."""
    title: Line
    """Official occupation title."""


class Skill(FactModel):
    """A skill the role needs."""

    name: Name
    """Short name (chart label)."""
    detail: Item | None = None
    """One sentence on what the skill involves."""
    weight: Annotated[int, Field(ge=1, le=5)] = 3
    """Editorial importance from 1 to 5 (shown in the skills chart)."""


class Education(FactModel):
    """How people enter the role."""

    entry_level: Line | None = None
    """Typical entry-level education, e.g. the BLS category."""
    typical: Line | None = None
    """Common degree or background."""
    advanced: Line | None = None
    """What helps to advance."""
    source: SourceRef | None = None
    """Source of the entry-level education."""


class LocationPay(FactModel):
    """Pay quoted for one place."""

    place: Name
    """City or region."""
    value: Amount
    """Annual pay there."""
    qualifier: Label | None = None
    """How the source qualifies the figure, e.g. "well over"."""
    level: Label | None = None
    """Seniority the figure is for, e.g. Lead."""
    source: SourceRef
    """Source of this figure."""


class Salary(FactModel):
    """Annual pay in meta.currency."""

    source: SourceRef
    """Source of the percentiles."""
    period: Label | None = None
    """When the figures were measured, e.g. May 2023."""
    p10: Amount | None = None
    """10th percentile."""
    p25: Amount | None = None
    """25th percentile."""
    median: Amount
    """Median (50th percentile)."""
    p75: Amount | None = None
    """75th percentile."""
    p90: Amount | None = None
    """90th percentile."""
    by_location: Annotated[tuple[LocationPay, ...], Field(max_length=8)] = ()
    """Pay quoted for places (each with its own source)."""


class Outlook(FactModel):
    """Projected demand."""

    source: SourceRef
    """Source of the projections."""
    period: Label | None = None
    """Projection period, e.g. "2023–2033"."""
    growth_pct: Number | None = None
    """Projected employment change in percent (may be negative)."""
    openings_per_year: Amount | None = None
    """Projected openings a year."""


class Project(FactModel):
    """A typical freelance project."""

    title: Name
    """Short title."""
    detail: Item | None = None
    """One sentence on the work."""
    source: SourceRef | None = None
    """Source of this project description."""


class Freelance(FactModel):
    """Freelance work and rates."""

    source: SourceRef
    """Source of the hourly rates."""
    hourly_low: Amount
    """Low end of the hourly rate."""
    hourly_high: Amount
    """High end of the hourly rate."""
    projects: Annotated[tuple[Project, ...], Field(max_length=8)] = ()
    """Typical projects."""


class CareerStage(FactModel):
    """One step of the career path."""

    stage: Name
    """Title of the step."""
    years: Label | None = None
    """Typical years of experience, e.g. "3–7" (quote it)."""
    detail: Item | None = None
    """What the step involves."""


class Role(FactModel):
    """One of the 2 to 4 roles compared."""

    id: Ident
    """Short id that `leans:` and `role:` keys refer to, e.g. data-scientist."""
    name: Name
    """Full name, e.g. Data Scientist."""
    short_name: Label | None = None
    """Shorter name for chart labels."""
    article: Literal["a", "an"] | None = None
    """The English article said before the role's label (short_name, or name without one),
    as in "What an RN does". Set it only when rolereport's choice is wrong: it goes by sound
    ("an RN", "an MBA", "a UX designer", "an hour", "a university") and reads "SQL" letter
    by letter ("an SQL developer"; write `a` for "a sequel developer")."""
    occupation: Occupation | None = None
    """Official occupation used for the statistics."""
    focus: Line | None = None
    """The role in one line."""
    summary: Para
    """One paragraph: what the role is."""
    responsibilities: Annotated[tuple[Item, ...], Field(max_length=8)] = ()
    """What the role does day to day."""
    skills: Annotated[tuple[Skill, ...], Field(max_length=10)] = ()
    """Skills with details and weights."""
    tools: Annotated[tuple[Label, ...], Field(max_length=15)] = ()
    """Tools and technologies."""
    education: Education | None = None
    """Education."""
    salary: Salary
    """Annual pay."""
    outlook: Outlook | None = None
    """Job outlook."""
    freelance: Freelance | None = None
    """Freelance rates and projects."""
    career_path: Annotated[tuple[CareerStage, ...], Field(max_length=6)] = ()
    """Career steps, entry to senior."""
    generative_ai: Para | None = None
    """How generative AI changes the role."""

    @property
    def label(self) -> str:
        """The name charts and tables use, carrying the role's `article` for `{role:a}`."""
        return LabelName(self.short_name or self.name, self.article)
