"""The brand's fonts: font files by family and face, the built-in stand-in, the deck's names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..files import assets as assetfiles
from .file import BrandReader, builtin_assets
from .theme import FontFiles

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


def pictures_miss_deck_font(family: str, deck_font: str) -> str | None:
    """Why picture charts (drawn with the font files, `family`) will not show the deck's font
    `deck_font`, or None when they will (the same family or its metric twin)."""
    if deck_font in (family, METRIC_TWINS.get(family)):
        return None
    return (
        f"picture charts are drawn in {family} (the brand's font files), not in the deck's "
        f"font {deck_font!r}; choose native charts, or font files of the deck's font, for "
        "charts in the deck's font"
    )


def is_bold(weight: object) -> bool:
    """Whether a brand.yml weight (400, "bold", "semibold", ...) asks for a bold face."""
    w = str(weight).strip().lower()
    return w in ("bold", "bolder", "semibold", "extra-bold", "black") or (
        w.isdigit() and int(w) >= 600
    )


def read_fonts(r: BrandReader) -> tuple[FontFiles, FontFiles]:
    """The body and heading fonts `typography` names; raises BrandError naming the key."""
    typo = r.mapping(r.doc, "typography")
    families: dict[str, dict[tuple[bool, bool], Path | None]] = {}
    elsewhere: dict[str, str] = {}
    fonts = typo.get("fonts") or []
    if not isinstance(fonts, list):
        r.fail("typography.fonts", "expected a list of font families")
        fonts = []
    for i, entry in enumerate(fonts):
        if not isinstance(entry, dict) or not isinstance(entry.get("family"), str):
            r.fail(f"typography.fonts[{i}]", "expected a mapping with a family")
            continue
        source = entry.get("source", "file")
        if source != "file":
            elsewhere[entry["family"]] = str(source)
            continue
        faces = families.setdefault(entry["family"], {})
        files = entry.get("files") or []
        for j, f in enumerate(files if isinstance(files, list) else []):
            spec = f if isinstance(f, dict) else {"path": f}
            key = f"typography.fonts[{i}].files[{j}]"
            bold = is_bold(spec.get("weight", 400))
            path = r.path(spec.get("path"), f"{key}.path")
            if path is not None and not r.attempt(
                assetfiles.check_font, path, f"{key}.path", r.file
            ):
                path = None
            faces[(bold, spec.get("style") == "italic")] = path  # None: a problem is noted
    base = r.mapping_or_family(typo, "base").get("family")
    heading = r.mapping_or_family(typo, "headings").get("family")
    body = _family(r, base or next(iter(families), None), families, elsewhere, "base")
    head = _family(r, heading, families, elsewhere, "headings") if heading else body
    return body, head


def _family(
    r: BrandReader,
    name: str | None,
    families: dict[str, dict[tuple[bool, bool], Path | None]],
    elsewhere: dict[str, str],
    key: str,
) -> FontFiles:
    faces = families.get(name or "")
    if faces and None in faces.values():  # a file with a problem: the brand is refused anyway
        return _builtin_font()
    if faces and (False, False) in faces:
        regular = faces[(False, False)]
        bold = faces.get((True, False), regular)
        italic = faces.get((False, True), regular)
        return FontFiles(str(name), regular, bold, italic, faces.get((True, True), bold))
    fallback = _builtin_font()
    if faces:
        r.fail("typography.fonts", f"{name!r} has no regular (weight 400) file: add its .ttf")
        return fallback
    if name:
        where = f"comes from {elsewhere[name]}" if name in elsewhere else "has no font files"
        r.warn(
            f"typography.{key}: {name!r} {where}; rolereport needs the .ttf files "
            f"(source: file) and uses {fallback.family} meanwhile"
        )
    return fallback


def deck_font(r: BrandReader, family: str, named: Any) -> str:
    """The family the deck names for `family`: `named` (deck_font) or an Office twin of it."""
    if isinstance(named, str) and named.strip():
        chosen = named.strip()
    else:
        chosen = METRIC_TWINS.get(family, family)
    if chosen not in OFFICE_FONTS:
        r.warn(
            f"the deck names the font {chosen!r}, which PowerPoint viewers may not have; "
            "they will see a substitute (usually Calibri or Arial). Set "
            "defaults.rolereport.deck_font to a font they have"
        )
    return chosen


def _builtin_font() -> FontFiles:
    fonts = builtin_assets() / "fonts"
    regular, bold = fonts / "Carlito-Regular.ttf", fonts / "Carlito-Bold.ttf"
    return FontFiles("Carlito", regular, bold, fonts / "Carlito-Italic.ttf", bold)
