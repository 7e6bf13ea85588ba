"""Hostile brand files (RELIABILITY.md): logos, SVGs, fonts and templates that reach outside
the assets folder, claim huge sizes, fetch URLs, carry macros or are not what they say are
refused with one line naming the file and the key; harmless odd ones are used as they are."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from conftest import ASSETS, cff_font
from hostile import (
    FONT_KEY,
    SVG_OPEN,
    TEMPLATE_KEY,
    _gif,
    assert_refused,
    pdf_text,
    png_header,
    pptx_with,
    with_logo,
    with_template,
)
from PIL import Image

from rolereport import (
    load_brand,
    render_deck,
    render_handout,
)

# Images, fonts, templates: paths


@pytest.mark.parametrize("how", ["parent", "absolute", "symlink"])
def test_a_logo_outside_the_assets_folder_is_refused(capsys, tmp_path, out, golden, assets, how):
    outside = tmp_path / "outside.png"
    Image.new("RGB", (40, 20), "red").save(outside)
    if how == "symlink":
        os.symlink(outside, assets / "inside.png")
    name = {"parent": "../outside.png", "absolute": str(outside), "symlink": "inside.png"}[how]
    with_logo(assets, name)
    args = ["--assets", str(assets)]
    assert_refused(
        capsys, out, golden, args, assets / "brand.yml", "logo", "outside the assets folder"
    )


# Images


@pytest.mark.parametrize("size", [(20000, 20000), (9500, 9500), (7000, 7000)])
def test_a_tiny_png_claiming_huge_dimensions_is_refused(capsys, out, golden, assets, size):
    (assets / "logo.png").write_bytes(png_header(*size))
    with_logo(assets, "logo.png")
    args = ["--assets", str(assets)]
    err = assert_refused(capsys, out, golden, args, assets / "brand.yml", "logo", "'logo.png'")
    assert "pixels" in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "it is empty (0 bytes)"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "it is a web page"),
        (_gif(), "is a GIF image: use PNG, JPEG or SVG"),
        (png_header(40, 20)[:40], "is not a usable PNG, JPEG or SVG image"),
    ],
    ids=["empty", "html", "gif", "truncated-png"],
)
def test_a_logo_that_is_not_an_image_is_refused(capsys, out, golden, assets, content, says):
    (assets / "logo.png").write_bytes(content)
    with_logo(assets, "logo.png")
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, assets / "brand.yml", "logo", "'logo.png'", says)


def test_a_jpeg_named_png_is_used_as_the_jpeg_it_is(assets, small_report):
    report = small_report
    Image.new("RGB", (80, 40), "navy").save(assets / "logo.png", "JPEG")
    theme = load_brand(with_logo(assets, "logo.png"))
    deck = render_deck(report, theme).data
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        assert any(z.read(n)[:3] == b"\xff\xd8\xff" for n in media)
    assert pdf_text(render_handout(report, theme).data)


def test_an_exif_rotated_jpeg_logo_comes_out_upright(assets, small_report):
    report = small_report
    image = Image.new("RGB", (80, 40), "navy")  # stored wide; EXIF says: turn it upright
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    image.save(assets / "logo.jpg", "JPEG", exif=exif)
    theme = load_brand(with_logo(assets, "logo.jpg"))
    from pptx import Presentation

    prs = Presentation(io.BytesIO(render_deck(report, theme).data))
    pictures = [
        s
        for slide in prs.slides
        for s in slide.shapes
        if s.shape_type == 13 and s._element.nvPicPr.cNvPr.get("descr") == theme.logo_alt
    ]
    assert pictures
    for pic in pictures:
        w, h = Image.open(io.BytesIO(pic.image.blob)).size
        assert h > w and pic.height > pic.width, (w, h)


# SVG logos


@pytest.mark.parametrize(
    ("svg", "says"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'{SVG_OPEN} width="9" height="9"><text>&x;</text></svg>',
            "declares entities",
        ),
        (
            f'{SVG_OPEN} width="9" height="9"><image href="file:///etc/passwd"/></svg>',
            "refers to 'file:///etc/passwd'",
        ),
        (
            f'{SVG_OPEN} width="9" height="9"><image xlink:href="../secret.png"/></svg>',
            "refers to '../secret.png'",
        ),
        (
            f'{SVG_OPEN} width="9" height="9"><use href="other.svg#a"/></svg>',
            "refers to 'other.svg#a'",
        ),
        (
            f'{SVG_OPEN} width="9" height="9"><style>@import url(x.css);</style></svg>',
            "imports a style sheet",
        ),
        (f'{SVG_OPEN} width="9" height="9"><rect></svg>', "is not valid SVG"),
    ],
    ids=["entity", "file-href", "relative-href", "use-href", "css-import", "malformed"],
)
def test_an_svg_logo_reaching_outside_itself_or_malformed_is_refused(
    capsys, out, golden, assets, svg, says
):
    (assets / "logo.svg").write_text(svg, encoding="utf-8")
    with_logo(assets, "logo.svg")
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, assets / "brand.yml", "logo", "'logo.svg'", says)


def test_an_svg_logo_pointing_at_a_url_is_refused_without_connecting(
    capsys, out, golden, assets, listener
):
    svg = f'{SVG_OPEN} width="9" height="9"><image xlink:href="{listener.url}"/></svg>'
    (assets / "logo.svg").write_text(svg, encoding="utf-8")
    with_logo(assets, "logo.svg")
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, assets / "brand.yml", "logo", listener.url)
    assert listener.close() == 0


def test_an_svg_embedding_a_pixel_bomb_is_refused(capsys, out, golden, assets):
    import base64

    bomb = base64.b64encode(png_header(20000, 20000)).decode()
    svg = f'{SVG_OPEN} width="9" height="9"><image href="data:image/png;base64,{bomb}"/></svg>'
    (assets / "logo.svg").write_text(svg, encoding="utf-8")
    with_logo(assets, "logo.svg")
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, assets / "brand.yml", "logo", "embedded")


def test_an_svg_with_internal_references_and_embedded_images_is_accepted(assets):
    import base64

    dot = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(dot, "PNG")
    data = base64.b64encode(dot.getvalue()).decode()
    svg = (
        f'{SVG_OPEN} width="120" height="40"><defs><linearGradient id="g"/></defs>'
        '<rect id="r" width="40" height="40" style="fill:url(#g)"/><use href="#r" x="50"/>'
        f'<image x="100" width="4" height="4" xlink:href="data:image/png;base64,{data}"/></svg>'
    )
    (assets / "logo.svg").write_text(svg, encoding="utf-8")
    assert load_brand(with_logo(assets, "logo.svg")).logo_large.path == assets / "logo.svg"


# Fonts


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("random", "is not a readable font file"),
        ("truncated", "font file"),
        ("cff", "CFF (PostScript-outline) OpenType font"),
    ],
)
def test_a_font_that_is_not_truetype_is_refused_with_our_error(
    capsys, out, golden, assets, kind, says
):
    bad = assets / "fonts" / "Bad.ttf"
    if kind == "random":
        bad.write_bytes(os.urandom(4096))
    elif kind == "truncated":
        bad.write_bytes((ASSETS / "fonts" / "Carlito-Regular.ttf").read_bytes()[:20_000])
    else:
        cff_font(bad)
    brand = assets / "brand.yml"
    brand.write_text(brand.read_text("utf-8").replace("Carlito-Regular.ttf", "Bad.ttf"), "utf-8")
    err = assert_refused(capsys, out, golden, ["--assets", str(assets)], brand, FONT_KEY, says)
    assert "'Bad.ttf'" in err and "struct" not in err


# Templates


def test_a_zip_bomb_template_is_refused_before_it_is_unpacked(capsys, out, golden, assets):
    zeros = pptx_with({"ppt/media/zeros.bin": bytes(50_000_000)})
    assert len(zeros) < 1_000_000
    with_template(assets, zeros)
    brand = assets / "brand.yml"
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, brand, TEMPLATE_KEY, "zeros.bin", "zip bomb")


def test_a_template_with_macros_is_refused(capsys, out, golden, assets):
    with_template(assets, pptx_with({"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}))
    brand = assets / "brand.yml"
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, brand, TEMPLATE_KEY, "macros")


def _with_relationship(rel_type: str, target: str) -> bytes:
    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    name = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    rels = zipfile.ZipFile(buf).read(name)
    extra = (
        f'<Relationship Id="rId99" TargetMode="External" Target="{target}" Type='
        f'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}"/>'
    )
    return pptx_with(
        {}, {name: rels.replace(b"</Relationships>", extra.encode() + b"</Relationships>")}
    )


def test_a_template_linking_an_outside_file_is_refused(capsys, out, golden, assets, listener):
    with_template(assets, _with_relationship("image", listener.url))
    brand = assets / "brand.yml"
    args = ["--assets", str(assets)]
    assert_refused(capsys, out, golden, args, brand, TEMPLATE_KEY, "links to the outside file")
    assert listener.close() == 0


def test_a_template_with_a_plain_hyperlink_is_accepted(assets):
    with_template(assets, _with_relationship("hyperlink", "https://example.org/"))
    assert load_brand(assets).template == assets / "template.pptx"
