"""Checks on the files an assets folder holds: fonts, logos and PowerPoint templates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import BrandError

IMAGE_KINDS = ("png", "jpeg", "svg")
MAX_IMAGE_PIXELS = 40_000_000
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_DECK_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def check_font(path: Path, key: str, brand_file: Path) -> None:
    """A TrueType-outline font file, or BrandError saying what to supply instead."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            tables = set(font.keys())
    except (TTLibError, OSError, ValueError, AssertionError, IndexError) as exc:
        raise BrandError.at(
            brand_file, key, f"'{path.name}' is not a readable font file ({exc}): supply a .ttf"
        ) from None
    if "glyf" not in tables:
        kind = "a CFF (PostScript-outline) OpenType font" if "CFF " in tables else "not TrueType"
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is {kind}; PDF fonts need TrueType outlines: supply the .ttf version",
        )


def image_kind(path: Path, key: str, brand_file: Path) -> str:
    """'png', 'jpeg' or 'svg', judged by content; BrandError for anything else or a bad file."""
    data = path.read_bytes()
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:4096]:
        _check_svg(data, path, key, brand_file)
        return "svg"
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as im:
            kind = (im.format or "").lower()
            if im.width * im.height > MAX_IMAGE_PIXELS:
                raise ValueError(f"{im.width}×{im.height} pixels is too large")
            im.verify()
    except Exception as exc:  # Pillow raises many types for broken or hostile files
        raise BrandError.at(
            brand_file, key, f"'{path.name}' is not a usable PNG, JPEG or SVG image ({exc})"
        ) from None
    if kind not in IMAGE_KINDS:
        raise BrandError.at(
            brand_file, key, f"'{path.name}' is a {kind.upper()} image: use PNG, JPEG or SVG"
        )
    return kind


def _check_svg(data: bytes, path: Path, key: str, brand_file: Path) -> None:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise BrandError.at(brand_file, key, f"'{path.name}' is not valid SVG ({exc})") from None
    if not str(root.tag).endswith("svg"):
        raise BrandError.at(brand_file, key, f"'{path.name}' is not an SVG image")
    if root.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data:
        raise BrandError.at(
            brand_file, key, f"'{path.name}' declares entities; save it again without a DTD"
        )


def template_bytes(path: Path, key: str, brand_file: Path) -> bytes:
    """The template as .pptx bytes python-pptx opens (a .potx gets the deck content type)."""
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if _TEMPLATE_TYPE.encode() not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for item in z.infolist():
                    body = z.read(item)
                    if item.filename == "[Content_Types].xml":
                        body = body.replace(_TEMPLATE_TYPE.encode(), _DECK_TYPE.encode())
                    w.writestr(item, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError) as exc:
        raise BrandError.at(
            brand_file, key, f"'{path.name}' is not a PowerPoint file ({exc}): save it as .pptx"
        ) from None


def template_layouts(data: bytes, path: Path, key: str, brand_file: Path) -> tuple[str, ...]:
    """The names of the layouts a template offers, in master order."""
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors, ...
        raise BrandError.at(
            brand_file, key, f"'{path.name}' cannot be opened as a presentation ({exc})"
        ) from None
    return tuple(layout.name for master in prs.slide_masters for layout in master.slide_layouts)
