"""The data file's Dataset model, and loading a validated Dataset from a file or packaged name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, ValidationError

from ..errors import DataError, Problem
from ..files.problems import problems
from ..files.yamlfile import YamlDoc, read_yaml
from ..text.formats import locale_of
from .crosschecks import cross_checks
from .roles import Role
from .types import (
    FactModel,
    Ident,
    Item,
    Label,
    Line,
    Name,
    Para,
    RoleRef,
    SourceRef,
    Text,
    defined_ids,
)

FORMAT = "rolereport/1"
DEFAULT_DATASET = "ai-engineer-vs-data-scientist"


def _as_of(value: Any) -> Any:
    return value.isoformat()[:7] if isinstance(value, date) else value


def _locale(value: str) -> str:
    try:
        return str(locale_of(value))
    except ValueError:
        raise ValueError(
            f"unknown locale '{value}': write a language and region such as en_US or de_DE"
        ) from None


class Source(FactModel):
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


class Meta(FactModel):
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


class CollabStep(FactModel):
    """One step of a shared workflow."""

    role: RoleRef
    """Id of the role that does it."""
    action: Item
    """What they do."""


class Collaboration(FactModel):
    """How the roles work together."""

    summary: Para | None = None
    """One paragraph."""
    steps: Annotated[tuple[CollabStep, ...], Field(max_length=8)] = ()
    """A typical workflow, in order."""
    example: Para | None = None
    """A concrete example."""


class Statement(FactModel):
    """A self-assessment statement."""

    statement: Item
    """First-person statement, e.g. "I like ..."."""
    leans: RoleRef
    """Id of the role the statement points to."""


class Comparison(FactModel):
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


class Note(FactModel):
    """A caveat about the data, shown with the sources."""

    text: Para
    """The note."""
    source: SourceRef | None = None
    """Source the note refers to."""


class Dataset(FactModel):
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
    folder = resources.files(__package__) / "datasets"
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


@dataclass(frozen=True)
class DataFile:
    """A validated data file: the Dataset, the file name errors show, and its key lines."""

    dataset: Dataset
    file: str
    doc: YamlDoc

    def problem(self, path: str, message: str) -> Problem:
        """A problem at key `path` of this file, with its line."""
        return Problem(self.file, path, message, self.doc.line_of(path))


def load_dataset(name_or_path: str | Path | None = None) -> Dataset:
    """Read and validate a data file or packaged dataset; raises DataError listing all problems."""
    return read_data_file(name_or_path).dataset


def read_data_file(name_or_path: str | Path | None = None) -> DataFile:
    """Read and validate a data file or packaged dataset, keeping where each key is.

    Raises DataError listing every problem at once, in the order of the file: the schema's,
    and those of the rules across keys for each part that is valid by itself."""
    path = resolve_dataset(name_or_path)
    doc = read_yaml(path, error=DataError)
    shown = path.name if _is_packaged(path) else str(path)
    if not isinstance(doc.data, dict):
        raise DataError.at(shown, "", "expected a mapping of keys (format:, meta:, roles: ...)", 1)
    found: list[Problem] = []
    try:
        dataset = Dataset.model_validate(doc.data, context=defined_ids(doc.data))
    except ValidationError as exc:
        found += problems(exc, Dataset, shown, doc)
    found += [Problem(shown, p, m, doc.line_of(p)) for p, m in cross_checks(doc.data)]
    if found:
        raise DataError(sorted(found, key=lambda p: p.line or 0))
    return DataFile(dataset, shown, doc)


def _is_packaged(path: Path) -> bool:
    return path.parent == Path(str(resources.files(__package__) / "datasets"))
