"""The assets folder (a brand.yml subset) resolved into one Theme: colours, fonts, logos."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BrandError
from .yamlfile import read_yaml

BRAND_FILES = ("brand.yml", "_brand.yml", "brand/_brand.yml")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_OWN_KEYS = ("role_colors", "footer", "paper", "deck_font", "pptx_template", "pptx_layouts")
# Okabe-Ito colours: distinct for colour-blind readers and, in this order, in grayscale.
_ROLE_FALLBACK = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")


@dataclass(frozen=True)
class FontFiles:
    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Theme:
    """A resolved brand: every colour a hex string, every path absolute and checked."""

    name: str
    primary: str
    secondary: str
    foreground: str
    background: str
    muted: str
    link: str
    heading_color: str
    role_colors: tuple[str, ...]
    font: FontFiles
    deck_font: str  # the family name the deck names (PowerPoint can only name fonts)
    logo_large: Path | None
    logo_small: Path | None
    logo_alt: str
    footer: str
    paper: str
    folder: Path

    def role_color(self, index: int) -> str:
        """The colour of the role at `index` in the report's order."""
        return self.role_colors[index % len(self.role_colors)]


def builtin_assets() -> Path:
    """The built-in brand: the repository's assets/, shipped in the wheel as default_brand/."""
    here = Path(__file__).resolve().parent
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


def load_brand(folder: str | Path | None = None) -> Theme:
    """Read the assets folder into a Theme; raises BrandError naming the file and key."""
    root = Path(folder) if folder is not None else default_assets_dir()
    if not root.is_dir():
        raise BrandError.at(root, "", "is not a folder: pass the assets folder to --assets")
    root = root.resolve()
    brand_file = next((root / n for n in BRAND_FILES if (root / n).is_file()), None)
    if brand_file is None:
        raise BrandError.at(root, "", f"has no brand file: add one of {', '.join(BRAND_FILES)}")
    doc = read_yaml(brand_file, error=BrandError).data
    if not isinstance(doc, dict):
        raise BrandError.at(brand_file, "", "expected a mapping of keys (meta:, color: ...)")
    return _Reader(brand_file, root, doc).theme()


class _Reader:
    def __init__(self, file: Path, root: Path, doc: dict[str, Any]) -> None:
        self.file, self.root, self.doc = file, root, doc
        self.base = file.parent
        color = self._map(doc, "color")
        self.palette = {
            k: v
            for k, v in self._map(color, "palette", "color.palette").items()
            if isinstance(k, str)
        }
        self.color = color

    def fail(self, path: str, message: str) -> BrandError:
        return BrandError.at(self.file, path, message)

    def _map(self, parent: dict[str, Any], key: str, path: str | None = None) -> dict[str, Any]:
        value = parent.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(path or key, "expected a mapping of keys")
        return value

    def colour(self, value: Any, path: str, depth: int = 0) -> str:
        """A hex colour from a hex string, a palette name or a theme colour name."""
        if isinstance(value, dict):  # {light, dark}: print uses light
            value = value.get("light", value.get("dark"))
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
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "expected a file path relative to the brand file")
        target = (self.base / value).resolve()
        if not target.is_relative_to(self.root):
            raise self.fail(key, f"'{value}' is outside the assets folder: copy the file into it")
        if not target.is_file():
            raise self.fail(key, f"'{value}' does not exist in the assets folder")
        return target

    def theme(self) -> Theme:
        own = self._map(self._map(self.doc, "defaults"), "rolereport", "defaults.rolereport")
        for key in own:
            if key not in _OWN_KEYS:
                hint = difflib.get_close_matches(str(key), _OWN_KEYS, n=1)
                fix = f"did you mean '{hint[0]}'?" if hint else f"allowed: {', '.join(_OWN_KEYS)}"
                raise self.fail(f"defaults.rolereport.{key}", f"unknown key: {fix}")
        c = self.color
        primary = self.colour(c.get("primary", "#1F3A5F"), "color.primary")
        secondary = self.colour(c.get("secondary", primary), "color.secondary")
        roles = own.get("role_colors") or _ROLE_FALLBACK
        if not isinstance(roles, list):
            raise self.fail("defaults.rolereport.role_colors", "expected a list of colours")
        role_colors = tuple(
            self.colour(v, f"defaults.rolereport.role_colors[{i}]") for i, v in enumerate(roles)
        )
        font = self.fonts()
        typo = self._map(self.doc, "typography")
        headings = typo.get("headings")
        heading_color = primary
        if isinstance(headings, dict) and "color" in headings:
            heading_color = self.colour(headings["color"], "typography.headings.color")
        paper = own.get("paper", "letter")
        if paper not in ("letter", "a4"):
            raise self.fail("defaults.rolereport.paper", f"'{paper}' is not letter or a4")
        large, small, alt = self.logos()
        meta = self._map(self.doc, "meta")
        name = meta.get("name") if isinstance(meta.get("name"), str) else "rolereport"
        return Theme(
            name=name,
            primary=primary,
            secondary=secondary,
            foreground=self.colour(c.get("foreground", "#1A1A1A"), "color.foreground"),
            background=self.colour(c.get("background", "#FFFFFF"), "color.background"),
            muted=self.colour(c.get("gray", c.get("muted", "#5F6B76")), "color.gray"),
            link=self.colour(c.get("link", primary), "color.link"),
            heading_color=heading_color,
            role_colors=role_colors,
            font=font,
            deck_font=str(own.get("deck_font") or font.family),
            logo_large=large,
            logo_small=small,
            logo_alt=alt or f"{name} logo",
            footer=str(own.get("footer") or name),
            paper=paper,
            folder=self.root,
        )

    def fonts(self) -> FontFiles:
        typo = self._map(self.doc, "typography")
        base = typo.get("base")
        family = base.get("family") if isinstance(base, dict) else base
        files: dict[tuple[bool, bool], Path] = {}
        fonts = typo.get("fonts") or []
        for i, entry in enumerate(fonts if isinstance(fonts, list) else []):
            if not isinstance(entry, dict) or entry.get("source", "file") != "file":
                continue
            if family and entry.get("family") != family:
                continue
            family = family or entry.get("family")
            for j, f in enumerate(entry.get("files") or []):
                spec = f if isinstance(f, dict) else {"path": f}
                key = f"typography.fonts[{i}].files[{j}]"
                bold = int(str(spec.get("weight", 400)).replace("bold", "700")) >= 600
                italic = spec.get("style") == "italic"
                files[(bold, italic)] = self.path(spec.get("path"), f"{key}.path")
        if (False, False) not in files:
            raise self.fail(
                "typography.fonts",
                f"no regular (weight 400) TTF file for the base font {family!r}: add one",
            )
        regular = files[(False, False)]
        bold = files.get((True, False), regular)
        italic = files.get((False, True), regular)
        return FontFiles(str(family), regular, bold, italic, files.get((True, True), bold))

    def logos(self) -> tuple[Path | None, Path | None, str]:
        logo = self.doc.get("logo")
        if logo is None:
            return None, None, ""
        if isinstance(logo, str):
            p = self.path(logo, "logo")
            return p, p, ""
        if not isinstance(logo, dict):
            raise self.fail("logo", "expected a path or a mapping with images and sizes")
        images = self._map(logo, "images", "logo.images")
        found: dict[str, tuple[Path, str]] = {}
        for size in ("small", "medium", "large"):
            ref = logo.get(size)
            if isinstance(ref, dict):
                ref = ref.get("light", ref.get("dark"))
            if ref is None:
                continue
            entry = images.get(ref, ref)
            alt = ""
            if isinstance(entry, dict):
                alt, entry = str(entry.get("alt", "")), entry.get("path")
            found[size] = (self.path(entry, f"logo.{size}"), alt)
        big = found.get("large") or found.get("medium") or found.get("small")
        little = found.get("small") or found.get("medium") or found.get("large")
        alt = (big or little or (None, ""))[1]
        return (big[0] if big else None), (little[0] if little else None), alt
