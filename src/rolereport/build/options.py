"""BuildOptions: how to build (where, which documents, paper, slide shape, how), one value
that build, batch, watch and the CLI pass along."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError, Problem

Output = Literal["pdf", "pptx", "guide"]
OUTPUTS: tuple[Output, ...] = ("pdf", "pptx", "guide")
PAPERS = ("letter", "a4")
ASPECTS = ("16:9", "4:3")
DECK_CHARTS = ("native", "picture")


@dataclass(frozen=True)
class BuildOptions:
    """How to build. Raises InputError naming the option (`paper`, `aspect`, `only`) for a
    value it does not know."""

    out: Path = Path("output")  # the output folder
    only: tuple[Output, ...] = OUTPUTS  # the documents to build
    paper: str | None = None  # letter or a4; None: the brand's
    aspect: str | None = None  # 16:9 or 4:3; None: 16:9 (a template sets its own)
    deck_charts: str | None = None  # native or picture; None: the brand's, else native
    parallel: bool = True  # render the documents side by side where that pays
    force: bool = False  # build even when nothing changed since the last build

    def __post_init__(self) -> None:
        object.__setattr__(self, "out", Path(self.out))
        object.__setattr__(self, "only", tuple(self.only))
        problems = []
        if self.paper not in (None, *PAPERS):
            problems.append(Problem("", "paper", f"'{self.paper}' is not letter or a4"))
        if self.aspect not in (None, *ASPECTS):
            problems.append(Problem("", "aspect", f"'{self.aspect}' is not 16:9 or 4:3"))
        if self.deck_charts not in (None, *DECK_CHARTS):
            problems.append(
                Problem("", "deck_charts", f"'{self.deck_charts}' is not native or picture")
            )
        unknown = [k for k in self.only if k not in OUTPUTS]
        if unknown or not self.only:
            listed = ", ".join(map(repr, unknown)) or "nothing"
            problems.append(Problem("", "only", f"{listed}: choose from pdf, pptx and guide"))
        if problems:
            raise InputError(problems)


def build_options(
    options: BuildOptions | str | Path | None, changes: dict[str, Any]
) -> BuildOptions:
    """`options` (a folder stands for the default options writing there), with `changes` to
    its fields. Raises TypeError for a field BuildOptions lacks, InputError for a bad value."""
    if isinstance(options, (str, Path)):
        options = BuildOptions(out=Path(options))
    known = {f.name for f in fields(BuildOptions)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise TypeError(f"unknown build option(s): {', '.join(unknown)}")
    return replace(options or BuildOptions(), **changes)
