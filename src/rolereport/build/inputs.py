"""The inputs of a build read and checked together: every check a build makes before it
renders, so that `rolereport check` and `rolereport build` accept and refuse the same inputs
with the same lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..brand.glyphs import missing_glyphs
from ..brand.load import load_brand
from ..brand.theme import Theme
from ..data.advice import dataset_warnings
from ..data.facts import DataFile, Dataset, read_data_file
from ..errors import InputError, Problem
from ..files.clock import check_epoch


@dataclass(frozen=True)
class Inputs:
    """A valid dataset and brand that suit each other, with what the user should know."""

    dataset: Dataset
    theme: Theme
    warnings: tuple[str, ...]


def read_inputs(
    data: str | Path | Dataset | None,
    assets: str | Path | Theme | None,
    say: Callable[[str], None] = lambda _msg: None,
) -> Inputs:
    """Read the data file and the brand (or take them as read) and check them together.

    Raises InputError listing every problem of both at once (a DataError or BrandError when
    only one of them has problems), then the characters the brand's fonts lack, then a bad
    SOURCE_DATE_EPOCH."""
    problems: list[Problem] = []
    errors: list[InputError] = []
    file: DataFile | None = None
    theme = assets if isinstance(assets, Theme) else None
    if not isinstance(data, Dataset):
        say("Reading the data file")
        try:
            file = read_data_file(data)
        except InputError as exc:
            errors.append(exc)
    if theme is None:
        say("Reading the brand")
        try:
            theme = load_brand(assets)  # type: ignore[arg-type]
        except InputError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputError([p for e in errors for p in e.problems])
    assert theme is not None
    dataset = file.dataset if file else data
    assert isinstance(dataset, Dataset)
    for key, message in missing_glyphs(theme, dataset.model_dump()):
        problems.append(file.problem(key, message) if file else Problem("data", key, message))
    if problems:
        raise InputError(problems)
    check_epoch()
    warnings = dataset_warnings(dataset, None if isinstance(data, Dataset) else data)
    return Inputs(dataset, theme, warnings + theme.warnings)
