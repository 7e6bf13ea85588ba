"""The example brands in examples/brands/, built for real and read back: their fonts, logos,
colours and template show up in the handout and the deck."""

from __future__ import annotations

import itertools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from rolereport import BuildResult, Theme, build, load_brand
from rolereport.brand.colors import contrast, ink

EXAMPLES = ROOT / "examples" / "brands"
# The PostScript family name each brand's PDF fonts carry (a subset prefix comes before it).
PDF_FAMILIES = {"northwind": ("LiberationSans", "Caladea"), "minimal": ("Carlito",)}


@dataclass(frozen=True)
class Built:
    name: str
    theme: Theme
    result: BuildResult
    pdf: Path
    pptx: Path


_BUILDS: dict[str, Built] = {}


def build_example(name: str, dataset, tmp_path_factory) -> Built:
    """Build an example brand once per test session; later calls reuse the files."""
    if name not in _BUILDS:
        theme = load_brand(EXAMPLES / name)
        result = build(dataset, theme, tmp_path_factory.mktemp(name), only=("pdf", "pptx"))
        pdf, pptx = result.paths
        _BUILDS[name] = Built(name, theme, result, pdf, pptx)
    return _BUILDS[name]


@pytest.fixture(scope="module", params=sorted(PDF_FAMILIES))
def built(request, dataset, tmp_path_factory) -> Built:
    return build_example(request.param, dataset, tmp_path_factory)


@pytest.fixture(scope="module")
def northwind(dataset, tmp_path_factory) -> Built:
    return build_example("northwind", dataset, tmp_path_factory)


def slide_xml(pptx: Path) -> dict[str, str]:
    with zipfile.ZipFile(pptx) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)
        }


def pdf_fonts(pdf: Path) -> set[str]:
    """The BaseFont names of every font the pages use (subset prefixes kept)."""
    names: set[str] = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def image_xobjects(page) -> list:
    xobjects = page["/Resources"].get("/XObject") or {}
    return [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def painted(curve: dict, color: str) -> bool:
    """Whether pdfplumber's curve is stroked or filled in `#RRGGBB`."""
    want = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    for paint in (curve["stroking_color"], curve["non_stroking_color"]):
        rgb_paint = paint and len(paint) == 3
        if rgb_paint and all(abs(a - b) < 0.005 for a, b in zip(paint, want, strict=True)):
            return True
    return False


# The brands themselves


@pytest.mark.parametrize("name", sorted(PDF_FAMILIES))
def test_each_example_brand_loads_without_warnings(name):
    theme = load_brand(EXAMPLES / name)
    assert theme.warnings == ()
    assert theme.folder == (EXAMPLES / name).resolve()


def test_northwind_role_colours_differ_in_lightness_and_carry_readable_text():
    theme = load_brand(EXAMPLES / "northwind")
    assert len(theme.role_colors) == 4
    for a, b in itertools.combinations(theme.role_colors, 2):
        assert contrast(a, b) >= 1.5, (a, b)  # told apart when printed in grayscale
    for fill in theme.role_colors:
        assert contrast(fill, ink(fill)) >= 4.5, fill


def test_northwind_keeps_its_fonts_small_and_licensed():
    fonts = EXAMPLES / "northwind" / "fonts"
    assert sum(f.stat().st_size for f in fonts.iterdir()) < 2_000_000
    for family in ("LiberationSans", "Caladea"):
        assert "SIL Open Font License" in (fonts / f"{family}-OFL.txt").read_text("utf-8")


# The handout


def test_the_handout_embeds_the_brand_font_family(built):
    fonts = pdf_fonts(built.pdf)
    for family in PDF_FAMILIES[built.name]:
        assert any(name.split("+")[-1].startswith(family) for name in fonts), fonts
    assert all("+" in name for name in fonts)  # every font embedded as a subset


def test_the_handout_uses_the_brand_paper(built):
    box = PdfReader(built.pdf).pages[0].mediabox
    size = (round(float(box.width)), round(float(box.height)))
    assert size == {"a4": (595, 842), "letter": (612, 792)}[built.theme.paper]


def test_the_logo_is_on_the_first_page_of_the_handout(built):
    page = PdfReader(built.pdf).pages[0]
    logo = built.theme.logo_large.path
    if logo.suffix == ".png":
        from PIL import Image

        with Image.open(logo) as im:
            size = im.size
        assert size in [(int(x["/Width"]), int(x["/Height"])) for x in image_xobjects(page)]
    else:  # an SVG logo is drawn as vector paths in its colour, not embedded as an image
        assert image_xobjects(page) == []
        plum = built.theme.primary  # the minimal brand's logo is drawn in its primary colour
        with pdfplumber.open(built.pdf) as pdf:
            first = pdf.pages[0]
            assert first.images == []
            marks = [c for c in first.curves if painted(c, plum) and c["bottom"] < first.height / 4]
        assert len(marks) >= 3  # the ring, the peaks and the sun


# The deck


def test_the_logo_is_a_picture_on_the_title_slide(built):
    title = Presentation(str(built.pptx)).slides[0]
    [logo] = [
        s for s in title.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "Logo"
    ]
    assert logo._element.nvPicPr.cNvPr.get("descr") == built.theme.logo_alt
    if built.theme.logo_large.path.suffix == ".png":
        assert logo.image.blob == built.theme.logo_large.path.read_bytes()
    else:  # PowerPoint cannot show SVG: the deck carries a PNG drawn from it
        assert logo.image.content_type == "image/png"


def test_the_brand_colours_are_in_the_slide_xml(built):
    xml = "\n".join(slide_xml(built.pptx).values())
    for color in (built.theme.primary, built.theme.secondary, built.theme.role_color(0)):
        assert f'val="{color[1:]}"' in xml, color


def test_the_deck_names_the_metric_twin_of_the_brand_font(built):
    xml = "\n".join(slide_xml(built.pptx).values())
    assert f'typeface="{built.theme.deck_font}"' in xml
    assert built.theme.deck_font == {"northwind": "Arial", "minimal": "Calibri"}[built.name]


def test_the_northwind_deck_uses_the_templates_layouts_by_name(northwind):
    prs = Presentation(str(northwind.pptx))
    layouts = northwind.theme.layouts
    names = [slide.slide_layout.name for slide in prs.slides]
    assert names[0] == layouts.title == "Northwind Title"
    assert set(names) <= {layouts.title, layouts.content, layouts.two, layouts.section}
    assert layouts.content in names
    template = Presentation(str(northwind.theme.template))
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    master = {shape.name for shape in prs.slide_masters[0].shapes}
    assert {"Brand band", "Brand tab"} <= master  # the template's master, with its band


def test_the_templates_sample_slide_is_not_in_the_deck(northwind):
    [sample] = Presentation(str(northwind.theme.template)).slides
    assert sample.shapes.title.text == "Sample slide"
    prs = Presentation(str(northwind.pptx))
    assert len(prs.slides) == northwind.result.pages["pptx"]
    assert len(slide_xml(northwind.pptx)) == len(prs.slides)  # no part left behind either
    text = " ".join(
        shape.text_frame.text for s in prs.slides for shape in s.shapes if shape.has_text_frame
    )
    assert "Sample slide" not in text
    assert "rolereport removes them" not in text
