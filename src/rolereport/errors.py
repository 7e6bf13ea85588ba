"""The exceptions rolereport raises; the CLI turns them into one-line messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and how to fix it."""

    file: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None  # for a YAML syntax error: `file:line:column:`

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class RoleReportError(Exception):
    """Base class: str() is 'file: key.path: message'."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", "", problems)]
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p).lstrip(": ") for p in self.problems))

    def __reduce__(self) -> tuple:  # crosses process boundaries with its problems intact
        return type(self), (self.problems,)


class InputError(RoleReportError):
    """Invalid input (data file, assets, flag): exit code 2."""

    exit_code = 2

    @classmethod
    def at(cls, file: str | Path, path: str, message: str, line: int | None = None) -> InputError:
        return cls([Problem(str(file), path, message, line)])


class DataError(InputError):
    """The data file is unreadable or breaks the rules of the format."""


class BrandError(InputError):
    """The assets folder (brand.yml, logo, fonts) is unusable."""


class OutputError(RoleReportError):
    """An output could not be written; earlier outputs are untouched."""
