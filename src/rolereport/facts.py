"""The data file: its typed model and its validation (the only code that knows the YAML keys)."""

from __future__ import annotations

import difflib
import itertools
import math
import re
import unicodedata
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from . import labels
from .errors import DataError, Problem
from .formats import locale_of
from .problems import kind_of, model_in, problems
from .yamlfile import read_yaml

FORMAT = "rolereport/1"
DEFAULT_DATASET = "ai-engineer-vs-data-scientist"

# Characters XML (and so PDF text and PPTX) cannot hold: C0 controls but tab/newline, and
# the non-characters U+FFFE/U+FFFF. Lone surrogates are caught when the file is decoded.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[\s\u00a0\u2028\u2029]+")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError(f"expected text, got a yes/no value ({value}): quote it")
    if isinstance(value, (int, float, date)):
        raise ValueError(
            f"expected text, got {value!r} (YAML read it as a number or date): quote it"
        )
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {kind_of(value)}")
    bad = _BAD_CHARS.search(value.replace("\x0c", " "))
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, which documents cannot "
            "hold: delete it (it often comes from pasting out of Word or a PDF)"
        )
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", value.replace("\x0c", " "))).strip()
    if not value:
        raise ValueError("is empty: write some text or remove the key")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {value!r}: write digits only, e.g. 145080")
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {value}")
    return value


def _not_negative(value: float) -> float:
    if value < 0:
        raise ValueError(f"must not be negative; got {value:g}")
    return value


def _as_of(value: Any) -> Any:
    return value.isoformat()[:7] if isinstance(value, date) else value


def _locale(value: str) -> str:
    try:
        return str(locale_of(value))
    except ValueError:
        raise ValueError(
            f"unknown locale '{value}': write a language and region such as en_US or de_DE"
        ) from None


Text = Annotated[str, BeforeValidator(_text)]
# Length limits keep every text within what a slide and a handout page can show.
Label = Annotated[Text, Field(max_length=40)]
Name = Annotated[Text, Field(max_length=80)]
Line = Annotated[Text, Field(max_length=160)]
Item = Annotated[Text, Field(max_length=220)]
Para = Annotated[Text, Field(max_length=900)]
Number = Annotated[float, BeforeValidator(_number)]
Amount = Annotated[float, BeforeValidator(_number), AfterValidator(_not_negative)]
Ident = Annotated[
    str,
    BeforeValidator(_text),
    Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Source(_Model):
    """A publication that figures cite by its id."""

    id: Ident
    """Short id that `source:` keys refer to, e.g. bls-oews-2023."""
    title: Text
    """Title of the publication or table."""
    publisher: Name | None = None
    """Who publishes it, e.g. U.S. Bureau of Labor Statistics."""
    url: Line | None = None
    """Web address shown as a link in the sources list."""
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    """Year of publication."""


class Meta(_Model):
    """What the documents are about."""

    title: Name
    """Title of the handout and the deck."""
    subtitle: Line | None = None
    """Line under the title."""
    slug: Ident | None = None
    """File-name stem of the outputs; default: derived from the title."""
    summary: Para
    """One paragraph introducing the comparison (first page)."""
    as_of: Annotated[Label, BeforeValidator(_as_of)]
    """Data vintage shown on every page and slide, e.g. "2023-05" (quote it)."""
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    """ISO 4217 code of all pay figures."""
    locale: Annotated[Label, AfterValidator(_locale)] | None = None
    """Language and region, e.g. en_US or de_DE: formats numbers and dates, picks the wording."""
    audience: Line | None = None
    """Who the documents are for (first page and title slide)."""


class Occupation(_Model):
    """The official occupation whose statistics stand for the role."""

    code: Label
    """Occupation code, e.g. SOC "15-1221" (quote it)."""
    title: Line
    """Official occupation title."""


class Skill(_Model):
    """A skill the role needs."""

    name: Name
    """Short name (chart label)."""
    detail: Item | None = None
    """One sentence on what the skill involves."""
    weight: Annotated[int, Field(ge=1, le=5)] = 3
    """Editorial importance from 1 to 5 (shown in the skills chart)."""


class Education(_Model):
    """How people enter the role."""

    entry_level: Line | None = None
    """Typical entry-level education, e.g. the BLS category."""
    typical: Line | None = None
    """Common degree or background."""
    advanced: Line | None = None
    """What helps to advance."""
    source: Ident | None = None
    """Source of the entry-level education."""


class LocationPay(_Model):
    """Pay quoted for one place."""

    place: Name
    """City or region."""
    value: Amount
    """Annual pay there."""
    qualifier: Label | None = None
    """How the source qualifies the figure, e.g. "well over"."""
    level: Label | None = None
    """Seniority the figure is for, e.g. Lead."""
    source: Ident
    """Source of this figure."""


class Salary(_Model):
    """Annual pay in meta.currency."""

    source: Ident
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


class Outlook(_Model):
    """Projected demand."""

    source: Ident
    """Source of the projections."""
    period: Label | None = None
    """Projection period, e.g. "2023–2033"."""
    growth_pct: Number | None = None
    """Projected employment change in percent (may be negative)."""
    openings_per_year: Amount | None = None
    """Projected openings a year."""


class Project(_Model):
    """A typical freelance project."""

    title: Name
    """Short title."""
    detail: Item | None = None
    """One sentence on the work."""
    source: Ident | None = None
    """Source of this project description."""


class Freelance(_Model):
    """Freelance work and rates."""

    source: Ident
    """Source of the hourly rates."""
    hourly_low: Amount
    """Low end of the hourly rate."""
    hourly_high: Amount
    """High end of the hourly rate."""
    projects: Annotated[tuple[Project, ...], Field(max_length=8)] = ()
    """Typical projects."""


class CareerStage(_Model):
    """One step of the career path."""

    stage: Name
    """Title of the step."""
    years: Label | None = None
    """Typical years of experience, e.g. "3–7" (quote it)."""
    detail: Item | None = None
    """What the step involves."""


class Role(_Model):
    """One of the 2 to 4 roles compared."""

    id: Ident
    """Short id that `leans:` and `role:` keys refer to, e.g. data-scientist."""
    name: Name
    """Full name, e.g. Data Scientist."""
    short_name: Label | None = None
    """Shorter name for chart labels."""
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
        """The name charts and tables use."""
        return self.short_name or self.name


class CollabStep(_Model):
    """One step of a shared workflow."""

    role: Ident
    """Id of the role that does it."""
    action: Item
    """What they do."""


class Collaboration(_Model):
    """How the roles work together."""

    summary: Para | None = None
    """One paragraph."""
    steps: Annotated[tuple[CollabStep, ...], Field(max_length=8)] = ()
    """A typical workflow, in order."""
    example: Para | None = None
    """A concrete example."""


class Statement(_Model):
    """A self-assessment statement."""

    statement: Item
    """First-person statement, e.g. "I like ..."."""
    leans: Ident
    """Id of the role the statement points to."""


class Comparison(_Model):
    """What the documents say across the roles."""

    key_differences: Annotated[tuple[Item, ...], Field(max_length=8)] = ()
    """Key differences, one line each."""
    collaboration: Collaboration | None = None
    """How the roles collaborate."""
    takeaways: Annotated[tuple[Item, ...], Field(max_length=8)] = ()
    """Closing takeaways."""
    discussion_questions: Annotated[tuple[Item, ...], Field(max_length=10)] = ()
    """Questions for workshop discussion."""
    self_assessment: Annotated[tuple[Statement, ...], Field(max_length=16)] = ()
    """Statements for the self-assessment worksheet."""


class Note(_Model):
    """A caveat about the data, shown with the sources."""

    text: Para
    """The note."""
    source: Ident | None = None
    """Source the note refers to."""


class Dataset(_Model):
    """A rolereport data file (format rolereport/1). Build with `load_dataset`."""

    format: Literal["rolereport/1"] = FORMAT
    """Format version."""
    meta: Meta
    """Title, summary and vintage."""
    roles: Annotated[tuple[Role, ...], Field(min_length=2, max_length=4)]
    """The roles compared, 2 to 4."""
    comparison: Comparison = Comparison()
    """Cross-role content."""
    notes: Annotated[tuple[Note, ...], Field(max_length=10)] = ()
    """Data caveats."""
    sources: Annotated[tuple[Source, ...], Field(min_length=1, max_length=20)]
    """Every source cited, with id and title."""
    labels: dict[Annotated[str, Field(max_length=60)], Para] = Field(
        default_factory=dict, max_length=300
    )
    """Replacements for the fixed wording the documents add (headings, notes), key by key."""

    @property
    def slug(self) -> str:
        return self.meta.slug or slugify(self.meta.title)

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)


def slugify(title: str) -> str:
    """`AI Engineer vs. Data Scientist` → `ai-engineer-vs-data-scientist`."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "report"


def packaged_datasets() -> dict[str, Path]:
    """The datasets that ship with rolereport, by name."""
    folder = resources.files("rolereport") / "datasets"
    return {Path(p.name).stem: Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yml")}


def resolve_dataset(name_or_path: str | Path | None) -> Path:
    """A data file path, or the file of a packaged dataset of that name."""
    if name_or_path is None:
        name_or_path = DEFAULT_DATASET
    path = Path(name_or_path)
    if path.suffix.lower() in (".yml", ".yaml") or path.exists():
        if not path.is_file():
            raise DataError.at(path, "", "no such file: check the path")
        return path
    packaged = packaged_datasets()
    if str(name_or_path) in packaged:
        return packaged[str(name_or_path)]
    names = ", ".join(sorted(packaged))
    raise DataError.at(
        name_or_path, "", f"not a .yml file nor a packaged dataset (packaged: {names})"
    )


def load_dataset(name_or_path: str | Path | None = None) -> Dataset:
    """Read and validate a data file or packaged dataset; raises DataError listing all problems."""
    path = resolve_dataset(name_or_path)
    doc = read_yaml(path, error=DataError)
    shown = path.name if _is_packaged(path) else str(path)
    if not isinstance(doc.data, dict):
        raise DataError.at(shown, "", "expected a mapping of keys (format:, meta:, roles: ...)", 1)
    try:
        dataset = Dataset.model_validate(doc.data)
    except ValidationError as exc:
        raise DataError(problems(exc, Dataset, shown, doc)) from None
    crossed = [Problem(shown, p, m, doc.line_of(p)) for p, m in _cross_checks(dataset)]
    if crossed:
        raise DataError(crossed)
    return dataset


def _is_packaged(path: Path) -> bool:
    return path.parent == Path(str(resources.files("rolereport") / "datasets"))


def _cross_checks(d: Dataset) -> list[tuple[str, str]]:
    """Rules that span keys: references, ordering, uniqueness. Returns (key path, message)."""
    found: list[tuple[str, str]] = []
    source_ids = [s.id for s in d.sources]
    role_ids = [r.id for r in d.roles]

    def ref(path: str, value: str | None, known: list[str], what: str) -> None:
        if value is not None and value not in known:
            hint = difflib.get_close_matches(value, known, n=1)
            fix = f"did you mean '{hint[0]}'?" if hint else f"known: {', '.join(known)}"
            found.append((path, f"unknown {what} '{value}': {fix}"))

    for what, ids, key in (("source", source_ids, "sources"), ("role", role_ids, "roles")):
        for i, ident in enumerate(ids):
            if ids.index(ident) != i:
                found.append(
                    (f"{key}[{i}].id", f"duplicate {what} id '{ident}': ids must be unique")
                )
    for i, role in enumerate(d.roles):
        at = f"roles[{i}]"
        s = role.salary
        ref(f"{at}.salary.source", s.source, source_ids, "source")
        for j, loc in enumerate(s.by_location):
            ref(f"{at}.salary.by_location[{j}].source", loc.source, source_ids, "source")
        order = [(k, getattr(s, k)) for k in ("p10", "p25", "median", "p75", "p90")]
        given = [(k, v) for k, v in order if v is not None]
        for (lo_key, lo), (hi_key, hi) in itertools.pairwise(given):
            if hi < lo:
                found.append(
                    (f"{at}.salary.{hi_key}", f"must be at least {lo_key} ({lo:g}); got {hi:g}")
                )
        if role.education:
            ref(f"{at}.education.source", role.education.source, source_ids, "source")
        if role.outlook:
            ref(f"{at}.outlook.source", role.outlook.source, source_ids, "source")
        if role.freelance:
            f = role.freelance
            ref(f"{at}.freelance.source", f.source, source_ids, "source")
            for j, project in enumerate(f.projects):
                ref(f"{at}.freelance.projects[{j}].source", project.source, source_ids, "source")
            if f.hourly_high < f.hourly_low:
                found.append(
                    (
                        f"{at}.freelance.hourly_high",
                        f"must be at least hourly_low ({f.hourly_low:g}); got {f.hourly_high:g}",
                    )
                )
    c = d.comparison
    if c.collaboration:
        for j, step in enumerate(c.collaboration.steps):
            ref(f"comparison.collaboration.steps[{j}].role", step.role, role_ids, "role")
    for j, st in enumerate(c.self_assessment):
        ref(f"comparison.self_assessment[{j}].leans", st.leans, role_ids, "role")
    for j, note in enumerate(d.notes):
        ref(f"notes[{j}].source", note.source, source_ids, "source")
    return found + _label_checks(d)


def _label_checks(d: Dataset) -> list[tuple[str, str]]:
    """Each `labels:` key must exist and keep the placeholders of the text it replaces."""
    found: list[tuple[str, str]] = []
    english = labels.english()
    for key, text in d.labels.items():
        path = f"labels.{key}"
        if key not in english:
            hint = difflib.get_close_matches(key, list(english), n=3, cutoff=0.5)
            fix = (
                f"did you mean {' or '.join(repr(h) for h in hint)}?"
                if hint
                else "the keys are listed by `rolereport labels`"
            )
            found.append((path, f"unknown label '{key}': {fix}"))
            continue
        try:
            have = labels.placeholders(text)
        except ValueError as e:
            found.append((path, str(e)))
            continue
        want = labels.placeholders(english[key])
        if set(have) != set(want):
            need = ", ".join(f"{{{n}}}" for n in want) or "no placeholders"
            lacks = ", ".join(f"{{{n}}}" for n in want if n not in have)
            adds = ", ".join(f"{{{n}}}" for n in have if n not in want)
            wrong = "; ".join(
                x for x in (lacks and f"lacks {lacks}", adds and f"has {adds}, unknown here") if x
            )
            found.append((path, f"{wrong}: this text takes {need}"))
    return found


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data file, with a description for every key."""
    schema = Dataset.model_json_schema()
    # Every label key with its English text, so that editors complete and check them.
    texts = labels.english()
    schema["properties"]["labels"] |= {
        "properties": {k: {"type": "string", "description": v} for k, v in texts.items()},
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rolereport data file (format rolereport/1)",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def describe(path: str) -> str:
    """The description of a key path such as `roles[0].salary.p90` (indexes are ignored)."""
    model: Any = Dataset
    parts = [p for p in re.split(r"\[\d+\]|\.", path) if p]
    text = ""
    for part in parts:
        if model is None or part not in model.model_fields:
            return ""
        field = model.model_fields[part]
        text = field.description or ""
        model = model_in(field.annotation)
    return text


_HIGH_UNIT_CURRENCIES = {"JPY", "KRW", "INR", "IDR", "HUF", "CLP", "COP", "VND", "ISK", "PKR"}


def dataset_warnings(
    d: Dataset, name: str | Path | None = None, today: date | None = None
) -> tuple[str, ...]:
    """Things that are allowed but probably wrong, as `file: key.path: message` lines."""
    found: list[str] = []
    for group in ("salary", "outlook"):
        periods = {getattr(r, group).period for r in d.roles if getattr(r, group)}
        periods.discard(None)
        if len(periods) > 1:
            mixed = ", ".join(sorted(periods))
            found.append(
                f"roles[*].{group}.period: one chart mixes vintages ({mixed}); "
                "compare figures of one period"
            )
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d.meta.as_of):
        year, month = int(d.meta.as_of[:4]), int(d.meta.as_of[5:7])
        now = today or date.today()
        if (now.year - year) * 12 + now.month - month > 24:
            found.append(
                f"meta.as_of: the data is from {d.meta.as_of}, more than two years ago; "
                "check for newer figures"
            )
    for i, r in enumerate(d.roles):
        if r.education and r.education.entry_level and not r.education.source:
            found.append(f"roles[{i}].education.source: the entry-level education has no source")
        median = r.salary.median
        if d.meta.currency not in _HIGH_UNIT_CURRENCIES:
            if median < 500:
                found.append(f"roles[{i}].salary.median: {median:g} looks hourly; pay is annual")
            elif median < 12_000:
                found.append(f"roles[{i}].salary.median: {median:g} looks monthly; pay is annual")
    found += _language_warnings(d)
    file = Path(name).name if name else DEFAULT_DATASET
    return tuple(f"{file}: {w}" for w in found)


def _language_warnings(d: Dataset) -> list[str]:
    """A locale whose language has no label set leaves the untranslated wording in English."""
    locale = locale_of(d.meta.locale or "en_US")
    if labels.label_set(locale.language) is not None:
        return []
    english = labels.english()
    left = len(set(english) - set(d.labels))
    if not left:
        return []
    name = locale.get_language_name("en") or locale.language
    return [
        f"meta.locale: rolereport has no {name} label set ({', '.join(labels.languages())} "
        f"ship); {left} fixed texts stay in English: translate them under labels:"
    ]
