"""Reading built PDFs back as a printer would: the fonts every page uses, and where each
character is printed."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber
from pptx import Presentation
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from rolereport.pdf.page import COVER_TOP, MARGIN_BOTTOM, MARGIN_TOP

BASE_14 = {
    *(f"Times-{s}" for s in ("Roman", "Bold", "Italic", "BoldItalic")),
    *(
        f"{f}{s}"
        for f in ("Helvetica", "Courier")
        for s in ("", "-Bold", "-Oblique", "-BoldOblique")
    ),
    "Symbol",
    "ZapfDingbats",
}
MARKUP = 'S&P <500> & $5 "q"'


def fonts_of(resources: DictionaryObject) -> list[DictionaryObject]:
    """Every font in a page's resources, including those of its form XObjects."""
    found = [f.get_object() for f in (resources.get("/Font") or {}).values()]
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found += fonts_of(xobject["/Resources"].get_object())
    return found


def assert_fonts_embedded(reader: PdfReader) -> None:
    """Every font of every page is embedded as TrueType, and none is a base-14 font."""
    fonts = [f for page in reader.pages for f in fonts_of(page["/Resources"].get_object())]
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/")
        assert name.split("+")[-1] not in BASE_14, name
        described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in described["/FontDescriptor"].get_object(), name


@dataclass(frozen=True)
class Page:
    """A page's size and printed characters, each a dict with pdfplumber's keys: text, x0, x1,
    top, bottom (points from the top left), from the font's ascent to its descent."""

    page_number: int
    width: float
    height: float
    chars: list[dict]


def pages_of(pdf: bytes) -> list[Page]:
    """Every page's characters, read with PDFium (pypdfium2): pdfplumber gives the same boxes
    but takes ten times as long on a long document."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for n, page in enumerate(doc, 1):
            width, height = page.get_size()
            text = page.get_textpage()
            chars = []
            for i in range(text.count_chars()):
                glyph = text.get_text_range(i, 1)
                if glyph.strip():
                    left, bottom, right, top = text.get_charbox(i, loose=True)
                    box = {"x0": left, "x1": right, "top": height - top, "bottom": height - bottom}
                    chars.append({"text": glyph, **box})
            pages.append(Page(n, width, height, chars))
    finally:
        doc.close()
    return pages


def guide_text(data: bytes) -> str:
    """The text of every page inside its frame: no running header or footer."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(
            page.crop(
                (0, COVER_TOP if n == 0 else MARGIN_TOP, page.width, page.height - MARGIN_BOTTOM)
            ).extract_text()
            for n, page in enumerate(pdf.pages)
        )


def deck_slides(data: bytes) -> list[tuple[str, str]]:
    """(title, notes) of every slide, as PowerPoint shows them."""
    deck = Presentation(io.BytesIO(data))
    return [
        (
            s.shapes.title.text if s.shapes.title is not None else "",
            s.notes_slide.notes_text_frame.text if s.has_notes_slide else "",
        )
        for s in deck.slides
    ]


def on_page(char: dict, page) -> bool:
    """Whether a pdfplumber character lies on its page (half a point of slack)."""
    return (
        char["x0"] >= -0.5
        and char["x1"] <= page.width + 0.5
        and char["top"] >= -0.5
        and char["bottom"] <= page.height + 0.5
    )
