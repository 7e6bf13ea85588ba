"""Documents you can trust unseen: same bytes every time, previews, and text inside the page."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import time
from datetime import datetime, timezone

import pdfplumber
import pytest
from conftest import ROOT
from fitcheck import misfits
from pptx import Presentation
from pypdf import PdfReader
from stress import stress_dataset

from rolereport import build_report, render_deck, render_handout

SLUG = "ai-engineer-vs-data-scientist"


def cli_build(out, env=None):
    result = subprocess.run(
        [sys.executable, "-m", "rolereport", "build", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}


@pytest.mark.uncached
def test_two_builds_seconds_apart_give_identical_bytes(tmp_path):
    first = cli_build(tmp_path / "a")
    time.sleep(1.5)
    assert cli_build(tmp_path / "b") == first


def test_document_dates_come_from_the_data_or_source_date_epoch(report, theme, monkeypatch):
    for epoch, expected in ((None, datetime(2023, 5, 1)), ("1700000000", datetime(2023, 11, 14))):
        if epoch:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        else:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        pdf = PdfReader(io.BytesIO(render_handout(report, theme).data))
        assert pdf.metadata.creation_date.date() == expected.date()
        deck = Presentation(io.BytesIO(render_deck(report, theme).data))
        created = deck.core_properties.created.replace(tzinfo=timezone.utc)
        assert created.date() == expected.date()


@pytest.fixture(scope="module")
def stress(theme):
    report = build_report(stress_dataset())
    return report, render_handout(report, theme), render_deck(report, theme)


def test_the_stress_dataset_builds_both_documents(stress):
    report, pdf, deck = stress
    assert pdf.pages > 10 and deck.pages > 20
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert report.title[:40] in " ".join(text.split())


def test_every_character_of_the_stress_handout_stays_inside_the_page(stress):
    _, pdf, _ = stress
    with pdfplumber.open(io.BytesIO(pdf.data)) as doc:
        for page in doc.pages:
            outside = [c["text"] for c in page.chars if not _inside(c, page)]
            assert not outside, f"page {page.page_number}: {''.join(outside)[:60]}"


def _inside(char, page) -> bool:
    return (
        char["x0"] >= -0.5
        and char["x1"] <= page.width + 0.5
        and char["top"] >= -0.5
        and char["bottom"] <= page.height + 0.5
    )


def _footer_top(prs, theme) -> float:
    """Where the footer starts: the template's footer placeholder, else the built-in grid."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.util import Emu

    from rolereport.plan.layout import FOOTER_TOP

    if theme.template is None:
        return FOOTER_TOP
    layout = next(la for la in prs.slide_layouts if la.name == theme.layouts.content)
    footers = [p for p in layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    return Emu(footers[0].top).inches if footers else Emu(prs.slide_height).inches


def test_every_text_frame_of_the_stress_deck_fits_its_box(stress, theme):
    _, _, deck = stress
    prs = Presentation(io.BytesIO(deck.data))
    assert misfits(prs, theme, _footer_top(prs, theme)) == []


@pytest.mark.parametrize(
    ("dataset_name", "brand"),
    [
        ("ai-engineer-vs-data-scientist-2024", "assets"),
        ("data-careers-compared", "assets"),
        ("ki-ingenieur-vs-data-scientist", "assets"),
        ("ai-engineer-vs-data-scientist", "examples/brands/northwind"),
        ("data-careers-compared", "examples/brands/northwind"),
        ("ki-ingenieur-vs-data-scientist", "examples/brands/northwind"),
        ("ai-engineer-vs-data-scientist", "examples/brands/minimal"),
    ],
)
def test_every_packaged_dataset_and_example_brand_passes_the_fit_checks(dataset_name, brand):
    from rolereport import load_brand, load_dataset

    theme = load_brand(ROOT / brand)
    deck = render_deck(build_report(load_dataset(dataset_name)), theme)
    prs = Presentation(io.BytesIO(deck.data))
    assert misfits(prs, theme, _footer_top(prs, theme)) == []
