"""A brand logo for the deck: an SVG rasterised, a bitmap turned upright."""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from ..brand.logo import logo_aspect, logo_bytes, rotated, svg_drawing
from ..files.assets import is_svg

__all__ = ["LOGO_DPI", "LOGO_MIN_PX", "logo_aspect", "logo_image"]

LOGO_DPI = 300  # an SVG logo is rasterised for PowerPoint at this resolution at its placed size
LOGO_MIN_PX = 200  # and at least this high, so that rounding keeps its aspect ratio


def logo_image(path: Path, h: float) -> BytesIO:
    """The logo as python-pptx places it `h` inches high: an SVG as a PNG rasterised for that
    height, a bitmap as it is or turned upright. Raises BrandError for an unusable SVG."""
    data = logo_bytes(path)
    if is_svg(data):
        drawing = svg_drawing(data, path)
        return BytesIO(_svg_png(data, drawing, max(math.ceil(h * LOGO_DPI), LOGO_MIN_PX)))
    return BytesIO(_bitmap(data))


@lru_cache(maxsize=16)
def _svg_png(data: bytes, drawing, px_h: int) -> bytes:
    """The SVG (`data`, read as `drawing`) rasterised `px_h` pixels high on a transparent
    background, as PNG bytes: cached by content."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

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


@lru_cache(maxsize=8)
def _bitmap(data: bytes) -> bytes:
    """A PNG or JPEG logo as it is, or turned upright when its EXIF says it is rotated."""
    with Image.open(BytesIO(data)) as im:
        if not rotated(im):
            return data
        kind = im.format or "PNG"
        upright = ImageOps.exif_transpose(im)
    out = BytesIO()
    upright.save(out, kind, **({"quality": 95} if kind == "JPEG" else {}))
    return out.getvalue()
