"""Finding the brand file and reading its keys: mappings, colours and paths, errors by key."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from ..errors import BrandError

BRAND_FILES = ("brand.yml", "_brand.yml", "brand/_brand.yml")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


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
    """One brand file being read: its keys, the warnings so far, errors naming the key path."""

    def __init__(self, file: Path, root: Path, doc: dict[str, Any]) -> None:
        self.file, self.root, self.doc = file, root, doc
        self.warnings: list[str] = []
        self.color = self.mapping(doc, "color")
        palette = self.mapping(self.color, "palette", "color.palette")
        self.palette = {str(k): v for k, v in palette.items()}

    def fail(self, path: str, message: str) -> BrandError:
        return BrandError.at(self.file, path, message)

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.file.name}: {message}")

    def mapping(self, parent: dict[str, Any], key: str, path: str | None = None) -> dict[str, Any]:
        value = parent.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(path or key, "expected a mapping of keys")
        return value

    def colour(self, value: Any, path: str, depth: int = 0) -> str:
        """A hex colour from a hex string, a palette name or a theme colour name."""
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
        raise self.fail(path, f"'{value}' is not a colour: {fix}")

    def path(self, value: Any, key: str) -> Path:
        """A file inside the assets folder, named relative to the brand file."""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "expected a file path relative to the brand file")
        target = (self.file.parent / value).resolve()
        if not target.is_relative_to(self.root):
            raise self.fail(key, f"'{value}' is outside the assets folder: copy the file into it")
        if not target.is_file():
            raise self.fail(key, f"'{value}' does not exist in the assets folder")
        return target

    def mapping_or_family(self, typo: dict[str, Any], key: str) -> dict[str, Any]:
        """`typography.base` and `.headings` are a family name or a mapping."""
        value = typo.get(key)
        if value is None:
            return {}
        if isinstance(value, str):
            return {"family": value}
        if not isinstance(value, dict):
            raise self.fail(f"typography.{key}", "expected a font family or a mapping")
        return value
