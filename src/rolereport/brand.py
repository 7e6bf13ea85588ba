"""The assets folder (a brand.yml subset) resolved into one Theme: colours, fonts, logos."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import assetfiles
from .colors import contrast
from .errors import BrandError
from .yamlfile import read_yaml

BRAND_FILES = ("brand.yml", "_brand.yml", "brand/_brand.yml")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_OWN_KEYS = ("role_colors", "footer", "paper", "deck_font", "pptx_template", "pptx_layouts")
_LAYOUT_KEYS = ("title", "content", "two", "section")
# Okabe-Ito colours: distinct for colour-blind readers and, in this order, in grayscale.
_ROLE_FALLBACK = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
# Fonts that ship with PowerPoint (Windows and macOS), and free fonts with the same metrics.
OFFICE_FONTS = frozenset(
    (
        "Aptos",
        "Arial",
        "Calibri",
        "Cambria",
        "Candara",
        "Century Gothic",
        "Consolas",
        "Constantia",
        "Corbel",
        "Courier New",
        "Garamond",
        "Georgia",
        "Segoe UI",
        "Tahoma",
        "Times New Roman",
        "Trebuchet MS",
        "Verdana",
    )
)
METRIC_TWINS = {
    "Carlito": "Calibri",
    "Caladea": "Cambria",
    "Liberation Sans": "Arial",
    "Arimo": "Arial",
    "Liberation Serif": "Times New Roman",
    "Tinos": "Times New Roman",
    "Liberation Mono": "Courier New",
    "Cousine": "Courier New",
}


@dataclass(frozen=True)
class FontFiles:
    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Layouts:
    """Names of the template's slide layouts rolereport fills."""

    title: str = "Title Slide"
    content: str = "Title and Content"
    two: str = "Two Content"
    section: str = "Section Header"


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
    heading_font: FontFiles
    deck_font: str  # the family names the deck names (PowerPoint can only name fonts)
    deck_heading_font: str
    logo_large: Path | None
    logo_small: Path | None
    logo_alt: str
    footer: str
    paper: str
    folder: Path
    template: Path | None = None  # a .pptx/.potx whose masters and layouts the deck uses
    layouts: Layouts = Layouts()
    warnings: tuple[str, ...] = ()

    def role_color(self, index: int) -> str:
        """The colour of the role at `index` in the report's order."""
        return self.role_colors[index % len(self.role_colors)]


def theme_files(theme: Theme) -> tuple[Path, ...]:
    """Every file the theme names (fonts, logos, template): what a writer may read."""
    faces = (theme.font, theme.heading_font)
    fonts = {getattr(f, k) for f in faces for k in ("regular", "bold", "italic", "bold_italic")}
    others = {theme.logo_large, theme.logo_small, theme.template} - {None}
    return tuple(sorted(fonts | others))  # type: ignore[arg-type]


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


def _light(value: Any) -> Any:
    """brand.yml allows {light, dark} variants; print uses light."""
    return value.get("light", value.get("dark")) if isinstance(value, dict) else value


class _Reader:
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
        value = _light(value)
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

    def theme(self) -> Theme:
        own = self.mapping(self.mapping(self.doc, "defaults"), "rolereport", "defaults.rolereport")
        for key in own:
            if key not in _OWN_KEYS:
                hint = difflib.get_close_matches(str(key), _OWN_KEYS, n=1)
                fix = f"did you mean '{hint[0]}'?" if hint else f"allowed: {', '.join(_OWN_KEYS)}"
                raise self.fail(f"defaults.rolereport.{key}", f"unknown key: {fix}")
        c = self.color
        primary = self.colour(c.get("primary", "#1F3A5F"), "color.primary")
        foreground = self.colour(c.get("foreground", "#1A1A1A"), "color.foreground")
        background = self.colour(c.get("background", "#FFFFFF"), "color.background")
        roles = own.get("role_colors") or list(_ROLE_FALLBACK)
        if not isinstance(roles, list) or not roles:
            raise self.fail("defaults.rolereport.role_colors", "expected a list of colours")
        headings = self.mapping_or_family(self.mapping(self.doc, "typography"), "headings")
        heading_color = primary
        if "color" in headings:
            heading_color = self.colour(headings["color"], "typography.headings.color")
        self.check_contrast(foreground, background, heading_color)
        font, heading_font = self.fonts()
        paper = own.get("paper", "letter")
        if paper not in ("letter", "a4"):
            raise self.fail("defaults.rolereport.paper", f"'{paper}' is not letter or a4")
        large, small, alt = self.logos()
        name = self.name()
        template, layouts = self.template(own)
        return Theme(
            name=name,
            primary=primary,
            secondary=self.colour(c.get("secondary", primary), "color.secondary"),
            foreground=foreground,
            background=background,
            muted=self.colour(c.get("gray", c.get("muted", "#5F6B76")), "color.gray"),
            link=self.colour(c.get("link", primary), "color.link"),
            heading_color=heading_color,
            role_colors=tuple(
                self.colour(v, f"defaults.rolereport.role_colors[{i}]") for i, v in enumerate(roles)
            ),
            font=font,
            heading_font=heading_font,
            deck_font=self.deck_font(font.family, own.get("deck_font")),
            deck_heading_font=self.deck_font(heading_font.family, own.get("deck_font")),
            logo_large=large,
            logo_small=small,
            logo_alt=alt or f"{name} logo",
            footer=str(own.get("footer") or name),
            paper=paper,
            folder=self.root,
            template=template,
            layouts=layouts,
            warnings=tuple(dict.fromkeys(self.warnings)),
        )

    def name(self) -> str:
        name = self.mapping(self.doc, "meta").get("name")
        if isinstance(name, dict):  # brand.yml: {short, full}
            name = name.get("full") or name.get("short")
        return name if isinstance(name, str) and name.strip() else "rolereport"

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

    def check_contrast(self, fg: str, bg: str, heading: str) -> None:
        ratio = contrast(fg, bg)
        if ratio < 4.5:
            self.warn(
                f"color.foreground {fg} on color.background {bg} has a contrast of {ratio:.1f}:1; "
                "WCAG AA needs 4.5:1 for body text"
            )
        ratio = contrast(heading, bg)
        if ratio < 3:
            self.warn(
                f"heading colour {heading} on color.background {bg} has a contrast of "
                f"{ratio:.1f}:1; WCAG AA needs 3:1 for large text"
            )

    def fonts(self) -> tuple[FontFiles, FontFiles]:
        typo = self.mapping(self.doc, "typography")
        families: dict[str, dict[tuple[bool, bool], Path]] = {}
        elsewhere: dict[str, str] = {}
        fonts = typo.get("fonts") or []
        if not isinstance(fonts, list):
            raise self.fail("typography.fonts", "expected a list of font families")
        for i, entry in enumerate(fonts):
            if not isinstance(entry, dict) or not isinstance(entry.get("family"), str):
                raise self.fail(f"typography.fonts[{i}]", "expected a mapping with a family")
            source = entry.get("source", "file")
            if source != "file":
                elsewhere[entry["family"]] = str(source)
                continue
            faces = families.setdefault(entry["family"], {})
            for j, f in enumerate(entry.get("files") or []):
                spec = f if isinstance(f, dict) else {"path": f}
                key = f"typography.fonts[{i}].files[{j}]"
                weight = str(spec.get("weight", 400)).lower()
                bold = weight in ("bold", "bolder", "semibold", "extra-bold", "black") or (
                    weight.isdigit() and int(weight) >= 600
                )
                path = self.path(spec.get("path"), f"{key}.path")
                assetfiles.check_font(path, f"{key}.path", self.file)
                faces[(bold, spec.get("style") == "italic")] = path
        base = self.mapping_or_family(typo, "base").get("family")
        heading = self.mapping_or_family(typo, "headings").get("family")
        body = self.family(base or next(iter(families), None), families, elsewhere, "base")
        head = self.family(heading, families, elsewhere, "headings") if heading else body
        return body, head

    def family(
        self,
        name: str | None,
        families: dict[str, dict[tuple[bool, bool], Path]],
        elsewhere: dict[str, str],
        key: str,
    ) -> FontFiles:
        faces = families.get(name or "")
        if faces and (False, False) in faces:
            regular = faces[(False, False)]
            bold = faces.get((True, False), regular)
            italic = faces.get((False, True), regular)
            return FontFiles(str(name), regular, bold, italic, faces.get((True, True), bold))
        if faces:
            raise self.fail(
                "typography.fonts", f"{name!r} has no regular (weight 400) file: add its .ttf"
            )
        fallback = _builtin_font()
        if name:
            where = f"comes from {elsewhere[name]}" if name in elsewhere else "has no font files"
            self.warn(
                f"typography.{key}: {name!r} {where}; rolereport needs the .ttf files "
                f"(source: file) and uses {fallback.family} meanwhile"
            )
        return fallback

    def deck_font(self, family: str, named: Any) -> str:
        if isinstance(named, str) and named.strip():
            chosen = named.strip()
        else:
            chosen = METRIC_TWINS.get(family, family)
        if chosen not in OFFICE_FONTS:
            self.warn(
                f"the deck names the font {chosen!r}, which PowerPoint viewers may not have; "
                "they will see a substitute (usually Calibri or Arial). Set "
                "defaults.rolereport.deck_font to a font they have"
            )
        return chosen

    def logos(self) -> tuple[Path | None, Path | None, str]:
        logo = self.doc.get("logo")
        if logo is None:
            return None, None, ""
        if isinstance(logo, str):
            p = self.logo_file(logo, "logo")
            return p, p, ""
        if not isinstance(logo, dict):
            raise self.fail("logo", "expected a path or a mapping with images and sizes")
        images = self.mapping(logo, "images", "logo.images")
        found: dict[str, tuple[Path, str]] = {}
        for size in ("small", "medium", "large"):
            ref = _light(logo.get(size))
            if ref is None:
                continue
            entry = images.get(ref, ref) if isinstance(ref, str) else ref
            alt = ""
            if isinstance(entry, dict):
                alt, entry = str(entry.get("alt", "")), entry.get("path")
            found[size] = (self.logo_file(entry, f"logo.{size}"), alt)
        big = found.get("large") or found.get("medium") or found.get("small")
        little = found.get("small") or found.get("medium") or found.get("large")
        alt = (big or little or (None, ""))[1]
        return (big[0] if big else None), (little[0] if little else None), alt

    def logo_file(self, value: Any, key: str) -> Path:
        path = self.path(value, key)
        assetfiles.image_kind(path, key, self.file)
        return path

    def template(self, own: dict[str, Any]) -> tuple[Path | None, Layouts]:
        named = self.mapping(own, "pptx_layouts", "defaults.rolereport.pptx_layouts")
        for key in named:
            if key not in _LAYOUT_KEYS:
                raise self.fail(
                    f"defaults.rolereport.pptx_layouts.{key}",
                    f"unknown layout role: use {', '.join(_LAYOUT_KEYS)}",
                )
        if not own.get("pptx_template"):
            return None, Layouts()
        key = "defaults.rolereport.pptx_template"
        path = self.path(own["pptx_template"], key)
        if path.suffix.lower() not in (".pptx", ".potx"):
            raise self.fail(key, f"'{path.name}' is not a .pptx or .potx file")
        have = assetfiles.template_layouts(
            assetfiles.template_bytes(path, key, self.file), path, key, self.file
        )
        chosen: dict[str, str] = {}
        defaults = Layouts()
        for role in _LAYOUT_KEYS:
            wanted = named.get(role)
            if wanted is not None and wanted not in have:
                raise self.fail(
                    f"defaults.rolereport.pptx_layouts.{role}",
                    f"the template has no layout {wanted!r}; it has: {', '.join(have)}",
                )
            default = getattr(defaults, role)
            chosen[role] = wanted or (default if default in have else "")
        if not chosen["content"]:
            raise self.fail(
                "defaults.rolereport.pptx_layouts.content",
                f"name the template's layout for content slides; it has: {', '.join(have)}",
            )
        chosen = {k: v or chosen["content"] for k, v in chosen.items()}
        return path, Layouts(**chosen)


def _builtin_font() -> FontFiles:
    fonts = builtin_assets() / "fonts"
    regular, bold = fonts / "Carlito-Regular.ttf", fonts / "Carlito-Bold.ttf"
    return FontFiles("Carlito", regular, bold, fonts / "Carlito-Italic.ttf", bold)
