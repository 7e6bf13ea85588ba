"""The at-a-glance figures say where each one comes from, read back from the handout and deck."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from conftest import DATASET
from pptx import Presentation
from pypdf import PdfReader

from rolereport import build_report, load_dataset
from rolereport.content.model import Report
from rolereport.deck.writer import render_deck
from rolereport.pdf.handout import render_handout

FIRST_PAY = "    salary:\n      source: bls-oews-2023\n      period: May 2023\n"


def with_second_pay_from(text: str, source: str, period: str) -> str:
    """The data with the second role's salary from another source and for another period."""
    second = text.index(FIRST_PAY, text.index(FIRST_PAY) + 1)
    moved = f"    salary:\n      source: {source}\n      period: {period}\n"
    return text[:second] + moved + text[second + len(FIRST_PAY) :]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Report:
    """The cover and the sources only: the at-a-glance table is on the cover."""
    path = Path(tmp_path_factory.mktemp("data")) / "mixed.yml"
    text = DATASET.read_text(encoding="utf-8")
    path.write_text(with_second_pay_from(text, "onet", "'May 2024'"), encoding="utf-8")
    report = build_report(load_dataset(path))
    return replace(report, sections=report.sections[-1:])


def number(report: Report, source_id: str) -> int:
    return next(s.number for s in report.sources if s.id == source_id)


def squeezed(text: str) -> str:
    return " ".join(text.split())


def cover_lines(handout: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        return (pdf.pages[0].extract_text() or "").splitlines()


@pytest.fixture(scope="module")
def handout(mixed, theme) -> bytes:
    return render_handout(mixed, theme).data


def test_a_figure_from_another_source_and_period_cites_and_dates_itself_in_the_handout(
    mixed, handout
):
    bls, onet = number(mixed, "bls-oews-2023"), number(mixed, "onet")
    lines = cover_lines(handout)
    assert f"Median annual pay $145,080 (May 2023) [{bls}] $108,020 (May 2024) [{onet}]" in lines
    assert not any("May 2023 [" in line for line in lines if line.startswith("Median"))
    spread = next(line for line in lines if line.startswith("Pay range"))
    assert spread.endswith(f" [{bls}] $61,070–$184,090 [{onet}]")
    growth = next(line for line in lines if line.startswith("Projected growth"))
    assert growth.startswith(f"Projected growth, 2023–2033 [{number(mixed, 'bls-ep-2023')}] ")


def test_every_cite_mark_on_the_first_page_links_to_the_sources_page(mixed, handout):
    reader = PdfReader(io.BytesIO(handout))
    sources_page = reader.pages[-1].indirect_reference.idnum
    links = [
        annot.get_object()["/Dest"][0].idnum
        for annot in reader.pages[0].get("/Annots") or []
        if "/Dest" in annot.get_object()
    ]
    marks = sum(line.count("[") for line in cover_lines(handout))
    assert marks >= 6 and links == [sources_page] * marks


def test_the_decks_at_a_glance_slide_cites_and_dates_each_figure_from_its_own_source(mixed, theme):
    bls, onet = number(mixed, "bls-oews-2023"), number(mixed, "onet")
    deck = Presentation(io.BytesIO(render_deck(mixed, theme).data))
    grids = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    rows = [[squeezed(c.text) for c in row.cells] for row in grids[0].rows]
    assert [
        "Median annual pay",
        f"$145,080 (May 2023) [{bls}]",
        f"$108,020 (May 2024) [{onet}]",
    ] in (rows)


def test_one_source_over_two_periods_cites_on_the_label_and_dates_each_figure(tmp_path):
    path = tmp_path / "periods.yml"
    text = DATASET.read_text(encoding="utf-8")
    path.write_text(with_second_pay_from(text, "bls-oews-2023", "'May 2024'"), "utf-8")
    report = build_report(load_dataset(path))
    pay = next(r for r in report.at_a_glance.marked() if r[0].startswith("Median annual pay"))
    bls = number(report, "bls-oews-2023")
    assert pay == (f"Median annual pay [{bls}]", "$145,080 (May 2023)", "$108,020 (May 2024)")
