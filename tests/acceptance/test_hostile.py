"""Hostile and broken input, one class of /work/shared/RELIABILITY.md after another: each input
renders faithfully, or the build stops with one line naming the file and the key (exit 2),
fetches nothing, reads nothing outside the assets folder and leaves earlier outputs as they
were, with no temporary file behind. Every hostile file is made here, in the test."""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml
from conftest import ASSETS, DATASET, ROOT, cff_font
from lxml import etree
from PIL import Image

from rolereport import (
    Dataset,
    OutputError,
    build_report,
    load_brand,
    load_dataset,
    render_deck,
    render_handout,
    write_all,
)
from rolereport.cli.main import main

SLUG = "ai-engineer-vs-data-scientist"
PDF, PPTX = f"{SLUG}-handout.pdf", f"{SLUG}-deck.pptx"
A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
MARKUP = (
    "S&P 500",
    "0.1 < A < 0.9",
    '<font color="red">x</font>',
    "Budget $5 and $10",
    "Ba$$in",
    "Tom & Jerry&amp;co <b>bold?</b>",
)
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
GOOD_SVG = f'{SVG_OPEN} width="120" height="40"><rect width="40" height="40"/></svg>'
FONT_KEY = "typography.fonts[0].files[0].path"
TEMPLATE_KEY = "defaults.rolereport.pptx_template"


# Fixtures and helpers


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> dict[str, bytes]:
    """The outputs of one good build, made once: every test starts from a copy."""
    out = tmp_path_factory.mktemp("golden")
    assert main(["build", "--assets", str(ASSETS), "--out", str(out)]) == 0
    return {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.fixture
def out(tmp_path, golden) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in golden.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def assets(tmp_path) -> Path:
    """A copy of the built-in brand to spoil."""
    folder = tmp_path / "assets"
    shutil.copytree(ASSETS, folder)
    return folder


class Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/x.png"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:  # the timeout: look at the stop flag again
                continue
            self.connections += 1
            conn.close()  # a client that did connect gets an error, not a hang

    def close(self) -> int:
        time.sleep(0.2)  # a connection made at the very end is still counted
        self._stop.set()
        self._thread.join()
        self.sock.close()
        return self.connections


@pytest.fixture
def listener():
    port = Listener()
    yield port
    port.close()


def small_data() -> dict:
    """A small valid dataset: quick to render."""
    role = {"summary": "What the role is.", "salary": {"source": "s", "median": 90000}}
    return {
        "meta": {"title": "Two roles", "summary": "A comparison.", "as_of": "2024"},
        "roles": [{"id": "a", "name": "Analyst", **role}, {"id": "b", "name": "Builder", **role}],
        "sources": [{"id": "s", "title": "A source"}],
    }


@pytest.fixture(scope="module")
def small_report():
    return build_report(Dataset.model_validate(small_data()))


def data_dict() -> dict:
    return yaml.safe_load(DATASET.read_text(encoding="utf-8"))


def write_data(folder: Path, data: dict | str, name: str = "data.yml") -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def with_logo(folder: Path, logo: str) -> Path:
    """The brand in `folder` with `logo:` set to one path."""
    brand = folder / "brand.yml"
    text = re.sub(r"(?ms)^logo:.*?(?=^color:)", f"logo: {logo}\n\n", brand.read_text("utf-8"))
    brand.write_text(text, encoding="utf-8")
    return folder


def with_template(folder: Path, data: bytes) -> Path:
    (folder / "template.pptx").write_bytes(data)
    brand = folder / "brand.yml"
    brand.write_text(brand.read_text("utf-8") + "    pptx_template: template.pptx\n", "utf-8")
    return folder


def build(capsys, out: Path, *args: str) -> tuple[int, str]:
    code = main(["build", *args, "--out", str(out)])
    return code, capsys.readouterr().err


def assert_untouched(out: Path, golden: dict[str, bytes]) -> None:
    """The earlier outputs byte for byte, and nothing else (no temporary files)."""
    assert {p.name: p.read_bytes() for p in out.iterdir()} == golden
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def assert_refused(capsys, out: Path, golden, args, file: Path, key: str, *words: str) -> str:
    """Exit code 2 and one `Error:` line naming the file, the key (or line) and the problem."""
    code, err = build(capsys, out, *args)
    assert code == 2, err
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert f"{file}" in err and f": {key}" in err, err
    for word in words:
        assert word in err, err
    assert_untouched(out, golden)
    return err


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def deck_text(data: bytes) -> str:
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", name):
                texts += [t.text or "" for t in etree.fromstring(z.read(name)).iter(A_T)]
    return re.sub(r"\s+", " ", " ".join(texts))


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _gif() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "GIF")
    return buf.getvalue()


def pptx_with(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    """python-pptx's default template with parts added or replaced."""
    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            z.writestr(name, (replace or {}).get(name, src.read(name)))
        for name, body in extra.items():
            z.writestr(name, body)
    return out.getvalue()


# Text that is really markup


def test_markup_in_data_prints_literally_in_both_documents_and_fetches_nothing(tmp_path, listener):
    d = data_dict()
    hostile = (*MARKUP, f'<img src="{listener.url}"/>', '<img src="/etc/passwd"/>')
    d["comparison"]["key_differences"] = list(hostile)
    d["roles"][0]["summary"] = " | ".join(hostile)
    d["roles"][0]["skills"][0]["name"] = "Budget $5 and $10"
    d["roles"][0]["skills"][1]["name"] = "Ba$$in"
    out = tmp_path / "out"
    assert main(["build", str(write_data(tmp_path, d)), "--out", str(out)]) == 0
    pdf, deck = pdf_text((out / PDF).read_bytes()), deck_text((out / PPTX).read_bytes())
    for text in hostile:
        assert text in pdf, text
        assert text in deck, text
    assert listener.close() == 0


def test_dollar_signs_in_chart_labels_are_drawn_as_text_not_mathtext(theme):
    from rolereport.charts.render import render_chart
    from rolereport.content.chartspecs import skills
    from rolereport.content.language import Language

    d = data_dict()
    d["roles"][0]["skills"][0]["name"] = "Budget $5 and $10"
    d["roles"][0]["skills"][1]["name"] = "Ba$$in"
    dataset = Dataset.model_validate(d)
    spec = skills(dataset, Language.of(dataset))
    svg = render_chart(spec, theme, ("ai-engineer", "data-scientist"), (7, 4), "svg")
    texts = re.findall(rb"<text[^>]*>([^<]*)</text>", svg)
    assert b"Budget $5 and $10" in texts and b"Ba$$in" in texts  # as typed, not math
    assert set(re.findall(rb"font-family: '([^']+)'", svg)) == {b"Carlito"}  # no math font


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\a", "U+0007"), ("\\0", "U+0000"), ("\\x1b", "U+001B"), ("\\uFFFE", "U+FFFE")],
)
def test_control_characters_stop_the_build_naming_the_field(
    capsys, tmp_path, out, golden, data_text, escape, code
):
    bad = write_data(tmp_path, data_text.replace("name: AI Engineer", f'name: "AI{escape}x"'))
    err = assert_refused(capsys, out, golden, [str(bad)], bad, "roles[0].name", code)
    assert re.search(rf"{re.escape(str(bad))}:\d+: roles\[0\]\.name", err)


def test_a_lone_surrogate_from_an_escape_is_refused_with_its_line(capsys, tmp_path, out, golden):
    text = DATASET.read_text("utf-8").replace("name: AI Engineer", 'name: "AI\\uD800"')
    bad = write_data(tmp_path, text)
    assert_refused(capsys, out, golden, [str(bad)], bad, "roles[0].name", "U+D800")


def test_a_form_feed_pasted_from_a_pdf_becomes_a_space(tmp_path, data_text):
    path = write_data(tmp_path, data_text.replace("name: AI Engineer", 'name: "AI\\fEngineer"'))
    assert load_dataset(path).roles[0].name == "AI Engineer"


def test_characters_the_font_lacks_are_named_not_silently_boxed(theme):
    d = small_data()
    d["roles"][0]["summary"] = "数据 science 🙂"
    handout = render_handout(build_report(Dataset.model_validate(d)), theme)
    assert any("U+6570" in w and "U+1F642" in w for w in handout.warnings), handout.warnings


# YAML surprises


def test_a_python_object_tag_is_refused_and_never_run(capsys, tmp_path, out, golden, data_text):
    marker = tmp_path / "ran"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    bad = write_data(tmp_path, data_text.replace("title: AI Engineer vs", f"title: {tag} #"))
    assert_refused(capsys, out, golden, [str(bad)], bad, "meta.title", "is not allowed")
    assert not marker.exists()


def test_an_alias_bomb_is_refused_quickly(capsys, tmp_path, out, golden):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bad = write_data(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    assert_refused(capsys, out, golden, [str(bad)], bad, "a", "more than 50,000 values")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: &a [*a]\n", "nests deeper than"),
        ("a: " + "[" * 5000 + "]" * 5000, "deeper than"),
        ("a: &a\n  b: 1\n  <<: *a\n", "merges itself"),
    ],
)
def test_recursive_or_deep_yaml_is_refused(capsys, tmp_path, out, golden, text, says):
    bad = write_data(tmp_path, text)
    code, err = build(capsys, out, str(bad))
    assert code == 2 and says in err and str(bad) in err and "Traceback" not in err, err
    assert_untouched(out, golden)


def test_a_duplicate_key_names_both_lines(capsys, tmp_path, out, golden, data_text):
    text = data_text.replace("  currency: USD\n", "  currency: USD\n  currency: EUR\n")
    bad = write_data(tmp_path, text)
    line = text.splitlines().index("  currency: USD") + 1
    assert_refused(
        capsys, out, golden, [str(bad)], bad, "meta.currency", f"lines {line} and {line + 1}"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "says"),
    [
        ("name: AI Engineer", "name: NO", "roles[0].name", "yes/no value (False): quote it"),
        ('code: "15-1221"', "code: 0123", "roles[0].occupation.code", "got 83"),
        ('as_of: "2023-05"', "as_of: 12:30", "meta.as_of", "got 750"),
    ],
)
def test_values_yaml_retypes_say_quote_it_with_the_line(
    capsys, tmp_path, out, golden, data_text, old, new, key, says
):
    bad = write_data(tmp_path, data_text.replace(old, new, 1))
    err = assert_refused(capsys, out, golden, [str(bad)], bad, key, says)
    assert "quote it" in err and re.search(rf"{re.escape(str(bad))}:\d+: ", err)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        ("meta: {title: Café}\n".encode("latin-1"), "is not UTF-8"),
        ("meta: {title: x}\n".encode("utf-16"), "is UTF-16"),
    ],
)
def test_empty_or_wrongly_encoded_files_say_what_to_do(
    capsys, tmp_path, out, golden, content, says
):
    bad = tmp_path / "data.yml"
    bad.write_bytes(content)
    code, err = build(capsys, out, str(bad))
    assert code == 2 and err.startswith(f"Error: {bad}: {says}"), err
    assert_untouched(out, golden)


def test_a_50_mb_data_file_is_refused_before_it_is_read(capsys, tmp_path, out, golden):
    bad = tmp_path / "data.yml"
    with bad.open("wb") as fh:
        fh.truncate(50_000_000)
    start = time.perf_counter()
    code, err = build(capsys, out, str(bad))
    assert code == 2 and "is larger than 2,000,000 bytes" in err, err
    assert time.perf_counter() - start < 2
    assert_untouched(out, golden)


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
    assert load_brand(with_logo(assets, "logo.svg")).logo_large == assets / "logo.svg"


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


# Crashes and partial files


# A fault injected into the deck writer, in a child process: no input reaches this path now.
_CRASH = """
import sys
import rolereport
def broken(*args):
    raise ZeroDivisionError("division by zero")
sys.modules["rolereport.build.pipeline"].render_deck = broken
from rolereport.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_unexpected_error_is_one_line_with_a_debug_hint_and_loses_nothing(out, golden):
    result = subprocess.run(
        [sys.executable, "-c", _CRASH, "build", "--out", str(out)], capture_output=True, text=True
    )
    err = result.stderr
    assert result.returncode == 1 and err.startswith("Error: unexpected ZeroDivisionError")
    assert err.count("\n") == 1 and "--debug" in err and "Traceback" not in err
    assert_untouched(out, golden)


def _immutable(path: Path, on: bool) -> bool:
    """chattr ±i: what makes a file or folder unchangeable even for root."""
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    flag = "+i" if on else "-i"
    return subprocess.run([chattr, flag, str(path)], capture_output=True).returncode == 0


def test_a_locked_target_keeps_the_old_file_and_says_where_the_new_one_went(capsys, out):
    target, aside = out / PDF, out / f"{SLUG}-handout.new.pdf"
    target.write_bytes(b"yesterday's handout")
    if not _immutable(target, True):  # not root, or no chattr: a folder cannot be replaced
        target.unlink()
        (target / "kept").mkdir(parents=True)
    try:
        code, err = build(capsys, out, "--only", "pdf")
    finally:
        _immutable(target, False)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert f"{target}: cannot replace it" in err and str(aside) in err
    assert target.is_dir() or target.read_bytes() == b"yesterday's handout"
    assert aside.read_bytes().startswith(b"%PDF-")
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_when_even_the_new_name_is_taken_nothing_is_written_and_it_says_so(tmp_path):
    target = tmp_path / "x-handout.pdf"
    for blocked in (target, tmp_path / "x-handout.new.pdf"):
        (blocked / "kept").mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        write_all({target: b"%PDF-new"})
    assert str(caught.value).startswith(f"{target}: cannot replace it")
    assert "nothing was written for it" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-handout.new.pdf", "x-handout.pdf"]


def test_no_output_is_replaced_unless_every_one_can_be_staged(tmp_path):
    old = tmp_path / "out" / "x-handout.pdf"
    old.parent.mkdir()
    old.write_bytes(b"old")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write there"):
        write_all({old: b"new", tmp_path / "file" / "sub" / "x-deck.pptx": b"new"})
    assert old.read_bytes() == b"old" and [p.name for p in old.parent.iterdir()] == [old.name]


def test_a_read_only_output_folder_is_reported_and_keeps_the_old_files(capsys, out, golden):
    root = os.geteuid() == 0  # root writes into a chmod 0o555 folder: make it immutable
    if root and not _immutable(out, True):
        pytest.skip("running as root without chattr: no way to make a folder read-only")
    if not root:
        out.chmod(0o555)
    try:
        code, err = build(capsys, out, "--only", "pdf")
    finally:
        if root:
            _immutable(out, False)
        else:
            out.chmod(0o755)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert f"{out}: cannot write there" in err and "choose another --out" in err
    assert_untouched(out, golden)


# Safe settings in one place (and so: same input, same bytes)


def test_reportlab_environment_and_settings_file_cannot_loosen_safety_or_change_bytes(
    tmp_path, golden, listener
):
    import matplotlib

    home = tmp_path / "home"
    home.mkdir()
    (home / ".reportlab_settings").write_text(
        "trustedHosts = ['*']\ntrustedSchemes = ['http', 'file', 'data']\n"
        "toColorCanUse = 'rl_safe_eval'\nplatypus_link_underline = 1\n"
        "paraFontSizeHeightOffset = 0\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "HOME": str(home),
        "MPLCONFIGDIR": matplotlib.get_configdir(),
        "RL_trustedHosts": "*,127.0.0.1,localhost",
        "RL_trustedSchemes": "http,https,file,data",
        "RL_toColorCanUse": "rl_safe_eval",
        "RL_spaceShrinkage": "0.3",
    }
    script = f"""
import sys
from reportlab import rl_config
from reportlab.lib.colors import toColor
from reportlab.lib.utils import open_for_read
from rolereport import build_report, load_brand, load_dataset, render_handout
assert rl_config.toColorCanUse == "rl_safe_eval" and rl_config.trustedHosts  # loosened ...
pdf = render_handout(build_report(load_dataset()), load_brand({str(ASSETS)!r})).data
assert rl_config.trustedHosts is None and rl_config.trustedSchemes == []  # ... and pinned
for url in ({listener.url!r}, "file:///etc/passwd", "data:text/plain,x"):
    try:
        open_for_read(url)
    except Exception:
        pass
    else:
        sys.exit("fetched " + url)
try:
    toColor("Color(1, 0, 0)")
except ValueError:
    pass
else:
    sys.exit("a colour expression was evaluated")
sys.stdout.buffer.write(pdf)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == golden[PDF]
    assert listener.close() == 0
