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

from .errors import DataError, Problem
from .yamlfile import YamlDoc, read_yaml

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
        raise ValueError(f"expected text, got a {_kind(value)}")
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


Text = Annotated[str, BeforeValidator(_text)]
Number = Annotated[float, BeforeValidator(_number)]
Amount = Annotated[float, BeforeValidator(_number), AfterValidator(_not_negative)]
Ident = Annotated[
    str,
    BeforeValidator(_text),
    Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    id: Ident
    title: Text
    publisher: Text | None = None
    url: Text | None = None
    year: int | None = None


class Meta(_Model):
    title: Text
    subtitle: Text | None = None
    slug: Ident | None = None
    summary: Text
    as_of: Annotated[Text, BeforeValidator(_as_of)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    locale: Text | None = None
    audience: Text | None = None


class Occupation(_Model):
    code: Text
    title: Text


class Skill(_Model):
    name: Text
    detail: Text | None = None
    weight: Annotated[int, Field(ge=1, le=5)] = 3


class Education(_Model):
    entry_level: Text | None = None
    typical: Text | None = None
    advanced: Text | None = None
    source: Ident | None = None


class LocationPay(_Model):
    place: Text
    value: Amount
    qualifier: Text | None = None
    level: Text | None = None
    source: Ident


class Salary(_Model):
    source: Ident
    period: Text | None = None
    p10: Amount | None = None
    p25: Amount | None = None
    median: Amount
    p75: Amount | None = None
    p90: Amount | None = None
    by_location: tuple[LocationPay, ...] = ()


class Outlook(_Model):
    source: Ident
    period: Text | None = None
    growth_pct: Number | None = None
    openings_per_year: Amount | None = None


class Project(_Model):
    title: Text
    detail: Text | None = None
    source: Ident | None = None


class Freelance(_Model):
    source: Ident
    hourly_low: Amount
    hourly_high: Amount
    projects: tuple[Project, ...] = ()


class CareerStage(_Model):
    stage: Text
    years: Text | None = None
    detail: Text | None = None


class Role(_Model):
    id: Ident
    name: Text
    short_name: Text | None = None
    occupation: Occupation | None = None
    focus: Text | None = None
    summary: Text
    responsibilities: tuple[Text, ...] = ()
    skills: tuple[Skill, ...] = ()
    tools: tuple[Text, ...] = ()
    education: Education | None = None
    salary: Salary
    outlook: Outlook | None = None
    freelance: Freelance | None = None
    career_path: tuple[CareerStage, ...] = ()
    generative_ai: Text | None = None

    @property
    def label(self) -> str:
        """The name charts and tables use."""
        return self.short_name or self.name


class CollabStep(_Model):
    role: Ident
    action: Text


class Collaboration(_Model):
    summary: Text | None = None
    steps: tuple[CollabStep, ...] = ()
    example: Text | None = None


class Statement(_Model):
    statement: Text
    leans: Ident


class Comparison(_Model):
    key_differences: tuple[Text, ...] = ()
    collaboration: Collaboration | None = None
    takeaways: tuple[Text, ...] = ()
    discussion_questions: tuple[Text, ...] = ()
    self_assessment: tuple[Statement, ...] = ()


class Note(_Model):
    text: Text
    source: Ident | None = None


class Dataset(_Model):
    """A validated data file. Build with `load_dataset`."""

    format: Literal["rolereport/1"] = FORMAT
    meta: Meta
    roles: Annotated[tuple[Role, ...], Field(min_length=2, max_length=4)]
    comparison: Comparison = Comparison()
    notes: tuple[Note, ...] = ()
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    origin: Annotated[str, Field(exclude=True)] = ""

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
        dataset = Dataset.model_validate({**doc.data, "origin": str(path)})
    except ValidationError as exc:
        errors = [e for e in exc.errors() if not _echo_of_item_error(e)]
        raise DataError([_problem(shown, doc, err) for err in errors]) from None
    problems = [Problem(shown, p, m, doc.line_of(p)) for p, m in _cross_checks(dataset)]
    if problems:
        raise DataError(problems)
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
    return found


_MESSAGES = {
    "missing": "is required: add it",
    "too_short": "needs at least {min_length} entries",
    "too_long": "allows at most {max_length} entries",
}


def _problem(file: str, doc: YamlDoc, err: dict[str, Any]) -> Problem:
    loc = tuple(err["loc"])
    # Annotated validators add their own step to the location; keep keys and indexes only.
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
    path = _path(loc)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), known, n=1)
        fix = f"did you mean '{hint[0]}'?" if hint else f"allowed here: {', '.join(known)}"
        message = f"unknown key: {fix}"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    elif kind in _MESSAGES:
        message = _MESSAGES[kind].format(**ctx)
    elif (
        kind == "string_pattern_mismatch"
        and loc
        and loc[-1] in ("id", "slug", "source", "leans", "role")
    ):
        message = f"'{err['input']}' is not a valid id: use lower-case letters, digits and '-'"
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "currency":
        message = f"'{err['input']}' is not an ISO 4217 code: use three capitals such as USD or EUR"
    elif kind == "literal_error":
        message = f"must be {FORMAT!r}; got {err['input']!r}"
    elif kind in ("model_type", "dict_type"):
        message = f"expected a mapping of keys, got {_kind(err['input'])}"
    elif kind in ("tuple_type", "list_type"):
        message = f"expected a list (lines starting with '- '), got {_kind(err['input'])}"
    elif kind.startswith("int"):
        message = f"expected a whole number, got {err['input']!r}"
    else:
        message = err["msg"][0].lower() + err["msg"][1:]
    return Problem(file, path, message, doc.line_of(path))


def _echo_of_item_error(err: dict[str, Any]) -> bool:
    """pydantic also reports a length error for a list whose items failed; the input is fine."""
    if err["type"] not in ("too_short", "too_long"):
        return False
    ctx, given = err.get("ctx") or {}, err.get("input")
    size = len(given) if isinstance(given, (list, tuple)) else None
    low, high = ctx.get("min_length", 0), ctx.get("max_length", 10**9)
    return size is not None and low <= size <= high


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc`, for "did you mean" hints."""
    model: Any = Dataset
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
        if model is None:
            return []
    return [k for k in model.model_fields if k != "origin"]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}"
    return f"{value!r}"
