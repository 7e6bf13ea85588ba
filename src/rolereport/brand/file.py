"""Finding the brand file and reading its keys: mappings, colours and paths, errors by key."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BrandError, Problem
from ..files.yamlfile import YamlDoc

BRAND_FILES = ("brand.yml", "_brand.yml", "brand/_brand.yml")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
T = TypeVar("T")


def builtin_assets() -> Path:
    """The built-in brand: the repository's assets/, shipped in the wheel as default_brand/."""
    here = Path(__file__).resolve().parents[1]  # the rolereport package
    for folder in (here / "default_brand", here.parents[1] / "assets"):
        if (folder / "brand.yml").is_file():
            return folder
    raise BrandError.at(here, "", "the built-in brand is missing: reinstall rolereport")


def default_assets_dir(cwd: Path | None = None) -> Path:
    """`./assets` when it holds a brand file, else the built-in brand."""
    local = (cwd or Path.cwd()) / "assets"
    if any((local / name).is_file() for name in BRAND_FILES):
        return local
    return builtin_assets()


def light(value: Any) -> Any:
    """brand.yml allows {light, dark} variants; print uses light."""
    return value.get("light", value.get("dark")) if isinstance(value, dict) else value


class BrandReader:
    """One brand file being read: its keys, the warnings so far, and every problem found, each
    naming its key path and line. Reading goes on past a problem (with a stand-in value) so
    that one run reports them all."""

    def __init__(self, file: Path, root: Path, doc: YamlDoc, shape: Sequence[Problem] = ()) -> None:
        self.file, self.root, self.doc, self.lines = file, root, doc.data, doc
        self.warnings: list[str] = []
        self.problems: list[Problem] = list(shape)
        self._shape = [p.path for p in shape]  # what the shape check (brand/model) reported
        self.color = self.mapping(self.doc, "color")
        palette = self.mapping(self.color, "palette", "color.palette")
        self.palette = {str(k): v for k, v in palette.items()}

    def fail(self, path: str, message: str) -> None:
        """Note a problem at key `path`, unless the shape check reported it or a key above."""
        if any(path == s or path.startswith((f"{s}.", f"{s}[")) for s in self._shape):
            return
        problem = Problem(str(self.file), path, message, self.lines.line_of(path))
        if problem not in self.problems:
            self.problems.append(problem)

    def attempt(self, check: Callable[..., T], *args: Any) -> T | None:
        """`check(*args)` (a check of files/assets); its BrandError becomes problems, None."""
        try:
            return check(*args)
        except BrandError as exc:
            for p in exc.problems:
                self.fail(p.path, p.message)
            return None

    def error(self) -> BrandError | None:
        """Every problem noted, in the order of the file, or None."""
        if not self.problems:
            return None
        return BrandError(sorted(self.problems, key=lambda p: p.line or 0))

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.file.name}: {message}")

    def mapping(self, parent: dict[str, Any], key: str, path: str | None = None) -> dict[str, Any]:
        value = parent.get(key) or {}
        if not isinstance(value, dict):
            self.fail(path or key, "expected a mapping of keys")
            return {}
        return value

    def colour(self, value: Any, path: str, depth: int = 0) -> str:
        """A hex colour from a hex string, a palette name or a theme colour name (black, with
        a problem noted, for anything else)."""
        value = light(value)
        if isinstance(value, str) and _HEX.match(value):
            v = value.upper()
            return "#" + "".join(c * 2 for c in v[1:]) if len(v) == 4 else v
        if isinstance(value, str) and depth < 8:
            if value in self.palette:
                return self.colour(self.palette[value], f"color.palette.{value}", depth + 1)
            if value in self.color and value != "palette":
                return self.colour(self.color[value], f"color.{value}", depth + 1)
        names = sorted(self.palette) + [k for k in self.color if k != "palette"]
        hint = difflib.get_close_matches(str(value), names, n=1)
        fix = f"did you mean '{hint[0]}'?" if hint else "use #RRGGBB or a palette name"
        self.fail(path, f"'{value}' is not a colour: {fix}")
        return "#000000"

    def path(self, value: Any, key: str) -> Path | None:
        """A file inside the assets folder, named relative to the brand file (None, with a
        problem noted, when there is no such file)."""
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "expected a file path relative to the brand file")
            return None
        target = (self.file.parent / value).resolve()
        if not target.is_relative_to(self.root):
            self.fail(key, f"'{value}' is outside the assets folder: copy the file into it")
            return None
        if not target.is_file():
            self.fail(key, f"'{value}' does not exist in the assets folder")
            return None
        return target

    def mapping_or_family(self, typo: dict[str, Any], key: str) -> dict[str, Any]:
        """`typography.base` and `.headings` are a family name or a mapping."""
        value = typo.get(key)
        if value is None:
            return {}
        if isinstance(value, str):
            return {"family": value}
        if not isinstance(value, dict):
            self.fail(f"typography.{key}", "expected a font family or a mapping")
            return {}
        return value
