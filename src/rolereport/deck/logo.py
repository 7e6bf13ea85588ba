"""A brand logo for the deck: its aspect ratio, an SVG rasterised, a bitmap turned upright."""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from ..errors import BrandError
from ..files.assets import SNIFF_BYTES, is_svg

LOGO_DPI = 300  # an SVG logo is rasterised for PowerPoint at this resolution at its placed size
LOGO_MIN_PX = 200  # and at least this high, so that rounding keeps its aspect ratio


@lru_cache(maxsize=8)
def logo_aspect(path: Path) -> float:
    """The logo's width over its height, as it is shown (EXIF rotation applied).
    Raises BrandError for an SVG that cannot be read."""
    if _is_svg(path):
        drawing = _svg_drawing(path)
        return drawing.width / drawing.height
    with Image.open(path) as im:
        w, h = ImageOps.exif_transpose(im).size if _rotated(im) else im.size
    return w / h


def logo_image(path: Path, h: float) -> str | BytesIO:
    """The logo as python-pptx places it `h` inches high: an SVG as a PNG rasterised for that
    height, a bitmap as it is or turned upright. Raises BrandError for an unusable SVG."""
    if _is_svg(path):
        return BytesIO(_svg_png(path, max(math.ceil(h * LOGO_DPI), LOGO_MIN_PX)))
    return _bitmap(path)


def _is_svg(path: Path) -> bool:
    with path.open("rb") as f:
        return is_svg(f.read(SNIFF_BYTES))


@lru_cache(maxsize=8)
def _svg_drawing(path: Path):
    from ..brand.svg import vector

    try:
        return vector(path.read_bytes(), "Helvetica")  # text in it: any font draws a bitmap
    except ValueError as e:
        raise BrandError.at(path, "logo", f"is not a usable SVG image ({e})") from e


@lru_cache(maxsize=16)
def _svg_png(path: Path, px_h: int) -> bytes:
    """The SVG rasterised `px_h` pixels high on a transparent background, as PNG bytes."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    drawing = _svg_drawing(path)
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        bitmap = pdf[0].render(
            scale=px_h / drawing.height, fill_color=(255, 255, 255, 0), may_draw_forms=False
        )
        image = bitmap.to_pil()
    finally:
        pdf.close()
    out = BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _rotated(im: Image.Image) -> bool:
    return im.getexif().get(0x0112, 1) not in (1, None)  # EXIF orientation


def _bitmap(path: Path) -> str | BytesIO:
    """A PNG or JPEG logo as it is, or turned upright when its EXIF says it is rotated."""
    with Image.open(path) as im:
        if not _rotated(im):
            return str(path)
        kind = im.format or "PNG"
        upright = ImageOps.exif_transpose(im)
    out = BytesIO()
    upright.save(out, kind, **({"quality": 95} if kind == "JPEG" else {}))
    return out
