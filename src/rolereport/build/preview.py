"""`rolereport preview`: PNG pictures of every page and slide, and one contact sheet."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError
from .pipeline import write_all

PAGE_DPI = 80  # enough to read headings and spot overflow, small enough to mail
if TYPE_CHECKING:
    from PIL import Image

SHEET_COLUMNS = 4
SHEET_THUMB_W = 420  # pixels per thumbnail on the contact sheet
SHEET_GAP = 16
SOFFICE_SECONDS = 180


@dataclass(frozen=True)
class Preview:
    pages: tuple[Path, ...]  # the handout's
    slides: tuple[Path, ...]
    sheet: Path
    note: str = ""  # why slides are missing, if they are
    guide: tuple[Path, ...] = ()  # the facilitator guide's pages


def pdf_pages(pdf: bytes, dpi: int = PAGE_DPI) -> list[bytes]:
    """Each page of a PDF as PNG bytes."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [_png(doc[i].render(scale=dpi / 72).to_pil()) for i in range(len(doc))]
    finally:
        doc.close()


def deck_as_pdf(pptx: bytes) -> bytes | None:
    """The deck converted by LibreOffice, or None when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="rolereport-") as tmp:
        src = Path(tmp) / "deck.pptx"
        src.write_bytes(pptx)
        profile = Path(tmp, "profile").as_uri()  # a private profile: runs beside an open Office
        try:
            command = [soffice, f"-env:UserInstallation={profile}", "--headless"]
            command += ["--convert-to", "pdf", "--outdir", tmp, str(src)]
            subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_SECONDS)
        except (subprocess.SubprocessError, OSError) as exc:
            raise OutputError(
                f"LibreOffice could not convert the deck for the preview ({exc})"
            ) from None
        return (Path(tmp) / "deck.pdf").read_bytes()


def contact_sheet(groups: list[list[bytes]], columns: int = SHEET_COLUMNS) -> bytes:
    """One PNG with every image as a thumbnail: each group (pages, slides) on rows of its own."""
    from PIL import Image

    blocks = []  # (thumbnails, cell height) per non-empty group
    for images in filter(None, groups):
        thumbs = []
        for data in images:
            with Image.open(io.BytesIO(data)) as im:
                h = round(im.height * SHEET_THUMB_W / im.width)
                size = (SHEET_THUMB_W, h)
                thumbs.append(im.convert("RGB").resize(size, Image.Resampling.LANCZOS))
        blocks.append((thumbs, max(t.height for t in thumbs)))
    width = columns * (SHEET_THUMB_W + SHEET_GAP) + SHEET_GAP
    height = SHEET_GAP + sum(-(-len(t) // columns) * (h + SHEET_GAP) for t, h in blocks)
    sheet = Image.new("RGB", (width, height), (220, 222, 226))
    y0 = SHEET_GAP
    for thumbs, cell_h in blocks:
        for i, t in enumerate(thumbs):
            x = SHEET_GAP + (i % columns) * (SHEET_THUMB_W + SHEET_GAP)
            sheet.paste(t, (x, y0 + (i // columns) * (cell_h + SHEET_GAP)))
        y0 += -(-len(thumbs) // columns) * (cell_h + SHEET_GAP)
    return _png(sheet)


def write_preview(
    slug: str, pdf: bytes, pptx: bytes | None, out: Path, guide: bytes | None = None
) -> Preview:
    """Handout page, slide and guide page PNGs plus `<slug>-contact-sheet.png` (each document
    on rows of its own) in `out`, written all or nothing."""
    deck_pdf = deck_as_pdf(pptx) if pptx is not None else None
    groups = {
        "page": pdf_pages(pdf),
        "slide": pdf_pages(deck_pdf) if deck_pdf else [],
        "guide-page": pdf_pages(guide) if guide is not None else [],
    }
    shown = {
        kind: {out / f"{slug}-{kind}-{i:02d}.png": png for i, png in enumerate(pngs, 1)}
        for kind, pngs in groups.items()
    }
    sheet = out / f"{slug}-contact-sheet.png"
    files = {path: png for group in shown.values() for path, png in group.items()}
    write_all(files | {sheet: contact_sheet(list(groups.values()))})
    note = "" if deck_pdf or pptx is None else "slides left out: LibreOffice is not installed"
    pages, slides, guide_pages = (tuple(group) for group in shown.values())
    return Preview(pages, slides, sheet, note, guide_pages)


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=True)
    return buf.getvalue()
