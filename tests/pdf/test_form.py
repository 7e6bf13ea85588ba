"""The handout's self-assessment page as a PDF form: filled in with pypdf and read back."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from conftest import require_tool
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import StreamObject
from stress import stress_dataset
from variants import FOUR, three_roles

from rolereport import build_report, load_dataset, render_handout
from rolereport.content.model import Checklist, Report

PAGE_TITLE = "Self-assessment"


def worksheet_only(report: Report) -> Report:
    """A quick report: the cover and the self-assessment section."""
    return replace(report, sections=tuple(s for s in report.sections if s.id == "self-assessment"))


def checklist(report: Report) -> Checklist:
    return next(b for s in report.sections for b in s.blocks if isinstance(b, Checklist))


def widgets(pdf: PdfReader) -> list[tuple[int, dict]]:
    """Every form widget with the index of its page, in page order."""
    return [
        (n, annot.get_object())
        for n, page in enumerate(pdf.pages)
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Widget"
    ]


def expected_names(report: Report) -> set[str]:
    c = checklist(report)
    statements = {f"statement_{n}" for n in range(1, len(c.items) + 1)}
    return statements | {"name", "date"} | {f"total_{t.role}" for t in c.tallies}


def rgb(hex_color: str) -> list[float]:
    return [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def fill(data: bytes, values: dict[str, str], regenerate: bool = False) -> bytes:
    """The form filled in as a script would: pypdf writes the text fields' appearances; with
    `regenerate`, it also asks viewers to redraw every field (NeedAppearances)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        if any("/FT" in a.get_object() for a in page.get("/Annots") or []):
            writer.update_page_form_field_values(page, values, auto_regenerate=regenerate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def dark(page: Image.Image, rect: list[float], height: float, inset: int, level: int) -> int:
    """Pixels darker than `level` in a widget's rectangle, `inset` pixels in from its edges,
    on a page rendered at 72 dpi."""
    x0, y0, x1, y1 = (round(float(v)) for v in rect)
    box = (x0 + inset, round(height) - y1 + inset, x1 - inset, round(height) - y0 - inset)
    return sum(page.crop(box).histogram()[:level])


@pytest.fixture(scope="module")
def handout(default_handout) -> bytes:
    return default_handout.data


@pytest.fixture(scope="module")
def pdf(handout) -> PdfReader:
    return PdfReader(io.BytesIO(handout))


@pytest.fixture(scope="module")
def page_index(pdf) -> int:
    """The page that holds the worksheet: the one whose outline entry is the section's."""
    entry = next(e for e in pdf.outline if not isinstance(e, list) and e.title == PAGE_TITLE)
    return pdf.get_destination_page_number(entry)


@pytest.fixture(scope="module")
def ticks(report) -> dict[str, str]:
    c = checklist(report)
    values = {f"statement_{n}": "/Yes" for n in (1, 2, 5)}
    return values | {"name": "Ana Müller", "date": "2025-03-14", f"total_{c.tallies[0].role}": "2"}


@pytest.fixture(scope="module")
def filled(handout, ticks) -> bytes:
    return fill(handout, ticks)


def test_the_form_has_a_field_per_statement_and_a_name_date_and_total_per_role(pdf, report):
    fields = pdf.get_fields()
    assert set(fields) == expected_names(report)
    c = checklist(report)
    assert len(fields) == len(c.items) + 2 + len(report.roles)
    for name, field in fields.items():
        assert field["/FT"] == ("/Btn" if name.startswith("statement_") else "/Tx"), name


def test_each_field_is_drawn_once_and_only_on_the_worksheet_page(pdf, page_index):
    found = widgets(pdf)
    names = [str(w["/T"]) for _, w in found]
    assert len(names) == len(set(names))
    assert {n for n, _ in found} == {page_index}


def test_each_tick_box_sits_on_the_line_of_its_statement(handout, pdf, page_index, report):
    c = checklist(report)
    with pdfplumber.open(io.BytesIO(handout)) as doc:
        page = doc.pages[page_index]
        words = page.extract_words()
        height = page.height
    found = {str(w["/T"]): [float(x) for x in w["/Rect"]] for _, w in widgets(pdf)}
    for n, item in enumerate(c.items, 1):
        x0, y0, x1, y1 = found[f"statement_{n}"]
        number = next(w for w in words if w["text"] == f"{n}.")
        middle = height - (number["top"] + number["bottom"]) / 2  # in PDF units, from below
        assert y0 - 3 <= middle <= y1 + 3, (n, item.text)
        assert x1 < number["x0"]  # the box, then the number, then the statement
    label = next(w for w in words if w["text"] == c.name_label)
    x0, y0, _, y1 = found["name"]
    assert x0 >= label["x1"] and y0 - 4 <= height - label["bottom"] <= y1


def test_tooltips_give_each_statement_its_text_and_each_total_its_role(pdf, report):
    c = checklist(report)
    fields = pdf.get_fields()
    for n, item in enumerate(c.items, 1):
        assert fields[f"statement_{n}"]["/TU"] == item.text
    assert fields["name"]["/TU"] == c.name_label and fields["date"]["/TU"] == c.date_label
    for t in c.tallies:
        assert t.label in fields[f"total_{t.role}"]["/TU"]


def test_tooltips_keep_text_that_looks_like_markup_or_is_not_latin(report, theme):
    odd = "I like “S&P <500>” (and \\ backslashes), naïve Łódź & $5"
    small = worksheet_only(report)
    section = small.sections[0]
    c = checklist(small)
    items = (replace(c.items[0], text=odd), *c.items[1:])
    blocks = tuple(replace(b, items=items) if b is c else b for b in section.blocks)
    small = replace(small, sections=(replace(section, blocks=blocks),))
    fields = PdfReader(io.BytesIO(render_handout(small, theme).data)).get_fields()
    assert fields["statement_1"]["/TU"] == odd


def test_every_widget_has_appearance_streams_for_viewers_that_do_not_make_them(pdf):
    for _, w in widgets(pdf):
        normal = w["/AP"]["/N"]
        states = [normal[k].get_object() for k in ("/Yes", "/Off")] if w["/FT"] == "/Btn" else []
        for stream in states or [normal.get_object()]:
            assert isinstance(stream, StreamObject) and "/BBox" in stream, w["/T"]
        if w["/FT"] == "/Btn":
            assert w["/AS"] == "/Off"  # blank: each box shows its empty state
        assert int(w["/F"]) & 4, w["/T"]  # the print flag: fields print with the page


def test_widget_colours_come_from_the_theme(report, theme):
    brand = replace(theme, foreground="#2B1A40", background="#FFFDF5")
    pdf = PdfReader(io.BytesIO(render_handout(worksheet_only(report), brand).data))
    for _, w in widgets(pdf):
        if w["/FT"] == "/Btn":  # the brand's text colour, on the page showing through
            border = [float(x) for x in w["/MK"]["/BC"]]
            assert border == pytest.approx(rgb(brand.foreground), abs=0.01)
            assert "/BG" not in w["/MK"]
        else:  # typed text: the PDF standard font every viewer has, in the brand's text colour
            fill = [float(x) for x in w["/MK"]["/BG"]]
            assert fill == pytest.approx(rgb(brand.background), abs=0.01)
            font, _, _, *color, op = w["/DA"].split()  # /Helv 10 Tf r g b rg
            assert (font, op) == ("/Helv", "rg")
            assert [float(x) for x in color] == pytest.approx(rgb(brand.foreground), abs=0.01)


def test_the_scoring_key_and_instructions_are_printed_on_the_worksheet(handout, page_index, report):
    c = checklist(report)
    with pdfplumber.open(io.BytesIO(handout)) as doc:
        text = " ".join(doc.pages[page_index].extract_text().split())
    for words in (c.instructions, c.scoring, c.outcome, c.name_label, c.date_label):
        assert words in text
    for t in c.tallies:
        assert f"{t.label} {t.text} {c.total_label}" in text


def test_the_scoring_key_counts_each_statement_for_the_role_it_leans_to(report, dataset):
    c = checklist(report)
    counted = sorted(n for t in c.tallies for n in t.statements)
    assert counted == list(range(1, len(c.items) + 1))
    for t in c.tallies:
        leans = {
            s.leans
            for n, s in enumerate(dataset.comparison.self_assessment, 1)
            if n in t.statements
        }
        assert leans == {t.role}
        assert ", ".join(map(str, t.statements)) in t.text


def test_filled_with_pypdf_the_values_read_back(filled, ticks):
    fields = PdfReader(io.BytesIO(filled)).get_fields()
    assert {k: fields[k]["/V"] for k in ticks} == ticks
    unticked = [k for k in fields if k.startswith("statement_") and k not in ticks]
    assert unticked and all(fields[k].get("/V") == "/Off" for k in unticked)
    found = dict((str(w["/T"]), w) for _, w in widgets(PdfReader(io.BytesIO(filled))))
    assert all(found[k]["/AS"] == "/Yes" for k in ticks if k.startswith("statement_"))
    shown = found["name"]["/AP"]["/N"].get_object().get_data()
    assert b"Ana M" in shown  # the filled name has an appearance a viewer shows as it is


@pytest.mark.slow
def test_the_filled_page_prints_its_ticks_and_the_blank_page_prints_none(
    handout, filled, ticks, page_index, tmp_path: Path
):
    pdftoppm = require_tool("pdftoppm")
    ink = {}
    for name, data in (("blank", handout), ("filled", filled)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        n = str(page_index + 1)
        args = [pdftoppm, "-r", "72", "-f", n, "-l", n, "-png", "-singlefile"]
        subprocess.run([*args, tmp_path / f"{name}.pdf", tmp_path / name], check=True)
        with Image.open(tmp_path / f"{name}.png") as im:
            page = im.convert("L")
        reader = PdfReader(io.BytesIO(data))
        height = float(reader.pages[page_index].mediabox.height)
        for _, w in widgets(reader):
            ink[name, str(w["/T"])] = dark(page, w["/Rect"], height, 2, 128)
    for key in ticks:
        assert ink["blank", key] == 0, key  # blank boxes and lines print empty
        assert ink["filled", key] > 3, key  # filled ones print what was filled in
    assert ink["filled", "statement_3"] == 0


def test_a_viewer_that_redraws_the_fields_still_shows_every_box_and_tick(
    handout, ticks, page_index
):
    # PDFium (the PDF engine of Chrome and Edge) redraws every field when a filler asks for it.
    import pypdfium2 as pdfium

    data = fill(handout, ticks, regenerate=True)
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/AcroForm"]["/NeedAppearances"]
    pdf = pdfium.PdfDocument(data)
    pdf.init_forms()
    page = pdf[page_index].render(scale=1, may_draw_forms=True).to_pil().convert("L")
    height = page.height
    boxes = [w for _, w in widgets(PdfReader(io.BytesIO(data))) if w["/FT"] == "/Btn"]
    for w in boxes:
        name = str(w["/T"])
        edge = dark(page, w["/Rect"], height, 0, 200) - dark(page, w["/Rect"], height, 2, 200)
        assert edge > 20, name  # the box's outline shows, ticked or not
        tick = dark(page, w["/Rect"], height, 2, 128)
        assert (tick > 3) == (name in ticks), name
    pdf.close()


@pytest.mark.slow
def test_qpdf_accepts_the_blank_and_the_filled_form(handout, filled, tmp_path: Path):
    qpdf = require_tool("qpdf")
    for name, data in (("blank", handout), ("filled", filled)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        subprocess.run([qpdf, "--check", path], capture_output=True, text=True, check=True)


@pytest.mark.parametrize("roles", [2, 3, 4])
def test_two_three_and_four_roles_give_a_field_per_statement_and_a_total_per_role(roles, theme):
    dataset = load_dataset("ai-engineer-vs-data-scientist" if roles == 2 else FOUR)
    if roles == 3:
        dataset = three_roles(dataset)
    report = worksheet_only(build_report(dataset))
    assert len(report.roles) == roles
    pdf = PdfReader(io.BytesIO(render_handout(report, theme).data))
    statements = len(dataset.comparison.self_assessment)
    assert set(pdf.get_fields()) == expected_names(report)
    assert {f"total_{r.id}" for r in dataset.roles} <= set(pdf.get_fields())
    assert len(widgets(pdf)) == statements + 2 + roles


def test_a_worksheet_longer_than_a_page_keeps_each_field_once_and_its_heading(theme):
    report = worksheet_only(build_report(stress_dataset()))
    data = render_handout(report, theme).data
    pdf = PdfReader(io.BytesIO(data))
    found = widgets(pdf)
    names = [str(w["/T"]) for _, w in found]
    assert len(names) == len(set(names)) and set(names) == expected_names(report)
    first = min(n for n, _ in found)
    assert len({n for n, _ in found}) > 1  # it did run onto a second page
    with pdfplumber.open(io.BytesIO(data)) as doc:
        assert PAGE_TITLE in doc.pages[first].extract_text()  # the heading is not left alone
