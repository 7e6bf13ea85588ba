"""The PDF handout, rendered in memory and read back as a reader and a printer would."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from conftest import ASSETS, require_tool
from pypdf import PdfReader
from readback import MARKUP, assert_fonts_embedded

from rolereport.brand.load import load_brand
from rolereport.content.model import Figure, Paragraph, Report
from rolereport.pdf.handout import render_handout


@pytest.fixture(scope="module")
def handout(default_handout):
    return default_handout


@pytest.fixture(scope="module")
def reader(handout):
    return PdfReader(io.BytesIO(handout.data))


@pytest.fixture(scope="module")
def text(handout) -> str:
    with pdfplumber.open(io.BytesIO(handout.data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def first_section_only(report: Report) -> Report:
    """A quick report: the cover and the first section, which has no charts."""
    return replace(report, sections=report.sections[:1])


def test_the_handout_opens_with_at_least_six_pages(handout, reader):
    assert len(reader.pages) >= 6
    assert handout.pages == len(reader.pages)
    assert handout.warnings == ()


def test_letter_is_the_default_paper(reader):
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_paper_gives_a4_pages(report, theme):
    pdf = PdfReader(io.BytesIO(render_handout(first_section_only(report), theme, "a4").data))
    assert {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages
    } == {(595, 842)}


def test_metadata_names_the_title_author_subject_and_language(reader, report, theme):
    meta = reader.metadata
    assert meta.title == report.title
    assert meta.author == theme.name
    assert meta.subject == report.subtitle
    assert meta.creator == "rolereport"
    assert reader.trailer["/Root"]["/Lang"] == report.language
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_outline_has_one_top_entry_per_section_on_its_page(reader, report, text):
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == [s.title for s in report.sections]
    pages = [reader.get_destination_page_number(entry) for entry in top]
    assert pages == sorted(pages) and pages[0] == 1  # the cover is page 0


def glance_columns(data: bytes, headers: list[str]) -> list[str]:
    """The text of each role's column of the at-a-glance table, a wrapped cell in one piece."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        found = [max(page.search(h, regex=False), key=lambda m: m["top"]) for h in headers]
        edges = [m["x0"] for m in found] + [page.width]
        return [
            " ".join(
                page.within_bbox((edges[i] - 1, m["top"], edges[i + 1] - 1, page.height))
                .extract_text()
                .split()
            )
            for i, m in enumerate(found)
        ]


def test_every_at_a_glance_figure_appears_in_the_text(text, report, handout):
    for figure in ("$145,080", "$108,020", "25.6%", "20,800"):
        assert figure in text
    columns = glance_columns(handout.data, [r.name for r in report.roles])
    for row in report.at_a_glance.rows:
        for cell, column in zip(row[1:], columns, strict=True):
            assert cell in column


def test_section_titles_and_cite_marks_are_printed(text, report):
    for section in report.sections:
        assert section.title in text
    assert "[1]" in text
    assert "Median annual pay, May 2023 [1]" in text


def test_cite_marks_link_to_the_sources_page(reader):
    last = reader.pages[-1].indirect_reference.idnum
    targets = [
        annot.get_object()["/Dest"][0].idnum
        for page in reader.pages[:-1]
        for annot in page.get("/Annots") or []
        if "/Dest" in annot.get_object()
    ]
    assert targets.count(last) >= 10


def test_source_urls_are_clickable_links(reader, report):
    uris = {
        annot.get_object()["/A"]["/URI"]
        for annot in reader.pages[-1].get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert uris == {s.url for s in report.sources if s.url}


def test_every_page_has_the_footer_and_all_but_the_cover_the_running_header(reader, report, theme):
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, 1):
        words = page.extract_text()
        assert f"Page {n} of {total}" in words
        assert theme.footer in words
        assert n == 1 or (report.title in words and report.as_of in words)


def test_dataset_text_that_looks_like_markup_prints_as_typed(report, theme):
    first = first_section_only(report).sections[0]
    i = next(i for i, b in enumerate(first.blocks) if isinstance(b, Paragraph))
    blocks = (*first.blocks[:i], replace(first.blocks[i], text=f"{MARKUP} <b>not bold</b>"))
    odd = replace(report, sections=(replace(first, blocks=blocks),), subtitle=MARKUP)
    with pdfplumber.open(io.BytesIO(render_handout(odd, theme).data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert f"{MARKUP} <b>not bold</b>" in text
    assert text.count(MARKUP) >= 2  # the subtitle on the cover, the paragraph


def test_every_font_is_embedded_and_none_is_base_14(reader):
    assert_fonts_embedded(reader)


@pytest.mark.uncached
def test_the_same_input_gives_the_same_bytes(handout, report, theme):
    assert render_handout(report, theme).data == handout.data


def test_the_creation_date_is_neutral_unless_source_date_epoch_is_set(report, theme, monkeypatch):
    small = first_section_only(report)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    dated = PdfReader(io.BytesIO(render_handout(small, theme).data)).metadata
    assert dated["/CreationDate"].startswith("D:19800101")  # never the data's vintage
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = PdfReader(io.BytesIO(render_handout(small, theme).data)).metadata
    assert stamped["/CreationDate"].startswith("D:20231114")


def test_characters_the_font_lacks_are_named_in_a_warning(report, theme):
    odd = replace(first_section_only(report), summary="Careers 😀 ahead")
    (warning,) = render_handout(odd, theme).warnings
    assert "U+1F600" in warning


def test_the_handout_draws_the_logo_the_brand_read_without_opening_its_file(report, tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    theme = load_brand(assets)
    (assets / "logo.png").write_text("<html>not a picture</html>")  # after the brand was read
    page = PdfReader(io.BytesIO(render_handout(first_section_only(report), theme).data)).pages[0]
    found = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    sizes = [(int(x["/Width"]), int(x["/Height"])) for x in found if "/Width" in x]
    assert theme.logo_large.size in sizes


def test_an_unknown_paper_size_is_refused(report, theme):
    with pytest.raises(ValueError, match="letter"):
        render_handout(report, theme, "legal")  # type: ignore[arg-type]


def form_fonts(reader: PdfReader) -> set[int]:
    """Object numbers of the fonts the form fields' appearances name, for typed text."""
    found = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            normal = annot.get_object().get("/AP", {}).get("/N")
            if normal is None:
                continue
            normal = normal.get_object()  # one appearance, or one per state (a tick box's)
            streams = [normal] if "/BBox" in normal else [v.get_object() for v in normal.values()]
            for stream in streams:
                fonts = stream.get("/Resources", {}).get("/Font", {})
                found |= {f.idnum for f in fonts.values()}
    return found


@pytest.mark.slow
def test_pdffonts_and_qpdf_accept_the_file(handout, reader, tmp_path: Path):
    pdffonts, qpdf = require_tool("pdffonts"), require_tool("qpdf")
    path = tmp_path / "handout.pdf"
    path.write_bytes(handout.data)
    listing = subprocess.run([pdffonts, path], capture_output=True, text=True, check=True).stdout
    rows = [row.split() for row in listing.splitlines()[2:]]
    # Every font that prints is embedded; the form's text fields name Helvetica, a standard
    # font every viewer has, to show what a reader types (blank, they print no text).
    fields = form_fonts(reader)
    printed = [row for row in rows if int(row[-2]) not in fields]
    assert printed and all(row[-5:-3] == ["yes", "yes"] for row in printed), listing
    assert fields and {row[0] for row in rows if int(row[-2]) in fields} == {"Helvetica"}
    subprocess.run([qpdf, "--check", path], capture_output=True, text=True, check=True)


def test_chart_labels_are_text_in_the_brand_font(handout, report, theme):
    charts = [b.chart for s in report.sections for b in s.blocks if isinstance(b, Figure)]
    titles = [p.title for c in charts for p in c.panels if p.title and c.kind == "outlook"]
    with pdfplumber.open(io.BytesIO(handout.data)) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)
    assert titles and all(t in text for t in titles)  # panel titles exist only in the chart
    faces = {c["fontname"].split("+")[-1] for c in chars}
    assert faces <= {theme.font.family, f"{theme.font.family}-Bold"}, faces
