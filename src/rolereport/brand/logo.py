"""A brand logo read, checked and decoded once, when the brand is read: its bytes, its kind,
its size as shown, and the decoded picture the writers draw (they never open the file)."""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from PIL import Image, ImageOps

from ..files.assets import MAX_IMAGE_PIXELS
from .svg import vector

LogoKind = Literal["png", "jpeg", "svg"]


@dataclass(frozen=True)
class Logo:
    """A checked logo. `size` is as a reader sees it: a bitmap's pixels with its EXIF
    rotation applied, an SVG's width and height in points. `picture` is the decoded image:
    a bitmap as a loaded Pillow image, turned upright; an SVG as a ReportLab Drawing (its
    text in Helvetica: the deck rasterises it, the PDFs read `data` in the brand face)."""

    path: Path
    kind: LogoKind
    digest: str  # of `data`: what keys a build, with the path for messages
    size: tuple[float, float]
    rotated: bool = False  # a bitmap whose EXIF tells viewers to turn it
    data: bytes = field(default=b"", repr=False, compare=False)
    picture: Any = field(default=None, repr=False, compare=False)

    @property
    def aspect(self) -> float:
        """The logo's width over its height, as it is shown."""
        return self.size[0] / self.size[1]


def read_logo(path: Path, kind: LogoKind, data: bytes) -> Logo:
    """The logo in `data` (checked by files/assets as `kind`) decoded once.
    Raises ValueError (or another exception of Pillow or svglib) when it cannot be decoded."""
    digest = hashlib.sha256(data).hexdigest()
    if kind == "svg":
        drawing = vector(data, "Helvetica")  # text in it: any font draws a bitmap
        return Logo(path, kind, digest, (drawing.width, drawing.height), False, data, drawing)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(BytesIO(data))  # the format from the content, not the name
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise ValueError(f"{image.width}×{image.height} pixels is too large")
        turned = rotated(image)
        image = ImageOps.exif_transpose(image)
        image.load()
    return Logo(path, kind, digest, image.size, turned, data, image)


def rotated(im: Image.Image) -> bool:
    """Whether a bitmap's EXIF orientation says viewers turn it."""
    return im.getexif().get(0x0112, 1) not in (1, None)
