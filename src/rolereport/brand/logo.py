"""A brand logo's shape: its SVG drawing and its aspect ratio as shown, cached by content
(a logo replaced in place is read afresh)."""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from ..errors import BrandError
from ..files.assets import is_svg


def logo_aspect(path: Path) -> float:
    """The logo's width over its height, as it is shown (EXIF rotation applied).
    Raises BrandError for an SVG that cannot be read."""
    data = logo_bytes(path)
    if is_svg(data):
        drawing = svg_drawing(data, path)
        return drawing.width / drawing.height
    return _bitmap_aspect(data)


def logo_bytes(path: Path) -> bytes:
    """The logo file's bytes, read once while its size and modification time hold."""
    stat = path.stat()
    return _read(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8)
def _read(path: Path, size: int, mtime_ns: int) -> bytes:
    return path.read_bytes()


def rotated(im: Image.Image) -> bool:
    """Whether a bitmap's EXIF orientation says viewers turn it."""
    return im.getexif().get(0x0112, 1) not in (1, None)


@lru_cache(maxsize=8)
def _bitmap_aspect(data: bytes) -> float:
    with Image.open(BytesIO(data)) as im:
        w, h = ImageOps.exif_transpose(im).size if rotated(im) else im.size
    return w / h


def svg_drawing(data: bytes, path: Path):
    """The SVG as a ReportLab Drawing; raises BrandError naming `path` when it is unusable."""
    try:
        return _drawing(data)
    except ValueError as e:
        raise BrandError.at(path, "logo", f"is not a usable SVG image ({e})") from e


@lru_cache(maxsize=8)
def _drawing(data: bytes):
    from .svg import vector

    return vector(data, "Helvetica")  # text in it: any font draws a bitmap
