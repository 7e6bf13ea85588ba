"""Checks on the files an assets folder holds, by content: fonts and images (PNG, JPEG, SVG),
with the one test of whether image bytes are SVG. PowerPoint templates: `templates`."""

from __future__ import annotations

import base64
import binascii
import io
import logging
import re
import warnings
from pathlib import Path

from ..errors import BrandError

IMAGE_KINDS = ("png", "jpeg", "svg")
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_BYTES = 20_000_000
MAX_FONT_BYTES = 50_000_000
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g);base64,", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
SNIFF_BYTES = 65_536  # how far into a file its first element is looked for
_PROLOG = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)", re.DOTALL | re.IGNORECASE
)
_SVG_ROOT = re.compile(rb"\s*<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]")
_TRUETYPE_TABLES = ("head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post")


def read_bounded(path: Path, limit: int, key: str, brand_file: Path, what: str) -> bytes:
    """At most `limit` bytes of `path`; BrandError when it is bigger or unreadable."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise BrandError.at(
            brand_file, key, f"cannot read '{path.name}' ({exc.strerror})"
        ) from None
    if len(data) > limit:
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is larger than {limit // 1_000_000} MB: use a smaller {what}",
        )
    return data


def check_font(path: Path, key: str, brand_file: Path) -> Path:
    """`path`, a TrueType-outline font file; else BrandError saying what to supply instead."""
    from fontTools.ttLib import TTFont, TTLibError

    data = read_bounded(path, MAX_FONT_BYTES, key, brand_file, "font")
    fs_type = 0
    quiet = logging.getLogger("fontTools")  # it logs oddities it reads past, e.g. old dates
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with TTFont(io.BytesIO(data), lazy=True, fontNumber=0) as font:
            tables = set(font.keys())
            if "glyf" in tables:
                # Parse what a PDF writer reads, so a truncated file fails here and not
                # later inside ReportLab with struct.error.
                for tag in _TRUETYPE_TABLES:
                    font[tag]  # reading the table is the check
                fs_type = font["OS/2"].fsType if "OS/2" in tables else 0
    except (TTLibError, OSError, ValueError, AssertionError, IndexError, KeyError) as exc:
        raise BrandError.at(
            brand_file, key, f"'{path.name}' is not a readable font file ({exc}): supply a .ttf"
        ) from None
    except Exception as exc:  # fontTools raises struct.error, TypeError... on damaged tables
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is a damaged font file ({type(exc).__name__}): supply a good .ttf",
        ) from None
    finally:
        quiet.setLevel(level)
    if "glyf" not in tables:
        kind = "a CFF (PostScript-outline) OpenType font" if "CFF " in tables else "not TrueType"
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is {kind}; PDF fonts need TrueType outlines: supply the .ttf version",
        )
    if fs_type == 0x0002 or fs_type & 0x0300:  # the rule ReportLab applies when embedding
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' does not allow embedding (its licence flags, fsType {fs_type:#06x}): "
            "choose a font whose licence allows embedding in documents",
        )
    return path


def image_kind(path: Path, key: str, brand_file: Path) -> str:
    """'png', 'jpeg' or 'svg', judged by content; BrandError for anything else or a bad file."""
    return read_image(path, key, brand_file)[0]


def read_image(path: Path, key: str, brand_file: Path) -> tuple[str, bytes]:
    """The image's kind ('png', 'jpeg' or 'svg', judged by content) and its bytes, read once;
    BrandError for anything else or a bad file."""
    data = read_bounded(path, MAX_IMAGE_BYTES, key, brand_file, "image")
    if not data:
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is not a usable PNG, JPEG or SVG image: it is empty (0 bytes)",
        )
    if is_svg(data):
        _check_svg(data, path, key, brand_file)
        return "svg", data
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise BrandError.at(
            brand_file,
            key,
            f"'{path.name}' is not a usable PNG, JPEG or SVG image: it is a web page or "
            "other text; save the image itself",
        )
    return _check_raster(data, f"'{path.name}'", key, brand_file), data


def is_svg(data: bytes) -> bool:
    """Whether image bytes are SVG: the first element, after any XML declaration, comments
    (Inkscape writes one first), processing instructions and DOCTYPE, is <svg>. The one test
    of an image's kind that checking and every writer share."""
    head, at = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf"), 0
    while (found := _PROLOG.match(head, at)) and found.end() > at:
        at = found.end()
    return _SVG_ROOT.match(head, at) is not None


def _check_raster(data: bytes, name: str, key: str, brand_file: Path) -> str:
    """'png' or 'jpeg' for image bytes Pillow decodes within the pixel limit."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                kind = (im.format or "").lower()
                if im.width * im.height > MAX_IMAGE_PIXELS:
                    raise ValueError(
                        f"{im.width}×{im.height} pixels is more than "
                        f"{MAX_IMAGE_PIXELS:,}; scale it down"
                    )
                im.load()  # decodes every pixel: a truncated or damaged file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise BrandError.at(
            brand_file,
            key,
            f"{name} is not a usable PNG, JPEG or SVG image ({str(exc).rstrip('.')}): "
            f"scale it down to at most {MAX_IMAGE_PIXELS:,} pixels",
        ) from None
    except Image.UnidentifiedImageError:
        raise BrandError.at(
            brand_file, key, f"{name} is not a usable PNG, JPEG or SVG image (unknown format)"
        ) from None
    except Exception as exc:  # Pillow raises many types; the bomb warning is one of them
        raise BrandError.at(
            brand_file, key, f"{name} is not a usable PNG, JPEG or SVG image ({exc})"
        ) from None
    if kind not in IMAGE_KINDS:
        raise BrandError.at(
            brand_file, key, f"{name} is a {kind.upper()} image: use PNG, JPEG or SVG"
        )
    return kind


def _check_svg(data: bytes, path: Path, key: str, brand_file: Path) -> None:
    """A well-formed SVG without entities or references to anything outside itself."""
    from lxml import etree

    def refuse(why: str) -> BrandError:
        return BrandError.at(brand_file, key, f"'{path.name}' {why}")

    if b"<!ENTITY" in data:
        raise refuse("declares entities; save it again without a DTD")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise refuse(f"is not valid SVG ({exc})") from None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        raise refuse("is not an SVG image")
    if root.getroottree().docinfo.internalDTD is not None:
        raise refuse("declares entities; save it again without a DTD")
    for pi in root.itersiblings(preceding=True):
        if isinstance(pi, etree._ProcessingInstruction):
            raise refuse(f"loads <?{pi.target}?>: save it again as plain SVG")
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions
            if isinstance(el, etree._ProcessingInstruction):
                raise refuse(f"loads <?{el.target}?>: save it again as plain SVG")
            continue
        for name, value in el.attrib.items():
            if etree.QName(name).localname == "href" or name == _XLINK_HREF:
                _check_reference(value.strip(), refuse, key, brand_file, path)
            elif "url(" in value.lower():
                _check_css(value, refuse)
        if etree.QName(el).localname == "style" and el.text:
            _check_css(el.text, refuse)


def _check_reference(value: str, refuse, key: str, brand_file: Path, path: Path) -> None:
    """An href may point inside the SVG (`#id`) or embed a PNG or JPEG (`data:`)."""
    if value.startswith("#"):
        return
    match = _DATA_IMAGE.match(value)
    if match is None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise refuse(
            f"refers to {shown!r}; a logo may only embed PNG or JPEG images "
            "(data:image/...;base64): embed the image or remove the reference"
        )
    try:
        embedded = base64.b64decode(value[match.end() :], validate=False)
    except (binascii.Error, ValueError) as exc:
        raise refuse(f"embeds an image that is not valid base64 ({exc})") from None
    _check_raster(embedded, f"the image embedded in '{path.name}'", key, brand_file)


def _check_css(text: str, refuse) -> None:
    if "@import" in text.lower():
        raise refuse("imports a style sheet: save it again with its styles inline")
    for target in _CSS_URL.findall(text):
        if not target.startswith("#"):
            raise refuse(f"refers to url({target}); only url(#id) inside the SVG is allowed")
