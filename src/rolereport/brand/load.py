"""The assets folder (a brand.yml subset) resolved into one Theme: colours, fonts, logos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BrandError, Problem
from ..files import assets as assetfiles
from ..files import templates
from ..files.problems import problems
from ..files.yamlfile import read_yaml
from .colors import contrast
from .file import BRAND_FILES, BrandReader, default_assets_dir, light
from .fonts import deck_font, is_bold, pictures_miss_deck_font, read_fonts
from .logo import Logo, read_logo
from .model import BrandFile
from .template import Template, layout_names, open_template, read_template
from .theme import Layouts, Theme

_LAYOUT_KEYS = ("title", "content", "two", "section")
# Okabe-Ito colours: distinct for colour-blind readers and, in this order, in grayscale.
_ROLE_FALLBACK = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")


def load_brand(folder: str | Path | None = None) -> Theme:
    """Read the assets folder into a Theme; raises BrandError naming the file and key."""
    root = Path(folder) if folder is not None else default_assets_dir()
    if not root.is_dir():
        raise BrandError.at(root, "assets", "is not a folder: name the assets folder")
    root = root.resolve()
    brand_file = next((root / n for n in BRAND_FILES if (root / n).is_file()), None)
    if brand_file is None:
        raise BrandError.at(root, "", f"has no brand file: add one of {', '.join(BRAND_FILES)}")
    doc = read_yaml(brand_file, error=BrandError)
    if not isinstance(doc.data, dict):
        raise BrandError.at(brand_file, "", "expected a mapping of keys (meta:, color: ...)", 1)
    try:
        BrandFile.model_validate(doc.data)
        shape: list[Problem] = []
    except ValidationError as exc:
        shape = problems(exc, BrandFile, str(brand_file), doc)
    reader = BrandReader(brand_file, root, doc, shape)
    try:
        theme = _theme(reader)
    except (TypeError, ValueError, AttributeError):
        if reader.error() is None:  # no problem noted explains it: a bug of ours
            raise
    error = reader.error()
    if error is not None:
        raise error
    return theme


def _theme(r: BrandReader) -> Theme:
    own = r.mapping(r.mapping(r.doc, "defaults"), "rolereport", "defaults.rolereport")
    c = r.color
    primary = r.colour(c.get("primary", "#1F3A5F"), "color.primary")
    foreground = r.colour(c.get("foreground", "#1A1A1A"), "color.foreground")
    background = r.colour(c.get("background", "#FFFFFF"), "color.background")
    roles = own.get("role_colors") or list(_ROLE_FALLBACK)
    if not isinstance(roles, list) or not roles:
        r.fail("defaults.rolereport.role_colors", "expected a list of colours")
        roles = list(_ROLE_FALLBACK)
    headings = r.mapping_or_family(r.mapping(r.doc, "typography"), "headings")
    if not is_bold(headings.get("weight", "bold")):
        r.warn(
            f"typography.headings.weight: {headings['weight']} is not used; rolereport sets "
            "headings in the family's bold face"
        )
    heading_color = primary
    if "color" in headings:
        heading_color = r.colour(headings["color"], "typography.headings.color")
    _check_contrast(r, foreground, background, heading_color)
    font, heading_font = read_fonts(r)
    paper = own.get("paper", "letter")
    if paper not in ("letter", "a4"):
        r.fail("defaults.rolereport.paper", f"'{paper}' is not letter or a4")
        paper = "letter"
    deck_charts = own.get("deck_charts", "native")
    if deck_charts not in ("native", "picture"):
        r.fail("defaults.rolereport.deck_charts", f"'{deck_charts}' is not native or picture")
        deck_charts = "native"
    named = deck_font(r, font.family, own.get("deck_font"))
    why = pictures_miss_deck_font(font.family, named) if deck_charts == "picture" else None
    if why:
        r.warn(f"defaults.rolereport.deck_charts: {why}")
    large, small, alt = _logos(r)
    name = _name(r)
    template, layouts, checked = _template(r, own)
    return Theme(
        name=name,
        primary=primary,
        secondary=r.colour(c.get("secondary", primary), "color.secondary"),
        foreground=foreground,
        background=background,
        muted=r.colour(c.get("gray", c.get("muted", "#5F6B76")), "color.gray"),
        link=r.colour(c.get("link", primary), "color.link"),
        heading_color=heading_color,
        role_colors=tuple(
            r.colour(v, f"defaults.rolereport.role_colors[{i}]") for i, v in enumerate(roles)
        ),
        font=font,
        heading_font=heading_font,
        deck_font=named,
        deck_heading_font=deck_font(r, heading_font.family, own.get("deck_font")),
        logo_large=large,
        logo_small=small,
        logo_alt=alt or f"{name} logo",
        footer=str(own.get("footer") or name),
        paper=paper,
        folder=r.root,
        template=template,
        layouts=layouts,
        warnings=tuple(dict.fromkeys(r.warnings)),
        # read only from a brand without problems: each is reported, and no Theme is made
        template_pptx=checked,
        deck_charts=deck_charts,
    )


def _name(r: BrandReader) -> str:
    name = r.mapping(r.doc, "meta").get("name")
    if isinstance(name, dict):  # brand.yml: {short, full}
        name = name.get("full") or name.get("short")
    return name if isinstance(name, str) and name.strip() else "rolereport"


def _check_contrast(r: BrandReader, fg: str, bg: str, heading: str) -> None:
    ratio = contrast(fg, bg)
    if ratio < 4.5:
        r.warn(
            f"color.foreground {fg} on color.background {bg} has a contrast of {ratio:.1f}:1; "
            "WCAG AA needs 4.5:1 for body text"
        )
    ratio = contrast(heading, bg)
    if ratio < 3:
        r.warn(
            f"heading colour {heading} on color.background {bg} has a contrast of "
            f"{ratio:.1f}:1; WCAG AA needs 3:1 for large text"
        )


def _logos(r: BrandReader) -> tuple[Logo | None, Logo | None, str]:
    logo = r.doc.get("logo")
    if logo is None:
        return None, None, ""
    if isinstance(logo, str):
        one = _logo_file(r, logo, "logo", {})
        return one, one, ""
    if not isinstance(logo, dict):
        r.fail("logo", "expected a path or a mapping with images and sizes")
        return None, None, ""
    images = r.mapping(logo, "images", "logo.images")
    found: dict[str, tuple[Logo, str]] = {}
    read: dict[Path, Logo] = {}  # sizes naming one file share its reading
    for size in ("small", "medium", "large"):
        ref = light(logo.get(size))
        if ref is None:
            continue
        entry = images.get(ref, ref) if isinstance(ref, str) else ref
        alt = ""
        if isinstance(entry, dict):
            alt, entry = str(entry.get("alt", "")), entry.get("path")
        checked = _logo_file(r, entry, f"logo.{size}", read)
        if checked is not None:
            found[size] = (checked, alt)
    big = found.get("large") or found.get("medium") or found.get("small")
    little = found.get("small") or found.get("medium") or found.get("large")
    alt = (big or little or (None, ""))[1]
    return (big[0] if big else None), (little[0] if little else None), alt


def _logo_file(r: BrandReader, value: Any, key: str, read: dict[Path, Logo]) -> Logo | None:
    """The logo file at `value`, read, checked and decoded once (None, with a problem noted,
    when it cannot be used)."""
    path = r.path(value, key)
    if path is None or path in read:
        return read.get(path) if path else None
    found = r.attempt(assetfiles.read_image, path, key, r.file)
    if found is None:
        return None
    try:  # as the documents will draw it
        read[path] = read_logo(path, *found)  # type: ignore[arg-type]
    except Exception as exc:  # svglib and Pillow raise many types on what they cannot read
        what = "SVG" if found[0] == "svg" else "PNG, JPEG or SVG"
        r.fail(key, f"'{path.name}' is not a usable {what} image ({exc})")
        return None
    return read[path]


def _template(r: BrandReader, own: dict[str, Any]) -> tuple[Path | None, Layouts, Template | None]:
    """The template's path, the layouts picked, and the template checked and read: its bytes
    read once and parsed once (a Template only for a brand without problems)."""
    named = r.mapping(own, "pptx_layouts", "defaults.rolereport.pptx_layouts")
    for key in named:
        if key not in _LAYOUT_KEYS:
            r.fail(
                f"defaults.rolereport.pptx_layouts.{key}",
                f"unknown layout role: use {', '.join(_LAYOUT_KEYS)}",
            )
    if not own.get("pptx_template"):
        return None, Layouts(), None
    key = "defaults.rolereport.pptx_template"
    path = r.path(own["pptx_template"], key)
    if path is None:
        return None, Layouts(), None
    if path.suffix.lower() not in (".pptx", ".potx"):
        r.fail(key, f"'{path.name}' is not a .pptx or .potx file")
        return None, Layouts(), None
    data = r.attempt(templates.template_bytes, path, key, r.file)
    prs = r.attempt(open_template, data, path, key, r.file) if data else None
    if prs is None:
        return None, Layouts(), None
    have = layout_names(prs)
    chosen: dict[str, str] = {}
    defaults = Layouts()
    for role in _LAYOUT_KEYS:
        wanted = named.get(role)
        if wanted is not None and wanted not in have:
            r.fail(
                f"defaults.rolereport.pptx_layouts.{role}",
                f"the template has no layout {wanted!r}; it has: {', '.join(have)}",
            )
            wanted = None
        default = getattr(defaults, role)
        chosen[role] = wanted or (default if default in have else "")
    if not chosen["content"]:
        if "content" not in named:  # a wrong name is reported above
            r.fail(
                "defaults.rolereport.pptx_layouts.content",
                f"name the template's layout for content slides; it has: {', '.join(have)}",
            )
        return None, Layouts(), None
    layouts = Layouts(**{k: v or chosen["content"] for k, v in chosen.items()})
    return path, layouts, None if r.problems else read_template(data, prs, layouts)
