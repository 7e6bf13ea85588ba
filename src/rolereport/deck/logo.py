"""A brand logo for the deck, from the Theme's decoded logo: an SVG rasterised, a bitmap as
it is or turned upright."""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO

from ..brand.logo import Logo

__all__ = ["LOGO_DPI", "LOGO_MIN_PX", "logo_image"]

LOGO_DPI = 300  # an SVG logo is rasterised for PowerPoint at this resolution at its placed size
LOGO_MIN_PX = 200  # and at least this high, so that rounding keeps its aspect ratio


def logo_image(logo: Logo, h: float) -> BytesIO:
    """The logo as python-pptx places it `h` inches high: an SVG as a PNG rasterised for that
    height, a bitmap as it is or turned upright."""
    if logo.kind == "svg":
        return BytesIO(_svg_png(logo, max(math.ceil(h * LOGO_DPI), LOGO_MIN_PX)))
    return BytesIO(_upright(logo) if logo.rotated else logo.data)


@lru_cache(maxsize=16)
def _svg_png(logo: Logo, px_h: int) -> bytes:
    """The SVG logo rasterised `px_h` pixels high on a transparent background, as PNG bytes:
    kept for the slides that repeat it (a logo is equal to another only with its content)."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    drawing = logo.picture
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
def _upright(logo: Logo) -> bytes:
    """A PNG or JPEG logo whose EXIF says it is rotated, saved turned upright."""
    kind = logo.kind.upper()
    out = BytesIO()
    logo.picture.save(out, kind, **({"quality": 95} if kind == "JPEG" else {}))
    return out.getvalue()
